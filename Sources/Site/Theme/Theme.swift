import Foundation
import Literate
import Mustache

/// The look of the site, as data an author can change without recompiling:
/// a folder with Mustache templates in `templates/` and files copied as they
/// are into the site's `assets/` from `assets/` (style sheet, scripts).
///
/// Every value a template receives is HTML already (escaped by ``HTML``), so
/// templates insert values with triple braces, `{{{title}}}`; a double-brace
/// variable, which would escape them twice, is an error.
public struct Theme: Sendable {
    public var folder: String
    var templates: MustacheLibrary
    /// Files of `assets/`, by path relative to it.
    var assets: [String: [UInt8]]

    /// The templates the site renders: the others are partials they use.
    static let pageTemplates = ["index", "chapter"]

    /// The theme that comes with the lecture companion: the `site/` folder of
    /// its package, wherever the course found it.
    public static func folder(inPackage root: String) -> String {
        (root as NSString).appendingPathComponent("site")
    }

    public init(folder: String) throws(Diagnostics) {
        self.folder = folder
        let files = FileManager.default
        let templateFolder = folder + "/templates"
        guard let names = try? files.contentsOfDirectory(atPath: templateFolder) else {
            throw Diagnostics([Diagnostic(at: nil, "no theme at '\(folder)': expected templates in '\(templateFolder)' (use --theme DIR)")])
        }
        var templates: [String: MustacheTemplate] = [:]
        var problems: [Diagnostic] = []
        for name in names.sorted() where name.hasSuffix(".mustache") {
            let path = templateFolder + "/" + name
            guard let data = files.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                problems.append(Diagnostic(at: SourceLocation(file: path, line: 1), "cannot read this template as UTF-8 text"))
                continue
            }
            problems += Self.escapedVariables(in: text, path: path)
            do {
                templates[String(name.dropLast(".mustache".count))] = try MustacheTemplate(string: text)
            } catch let error as MustacheTemplate.ParserError {
                problems.append(Diagnostic(at: SourceLocation(file: path, line: error.context.lineNumber, column: error.context.columnNumber + 1),
                                           "bad template: \(error.error)"))
            } catch {
                problems.append(Diagnostic(at: SourceLocation(file: path, line: 1), "bad template: \(error)"))
            }
        }
        for name in Self.pageTemplates where templates[name] == nil && !problems.contains(where: { $0.location?.file.hasSuffix("/\(name).mustache") == true }) {
            problems.append(Diagnostic(at: nil, "the theme at '\(folder)' has no templates/\(name).mustache"))
        }
        guard problems.isEmpty else { throw Diagnostics(problems) }
        self.templates = MustacheLibrary(templates: templates)
        assets = Self.files(under: folder + "/assets")
    }

    /// Renders page template `name` with `view`.
    func render(_ name: String, _ view: Any) -> String {
        templates.render(view, withTemplate: name) ?? ""
    }

    /// Double-brace variables (`{{name}}`), which would escape HTML a second time.
    static func escapedVariables(in text: String, path: String) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = Substring(line)
            while let open = rest.range(of: "{{") {
                let after = rest[open.upperBound...].drop { $0 == " " }
                if let first = after.first, !"{&#/^><$!%=".contains(first) {
                    let name = after.prefix { $0 != "}" && $0 != " " }
                    let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                    problems.append(Diagnostic(at: SourceLocation(file: path, line: number + 1, column: column),
                                               "'{{\(name)}}' would escape HTML twice: values are HTML already, write '{{{\(name)}}}'"))
                }
                rest = rest[open.upperBound...]
                if rest.first == "{" { rest = rest.dropFirst() }
            }
        }
        return problems
    }

    /// The regular files under `folder` by relative path, links followed.
    static func files(under folder: String) -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        // The enumerator does not enter a folder that is itself a link.
        let folder = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return files }
        while let relative = enumerator.nextObject() as? String {
            let path = folder + "/" + relative
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }),
                  let data = FileManager.default.contents(atPath: path) else { continue }
            files[relative] = [UInt8](data)
        }
        return files
    }
}
