"""Runs each benchmark's implementations side by side, several times, checks
that they computed the same thing, and prints a Markdown table of medians and
ratios. Called by `run`, which builds the programs and writes the data first.

Every program prints one JSON object on stdout: training seconds (measured
inside the program, around the training loop only), peak RSS in KiB (VmHWM),
and what it computed (iteration count and theta, or the final loss).
"""
import argparse
import json
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


class Mismatch(Exception):
    """Two implementations computed different results."""


def numpy_command(args, script, *arguments, threads=None):
    threads = args.numpy_threads if threads is None else threads
    return NUMPY_ENV + [f"OPENBLAS_NUM_THREADS={threads}", args.python,
                        f"{args.here}/numpy/{script}", *arguments]


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
    note = (f"Trained to convergence: {counts.pop()} iterations in every run; θ = "
            f"({', '.join(f'{t:.6f}' for t in reference)}); max relative difference of θ "
            f"from C: " + ", ".join(f"{name} {d:.1e}" for name, d in diffs.items()) + ".")
    text, medians = table("Iris sigmoid neuron", results, "C -O3", "NumPy", note)
    swift = medians["Swift (Neural)"]
    targets = [("Iris: Swift time / C time", swift / medians["C -O3"], "≤ 1.0",
                swift <= medians["C -O3"]),
               ("Iris: NumPy time / Swift time", medians["NumPy"] / swift, "≥ 30",
                medians["NumPy"] >= 30 * swift)]
    return text, targets


def two_layer(args):
    commands = {
        "Swift (Neural)": [args.swift, "two-layer", args.points, str(STEPS), str(RATE)],
        "NumPy": numpy_command(args, "two_layer.py", args.points, str(STEPS), str(RATE)),
    }
    # Swift's two-layer passes run on two threads: NumPy with two OpenBLAS
    # threads too, for an even comparison.
    if args.numpy_threads != 2:
        commands["NumPy (2 threads)"] = numpy_command(
            args, "two_layer.py", args.points, str(STEPS), str(RATE), threads=2)
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
    ratio = medians["NumPy"] / medians["Swift (Neural)"]
    targets = [(f"Two-layer: NumPy ({args.numpy_threads} thread(s)) time / Swift time", ratio, "≥ 3", ratio >= 3)]
    if "NumPy (2 threads)" in medians:
        two = medians["NumPy (2 threads)"] / medians["Swift (Neural)"]
        targets.append(("Two-layer: NumPy (2 threads) time / Swift time", two, "(none)", "—"))
    return text, targets


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--here", required=True, help="the Benchmarks folder")
    parser.add_argument("--swift", required=True, help="the neural-bench executable")
    parser.add_argument("--c-iris", required=True, help="the C reference executable")
    parser.add_argument("--python", default="python3")
    parser.add_argument("--numpy-threads", type=int, default=1)
    parser.add_argument("--iris-csv", required=True)
    parser.add_argument("--points", required=True)
    parser.add_argument("--blas", default="", help="one line naming NumPy's BLAS")
    args = parser.parse_args()

    sections, targets = [], []
    for bench in (iris, two_layer):
        try:
            text, met = bench(args)
        except Mismatch as error:
            raise SystemExit(f"error: {error}")
        sections.append(text)
        targets += met
    print(f"Medians of {args.reps} runs each, interleaved; {args.blas}.\n")
    print("\n\n".join(sections))
    print("\n### Targets\n")
    print("| ratio | measured | target | met |")
    print("| --- | ---: | ---: | --- |")
    for name, value, goal, met in targets:
        shown = met if isinstance(met, str) else ("yes" if met else "no")
        print(f"| {name} | {value:.2f} | {goal} | {shown} |")


if __name__ == "__main__":
    main()
