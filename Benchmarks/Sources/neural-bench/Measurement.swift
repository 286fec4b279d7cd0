#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One benchmark run as the harness reads it: a single JSON object on stdout
/// with the training time, the process's peak resident set size, and what the
/// run computed, so the harness can check that implementations agree.
struct Measurement {
    var seconds: Double
    var results: [(key: String, json: String)]

    /// Runs `body` once, timing it with a monotonic clock.
    static func timing(_ body: () -> [(key: String, json: String)]) -> Measurement {
        let start = monotonicSeconds()
        let results = body()
        return Measurement(seconds: monotonicSeconds() - start, results: results)
    }

    /// The JSON object, with the peak resident set size as `maxrss_kb`.
    func json() -> String {
        let fields = [("implementation", "\"Swift\"")] + results.map { ($0.key, $0.json) }
            + [("seconds", "\(seconds)"), ("maxrss_kb", "\(peakResidentKilobytes())")]
        return "{" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
    }

    static func monotonicSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + 1e-9 * Double(now.tv_nsec)
    }
}

/// A double in JSON, with enough digits to round-trip.
func json(_ value: Double) -> String { "\(value)" }

/// An array of doubles in JSON.
func json(_ values: [Double]) -> String { "[" + values.map(json).joined(separator: ", ") + "]" }
