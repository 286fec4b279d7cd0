import Foundation

/// A Swift package as `swift package describe --type json` describes it: its
/// products, its targets with their sources, and its dependencies. The runner
/// reads it to build the library chapters import, and to know which sources
/// that library is made of.
public struct PackageManifest: Decodable, Sendable, Equatable {
    public struct Product: Decodable, Sendable, Equatable {
        public var name: String
        public var targets: [String]
        /// `library` or `executable` (or another kind SwiftPM knows).
        public var kind: String

        private enum CodingKeys: String, CodingKey { case name, targets, type }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decode(String.self, forKey: .name)
            targets = try container.decodeIfPresent([String].self, forKey: .targets) ?? []
            let type = try container.decode([String: AnyJSON].self, forKey: .type)
            kind = type.keys.sorted().first ?? ""
        }
    }

    public struct Target: Decodable, Sendable, Equatable {
        public var name: String
        public var path: String
        public var sources: [String]
        public var targetDependencies: [String]
        public var productDependencies: [String]

        private enum CodingKeys: String, CodingKey {
            case name, path, sources
            case targetDependencies = "target_dependencies"
            case productDependencies = "product_dependencies"
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decode(String.self, forKey: .name)
            path = try container.decode(String.self, forKey: .path)
            sources = try container.decodeIfPresent([String].self, forKey: .sources) ?? []
            targetDependencies = try container.decodeIfPresent([String].self, forKey: .targetDependencies) ?? []
            productDependencies = try container.decodeIfPresent([String].self, forKey: .productDependencies) ?? []
        }
    }

    public struct Dependency: Decodable, Sendable, Equatable {
        public var identity: String
        /// `sourceControl` (with a URL) or `fileSystem` (with a path).
        public var type: String
        public var url: String?
        public var path: String?
        /// SwiftPM's requirement, as it describes it (`{"range": [...]}`, `{"exact": [...]}`, ...).
        public var requirement: [String: AnyJSON]?
    }

    public var name: String
    public var path: String
    public var products: [Product]
    public var targets: [Target]
    public var dependencies: [Dependency]

    /// The library products.
    public var libraries: [Product] { products.filter { $0.kind == "library" } }

    /// The targets of `product` and every target they depend on in this package.
    func targetClosure(of product: Product) -> [Target] {
        var seen: [String] = []
        var pending = product.targets
        while let name = pending.popLast() {
            guard !seen.contains(name), let target = targets.first(where: { $0.name == name }) else { continue }
            seen.append(name)
            pending += target.targetDependencies
        }
        return targets.filter { seen.contains($0.name) }
    }
}

/// A JSON value of any shape, for the parts of SwiftPM's output that are only
/// passed on or compared.
public enum AnyJSON: Decodable, Sendable, Equatable {
    case string(String), number(Double), bool(Bool), array([AnyJSON]), object([String: AnyJSON]), null

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([AnyJSON].self) { self = .array(value) }
        else { self = .object(try container.decode([String: AnyJSON].self)) }
    }
}

/// The versions SwiftPM chose for a package's dependencies (`Package.resolved`).
public struct ResolvedPins: Decodable, Sendable, Equatable {
    public struct Pin: Decodable, Sendable, Equatable {
        public struct State: Decodable, Sendable, Equatable {
            public var version: String?
            public var revision: String?
            public var branch: String?
        }

        public var identity: String
        public var location: String
        public var state: State
    }

    public var pins: [Pin]

    public init(pins: [Pin] = []) {
        self.pins = pins
    }

    /// The pins of `Package.resolved` at `root`, or none.
    public static func read(packageAt root: String) -> ResolvedPins {
        guard let data = FileManager.default.contents(atPath: root + "/Package.resolved"),
              let pins = try? JSONDecoder().decode(ResolvedPins.self, from: data) else { return ResolvedPins() }
        return pins
    }

    public func pin(_ identity: String) -> Pin? {
        pins.first { $0.identity == identity }
    }
}
