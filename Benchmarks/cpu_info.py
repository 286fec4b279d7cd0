"""Prints one line naming this machine's CPU: its model, the SIMD extensions it
has of those the benchmarks' kernels can use, and the CPU that
`-target-cpu native` compiles for (asked of the clang beside swift, whose LLVM
is the compiler's).

Usage: python3 cpu_info.py CLANG
"""
import re
import subprocess
import sys

SIMD = ["sse2", "avx", "avx2", "fma", "avx512f", "avx512dq", "avx512vl", "avx512bw"]


def cpuinfo():
    """The model name (with its family and model numbers, which a virtual
    machine's name may leave out) and the flags of the first processor in
    /proc/cpuinfo."""
    fields = {}
    try:
        with open("/proc/cpuinfo") as info:
            for line in info:
                key, _, value = line.partition(":")
                fields.setdefault(key.strip(), value.strip())
    except OSError:
        pass
    model = fields.get("model name", "unknown CPU")
    if "cpu family" in fields and "model" in fields:
        model += f" (family {fields['cpu family']}, model {fields['model']})"
    return model, set(fields.get("flags", "").split())


def native_cpu(clang):
    """The -target-cpu that clang's -march=native resolves to, or None."""
    try:
        done = subprocess.run([clang, "-march=native", "-###", "-x", "c", "-c", "/dev/null"],
                              capture_output=True, text=True)
    except OSError:
        return None
    found = re.search(r'"-target-cpu" "([^"]+)"', done.stderr)
    return found.group(1) if found else None


def main():
    model, flags = cpuinfo()
    simd = " ".join(flag for flag in SIMD if flag in flags) or "none listed"
    target = native_cpu(sys.argv[1]) if len(sys.argv) > 1 else None
    print(f"CPU: {model}; SIMD: {simd}; Swift built with -target-cpu native"
          + (f" ({target})" if target else ""))


if __name__ == "__main__":
    main()
