import Neural
import Testing

/// Softmax, the categorical cross-entropy, the reproducible shuffle and
/// split, and mini-batch gradient descent, against reference/classification.py
/// (NumPy, and a Python transcription of the generator and the shuffle) and
/// against central differences.
@Suite struct ClassificationTests {
    static let scores: Matrix = [[1, 2, 3], [-1, 0, 5], [1000, 0, -1000], [0.5, 0.5, 0.5]]
    static let classes = [2, 0, 1, 1]

    @Test func softmaxMatchesNumPy() {
        let p = Softmax.probabilities(Self.scores)
        expectClose(p.elements.filter { $0 != 0 }, [
            0.090030573170380462, 0.24472847105479764, 0.66524095577482178, 0.0024561149044509535,
            0.0066764125133764512, 0.99086747258217256, 1, 0.33333333333333331, 0.33333333333333331, 0.33333333333333331,
        ], relative: 1e-15)
        #expect(p[2, 1] == 0 && p[2, 2] == 0)
        for i in 0..<p.rows {
            expectClose(p.row(i).sum(), 1, relative: 1e-15)
        }
        let logP = Softmax.logProbabilities(Self.scores)
        expectClose(logP.elements.filter { $0 != 0 }, [
            -2.4076059644443806, -1.4076059644443804, -0.40760596444438041, -6.0091744845917345, -5.0091744845917345,
            -0.0091744845917347273, -1000, -2000, -1.0986122886681098, -1.0986122886681098, -1.0986122886681098,
        ], relative: 1e-15)
    }

    /// With scores (0, z), the second class's probability is σ(z).
    @Test func twoClassSoftmaxIsTheSigmoid() {
        for z in [-30.0, -2, 0, 0.7, 12] {
            let p = Softmax.probabilities(Matrix(row: [0, z]))
            expectClose(p[0, 1], Activation.sigmoid(z), relative: 1e-15)
        }
    }

    @Test func crossEntropyMatchesNumPy() {
        expectClose(CategoricalCrossEntropy.value(logits: Self.scores, classes: Self.classes), 251.87884818442606, relative: 1e-15)
        let g = CategoricalCrossEntropy.gradient(logits: Self.scores, classes: Self.classes)
        expectClose(g.elements.filter { $0 != 0 }, [
            0.022507643292595116, 0.06118211776369941, -0.083689761056294554, -0.24938597127388726, 0.0016691031283441128,
            0.24771686814554314, 0.25, -0.25, 0.083333333333333329, -0.16666666666666669, 0.083333333333333329,
        ], relative: 1e-14)
    }

    /// ∂J/∂Z = (P − Y)/n against central differences of J, at scores of
    /// order one where h = 10⁻⁵ leaves an error near 10⁻¹⁰.
    @Test func crossEntropyGradientMatchesCentralDifferences() {
        let scores: Matrix = [[0.3, -1.2, 2.0], [1.5, 0.1, -0.4]]
        let classes = [0, 2]
        let check = GradientCheck(
            analytic: CategoricalCrossEntropy.gradient(logits: scores, classes: classes).elements, at: scores.elements
        ) { z in
            CategoricalCrossEntropy.value(logits: Matrix(rows: 2, columns: 3, elements: z), classes: classes)
        }
        #expect(check.maxRelativeError < 1e-8, "max relative error \(check.maxRelativeError)")
    }

