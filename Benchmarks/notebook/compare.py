"""Times `lecture verify` of the bundled course against `jupyter nbconvert --to html
--execute` of course.ipynb (the same computations in NumPy), side by side in one
run, and prints medians and ratios as a Markdown table.

Usage: python3 Benchmarks/notebook/compare.py LECTURE_BINARY
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
lecture = os.path.abspath(sys.argv[1])
notebook = os.path.join(root, "Benchmarks", "notebook", "course.ipynb")


def timed(command, env=None, setup=None, repeat=3):
    times = []
    for _ in range(repeat):
        if setup:
            setup()
        start = time.perf_counter()
        result = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True)
        times.append(time.perf_counter() - start)
        if result.returncode != 0:
            sys.exit(f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")
    return statistics.median(times), result


with tempfile.TemporaryDirectory() as scratch:
    cache = os.path.join(scratch, "cache")
    env = dict(os.environ, LECTURE_CACHE=cache, CI="true")
    chapters = os.path.join(cache, "chapters")

    def empty_cache():
        shutil.rmtree(cache, ignore_errors=True)

    def empty_chapter_cache():
        shutil.rmtree(chapters, ignore_errors=True)

    html = os.path.join(scratch, "course.html")
    jupyter, _ = timed(["jupyter", "nbconvert", "--to", "html", "--execute", notebook, "--output", html])
    cold, _ = timed([lecture, "verify"], env, setup=empty_cache, repeat=1)
    chapters_cold, _ = timed([lecture, "verify"], env, setup=empty_chapter_cache)
    warm, _ = timed([lecture, "verify"], env, repeat=5)

    # Edit one cell of the last chapter in a copy of the course: only it recompiles.
    course = os.path.join(scratch, "lectures")
    shutil.copytree(os.path.join(root, "lectures"), course)
    last = sorted(name for name in os.listdir(course) if name.endswith(".md"))[-1]
    path = os.path.join(course, last)
    with open(path) as file:
        text = file.read()
    with open(path, "w") as file:
        file.write(text.replace("```swift\n", "```swift\n_ = 0\n", 1))
    timed([lecture, "verify", "--lectures", course], env, repeat=1)  # the copy's first build
    with open(path, "w") as file:
        file.write(text.replace("```swift\n", "```swift\n_ = 1\n", 1))
    edited, result = timed([lecture, "verify", "--lectures", course, "--verbose"], env, repeat=1)
    recompiled = sorted({line.split(":")[0] for line in result.stderr.splitlines() if ": compiling" in line})

    print("| run | median seconds | notebook / run |")
    print("| --- | ---: | ---: |")
    print(f"| `jupyter nbconvert --to html --execute` (NumPy) | {jupyter:.2f} | 1.0 |")
    print(f"| `lecture verify`, warm cache | {warm:.2f} | {jupyter / warm:.1f} |")
    print(f"| `lecture verify`, empty chapter cache | {chapters_cold:.2f} | {jupyter / chapters_cold:.1f} |")
    print(f"| `lecture verify`, after editing one cell | {edited:.2f} | {jupyter / edited:.1f} |")
    print(f"| `lecture verify`, empty cache (library built too) | {cold:.2f} | {jupyter / cold:.1f} |")
    print()
    print(f"after editing one cell of {last}, recompiled: {', '.join(os.path.basename(p) for p in recompiled)}")
