// swift-tools-version: 6.0
// An example course that is its own package: chapters on swift-numerics'
// complex numbers and on this package's Polynomials library, run and verified
// by the lecture companion, which it depends on by path.
import PackageDescription

let package = Package(
    name: "NumericsCourse",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Polynomials", targets: ["Polynomials"]),
    ],
    dependencies: [
        .package(path: "../.."),
        .package(url: "https://github.com/apple/swift-numerics", exact: "1.1.1"),
    ],
    targets: [
        .target(name: "Polynomials"),
    ]
)
