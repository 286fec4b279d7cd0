import PropertyBased

/// Generators of mutated lectures, for the property tests of the parser and of
/// bless.
enum LectureGen {
    /// Mutated lectures from the bases in `bases`, with `count` mutations each:
    /// half of them from the lectures and fixtures, which hold cells, when
    /// `bases` holds them too. A base of more than 100 lines is mostly cut to a window of 5 to 80 lines,
    /// which keeps a case quick to check and puts each part of the long lectures
    /// on top of some case. Long lines hold 10,000 to 200,000 bytes, or to
    /// `citationLineBytes` when they repeat a citation (a citation costs the
    /// checks of bless a thousand times what a byte of prose costs).
    static func mutated(bases: ClosedRange<Int> = 0...(BaseLecture.all.count - 1), count: ClosedRange<Int>, citationLineBytes: Int = 200_000)
        -> Generator<MutatedLecture, some SendableSequenceType> {
        zip(base(in: bases), window, mutation(citationLineBytes: citationLineBytes).array(of: count)).map { base, window, mutations in
            MutatedLecture(base: base, window: LectureLines(BaseLecture.all[base].bytes).lines.count > 100 ? window : nil, mutations: mutations)
        }
    }

    static func base(in bases: ClosedRange<Int>) -> Generator<Int, Shrink.None<Int>> {
        let lectures = BaseLecture.all.indices.filter { bases.contains($0) && !BaseLecture.all[$0].isCorpusCase }
        return Generator { rng in
            Bool.random(using: &rng) ? lectures.randomElement(using: &rng) ?? Int.random(in: bases, using: &rng) : Int.random(in: bases, using: &rng)
        }
    }

    static let window = Generator<MutatedLecture.Window?, Shrink.None<MutatedLecture.Window?>> { rng in
        Int.random(in: 0..<10, using: &rng) < 2 ? nil : MutatedLecture.Window(start: spot(&rng), length: Int.random(in: 5...80, using: &rng))
    }

    /// One mutation: its kind drawn with the weights below, its place and text at random.
    static func mutation(citationLineBytes: Int) -> Generator<Mutation, Shrink.None<Mutation>> { Generator { rng in
        /// How many times `unit` makes a long line.
        func repeats(_ unit: String, _ rng: inout any SeededRandomNumberGenerator) -> Int {
            Int.random(in: 10_000...(unit.contains("{{") ? citationLineBytes : 200_000), using: &rng) / unit.utf8.count
        }
        let kinds: [(weight: Int, make: (inout any SeededRandomNumberGenerator) -> Mutation)] = [
            (8, { .endings(line: spot(&$0), count: count(&$0), ending: LineEnding.allCases.randomElement(using: &$0)!) }),
            (2, { .endings(line: Spot(value: 0), count: 100_000, ending: LineEnding.allCases.randomElement(using: &$0)!) }),
            (10, { .insertLines(before: spot(&$0), lines: [fenceLines.randomElement(using: &$0)!]) }),
            (6, { .insertLines(before: spot(&$0), lines: cell(&$0)) }),
            (6, { .deleteLines(line: spot(&$0), count: count(&$0)) }),
            (6, { .duplicateLines(line: spot(&$0), count: count(&$0)) }),
            (4, { .insertBytes(line: spot(&$0), at: spot(&$0), bytes: controlBytes.randomElement(using: &$0)!) }),
            (2, { .insertBytes(line: spot(&$0), at: spot(&$0), bytes: invalidUTF8.randomElement(using: &$0)!) }),
            (8, { .insertBytes(line: spot(&$0), at: spot(&$0), bytes: Array(proseTokens.randomElement(using: &$0)!.utf8)) }),
            (3, { .insertLines(before: spot(&$0), lines: [proseLines.randomElement(using: &$0)!]) }),
            (10, { let (first, rest) = prefixes.randomElement(using: &$0)!; return .prefix(line: spot(&$0), count: count(&$0) * 2, first: first, rest: rest) }),
            (8, { let (first, rest) = prefixes.randomElement(using: &$0)!
                  return .prefixFence(fence: spot(&$0), count: Int.random(in: 1...12, using: &$0), first: first, rest: rest) }),
            (8, { .retag(fence: spot(&$0), info: infos.randomElement(using: &$0)!) }),
            (2, { let unit = hugeUnits.randomElement(using: &$0)!
                  return .hugeLine(before: spot(&$0), unit: unit, count: repeats(unit, &$0), around: ["", "", "", "$$", "$", "`", "> ", "{{"].randomElement(using: &$0)!) }),
            (6, { .codeEdit(line: spot(&$0), at: spot(&$0), text: codeTexts.randomElement(using: &$0)!, times: 1) }),
            (1, { let unit = hugeUnits.randomElement(using: &$0)!
                  return .codeEdit(line: spot(&$0), at: spot(&$0), text: unit, times: repeats(unit, &$0)) }),
            (4, { .tabs(line: spot(&$0), count: count(&$0)) }),
        ]
        var pick = Int.random(in: 0..<kinds.map(\.weight).reduce(0, +), using: &rng)
        for kind in kinds {
            if pick < kind.weight { return kind.make(&rng) }
            pick -= kind.weight
        }
        preconditionFailure("the weights cover every pick")
    } }

    static func spot(_ rng: inout any SeededRandomNumberGenerator) -> Spot { Spot(value: UInt16.random(in: 0...UInt16.max, using: &rng)) }

    /// A few lines, rarely many.
    static func count(_ rng: inout any SeededRandomNumberGenerator) -> Int {
        Int.random(in: 0..<8, using: &rng) == 0 ? Int.random(in: 5...40, using: &rng) : Int.random(in: 1...4, using: &rng)
    }

