import Foundation
import PropertyBased
import Testing
@testable import Literate

/// Property tests of reading and blessing lectures: lectures made from the
/// bundled course, the fixtures and the Markdown corpus (``BaseLecture``), with
/// mutations of their bytes (``LectureGen``), and made-up runs of their cells
/// (``RunGen``). ``LectureProperties`` says what is checked on each case.
///
/// Cases per run of `swift test`: the parser, one mutated lecture per base (817
/// bases: 17 lectures and fixtures, 800 corpus cases) and 800 random ones; bless,
/// one case per base and 500 random ones: 2,934 cases, of which some 80% of the
/// bless cases read and are blessed or refused (every bless case checks the
/// parser too, and each blessed lecture is read twice more). They take about 42
/// seconds of processor time in a debug build, 25 to 30 seconds on two free cores.
///
/// The sweeps over the bases use fixed seeds, so they check the same cases on
/// every run; the random tests draw new cases each run and print the seed that
/// reproduces a failure (add `.fixedSeed(...)` to the test while fixing it),
/// except in CI (`CI=true`), where they too take fixed seeds, as Hypothesis's
/// derandomized CI profile does: a CI run checks the cases the last green one
/// checked, so that its failure is the change's, while every developer's run
/// keeps looking for new ones.
/// A failure prints the case as a recipe (base, window, mutations, run) and its
/// bytes; a trap, which ends the process first, leaves the recipe in the file
/// that ``TrapWitness`` names.
@Suite struct LecturePropertyTests {
    static let randomReadingCases = 800
    static let randomBlessingCases = 500
    /// Whether the random tests take fixed seeds (in CI) instead of new ones.
    static let drawsFixedCases = ProcessInfo.processInfo.environment["CI"] == "true"

    @Test("The parser reads or refuses, with a place, a mutation of each base", arguments: BaseLecture.all.indices)
    func readingEachBase(base: Int) {
        let witness = TrapWitness("reading-base-\(base)")
        let mutated = Self.fixed(LectureGen.mutated(bases: base...base, count: 1...10), seed: UInt64(base))
        witness.checking(mutated.recipe)
        _ = LectureProperties.read(mutated)
        witness.passed()
    }

    @Test("The parser reads or refuses, with a place, random mutations")
    func readingRandomCases() async {
        let witness = TrapWitness("reading-random")
        let input = LectureGen.mutated(count: 1...10)
        func check(_ mutated: MutatedLecture) {
            witness.checking(mutated.recipe)
            _ = LectureProperties.read(mutated)
        }
        if Self.drawsFixedCases {
            for k in 0..<Self.randomReadingCases { check(Self.fixed(input, seed: UInt64(k) | 3 << 32)) }
        } else {
            await propertyCheck(count: Self.randomReadingCases, input: input) { check($0) }
        }
        witness.passed()
    }

    @Test("Bless refuses with a place, or writes a lecture that verifies and blesses to itself, for a mutation of each base",
          arguments: BaseLecture.all.indices)
    func blessingEachBase(base: Int) {
        let witness = TrapWitness("blessing-base-\(base)")
        var tally = LectureProperties.Tally()
        let mutated = Self.fixed(LectureGen.mutated(bases: base...base, count: 0...4, citationLineBytes: 20_000), seed: UInt64(base) | 2 << 32)
        let run = Self.fixed(RunGen.run, seed: UInt64(base) | 1 << 32)
        witness.checking(mutated.recipe + "\n" + run.testDescription)
        LectureProperties.bless(mutated, with: run, tally: &tally)
        witness.passed()
    }

    @Test("Bless refuses with a place, or writes a lecture that verifies and blesses to itself, for random cases")
    func blessingRandomCases() async {
        let witness = TrapWitness("blessing-random")
        var tally = LectureProperties.Tally()
        let input = LectureGen.mutated(count: 0...4, citationLineBytes: 20_000)
        func check(_ mutated: MutatedLecture, _ run: MadeUpRun) {
            witness.checking(mutated.recipe + "\n" + run.testDescription)
            LectureProperties.bless(mutated, with: run, tally: &tally)
        }
        if Self.drawsFixedCases {
            for k in 0..<Self.randomBlessingCases {
                check(Self.fixed(input, seed: UInt64(k) | 4 << 32), Self.fixed(RunGen.run, seed: UInt64(k) | 5 << 32))
            }
        } else {
            await propertyCheck(count: Self.randomBlessingCases, input: input, RunGen.run) { check($0, $1) }
        }
        witness.passed()
        // The properties held on enough cases of each kind to mean something
        // (typically 400 read, 370 blessed, 20 in containers, 30 closing cells,
        // 50 with CR LF or CR endings); a failure stops the check early.
        guard tally.cases == Self.randomBlessingCases else { return }
        #expect(tally.parsed >= tally.cases / 2 && tally.blessed >= tally.parsed / 2, "\(tally)")
        #expect(tally.inContainers >= 5 && tally.closedCells >= 5 && tally.otherEndings >= 10, "\(tally)")
    }

    /// The value of `generator` from a seed made of `seed`.
    static func fixed<T>(_ generator: Generator<T, some SendableSequenceType>, seed: UInt64) -> T {
        var state = seed &+ 0x6C65_6374_7572_6573
        func next() -> UInt64 {
            // SplitMix64 spreads a small seed over the generator's four words.
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        var rng = Xoshiro(seed: (next(), next(), next(), next()))
        return generator.run(using: &rng)
    }
}
