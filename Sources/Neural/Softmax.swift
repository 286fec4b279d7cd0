#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The softmax of each row of a matrix of scores (logits) Z, n×K:
///
///     softmax(Z)ᵢₖ = exp(zᵢₖ) / Σⱼ exp(zᵢⱼ),
///
/// a row of K probabilities that are positive and add up to 1, in the order
/// of the scores. Adding a constant to a row does not change its softmax, so
/// each row's largest score mᵢ is subtracted first: every exponent is then at
/// most 0, nothing overflows, and the largest term of each sum is 1. With two
/// classes and scores (0, z) the second probability is the sigmoid σ(z).
public enum Softmax {
    /// softmax(Z), row by row, with the shape of Z.
    public static func probabilities(_ logits: Matrix) -> Matrix {
        transformingRows(logits) { row, k, m in
            var total = 0.0
            for j in 0..<k {
                row[j] = exp(row[j] - m)
                total += row[j]
            }
            for j in 0..<k {
                row[j] /= total
            }
        }
    }

    /// log softmax(Z)ᵢₖ = zᵢₖ − mᵢ − log Σⱼ exp(zᵢⱼ − mᵢ), row by row: exact
    /// where softmax itself would round a tiny probability to 0.
    public static func logProbabilities(_ logits: Matrix) -> Matrix {
        transformingRows(logits) { row, k, m in
            var total = 0.0
            for j in 0..<k {
                total += exp(row[j] - m)
            }
            // (z − m) is exact near the maximum; subtracting m + log Σ at
            // once would round away the low bits of a small log-probability.
            let logTotal = log(total)
            for j in 0..<k {
                row[j] = (row[j] - m) - logTotal
            }
        }
    }

    /// A copy of Z with `body(row, k, m)` applied to each row of k entries
    /// in place, m being the row's largest entry (−∞ for an empty row).
    private static func transformingRows(
        _ logits: Matrix, _ body: (_ row: UnsafeMutablePointer<Double>, _ k: Int, _ m: Double) -> Void
    ) -> Matrix {
        var result = logits
        let k = logits.columns
        guard k > 0 else { return result }
        result.elements.withUnsafeMutableBufferPointer { p in
            for i in 0..<logits.rows {
                let row = p.baseAddress! + i * k
                var m = -Double.infinity
                for j in 0..<k {
                    m = max(m, row[j])
                }
                body(row, k, m)
            }
        }
        return result
    }
}
