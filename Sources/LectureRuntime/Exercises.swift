import CellOutput

/// Runs the code of a `check=NAME` cell with `check` reporting to the runner as
/// a check of exercise `exercise`. The generated program wraps each check cell
/// in this, so the cell's `check(...)` calls are calls of `body`'s argument.
public func _checking(_ exercise: String, _ body: (_ check: (Bool, String) -> Void) -> Void) {
    body { passed, message in
        emit(.check(exercise: exercise, passed: passed, message: message))
    }
}

/// Checks an exercise's answer: in a `check=NAME` cell the runner records
/// whether `condition` holds, and `lecture check` shows `message` when it does
/// not. Outside the runner (an exported chapter) a failed check is printed.
public func check(_ condition: Bool, _ message: String) {
    if !condition { print("check failed: \(message)") }
}
