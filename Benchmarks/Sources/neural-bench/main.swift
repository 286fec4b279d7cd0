#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// neural-bench: the Swift side of `Benchmarks/run`.
///
///     neural-bench iris                          train the Iris neuron once
///     neural-bench two-layer POINTS STEPS RATE   train the two-layer network once
///     neural-bench two-layer-phases POINTS STEPS RATE
///                                                the same, each step's passes timed apart
///     neural-bench --dump-iris OUT.csv           write the Iris data for C and NumPy
///
/// A run prints one JSON object (see ``Measurement``).
func main(_ arguments: [String]) throws(BenchError) {
    switch arguments.first {
    case "iris" where arguments.count == 1:
        print(IrisBenchmark.run().json())
    case let command? where ["two-layer", "two-layer-phases"].contains(command) && arguments.count == 4:
        guard let steps = Int(arguments[2]), steps > 0, let rate = Double(arguments[3]) else {
            throw BenchError("\(command): STEPS must be a positive integer and RATE a number")
        }
        let data = try PointsFile(path: arguments[1])
        print(command == "two-layer" ? TwoLayerBenchmark.run(data: data, steps: steps, learningRate: rate).json()
                                     : TwoLayerBenchmark.phases(data: data, steps: steps, learningRate: rate))
    case "--dump-iris" where arguments.count == 2:
        guard let file = fopen(arguments[1], "w"), fputs(IrisBenchmark.csv(), file) >= 0, fclose(file) == 0 else {
            throw BenchError("\(arguments[1]): cannot write")
        }
    default:
        throw BenchError("usage: neural-bench iris | two-layer POINTS STEPS RATE | two-layer-phases POINTS STEPS RATE | --dump-iris OUT.csv")
    }
}

do {
    try main(Array(CommandLine.arguments.dropFirst()))
} catch {
    let message = "neural-bench: \(error)\n"
    _ = message.withCString { write(STDERR_FILENO, $0, strlen($0)) }
    exit(1)
}
