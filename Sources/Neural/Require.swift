/// Stops the program with `message` unless `condition` holds: for misuse such
/// as multiplying matrices whose shapes do not fit.
///
/// Unlike `precondition`, whose message is dropped from optimized builds,
/// `fatalError` prints it in every build; chapter programs link an optimized
/// build of this library, and a reader needs to see which shapes disagreed.
@inline(__always)
func require(
    _ condition: Bool, _ message: @autoclosure () -> String,
    file: StaticString = #file, line: UInt = #line
) {
    if !condition {
        fatalError(message(), file: file, line: line)
    }
}
