import ArgumentParser
import Foundation
import LectureCLI
import LecturePreview
import Literate

/// The program `lecture preview` replaces itself with: the preview's server,
/// the only program of the package that links an HTTP server library.
@main
struct LecturePreviewTool: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lecture-preview",
        abstract: "The server of `lecture preview` (run `lecture preview --help`)."
    )

    @OptionGroup var options: PreviewOptions

    func run() async throws {
        let course: CoursePackage
        do { course = try options.coursePackage() } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            Foundation.exit(2)
        }
        let settings = PreviewSettings(course: course, theme: options.theme, katex: options.katex, timeout: options.timeout, jobs: options.jobs)
        await PreviewSession.run(settings, port: UInt16(options.port), watch: options.poll ? .polling : nil)
    }

    /// Runs the command; bad usage exits with 2, as `lecture` does.
    static func main() async {
        await runExitingWithDocumentedStatus()
    }
}
