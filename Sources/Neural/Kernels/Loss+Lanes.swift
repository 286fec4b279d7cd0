/// Losses' gradients for eight entries at a time, for the backward pass: the
/// values of ``Loss/derivative(_:_:count:)`` lane by lane, to the last bit
/// (the same operations on each lane; a lane whose term is left out is 0
/// whatever the other term's division gave).
extension Loss {
    /// ∂J/∂y of eight entries y against their targets t, for a mean over `count` entries.
    @inline(__always)
    func derivative(_ y: Lanes, _ t: Lanes, count: Double) -> Lanes {
        switch self {
        case .binaryCrossEntropy:
            let positive = (-t / y).replacing(with: 0, where: .!(t .> 0))
            let negative = ((1 - t) / (1 - y)).replacing(with: 0, where: .!(t .< 1))
            return (positive + negative) / count
        case .meanSquaredError:
            return 2 * (y - t) / count
        }
    }
}
