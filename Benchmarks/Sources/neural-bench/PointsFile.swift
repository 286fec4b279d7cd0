#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The two-layer benchmark's inputs, as `numpy/make_points.py` writes them:
/// little-endian float64 values `count, inputs, hidden`, then the points
/// (count×inputs, row-major), the labels (count), W1 (inputs×hidden,
/// row-major), b1 (hidden), W2 (hidden) and b2 (1).
struct PointsFile {
    var count: Int, inputs: Int, hidden: Int
    var points: [Double], labels: [Double]
    var w1: [Double], b1: [Double], w2: [Double], b2: [Double]

    init(path: String) throws(BenchError) {
        let values = try Self.doubles(at: path)
        guard values.count >= 3 else { throw BenchError("\(path): too short") }
        count = Int(values[0])
        inputs = Int(values[1])
        hidden = Int(values[2])
        var rest = values[3...]
        func take(_ n: Int) throws(BenchError) -> [Double] {
            guard rest.count >= n else { throw BenchError("\(path): truncated") }
            defer { rest = rest.dropFirst(n) }
            return Array(rest.prefix(n))
        }
        points = try take(count * inputs)
        labels = try take(count)
        w1 = try take(inputs * hidden)
        b1 = try take(hidden)
        w2 = try take(hidden)
        b2 = try take(1)
        guard rest.isEmpty else { throw BenchError("\(path): \(rest.count) values too many") }
    }

    private static func doubles(at path: String) throws(BenchError) -> [Double] {
        guard let file = fopen(path, "rb") else { throw BenchError("\(path): cannot open") }
        defer { fclose(file) }
        var values: [Double] = []
        var buffer = [Double](repeating: 0, count: 4096)
        while true {
            let read = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 8, 4096, file) }
            values += buffer[..<read].map { Double(bitPattern: UInt64(littleEndian: $0.bitPattern)) }
            if read < 4096 { break }
        }
        return values
    }
}

/// A failure the harness should see: printed on stderr, exit status 1.
struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
