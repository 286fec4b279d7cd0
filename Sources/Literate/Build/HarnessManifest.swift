import Foundation

/// The package the runner writes to build the course's library: it depends on
/// each package that provides a product the chapters import, as the course does
/// (a folder by path, a fetched package at its pinned version), and makes of all
/// their libraries one dynamic library, `LectureKit`. The course's
/// `Package.resolved` goes with it, so the dependencies of those packages are
/// the versions the course uses.
struct HarnessManifest: Equatable {
    let text: String

    init(providers: [PackageCatalog.Provider], pins: ResolvedPins) {
        let dependencies = Self.dependencies(providers, from: nil)
        let products = Self.products(providers)
        text = """
            // swift-tools-version: 6.0
            // Written by the lecture runner: the library that the course's chapter programs link.
            import PackageDescription

            let package = Package(
                name: "LectureHarness",
                platforms: [.macOS(.v15)],
                products: [.library(name: "LectureKit", type: .dynamic, targets: ["LectureKit"])],
                dependencies: [
                    \(dependencies.joined(separator: ",\n        "))
                ],
                targets: [
                    .target(
                        name: "LectureKit",
                        dependencies: [
                            \(products.joined(separator: ",\n                "))
                        ],
                        path: "Sources/LectureKit"
                    ),
                ]
            )

            """
    }

    /// The `.package(...)` lines for the packages of `providers`: a package on
    /// disk by its path (relative to `folder` when given), a fetched one at its
    /// pinned version or revision.
    static func dependencies(_ providers: [PackageCatalog.Provider], from folder: String?) -> [String] {
        var packages: [String: PackageCatalog.Provider] = [:]
        for provider in providers { packages[provider.package] = packages[provider.package] ?? provider }
        return packages.values.sorted { $0.package < $1.package }.map { provider -> String in
            switch provider.source {
            case .folder:
                let path = folder.map { relativePath(from: $0, to: provider.packagePath) } ?? provider.packagePath
                return ".package(path: \(SwiftLiteral.string(path)))"
            case .remote(let url, let version, let revision):
                if let version { return ".package(url: \(SwiftLiteral.string(url)), exact: \(SwiftLiteral.string(version)))" }
                if let revision { return ".package(url: \(SwiftLiteral.string(url)), revision: \(SwiftLiteral.string(revision)))" }
                return ".package(url: \(SwiftLiteral.string(url)), branch: \"main\")"
            }
        }
    }

    /// The `.product(name:package:)` lines of `providers`.
    static func products(_ providers: [PackageCatalog.Provider]) -> [String] {
        providers.sorted { ($0.package, $0.product) < ($1.package, $1.product) }.map {
            ".product(name: \(SwiftLiteral.string($0.product)), package: \(SwiftLiteral.string($0.package)))"
        }
    }

    /// The manifest of a chapter exported as a package in `folder`: an
    /// executable that uses the runtime and the chapter's imports, from the
    /// packages the course has them from.
    static func exported(name: String, providers: [PackageCatalog.Provider], folder: String) -> String {
        """
        // swift-tools-version: 6.0
        import PackageDescription

        let package = Package(
            name: \(SwiftLiteral.string(name)),
            platforms: [.macOS(.v15)],
            dependencies: [
                \(dependencies(providers, from: folder).joined(separator: ",\n        "))
            ],
            targets: [
                .executableTarget(
                    name: "Chapter",
                    dependencies: [
                        \(products(providers).joined(separator: ",\n                "))
                    ],
                    swiftSettings: [.swiftLanguageMode(.v5)]
                ),
            ]
        )

        """
    }

    /// The path from folder `from` to `to`, with `..` steps.
    static func relativePath(from: String, to: String) -> String {
        let a = URL(fileURLWithPath: from).standardizedFileURL.pathComponents, b = URL(fileURLWithPath: to).standardizedFileURL.pathComponents
        let common = zip(a, b).prefix { $0 == $1 }.count
        let steps = Array(repeating: "..", count: a.count - common) + b[common...]
        return steps.isEmpty ? "." : steps.joined(separator: "/")
    }

    /// Writes the harness into `folder`: its manifest, its one source file, and
    /// the course's `Package.resolved`.
    func write(to folder: String, pinsFrom courseRoot: String) throws(Diagnostic) {
        do {
            try FileManager.default.createDirectory(atPath: folder + "/Sources/LectureKit", withIntermediateDirectories: true)
            try BuildCache.writeAtomically(Data(text.utf8), to: folder + "/Package.swift")
            try BuildCache.writeAtomically(Data("// The runtime, which every chapter program uses.\n@_exported import LectureRuntime\n".utf8),
                                           to: folder + "/Sources/LectureKit/Exports.swift")
            if let resolved = FileManager.default.contents(atPath: courseRoot + "/Package.resolved") {
                try BuildCache.writeAtomically(resolved, to: folder + "/Package.resolved")
            }
        } catch {
            throw Diagnostic(at: nil, "cannot write the library's package into \(folder): \(error)")
        }
    }
}
