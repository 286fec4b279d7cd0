import Foundation

/// The data the seed lecture's figures are drawn from, read from a JSON file
/// written by a NumPy run of the seed's own code.
struct SeedData: Decodable {
    var length: [Double]
    var width: [Double]
    var species: [Int]
    var theta: [Double]
    var loss: [Double]
    var score: [Double]
}
