#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The peak resident set size of this process in KiB: VmHWM from
/// /proc/self/status, which (unlike getrusage's ru_maxrss) starts afresh at
/// exec, so it does not include the memory of the process that started this
/// one; -1 where /proc is missing.
func peakResidentKilobytes() -> Int {
    guard let file = fopen("/proc/self/status", "r") else { return -1 }
    defer { fclose(file) }
    var line = [CChar](repeating: 0, count: 256)
    while fgets(&line, Int32(line.count), file) != nil {
        let text = line.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        if text.hasPrefix("VmHWM:") {
            return Int(text.dropFirst(6).split(whereSeparator: \.isWhitespace).first ?? "") ?? -1
        }
    }
    return -1
}
