/// One piece of a cell's output, in the order the cell produced it.
public enum OutputItem: Equatable, Sendable {
    case text(String)
    case display(Display)
}

/// What one `check` of an exercise found, and the cell that ran it.
public struct ExerciseCheckResult: Equatable, Sendable {
    public var exercise: String
    public var passed: Bool
    public var message: String
    /// The index of the cell that was running, if one was.
    public var cell: Int?

    public init(exercise: String, passed: Bool, message: String, cell: Int?) {
        (self.exercise, self.passed, self.message, self.cell) = (exercise, passed, message, cell)
    }
}

/// The outputs of a chapter run, split by cell.
public struct ChapterOutput: Equatable, Sendable {
    /// Output items per cell index, for the cells that started.
    public var cells: [Int: [OutputItem]] = [:]
    /// Printed bytes per cell, before they are read as text.
    public var printedBytes: [Int: Int] = [:]
    /// Citation values by citation index.
    public var citations: [Int: String] = [:]
    /// The cells in the order they started.
    public var startedCells: [Int] = []
    /// What was printed before each `// Prints` checkpoint, by checkpoint index.
    public var checkpoints: [Int: String] = [:]
    /// What each cell that passed a `// Prints` checkpoint printed after its
    /// last one, by cell index: output that no comment says.
    public var printedAfterCheckpoints: [Int: String] = [:]
    /// The `check` results of exercises, in order, with the cell that ran each.
    public var checks: [ExerciseCheckResult] = []
    /// Whether the program reached its end.
    public var reachedEnd = false
    /// A parameter the program could not read, with the type it wanted.
    public var rejectedParameter: (name: String, value: String, type: String)?

    /// The cell running when the program stopped.
    public var lastStartedCell: Int? { startedCells.last }

    public init() {}

    /// Splits a chapter program's standard output into cells at the offsets of
    /// its events.
    public init(standardOutput: [UInt8], events: [EventRecord]) {
        var current: Int?
        var position = 0
        var sinceCheckpoint = ""
        var passedCheckpoint = false
        func endCell() {
            if let cell = current, passedCheckpoint { printedAfterCheckpoints[cell] = sinceCheckpoint }
            passedCheckpoint = false
        }
        func take(upTo offset: Int) {
            let end = min(max(offset, position), standardOutput.count)
            guard end > position else { return }
            let text = String(decoding: standardOutput[position..<end], as: UTF8.self)
            if let cell = current {
                cells[cell, default: []].append(.text(text))
                printedBytes[cell, default: 0] += end - position
            }
            sinceCheckpoint += text
            position = end
        }
        for record in events {
            take(upTo: record.at)
            switch record.event {
            case .cellStarted(let index):
                endCell()
                current = index
                startedCells.append(index)
                cells[index] = cells[index] ?? []
                sinceCheckpoint = ""
            case .display(let display):
                if let cell = current { cells[cell, default: []].append(.display(display)) }
                sinceCheckpoint += display.text.hasSuffix("\n") ? display.text : display.text + "\n"
            case .citation(let index, let value):
                citations[index] = value
            case .checkpoint(let index):
                checkpoints[index] = sinceCheckpoint
                sinceCheckpoint = ""
                passedCheckpoint = true
            case .check(let exercise, let passed, let message):
                checks.append(ExerciseCheckResult(exercise: exercise, passed: passed, message: message, cell: current))
            case .parameterRejected(let name, let value, let type):
                rejectedParameter = (name, value, type)
            case .chapterEnded:
                reachedEnd = true
            }
        }
        take(upTo: standardOutput.count)
        endCell()
    }

    public static func == (a: ChapterOutput, b: ChapterOutput) -> Bool {
        a.cells == b.cells && a.citations == b.citations && a.startedCells == b.startedCells && a.checkpoints == b.checkpoints
            && a.printedAfterCheckpoints == b.printedAfterCheckpoints
            && a.reachedEnd == b.reachedEnd && a.checks == b.checks
    }
}

extension OutputItem {
    /// The recorded form of a cell's output items: the text as printed (its
    /// control characters made visible, ``RecordedText/visible(_:)``), with each
    /// display's text form on lines of its own.
    public static func recordedText(of items: [OutputItem]) -> String {
        var text = ""
        for item in items {
            switch item {
            case .text(let printed): text += RecordedText.visible(printed)
            case .display(let display):
                if !text.isEmpty, !text.hasSuffix("\n") { text += "\n" }
                text += RecordedText.visible(display.text)
                if !display.text.hasSuffix("\n") { text += "\n" }
            }
        }
        return text
    }
}

/// How printed text is written into a lecture so that it reads back the same.
public enum RecordedText {
    /// `text` with each control character other than line feed and tab written
    /// as its Unicode control picture (CR as `␍`, NUL as `␀`, ESC as `␛`, DEL as
    /// `␡`): in Markdown a CR would end a line and a NUL would become U+FFFD, so
    /// neither could be read back. `verify` compares the recorded text with the
    /// run's text written this way; a cell that prints a control picture itself
    /// is read like one that printed the control character.
    public static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsPicture) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if needsPicture(scalar) {
                result.append(Unicode.Scalar(scalar.value == 0x7F ? 0x2421 : 0x2400 + scalar.value)!)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    private static func needsPicture(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || scalar.value == 0x7F
    }
}
