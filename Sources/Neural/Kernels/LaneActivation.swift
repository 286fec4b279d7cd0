/// An activation as a type, for kernels generic over it: the compiler
/// builds such a kernel once for each activation type it is used with, so
/// that the sigmoid's lanes never test which activation they compute. (A
/// kernel that takes an ``Activation`` value relies on being inlined where
/// the value is a constant, which the compiler does not do for every loop.)
/// ``Activation`` itself is one, testing which activation it is lane by
/// lane, for the activations with no type of their own.
protocol LaneActivation {
    /// σ of every lane.
    func apply(_ z: Lanes) -> Lanes
    /// σ of every lane of two vectors, side by side.
    func apply(_ a: Lanes, _ b: Lanes) -> (Lanes, Lanes)
    /// σ of one value.
    func callAsFunction(_ z: Double) -> Double
    /// σ′ of every lane, from the outputs y = σ(z).
    func derivative(atOutput y: Lanes) -> Lanes
}

/// The sigmoid (``Logistic``).
struct SigmoidLanes: LaneActivation {
    @inline(__always) func apply(_ z: Lanes) -> Lanes { Logistic.sigmoid(z) }
    @inline(__always) func apply(_ a: Lanes, _ b: Lanes) -> (Lanes, Lanes) { Logistic.sigmoid(a, b) }
    @inline(__always) func callAsFunction(_ z: Double) -> Double { Logistic.sigmoid(z) }
    @inline(__always) func derivative(atOutput y: Lanes) -> Lanes { Activation.sigmoid.derivative(atOutput: y) }
}

/// The identity.
struct IdentityLanes: LaneActivation {
    @inline(__always) func apply(_ z: Lanes) -> Lanes { z }
    @inline(__always) func apply(_ a: Lanes, _ b: Lanes) -> (Lanes, Lanes) { (a, b) }
    @inline(__always) func callAsFunction(_ z: Double) -> Double { z }
    @inline(__always) func derivative(atOutput y: Lanes) -> Lanes { Activation.identity.derivative(atOutput: y) }
}

extension Activation: LaneActivation {}
