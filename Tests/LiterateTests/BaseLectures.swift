import Foundation

/// The lectures that property tests start from, read once from the repository:
/// the bundled course (`lectures/*.md`), the site's fixtures, the fixture
/// courses, and each case of the site's Markdown corpus (cases are separated by
/// lines that are `@@@` alone) with a `# Title` line put on top, as a lecture
/// needs one.
struct BaseLecture: Sendable {
    /// The file, relative to the repository, and for a corpus case its number.
    var name: String
    var bytes: [UInt8]

    static let all: [BaseLecture] = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        func markdown(in folder: String, recursive: Bool = false) -> [String] {
            let url = root.appendingPathComponent(folder)
            let names: [String]
            if recursive {
                let walker = FileManager.default.enumerator(atPath: url.path)
                names = (walker?.allObjects as? [String]) ?? []
            } else {
                names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            }
            return names.filter { $0.hasSuffix(".md") }.sorted().map { folder + "/" + $0 }
        }
        func read(_ path: String) -> [UInt8] {
            (FileManager.default.contents(atPath: root.appendingPathComponent(path).path)).map { [UInt8]($0) } ?? []
        }
        var bases: [BaseLecture] = []
        for path in markdown(in: "lectures") + markdown(in: "Tests/SiteTests/Fixtures") + markdown(in: "Tests/Fixtures/courses", recursive: true) {
            bases.append(BaseLecture(name: path, bytes: read(path)))
        }
        for path in markdown(in: "Tests/SiteTests/Corpus") {
            let text = String(decoding: read(path), as: UTF8.self)
            for (number, body) in text.components(separatedBy: "\n@@@\n").enumerated() {
                bases.append(BaseLecture(name: "\(path) case \(number + 1)", bytes: Array(("# Title\n\n" + body).utf8)))
            }
        }
        return bases
    }()

    /// Whether it is a case of the Markdown corpus rather than a lecture or fixture.
    var isCorpusCase: Bool { name.contains(" case ") }
}
