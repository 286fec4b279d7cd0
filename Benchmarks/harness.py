"""Runs each benchmark's implementations side by side, several times, checks
that they computed the same thing, and prints Markdown tables of medians and
ratios, of the targets, and of each workload's lower bound on this machine.
Called by `run`, which builds the programs and writes the data first.

Every program prints one JSON object on stdout: training seconds (measured
inside the program, around the training loop only), peak RSS in KiB (VmHWM),
and what it computed (iteration count and theta, or the final loss).
"""
import argparse
import json
import os
import statistics
import subprocess
import sys

# NumPy runs without the OpenBLAS overrides some environments set (they slow a
# current NumPy down), on as many BLAS threads as --numpy-threads says.
NUMPY_ENV = ["env", "-u", "OPENBLAS_CORETYPE", "-u", "OPENBLAS_L2_SIZE"]

# The two-layer network's training settings, shared by both implementations.
STEPS, RATE = 200, 1.0
# How closely the two-layer final losses must agree (relative).
LOSS_TOLERANCE = 1e-9

# The operations of each workload's kernels, per eight-lane operation's lane,
# by the pipes that execute them (see README.md, "Lower bounds"): fused
# multiply-adds and multiplications, additions and subtractions, divisions.
# Per sample and step of the Iris neuron: z = x·θ (3 + 3), σ (10 + 3 + 1),
# the residual (1 addition) and the three sums (3 + 3).
IRIS_OPERATIONS = {"fma": 16, "add": 10, "div": 1}
# Per point, step and hidden unit of the 2-64-1 network: z = x·W + b (2 + 3),
# σ (10 + 3 + 1), the output's dot product (1 + 1), and backward the output
# layer's weight sums and G (2 + 2), Δ (2 + 1), the bias and weight sums (2 + 3).
TWO_LAYER_OPERATIONS = {"fma": 19, "add": 13, "div": 1}
LANES = 8


class Mismatch(Exception):
    """Two implementations computed different results."""


def numpy_command(args, script, *arguments, threads=None):
    """NumPy with `threads` OpenBLAS threads (--numpy-threads if None, and
    OpenBLAS's own default if "default")."""
    threads = args.numpy_threads if threads is None else threads
    count = [] if threads == "default" else [f"OPENBLAS_NUM_THREADS={threads}"]
    return NUMPY_ENV + count + [args.python, f"{args.here}/numpy/{script}", *arguments]


