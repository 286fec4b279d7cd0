/// A labelled position on an axis.
public struct Tick: Sendable, Hashable {
    /// Where the tick stands, in data units.
    public var value: Double
    /// What is printed beside it, free of floating-point noise (`0.3`, never
    /// `0.30000000000000004`; `−4` with a true minus sign; `1.5×10⁻⁶`).
    public var label: String

    public init(value: Double, label: String) {
        self.value = value
        self.label = label
    }
}
