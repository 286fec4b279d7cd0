// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "LectureCompanion",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "lecture", targets: ["lecture"]),
        .library(name: "Neural", targets: ["Neural"]),
        .library(name: "LectureRuntime", targets: ["LectureRuntime"]),
        // What a chapter program links: built optimized by the runner into its cache.
        .library(name: "LectureKit", type: .dynamic, targets: ["LectureRuntime"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
        .package(url: "https://github.com/apple/swift-system", from: "1.5.0"),
        // Tests only: property-based tests of the parser and bless.
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "Neural"),
        .target(name: "Escaping"),
        .target(name: "Charts", dependencies: ["Escaping"]),
        .target(name: "CellOutput"),
        .target(name: "LectureRuntime", dependencies: ["Neural", "Charts", "CellOutput"]),
        .target(
            name: "Literate",
            dependencies: [
                "CCmarkGFM", "CellOutput",
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        .target(
            name: "Site",
            dependencies: ["Literate", "CellOutput", "Escaping", "CZlib", .product(name: "Mustache", package: "swift-mustache")]
        ),
        .target(
            name: "LectureCLI",
            dependencies: [
                "Literate",
                "Site",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "lecture", dependencies: ["LectureCLI"]),
        .executableTarget(name: "neural-bench", dependencies: ["Neural"], path: "Benchmarks/Sources/neural-bench"),
        // Draws the seed lecture's figures for scripts/render-figures.
        .executableTarget(name: "seed-figures", dependencies: ["Charts", "Neural"], path: "Sources/seed-figures"),
        // What the test targets share: golden files, the built binary, workspaces.
        .target(name: "LectureTesting", path: "Tests/LectureTesting"),
        .testTarget(name: "NeuralTests", dependencies: ["Neural"], exclude: ["reference"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts", "LectureTesting"], exclude: ["Golden"]),
        .testTarget(
            name: "LiterateTests",
            dependencies: ["Literate", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(name: "CLITests", dependencies: ["lecture", "LectureTesting"], exclude: ["Golden"]),
        .testTarget(name: "EscapingTests", dependencies: ["Escaping"]),
        .testTarget(name: "SiteTests", dependencies: ["Site", "Literate", "CellOutput", "lecture", "LectureTesting"],
                    exclude: ["Golden", "Fixtures", "Corpus"]),
    ]
)
