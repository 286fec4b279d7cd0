import Foundation
import PackagePlugin

/// `swift package lecture COMMAND …`: the `lecture` tool on the package the
/// command runs in, which is the course package (it depends on the lecture
/// companion). The tool writes its cache (`.build-lecture/`) and, for `bless`
/// and `build`, the lectures and `_site/` inside the package, so SwiftPM asks
/// for `--allow-writing-to-package-directory`.
///
/// SwiftPM ends a command plugin that fails with status 1, whatever the
/// tool's (swiftlang/swift-package-manager#7380): a failed check and bad input
/// both exit 1 here; the message says which status the tool gave.
@main
struct LecturePlugin: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        if arguments.contains(where: { $0 == "--package-path" || $0.hasPrefix("--package-path=") }) {
            throw Failure("swift package lecture runs on the package it is invoked in; leave out --package-path (or run the lecture tool itself)")
        }
        let tool = try context.tool(named: "lecture")
        let process = Process()
        process.executableURL = tool.url
        // Help and the list of commands take no package.
        let asksForHelp = arguments.isEmpty || arguments.first == "help" || arguments.contains("--help") || arguments.contains("-h")
        process.arguments = arguments + (asksForHelp ? [] : ["--package-path", context.package.directoryURL.path])
        process.currentDirectoryURL = context.package.directoryURL
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure("lecture \(arguments.joined(separator: " ")) exited with status \(process.terminationStatus)")
        }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
