/*
 * The machine's peak for the operations the benchmarks' kernels are made of, measured:
 * the core clock and the throughput of eight-lane (512-bit, or two 256-bit halves)
 * fused multiply-adds, additions and divisions of doubles. The harness divides each
 * workload's operation counts by these to get its lower bound (Benchmarks/README.md).
 *
 *   clock:  a chain of dependent integer additions, one cycle each on every x86-64
 *           core, timed with a monotonic clock;
 *   fma, add, div: 16 independent chains of the operation on eight-lane vectors, so
 *           that latency is hidden and only throughput counts; per cycle;
 *   mixed:  8 chains of fused multiply-adds and 8 of additions at once: what the
 *           multiply and the add pipes give together, per cycle.
 *
 * Compiled with gcc -O2 -march=native -ffp-contract=fast (GCC's vector extensions
 * become the widest registers the CPU has, v·b + a one fused multiply-add). Prints one
 * JSON object.
 */
#include <stdio.h>
#include <time.h>

typedef double lanes __attribute__((vector_size(64)));

enum { CHAINS = 16 };

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

/* Cycles per second: 2^28 dependent one-cycle additions, best of five. */
static double clock_hz(void) {
    double best = 1e30;
    for (int round = 0; round < 5; round++) {
        unsigned long x = 0;
        double start = now();
        for (long i = 0; i < (1L << 24); i++) {
            __asm__ volatile(
                "add $1, %0\n\tadd $1, %0\n\tadd $1, %0\n\tadd $1, %0\n\t"
                "add $1, %0\n\tadd $1, %0\n\tadd $1, %0\n\tadd $1, %0\n\t"
                "add $1, %0\n\tadd $1, %0\n\tadd $1, %0\n\tadd $1, %0\n\t"
                "add $1, %0\n\tadd $1, %0\n\tadd $1, %0\n\tadd $1, %0"
                : "+r"(x));
        }
        double seconds = now() - start;
        if (seconds < best) best = seconds;
    }
    return (double)(1L << 28) / best;
}

/* One step of 16 independent chains on the vectors v0..v15, kept in registers: OP on
 * the even ones, ODD on the odd ones. */
#define STEP(OP, ODD)                                                                              \
    OP(v0); ODD(v1); OP(v2); ODD(v3); OP(v4); ODD(v5); OP(v6); ODD(v7);                            \
    OP(v8); ODD(v9); OP(v10); ODD(v11); OP(v12); ODD(v13); OP(v14); ODD(v15)

#define FMA(v) v = v * b + a /* one fused multiply-add: -ffp-contract=fast */
#define ADD(v) v = v + b
#define DIV(v) v = a / v

/* Seconds per vector operation, 16 independent chains, best of five. */
#define TIMED(NAME, OP, ODD)                                                                          \
    static double NAME(lanes *sink) {                                                              \
        const long steps = 1L << 22;                                                               \
        double best = 1e30;                                                                        \
        for (int round = 0; round < 5; round++) {                                                  \
            lanes a = {1.0000001, 1.0000002, 1.0000003, 1.0000004, 1.0000005, 1.0000006, 1.0000007, \
                       1.0000008};                                                                 \
            lanes b = a - 2e-7;                                                                    \
            (void)b;                                                                               \
            lanes v0 = a, v1 = a + 1, v2 = a + 2, v3 = a + 3, v4 = a + 4, v5 = a + 5, v6 = a + 6,    \
                  v7 = a + 7, v8 = a + 8, v9 = a + 9, v10 = a + 10, v11 = a + 11, v12 = a + 12,      \
                  v13 = a + 13, v14 = a + 14, v15 = a + 15;                                        \
            double start = now();                                                                  \
            for (long i = 0; i < steps; i++) {                                                     \
                STEP(OP, ODD);                                                                     \
            }                                                                                      \
            double seconds = now() - start;                                                        \
            if (seconds < best) best = seconds;                                                    \
            *sink += v0 + v1 + v2 + v3 + v4 + v5 + v6 + v7 + v8 + v9 + v10 + v11 + v12 + v13 + v14 + v15; \
        }                                                                                          \
        return best / (double)(steps * CHAINS);                                                    \
    }

TIMED(fma_seconds, FMA, FMA)
TIMED(add_seconds, ADD, ADD)
TIMED(div_seconds, DIV, DIV)
TIMED(mix_seconds, FMA, ADD)

int main(void) {
    lanes sink = {0};
    double hz = clock_hz();
    double fma = fma_seconds(&sink), add = add_seconds(&sink), div = div_seconds(&sink), mix = mix_seconds(&sink);
    printf("{\"clock_ghz\": %.3f, \"fma_per_cycle\": %.3f, \"add_per_cycle\": %.3f, \"div_per_cycle\": %.4f, "
           "\"mixed_per_cycle\": %.3f, \"sink\": %g}\n",
           hz / 1e9, 1 / (fma * hz), 1 / (add * hz), 1 / (div * hz), 1 / (mix * hz), sink[0]);
    return 0;
}