    @Test func oneHotAndArgmax() {
        #expect(Matrix(oneHot: [2, 0, 1], classes: 3) == [[0, 0, 1], [1, 0, 0], [0, 1, 0]])
        #expect(Self.scores.rowArgmax() == [2, 2, 0, 0])
        #expect(Matrix([[1, 3, 3], [-1, -2, -1]]).rowArgmax() == [1, 0])
        #expect(Iris.features.rows([100, 0, 100]) == Matrix([
            [6.3, 3.3, 6.0, 2.5], [5.1, 3.5, 1.4, 0.2], [6.3, 3.3, 6.0, 2.5],
        ]))
    }

    @Test func uniformIntegersMatchTheReference() {
        var g = SeededGenerator(seed: 7)
        #expect((0..<12).map { _ in g.uniformInteger(below: 10) } == [7, 2, 8, 9, 9, 8, 0, 1, 4, 1, 5, 7])
        var h = SeededGenerator(seed: 7)
        // Bounds above 2⁶³ reject about half the draws: the rejection loop runs.
        let big = Int.max
        #expect((0..<3).map { _ in h.uniformInteger(below: big) }.allSatisfy { (0..<big).contains($0) })
    }

    @Test func shuffleMatchesTheReference() {
        var g = SeededGenerator(seed: 2022)
        #expect(Array(0..<20).shuffled(reproduciblyUsing: &g) == [14, 8, 15, 7, 12, 13, 16, 17, 10, 5, 0, 1, 9, 6, 19, 2, 4, 18, 11, 3])
        var empty = SeededGenerator(seed: 1)
        #expect([Int]().shuffled(reproduciblyUsing: &empty).isEmpty)
    }

    /// Over 60 000 shuffles of three elements each of the 6 orders is expected
    /// 10 000 times, with a standard deviation of √(60000·(1/6)(5/6)) ≈ 91;
    /// the tolerance is five of them.
    @Test func shuffleIsUniform() {
        var g = SeededGenerator(seed: 99)
        var counts: [[Int]: Int] = [:]
        for _ in 0..<60_000 {
            counts[[0, 1, 2].shuffled(reproduciblyUsing: &g), default: 0] += 1
        }
        #expect(counts.count == 6)
        #expect(counts.values.allSatisfy { abs($0 - 10_000) < 5 * 91 }, "\(counts)")
    }

    @Test func splitMatchesTheReference() {
        var g = SeededGenerator(seed: 2022)
        let split = DataSplit(count: 150, testCount: 30, using: &g)
        #expect(split.test == [45, 43, 129, 63, 147, 104, 46, 44, 65, 122, 113, 121, 110, 10, 119, 124, 16, 2, 127, 94, 79, 47, 114, 101, 69, 100, 138, 31, 15, 81])
        #expect(Array(split.training.prefix(10)) == [18, 120, 19, 49, 148, 130, 35, 128, 72, 93])
        #expect(Set(split.training + split.test) == Set(0..<150) && split.training.count == 120)
    }

    @Test func batchesCoverTheOrder() {
        let sgd = MiniBatchSGD(batchSize: 5, learningRate: 0.1)
        #expect(sgd.batches(Array(0..<12)) == [[0, 1, 2, 3, 4], [5, 6, 7, 8, 9], [10, 11]])
        #expect(MiniBatchSGD(batchSize: 20, learningRate: 0.1).batches([3, 1]) == [[3, 1]])
    }

    /// Three epochs of batches 5, 5 and 2 on 12 flowers, each epoch in a new
    /// order from the generator: the orders, each epoch's mean batch loss and
    /// the final parameters against NumPy. Products of NumPy may add in
    /// another order than the library, so 1e-12 relative.
    @Test func miniBatchTrainingMatchesNumPy() {
        let rows = [0, 1, 2, 3, 50, 51, 52, 53, 100, 101, 102, 103]
        let x = Iris.features.rows(rows).columns([2, 3])
        let classes = rows.map { Iris.targets[$0] }
        var network = Network([
            Dense(weights: [[0.5, -0.3, 0.8, 0.1], [-0.6, 0.9, 0.2, -0.4]], bias: [[0.1, 0.0, -0.2, 0.3]], activation: .sigmoid),
            Dense(weights: [[0.7, -0.5, 0.2], [-0.3, 0.6, 0.1], [0.4, 0.2, -0.8], [0.0, -0.1, 0.5]],
                  bias: [[0.0, 0.1, -0.1]], activation: .identity),
        ])
        let sgd = MiniBatchSGD(batchSize: 5, learningRate: 0.5)
        var g = SeededGenerator(seed: 11), orders = SeededGenerator(seed: 11)
        #expect((0..<3).map { _ in Array(0..<12).shuffled(reproduciblyUsing: &orders) } == [
            [1, 5, 7, 6, 4, 8, 9, 10, 3, 11, 0, 2], [2, 1, 11, 8, 5, 7, 10, 6, 3, 0, 9, 4], [7, 6, 4, 8, 11, 5, 1, 0, 2, 9, 10, 3],
        ])
        var byOrder = network
        let firstOrder = [1, 5, 7, 6, 4, 8, 9, 10, 3, 11, 0, 2]
        let firstLoss = sgd.epoch(&byOrder, inputs: x, classes: classes, order: firstOrder)
        var losses: [Double] = []
        for _ in 0..<3 {
            losses.append(sgd.epoch(&network, inputs: x, classes: classes, using: &g))
            if losses.count == 1 {
                #expect(losses[0] == firstLoss && network == byOrder)
            }
        }
        expectClose(losses, [1.6070621987450986, 1.2295071776909918, 1.1484443946571155], relative: 1e-12)
        expectClose(network.layers[0].weights.elements, [
            0.23435648155515354, -0.022990679790342, 0.88142394790541234, 0.34940040075581991,
            -0.70580685933321885, 1.0459359326518367, 0.20461850599621795, -0.2686698902670378,
        ], relative: 1e-12)
        expectClose(network.layers[0].bias!.elements, [0.13956151156550226, -0.10138020980403256, -0.12533144051574005, 0.27252705833568014], relative: 1e-12)
        expectClose(network.layers[1].weights.elements, [
            0.66893455896538978, -0.52348334933987983, 0.25454879037448996, -0.41627767481452221,
            0.34695386263639949, 0.4693238121781228, 0.21476555797963687, 0.051122822471356466,
            -0.46588838045099323, 0.052086166669449388, -0.21907375279687044, 0.56698758612742106,
        ], relative: 1e-12)
        expectClose(network.layers[1].bias!.elements, [0.085069190095286046, -0.16591035004371726, 0.080841159948431343], relative: 1e-12)
    }
}
