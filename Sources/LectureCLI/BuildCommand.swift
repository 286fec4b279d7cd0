import ArgumentParser
import Foundation
import Literate
import Site

/// `lecture build`: runs every chapter and publishes the course as a static site.
struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Run every chapter and publish the course as a static HTML site.",
        discussion: """
        The site has an index page, one page per chapter (its code, the outputs of
        this run, typeset formulas), a search box, KaTeX, and the images and files
        the lectures link: it works offline and from file://. The course's title
        and description come from course.json in the lectures folder when there is
        one: {"title": "Neural networks from scratch", "description": "..."}

        The site is built in a temporary folder and swapped in whole: a failed build
        (a chapter that does not compile or run, a broken link, a bad lecture) leaves
        the previous site as it was. With --keep-going every chapter that can be
        read is published, a failing one with its errors shown where they are, and
        the build still exits 1. --out must be a folder that an earlier build made,
        an empty folder, or a new one.

        The look comes from the theme folder (templates, CSS, scripts): the site/
        folder of the lecture companion's package unless --theme names another.

        Exit status: 0 when the site was written, 1 when a chapter failed to run,
        2 for bad usage or input (including broken links).
        """
    )

    @OptionGroup var course: CourseOptions
    @OptionGroup var running: RunOptions
    @OptionGroup var jobs: JobsOption

    @Option(name: .long, help: ArgumentHelp("The folder to write the site to.", valueName: "dir"))
    var out = "_site"

    @Option(name: .long, help: ArgumentHelp("The theme folder (default: the lecture companion's site/ folder).", valueName: "dir"))
    var theme: String?

    @Option(name: .long, help: ArgumentHelp("Where KaTeX is installed.", valueName: "dir"))
    var katex = KaTeXAssets.defaultFolder

    @Flag(name: .long, help: "Publish every chapter that can be read, failing ones with their errors in place; exit 1 if any failed.")
    var keepGoing = false

    func run() async throws {
        let info = try prepare()
        let outcome = try await running.run(try course.chapterPaths([]), of: try course.package(), jobs: jobs.jobs)
        let results = outcome.chapters
        let builder = try siteBuilder(info, runtimePackage: outcome.runtimePackage)
        var runs: [ChapterRun] = []
        var failed = false, badInput = false
        for result in results {
            switch result {
            case .failure(let diagnostics):
                printError(diagnostics.description)
                failed = true
                badInput = true
            case .success(let run):
                if !run.succeeded {
                    run.diagnostics.forEach { printError($0.description(in: run.lecture)) }
                    failed = true
                    guard keepGoing else { continue }
                }
                runs.append(run)
            }
        }
        if failed, !keepGoing {
            throw Failure.usage(badInput, "build: the site was not written, since not every chapter ran cleanly")
        }
        let site: SiteFiles
        do {
            site = try builder.build(runs, courseFolder: course.lectures, keepGoing: keepGoing)
        } catch {
            printError(error.description)
            throw Failure.usage("build: the site was not written")
        }
        site.warnings.forEach { printError($0.description) }
        site.problems.forEach { printError($0.description) }
        do {
            try SiteWriter.write(site, to: out)
        } catch {
            throw Failure.usage(error.description)
        }
        let index = URL(fileURLWithPath: out).appendingPathComponent("index.html").standardizedFileURL.path
        print("build: \(runs.count) chapter\(runs.count == 1 ? "" : "s"); open \(index)")
        if failed || !site.problems.isEmpty {
            throw Failure.usage(badInput || !site.problems.isEmpty, "build: published with errors shown on their pages")
        }
    }

    /// The course description and the output folder, checked before any
    /// chapter runs so that a mistake in them is reported at once.
    private func prepare() throws(Failure) -> CourseInfo {
        do {
            if let theme { _ = try Theme(folder: theme) }
            try SiteWriter.check(out)
            return try CourseInfo.load(lecturesFolder: course.lectures)
        } catch {
            throw .usage(error)
        }
    }

    /// The site builder: the theme (the runtime package's `site/` unless
    /// --theme names another), KaTeX and the course description.
    private func siteBuilder(_ info: CourseInfo, runtimePackage: String?) throws(Failure) -> SiteBuilder {
        do {
            let theme = try Theme(folder: theme ?? Theme.folder(inPackage: runtimePackage ?? course.package().root))
            let katex = try KaTeXAssets(folder: katex)
            return SiteBuilder(course: info, theme: theme, katex: katex, math: try KaTeXRenderer.system(katexFolder: self.katex))
        } catch let failure as Failure {
            throw failure
        } catch {
            throw .usage(error)
        }
    }
}

extension Failure {
    /// A usage failure when `badInput`, else a check failure.
    static func usage(_ badInput: Bool, _ message: String) -> Failure {
        badInput ? .usage(message) : .failed(message)
    }
}
