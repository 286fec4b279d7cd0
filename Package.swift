// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "LectureCompanion",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "lecture", targets: ["lecture"]),
        // `lecture preview` runs this: the only product that links an HTTP server.
        .executable(name: "lecture-preview", targets: ["lecture-preview"]),
        // What a course's chapters import: the runtime (show, charts, the channel
        // to the runner, parameters) and this course's own libraries.
        .library(name: "LectureRuntime", targets: ["LectureRuntime"]),
        .library(name: "Neural", targets: ["Neural"]),
        .library(name: "Charts", targets: ["Charts"]),
        // `swift package lecture verify` in a course package that depends on this one.
        .plugin(name: "LecturePlugin", targets: ["LecturePlugin"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
        .package(url: "https://github.com/apple/swift-system", from: "1.5.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
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
        .target(name: "CDigest"),
        .target(name: "CLookup"),
        .target(name: "Neural", dependencies: ["CLookup"]),
        .target(name: "Escaping"),
        .target(name: "Charts", dependencies: ["Escaping"]),
        .target(name: "CellOutput"),
        .target(name: "LectureRuntime", dependencies: ["Neural", "Charts", "CellOutput"]),
        .target(
            name: "Literate",
            dependencies: [
                "CCmarkGFM", "CDigest", "CellOutput",
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
        .target(
            name: "LecturePreview",
            dependencies: ["Literate", "Site", "Escaping",
                           .product(name: "FlyingFox", package: "FlyingFox"), .product(name: "FlyingSocks", package: "FlyingFox")]
        ),
        .executableTarget(name: "lecture-preview", dependencies: ["LectureCLI", "LecturePreview"]),
        .plugin(
            name: "LecturePlugin",
            capability: .command(
                intent: .custom(verb: "lecture", description: "Run, verify, record and publish the lectures of this course package"),
                permissions: [.writeToPackageDirectory(reason: "the lecture runner keeps its cache in .build-lecture/, bless writes outputs into the lectures and build writes _site/")]
            ),
            dependencies: ["lecture"]
        ),
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
        .testTarget(name: "PreviewTests", dependencies: ["LecturePreview", "Literate", "lecture", "lecture-preview", "LectureTesting"]),
    ]
)
