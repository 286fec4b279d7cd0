import Foundation

/// A named value of the chapter that a student may change without editing it, as
/// papermill gives notebooks parameters: `lecture run 1 --param stepSize=0.5`.
///
/// ```swift
/// let stepSize = parameter("stepSize", default: 0.1)
/// ```
///
/// Returns `value` unless the run sets `name`; the site and `lecture verify` always
/// use the default. The runner finds the declarations in the cells' code, so the
/// name must be a string literal and the call must fit on one line.
public func parameter<Value: LosslessStringConvertible>(_ name: String, default value: Value) -> Value {
    guard let text = givenParameters[name] else { return value }
    guard let given = Value(text) else {
        emit(.parameterRejected(name: name, value: text, type: "\(Value.self)"))
        exit(2)
    }
    return given
}

/// The parameters the runner passes, as `LECTURE_PARAMETERS`: a JSON object of names
/// to values written as text.
private let givenParameters: [String: String] = {
    guard let json = ProcessInfo.processInfo.environment["LECTURE_PARAMETERS"],
          let values = try? JSONDecoder().decode([String: String].self, from: Data(json.utf8))
    else { return [:] }
    return values
}()
