import Foundation

/// The packages a course's library is made of: their manifests (from `swift
/// package describe`), where they are on disk, and which package provides each
/// library product. Everything is cached by the content it comes from, so a run
/// with nothing changed calls no SwiftPM command.
struct PackageCatalog: Sendable {
    let cache: BuildCache
    let toolchain: Toolchain

    /// A library product and the package that provides it.
    struct Provider: Codable, Sendable, Equatable {
        var product: String
        /// The package's identity, as SwiftPM names it in `.product(name:package:)`.
        var package: String
        var packagePath: String
        /// How the harness depends on the package.
        var source: Source
        /// The manifest's hash, for the key of a package on disk.
        var manifestDigest: String

        enum Source: Codable, Sendable, Equatable {
            /// A package on disk (the course, a path dependency): its sources
            /// are part of the key.
            case folder
            /// A fetched package, at a pinned version or revision.
            case remote(url: String, version: String?, revision: String?)
        }
    }

    /// The manifest of the package at `path`, described once per manifest text.
    func describe(_ path: String) async throws(Diagnostic) -> PackageManifest {
        let digest = manifestDigest(path)
        let record = cache.path("packages", digest + ".json")
        if let data = FileManager.default.contents(atPath: record), let manifest = try? JSONDecoder().decode(PackageManifest.self, from: data) {
            return manifest
        }
        let describe = ChildProcess(executable: toolchain.swift,
                                    arguments: ["package", "--package-path", path, "--scratch-path", cache.path("describe"), "describe", "--type", "json"],
                                    timeout: 300)
        let result: ChildProcess.Result, output: String, errors: String
        do { (result, output, errors) = try await describe.captureSeparately() } catch {
            throw Diagnostic(at: nil, "cannot run swift package describe: \(error)")
        }
        guard result.succeeded, let start = output.firstIndex(of: "{"),
              let manifest = try? JSONDecoder().decode(PackageManifest.self, from: Data(output[start...].utf8)) else {
            throw Diagnostic(at: SourceLocation(file: path + "/Package.swift", line: 1), "SwiftPM cannot read this package's manifest",
                             details: (output + errors).split(separator: "\n").filter { $0.contains("error") }.prefix(20).map(String.init))
        }
        try? BuildCache.writeAtomically(Data(output[start...].utf8), to: record)
        return manifest
    }

    /// The providers of every library product of the course package and of its
    /// direct dependencies, by product name. Fetched dependencies are resolved
    /// into the cache (never into the course's own `.build`), at the versions of
    /// its `Package.resolved`.
    func providers(for course: PackageManifest, at root: String) async throws(Diagnostic) -> [String: Provider] {
        let pins = ResolvedPins.read(packageAt: root)
        let digest = BuildCache.digest(([manifestDigest(root)] + course.dependencies.compactMap { $0.path.map(manifestDigest) }).joined()
            + String(decoding: FileManager.default.contents(atPath: root + "/Package.resolved") ?? Data(), as: UTF8.self))
        let record = cache.path("packages", "providers-" + digest + ".json")
        if let data = FileManager.default.contents(atPath: record), let known = try? JSONDecoder().decode([String: Provider].self, from: data) {
            return known
        }
        var providers: [String: Provider] = [:]
        func add(_ manifest: PackageManifest, identity: String, path: String, source: Provider.Source) {
            for product in manifest.libraries where providers[product.name] == nil {
                providers[product.name] = Provider(product: product.name, package: identity, packagePath: path, source: source,
                                                   manifestDigest: manifestDigest(path))
            }
        }
        add(course, identity: URL(fileURLWithPath: root).lastPathComponent.lowercased(), path: root, source: .folder)
        var checkouts: [String: String] = [:]
        if course.dependencies.contains(where: { $0.path == nil }) {
            checkouts = try await resolvedPaths(root)
        }
        for dependency in course.dependencies {
            if let path = dependency.path {
                add(try await describe(path), identity: dependency.identity, path: path, source: .folder)
            } else if let path = checkouts[dependency.identity], let url = dependency.url {
                // Resolving wrote the pins when the course had none.
                let pin = pins.pin(dependency.identity) ?? ResolvedPins.read(packageAt: root).pin(dependency.identity)
                add(try await describe(path), identity: dependency.identity, path: path,
                    source: .remote(url: url, version: pin?.state.version, revision: pin?.state.revision))
            }
        }
        try? BuildCache.writeAtomically(try! JSONEncoder().encode(providers), to: record)
        return providers
    }

