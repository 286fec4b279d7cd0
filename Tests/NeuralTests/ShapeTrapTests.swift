import Neural
import Testing

/// A shape mismatch stops the program with its message: run in a child
/// process, since a trap cannot be caught in this one.
@Suite struct ShapeTrapTests {
    @Test func aMismatchedProductTrapsNamingBothShapes() async throws {
        let result = try await #require(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let a: Matrix = [[1, 2, 3], [4, 5, 6]]
            _ = a • a
        }
        let message = String(decoding: result.standardErrorContent, as: UTF8.self)
        #expect(message.contains("matrix product: (2×3) · (2×3): inner dimensions 3 and 2 differ"))
    }
}
