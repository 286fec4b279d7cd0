/// An activation as a type, for kernels generic over it: the compiler
/// builds such a kernel once for each activation type it is used with, so
/// that the sigmoid's lanes never test which activation they compute. (A
/// kernel that takes an ``Activation`` value relies on being inlined where
/// the value is a constant, which the compiler does not do for every loop.)
protocol LaneActivation {
    /// σ of every lane.
    func apply(_ z: Lanes) -> Lanes
    /// σ of every lane of two vectors, side by side.
    func apply(_ a: Lanes, _ b: Lanes) -> (Lanes, Lanes)
    /// σ of one value.
    func callAsFunction(_ z: Double) -> Double
}

/// The sigmoid (``Logistic``).
struct SigmoidLanes: LaneActivation {
    @inline(__always) func apply(_ z: Lanes) -> Lanes { Logistic.sigmoid(z) }
    @inline(__always) func apply(_ a: Lanes, _ b: Lanes) -> (Lanes, Lanes) { Logistic.sigmoid(a, b) }
    @inline(__always) func callAsFunction(_ z: Double) -> Double { Logistic.sigmoid(z) }
}

/// The identity.
struct IdentityLanes: LaneActivation {
    @inline(__always) func apply(_ z: Lanes) -> Lanes { z }
    @inline(__always) func apply(_ a: Lanes, _ b: Lanes) -> (Lanes, Lanes) { (a, b) }
    @inline(__always) func callAsFunction(_ z: Double) -> Double { z }
}

/// Any activation, tested where it is applied.
struct AnyActivationLanes: LaneActivation {
    let activation: Activation
    @inline(__always) func apply(_ z: Lanes) -> Lanes { activation.apply(z) }
    @inline(__always) func apply(_ a: Lanes, _ b: Lanes) -> (Lanes, Lanes) { activation.apply(a, b) }
    @inline(__always) func callAsFunction(_ z: Double) -> Double { activation(z) }
}
