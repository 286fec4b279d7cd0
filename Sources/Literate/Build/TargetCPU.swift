import Foundation

/// The course's library is always compiled on the machine that runs it, so it
/// is compiled for that machine's CPU (`-target-cpu native`: the widest vectors
/// it has, fused multiply-add where the code asks for it). The CPU is part of
/// every cache key, so a cache copied to another machine is built again.
enum TargetCPU {
    static let swiftBuildFlags = ["-Xswiftc", "-target-cpu", "-Xswiftc", "native"]

    /// The CPU's model and features, as the kernel lists them.
    static let name: String = {
        guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return "unknown" }
        let lines = info.split(separator: "\n")
        func field(_ name: String) -> String {
            lines.first { $0.hasPrefix(name) }.map { String($0.split(separator: ":", maxSplits: 1).last ?? "").trimmingCharacters(in: .whitespaces) } ?? ""
        }
        return field("model name") + " | " + field("flags")
    }()
}
