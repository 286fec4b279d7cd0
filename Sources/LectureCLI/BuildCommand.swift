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
        this run, typeset formulas), a search box, and KaTeX copied in: it works
        offline and from file://. The course's title and description come from
        course.json in the lectures folder when there is one:
          {"title": "Neural networks from scratch", "description": "..."}

        The site is built in a temporary folder and swapped in whole: a failed build
        (a chapter that does not compile or run, a broken link between chapters, a
        bad lecture) leaves the previous site as it was. --out must be a folder that
        an earlier build made, an empty folder, or a new one.

        The look comes from the theme folder (templates, CSS, scripts): the
        package's site/ folder unless --theme names another.

        Exit status: 0 when the site was written, 1 when a chapter failed to run,
        2 for bad usage or input (including broken links).
        """
    )

    @OptionGroup var course: CourseOptions

    @Option(name: .long, help: ArgumentHelp("The folder to write the site to.", valueName: "dir"))
    var out = "_site"

    @Option(name: .long, help: ArgumentHelp("The theme folder (default: the package's site/ folder).", valueName: "dir"))
    var theme: String?

    @Option(name: .long, help: ArgumentHelp("Where KaTeX is installed.", valueName: "dir"))
    var katex = KaTeXAssets.defaultFolder

    func run() async throws {
        do {
            let builder = try prepare()
            let paths = try course.chapterPaths([])
            let results = try await course.run(paths)
            var runs: [ChapterRun] = []
            var failed = false, badInput = false
            for result in results {
                switch result {
                case .failure(let diagnostics):
                    printError(diagnostics.description)
                    failed = true
                    badInput = true
                case .success(let run) where !run.succeeded:
                    run.diagnostics.forEach { printError($0.description) }
                    failed = true
                case .success(let run):
                    runs.append(run)
                }
            }
            if failed {
                printError("build: the site was not written, since not every chapter ran cleanly")
                throw ExitCode(badInput ? 2 : 1)
            }
            let site: SiteFiles
            do {
                site = try builder.build(runs, courseFolder: course.lectures)
            } catch {
                printError(error.description)
                printError("build: the site was not written")
                throw ExitCode(2)
            }
            site.warnings.forEach { printError($0.description) }
            do {
                try SiteWriter.write(site, to: out)
            } catch {
                throw Failure.usage(error.description)
            }
            let index = URL(fileURLWithPath: out).appendingPathComponent("index.html").standardizedFileURL.path
            print("build: \(runs.count) chapter\(runs.count == 1 ? "" : "s"); open \(index)")
        } catch let failure as Failure {
            throw Failure.exit(failure)
        }
    }

    /// The theme, KaTeX and course description, read before any chapter runs so
    /// that a mistake in them is reported at once.
    private func prepare() throws -> SiteBuilder {
        do {
            let theme = try Theme(folder: theme ?? Theme.defaultFolder)
            let katex = try KaTeXAssets(folder: katex)
            let info = try CourseInfo.load(lecturesFolder: course.lectures)
            try SiteWriter.check(out)
            return SiteBuilder(course: info, theme: theme, katex: katex)
        } catch let error as Diagnostics {
            throw Failure.usage(error.description)
        } catch let error as Diagnostic {
            throw Failure.usage(error.description)
        }
    }
}
