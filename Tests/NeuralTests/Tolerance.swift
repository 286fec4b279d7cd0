import Testing

/// Expects |actual − expected| ≤ tolerance · |expected| for each entry.
func expectClose(
    _ actual: [Double], _ expected: [Double], relative tolerance: Double,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(actual.count == expected.count, "\(actual.count) values, expected \(expected.count)", sourceLocation: sourceLocation)
    for (index, (a, e)) in zip(actual, expected).enumerated() {
        #expect(
            (a - e).magnitude <= tolerance * e.magnitude,
            "entry \(index): \(a) differs from \(e) by more than \(tolerance) relative",
            sourceLocation: sourceLocation
        )
    }
}

/// Expects |actual − expected| ≤ tolerance · |expected|.
func expectClose(
    _ actual: Double, _ expected: Double, relative tolerance: Double,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    expectClose([actual], [expected], relative: tolerance, sourceLocation: sourceLocation)
}
