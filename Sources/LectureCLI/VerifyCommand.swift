import ArgumentParser
import Literate
import Site

/// `lecture verify`: runs chapters and checks every recorded output and citation.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Run chapters and check their recorded outputs and cited numbers.",
        discussion: """
        Words must match exactly (trailing spaces aside); numbers must match at the
        precision they were recorded with, or within a relative tolerance of 1e-9
        (a cell's `tolerance=` option overrides it). `// Prints` comments must hold,
        and exercises' worked answers must pass their checks.

        Examples:
          lecture verify                 every chapter of lectures/
          lecture verify 3               chapter 3
          lecture verify 01-art          the chapter whose id starts with 01-art
          lecture verify notes/extra.md  any Markdown file
          lecture verify --shard 2/4     the 2nd of 4 disjoint sets of chapters (CI)

        Exit status: 0 when everything holds, 1 when a check failed, 2 for bad usage or input.
        """
    )

    @OptionGroup var course: CourseOptions
    @OptionGroup var running: RunOptions
    @OptionGroup var jobs: JobsOption

    @Option(name: .long, help: ArgumentHelp("Verify only the K-th of N disjoint sets of chapters (each chapter's set is fixed by its id).", valueName: "K/N"))
    var shard: Shard?

    @Argument(help: ArgumentHelp("Chapters: numbers, ids, unique id prefixes or paths (default: all).", valueName: "chapter"))
    var chapters: [String] = []

    func run() async throws {
        var paths = try course.chapterPaths(chapters)
        if let shard { paths = shard.chapters(of: paths) }
        // The site reads course.json's description too: a mistake in it is
        // bad input here as well, not only when the site is built.
        do { _ = try CourseInfo.load(lecturesFolder: course.lectures) } catch { throw Failure.usage(error) }
        let results = try await running.run(paths, of: try course.package(), jobs: jobs.jobs).chapters
        let (runs, unreadable) = results.readable()
        var failed = unreadable
        for run in runs {
            let problems = run.diagnostics + Verifier.check(run)
            problems.forEach { printError($0.description(in: run.lecture)) }
            if !problems.isEmpty { failed += 1 }
        }
        print("verify: \(results.count - failed) passed, \(failed) failed" + (shard.map { " (shard \($0))" } ?? ""))
        if failed > 0 { throw unreadable > 0 ? Failure.usage("") : Failure.failed("") }
    }
}

/// `K/N`: the K-th of N disjoint sets of chapters. A chapter's set is fixed by
/// its id (FNV-1a of the id, modulo N), so adding a chapter moves no other one.
struct Shard: ExpressibleByArgument, CustomStringConvertible {
    var index: Int
    var count: Int

    init?(argument: String) {
        let parts = argument.split(separator: "/").compactMap { Int($0) }
        guard parts.count == 2, parts[1] >= 1, (1...parts[1]).contains(parts[0]) else { return nil }
        index = parts[0]
        count = parts[1]
    }

    var description: String { "\(index)/\(count)" }

    func chapters(of paths: [String]) -> [String] {
        paths.filter { Self.set(of: Course.id(ofPath: $0), count: count) == index }
    }

    /// The 1-based set of chapter `id` among `count`.
    static func set(of id: String, count: Int) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return Int(hash % UInt64(count)) + 1
    }
}