    /// A whole cell, sometimes with an output fence, sometimes in a container.
    static func cell(_ rng: inout any SeededRandomNumberGenerator) -> [String] {
        let info = ["```swift", "```swift hide", "```swift silent", "```swift norun", "~~~swift", "````swift crashes", "```swift tolerance=1e-3"]
            .randomElement(using: &rng)!
        let marker = String(info.prefix { $0 == "`" || $0 == "~" })
        var lines = [info] + codeTexts.shuffled(using: &rng).prefix(Int.random(in: 0...3, using: &rng)) + [marker]
        if Bool.random(using: &rng) { lines += ["```output"] + outputLines.shuffled(using: &rng).prefix(Int.random(in: 0...3, using: &rng)) + ["```"] }
        let (first, rest) = Bool.random(using: &rng) ? ("", "") : prefixes.randomElement(using: &rng)!
        return lines.enumerated().map { ($0.offset == 0 ? first : rest) + $0.element }
    }

    static let fenceLines = [
        "```", "````", "~~~", "~~~~", "`````", "```swift", "````swift", "~~~swift", "```output", "````output", "~~~output",
        "```swift hide", "```swift silent", "```swift norun", "```swift fails", "```swift crashes", "```swift tolerance=1e-3",
        "```swift bogus", "```swift tolerance=", "```output extra", "``` swift", "```Swift", "```swiftly", "```python",
        "   ```swift", "    ```swift", "```swift`", "``` output", "  ```", "> ```", "- ```swift", "```swift scope=a",
    ]

    static let infos = ["swift", "output", "", " swift", "swift hide", "swift silent", "swift norun", "swift crashes", "output x",
                        "swift tolerance=0.5", "swift nope", "text", "swift `", "swift\t", "swift scope=b isolated"]

    static let proseTokens = [
        "{{", "}}", "\\{{", "$", "$$", "{{x}}", "{{x: 1}}", "{{ y : 2 }}", "{{x:1}}", "{{: 1}}", "{{}}", "$a$", "$a {{z: 3}} b$",
        "$$ {{w}} $$", "$5", "\\$", "`", "``", "{", "}", "{{{x}}}", "{{a}}}", "{{\"s: t\": u}}", "[link]({{x}})", "<span>{{x}}</span>",
        "*{{e: 2}}*", "[^1]", "\t", " ", "    ", "@fig-a", "\\@tbl-b", "me@fig-tree.org", "@fig-", "[@tbl-c]", "{{f(1, \"}\")}}", "{{a[0]: 0.5}}", "$x = {{v: 2.5}}$", "$$a = {{v2: 3}}$$",
    ]

    static let proseLines = [
        "", "Prose with {{cited: 0.25}} and $x_1$.", "| a | {{t: 1}} |", "|---|---|", "<!-- lecture timeout=5 -->",
        "<!-- lecture bogus -->", "<div>", "</div>", "[^1]: a note", "# Another title", "Title", "===", "---", "> [!NOTE]",
        "$$", "\\begin{aligned} a &= {{m: 1}} \\end{aligned}", "- [ ] task", "1. first", "    indented code", "{{x}}",
        "$$a = {{p: 1}}$$", "Inline $x = {{q: 2}}$ here, $5 and $6 there.", "$$", "a = {{r}}",
    ]

    static let prefixes = [
        ("> ", "> "), (">", ">"), ("> ", ""), ("- ", "  "), ("- ", "- "), ("* ", "  "), ("1. ", "   "), ("10) ", "    "),
        ("  ", "  "), ("   ", "   "), ("\t", "\t"), ("> - ", ">   "), ("- > ", "  > "), ("> > ", "> > "), ("1. > ", "   > "),
        ("[^n]: ", "    "), ("-\t", "\t"), (">\t", ">\t"), ("- ", "    "), ("+ ", " "),
    ]

    static let codeTexts = [
        "{", "}", "(", ")", "[", "]", "\"", "\"\"\"", "#if DEBUG", "#endif", "/*", "*/", "// Prints 1", "// Prints:", "print(1)",
        "let x = 1", "parameter(\"p\", default: 1)", "print(\"```\")", "\\", "$", "{{x}}", "\t", "    ", "`", "```",
    ]

    static let outputLines = ["old", "", "  ", "0.5", "```", "> q", "- i"]

    static let controlBytes: [[UInt8]] = [
        [0x00], [0x01], [0x07], [0x08], [0x0B], [0x0C], [0x1B], [0x7F], [0x0D], [0x00, 0x00], [0xC2, 0x85], [0xE2, 0x80, 0xA8],
        [0xEF, 0xBB, 0xBF], [0xCC, 0x81], [0xE2, 0x80, 0x8D], [0x09],
    ]

    static let invalidUTF8: [[UInt8]] = [
        [0xFF], [0xFE], [0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
        [0xF8, 0x88, 0x80, 0x80, 0x80], [0xE0, 0x80, 0xAF], [0xF0, 0x9F, 0x98],
    ]

    /// What long lines repeat. Not `| `: the cmark-gfm of Debian 12 (0.29.0.gfm.6)
    /// reads a table row of many cells in quadratic time (CVE-2023-37463, fixed in
    /// 0.29.0.gfm.12); 40,000 cells take ten seconds in cmark alone.
    static let hugeUnits = ["word ", "x", "é", "`", "$", "{", "}", "{{x}} ", "a $b$ {{c: 1}} ", "*", "[", "<", "\\", "> ", "- ", "\t", " "]
}