def run_once(command):
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        raise SystemExit(f"error: {' '.join(command)} exited with {done.returncode}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def run_all(commands, reps):
    """Runs every command reps times, rotating the order each round so no
    implementation always runs first (or right after the slowest)."""
    names = list(commands)
    results = {name: [] for name in names}
    for rep in range(reps):
        for name in names[rep % len(names):] + names[:rep % len(names)]:
            print(f"  {name} {rep + 1}/{reps}", file=sys.stderr, flush=True)
            results[name].append(run_once(commands[name]))
    return results


def relative_difference(a, b):
    return max(abs(x - y) / max(abs(x), abs(y), 1e-300) for x, y in zip(a, b))


def summary(runs):
    times = sorted(r["seconds"] for r in runs)
    rss = max(r["maxrss_kb"] for r in runs) / 1024
    return statistics.median(times), times[0], times[-1], rss


def table(title, results, baseline, reference, note):
    """One Markdown table: a row per implementation with median time, spread,
    peak memory, time relative to `baseline` and `reference`'s speed-up over it."""
    medians = {name: summary(runs)[0] for name, runs in results.items()}
    lines = [f"### {title}", "", note, "",
             f"| implementation | median (s) | min–max (s) | peak RSS (MiB) "
             f"| time / {baseline} | {reference} time / this |",
             "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for name, runs in results.items():
        median, low, high, rss = summary(runs)
        lines.append(f"| {name} | {median:.3f} | {low:.3f}–{high:.3f} | {rss:.1f} "
                     f"| {median / medians[baseline]:.2f} | {medians[reference] / median:.1f}× |")
    return "\n".join(lines), medians


def iris(args):
    commands = {
        "Swift (Neural)": [args.swift, "iris"],
        "C -O3": [args.c_iris, args.iris_csv],
        "NumPy": numpy_command(args, "iris_neuron.py", args.iris_csv),
    }
    results = run_all(commands, args.reps)
    every = [r for runs in results.values() for r in runs]
    counts = {r["iterations"] for r in every}
    if len(counts) != 1:
        found = {name: sorted({r["iterations"] for r in runs}) for name, runs in results.items()}
        raise Mismatch(f"Iris iteration counts differ: {found}")
    reference = results["C -O3"][0]["theta"]
    diffs = {name: max(relative_difference(r["theta"], reference) for r in runs)
             for name, runs in results.items() if name != "C -O3"}
    iterations = next(iter(counts))
    note = (f"Trained to convergence: {counts.pop()} iterations in every run; θ = "
            f"({', '.join(f'{t:.6f}' for t in reference)}); max relative difference of θ "
            f"from C: " + ", ".join(f"{name} {d:.1e}" for name, d in diffs.items()) + ".")
    text, medians = table("Iris sigmoid neuron", results, "C -O3", "NumPy", note)
    swift = medians["Swift (Neural)"]
    targets = [("Iris: Swift time / C -O3 time", swift / medians["C -O3"], "≤ 0.35",
                swift <= 0.35 * medians["C -O3"]),
               ("Iris: NumPy time / Swift time", medians["NumPy"] / swift, "≥ 40",
                medians["NumPy"] >= 40 * swift)]
    with open(args.iris_csv) as data:
        samples = sum(1 for _ in data) - 1
    bound = lower_bound(args.peak, IRIS_OPERATIONS, iterations * samples, cores=1)
    return text, targets, [("Iris neuron (one core)", bound, swift)]


def two_layer(args):
    swift = [args.swift, "two-layer", args.points, str(STEPS), str(RATE)]
    commands = {
        "Swift (Neural)": swift,
        # The same program held to one core: its threads share it.
        "Swift (Neural), 1 core": ["taskset", "-c", "0"] + swift,
        "NumPy": numpy_command(args, "two_layer.py", args.points, str(STEPS), str(RATE)),
        f"NumPy ({args.numpy_default_threads} threads, its default)": numpy_command(
            args, "two_layer.py", args.points, str(STEPS), str(RATE), threads="default"),
    }
    results = run_all(commands, args.reps)
    losses = {name: [r["loss"] for r in runs] for name, runs in results.items()}
    spread = max(relative_difference([losses["Swift (Neural)"][0]], [runs[0]])
                 for name, runs in losses.items() if name != "Swift (Neural)")
    if spread > LOSS_TOLERANCE:
        raise Mismatch(f"two-layer final losses differ by {spread:.1e} (relative): {losses}")
    note = (f"2 → 64 → 1 sigmoid network, {STEPS} full-batch steps at rate {RATE} on "
            f"10,000 points; final loss {losses['NumPy'][0]:.12f}, relative difference "
            f"Swift vs NumPy {spread:.1e} (tolerance {LOSS_TOLERANCE:.0e}).")
    text, medians = table("Two-layer network", results, "NumPy", "NumPy", note)
    swift_time, numpy_time = medians["Swift (Neural)"], medians["NumPy"]
    default = medians[f"NumPy ({args.numpy_default_threads} threads, its default)"]
    one_core = medians["Swift (Neural), 1 core"]
    targets = [
        (f"Two-layer: NumPy ({args.numpy_threads} thread) time / Swift time", numpy_time / swift_time, "≥ 10",
         numpy_time >= 10 * swift_time),
        (f"Two-layer: NumPy ({args.numpy_default_threads} threads, its default) time / Swift time",
         default / swift_time, "≥ 5", default >= 5 * swift_time),
        (f"Two-layer: NumPy ({args.numpy_threads} thread) time / Swift time on 1 core", numpy_time / one_core,
         "(none)", "—"),
    ]
    points = STEPS * 10_000 * 64
    bounds = [("Two-layer network (one core)", lower_bound(args.peak, TWO_LAYER_OPERATIONS, points, cores=1), one_core),
              (f"Two-layer network ({args.cores} cores)",
               lower_bound(args.peak, TWO_LAYER_OPERATIONS, points, cores=args.cores), swift_time)]
    return text, targets, bounds


def lower_bound(peak, operations, count, cores):
    """Seconds that `count` units of `operations` take at the measured peak:
    each kind of pipe busy all the time, whichever is the slowest, and the
    multiply and add pipes together no faster than `mixed`. The measured
    rates per cycle times the measured clock are rates per second, so an
    error in the clock cancels out."""
    per_second = {kind: peak[f"{kind}_per_cycle"] * peak["clock_ghz"] * 1e9 * LANES
                  for kind in ("fma", "add", "div", "mixed")}
    seconds = max(max(operations[kind] / per_second[kind] for kind in operations),
                  (operations["fma"] + operations["add"]) / per_second["mixed"])
    return count * seconds / cores


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--here", required=True, help="the Benchmarks folder")
    parser.add_argument("--swift", required=True, help="the neural-bench executable")
    parser.add_argument("--c-iris", required=True, help="the C reference executable")
    parser.add_argument("--python", default="python3")
    parser.add_argument("--numpy-threads", type=int, default=1)
    parser.add_argument("--numpy-default-threads", type=int, required=True,
                        help="how many threads OpenBLAS takes by default")
    parser.add_argument("--iris-csv", required=True)
    parser.add_argument("--points", required=True)
    parser.add_argument("--blas", default="", help="one line naming NumPy's BLAS")
    parser.add_argument("--cpu", default="", help="one line naming the CPU")
    parser.add_argument("--peak", required=True, help="the JSON line of the peak program")
    args = parser.parse_args()
    args.peak = json.loads(args.peak)
    args.cores = os.cpu_count() or 1

    sections, targets, bounds = [], [], []
    for bench in (iris, two_layer):
        try:
            text, met, bound = bench(args)
        except Mismatch as error:
            raise SystemExit(f"error: {error}")
        sections.append(text)
        targets += met
        bounds += bound
    peak = args.peak
    print(f"{args.cpu}; {args.cores} cores.\n")
    print(f"Medians of {args.reps} runs each, interleaved; {args.blas}.\n")
    print("\n\n".join(sections))
    print("\n### Targets\n")
    print("| ratio | measured | target | met |")
    print("| --- | ---: | ---: | --- |")
    for name, value, goal, met in targets:
        shown = met if isinstance(met, str) else ("yes" if met else "no")
        print(f"| {name} | {value:.2f} | {goal} | {shown} |")
    print("\n### Lower bounds\n")
    rate = {kind: peak[f"{kind}_per_cycle"] * peak["clock_ghz"] for kind in ("fma", "add", "mixed", "div")}
    print(f"Measured peak per core, in eight-lane operations per nanosecond (`c/peak.c`): fused "
          f"multiply-adds {rate['fma']:.2f}, additions {rate['add']:.2f}, both mixed {rate['mixed']:.2f}, "
          f"divisions {rate['div']:.3f}; clock {peak['clock_ghz']:.2f} GHz (under load the clock reads low, "
          f"the rates do not: the bounds use only the rates).\n")
    print("| work | lower bound (s) | Swift median (s) | fraction of the bound achieved |")
    print("| --- | ---: | ---: | ---: |")
    for name, bound, measured in bounds:
        print(f"| {name} | {bound:.3f} | {measured:.3f} | {bound / measured:.2f} |")


if __name__ == "__main__":
    main()
