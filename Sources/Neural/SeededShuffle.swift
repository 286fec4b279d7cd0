/// Random orders that stay the same across Swift releases: the standard
/// library documents no algorithm for `shuffled(using:)` or
/// `Int.random(in:using:)`, so a lecture that used them could print other
/// numbers after an update. These spell theirs out.
extension RandomNumberGenerator {
    /// A uniform integer in 0..<n, by Lemire's multiply-and-reject method
    /// ("Fast random integer generation in an interval", ACM TOMACS 29, 2019):
    /// the high 64 bits of a 64-bit output times n, drawing again while the
    /// low 64 bits fall below 2⁶⁴ mod n, which removes the bias exactly.
    public mutating func uniformInteger(below n: Int) -> Int {
        require(n > 0, "uniformInteger(below:): the bound \(n) must be positive")
        let bound = UInt64(n)
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold {
                product = next().multipliedFullWidth(by: bound)
            }
        }
        return Int(product.high)
    }
}

extension Array {
    /// The elements in an order drawn uniformly from all n! orders by the
    /// Fisher–Yates shuffle: for i from n − 1 down to 1, swap element i with
    /// element j = `uniformInteger(below: i + 1)` of the generator.
    public func shuffled(reproduciblyUsing generator: inout some RandomNumberGenerator) -> [Element] {
        var result = self
        var i = result.count - 1
        while i > 0 {
            result.swapAt(i, generator.uniformInteger(below: i + 1))
            i -= 1
        }
        return result
    }
}

/// Examples 0..<n split at random into a training set and a held-out test
/// set: the first `testCount` indices of a reproducible shuffle are the test
/// set, the others the training set, each kept in shuffled order.
public struct DataSplit: Sendable, Equatable {
    /// The indices of the training examples.
    public let training: [Int]
    /// The indices of the test examples.
    public let test: [Int]

    public init(count n: Int, testCount: Int, using generator: inout some RandomNumberGenerator) {
        require((0...n).contains(testCount), "DataSplit: \(testCount) test examples out of \(n)")
        let order = Array(0..<n).shuffled(reproduciblyUsing: &generator)
        test = Array(order.prefix(testCount))
        training = Array(order.dropFirst(testCount))
    }
}