    /// Where the course's fetched dependencies are checked out, by identity,
    /// after resolving them into the cache.
    private func resolvedPaths(_ root: String) async throws(Diagnostic) -> [String: String] {
        let scratch = cache.path("resolved")
        for arguments in [["resolve"], ["show-dependencies", "--format", "json"]] {
            let command = ChildProcess(executable: toolchain.swift, arguments: ["package", "--package-path", root, "--scratch-path", scratch] + arguments,
                                       timeout: 600)
            let result: ChildProcess.Result, output: String, errors: String
            do { (result, output, errors) = try await command.captureSeparately() } catch {
                throw Diagnostic(at: nil, "cannot run swift package \(arguments[0]): \(error)")
            }
            guard result.succeeded else {
                throw Diagnostic(at: SourceLocation(file: root + "/Package.swift", line: 1), "SwiftPM cannot resolve the course package's dependencies",
                                 details: (output + errors).split(separator: "\n").filter { $0.contains("error") }.prefix(20).map(String.init))
            }
            guard arguments[0] == "show-dependencies", let start = output.firstIndex(of: "{") else { continue }
            struct Node: Decodable { var identity: String; var path: String; var dependencies: [Node] }
            guard let tree = try? JSONDecoder().decode(Node.self, from: Data(output[start...].utf8)) else { return [:] }
            return Dictionary(tree.dependencies.map { ($0.identity, $0.path) }, uniquingKeysWith: { first, _ in first })
        }
        return [:]
    }

    /// The key of a product: its package's manifest and the sources of its
    /// targets for a package on disk, with the keys of the products they use;
    /// the pinned version and revision for a fetched one.
    func key(of provider: Provider, among providers: [String: Provider], visiting: Set<String> = []) throws(Diagnostic) -> String {
        var hash = SHA256()
        hash.update("\(provider.package)/\(provider.product)\n")
        switch provider.source {
        case .remote(let url, let version, let revision):
            hash.update("\(url) \(version ?? "") \(revision ?? "")\n")
        case .folder:
            hash.update(provider.manifestDigest)
            let record = cache.path("packages", provider.manifestDigest + ".json")
            guard let data = FileManager.default.contents(atPath: record),
                  let manifest = try? JSONDecoder().decode(PackageManifest.self, from: data),
                  let product = manifest.products.first(where: { $0.name == provider.product }) else {
                throw Diagnostic(at: nil, "the description of \(provider.package) vanished from the cache; run again")
            }
            for target in manifest.targetClosure(of: product) {
                let folder = (provider.packagePath as NSString).appendingPathComponent(target.path)
                for source in target.sources.sorted() {
                    hash.update("\(target.name)/\(source)\n")
                    hash.update(FileManager.default.contents(atPath: folder + "/" + source) ?? Data())
                }
                for name in target.productDependencies.sorted() where !visiting.contains(name) {
                    let used = providers[name].map { try? key(of: $0, among: providers, visiting: visiting.union([provider.product])) } ?? nil
                    hash.update("uses \(name)=\(used ?? "unknown")\n")
                }
            }
        }
        return hash.finalize()
    }

    /// The hash of a package's manifests (`Package.swift` and any
    /// `Package@swift-*.swift`).
    func manifestDigest(_ path: String) -> String {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { $0 == "Package.swift" || ($0.hasPrefix("Package@swift") && $0.hasSuffix(".swift")) }.sorted()
        var hash = SHA256()
        hash.update(toolchain.version)
        for name in names {
            hash.update(name)
            hash.update(FileManager.default.contents(atPath: path + "/" + name) ?? Data())
        }
        return hash.finalize()
    }
}
