/// One axis of a plot: its label and, when fixed, its limits.
public struct Axis: Sendable, Hashable {
    /// The text beside the axis; empty for none.
    public var label: String
    /// The range the axis shows; `nil` to fit the data.
    public var limits: ClosedRange<Double>?

    public init(label: String = "", limits: ClosedRange<Double>? = nil) {
        self.label = label
        self.limits = limits
    }
}
