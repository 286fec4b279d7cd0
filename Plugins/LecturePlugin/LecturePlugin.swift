import Foundation
import PackagePlugin

/// `swift package lecture COMMAND …`: the `lecture` tool on the package the
/// command runs in, which is the course package (it depends on the lecture
/// companion). The tool writes its cache (`.build-lecture/`) and, for `bless`
/// and `build`, the lectures and `_site/` inside the package, so SwiftPM asks
/// for `--allow-writing-to-package-directory`.
@main
struct LecturePlugin: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let tool = try context.tool(named: "lecture")
        let process = Process()
        process.executableURL = tool.url
        process.arguments = arguments + ["--package-path", context.package.directoryURL.path]
        process.currentDirectoryURL = context.package.directoryURL
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            Diagnostics.error("lecture \(arguments.joined(separator: " ")) exited with status \(process.terminationStatus)")
            throw ExitCode(process.terminationStatus)
        }
    }

    struct ExitCode: Error {
        var status: Int32
        init(_ status: Int32) { self.status = status }
    }
}
