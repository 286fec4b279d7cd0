#ifndef LOOKUP_H
#define LOOKUP_H
// A table lookup of eight lanes at a time for the Neural library's kernels,
// in C because Swift has no permutation by indices that vary from lane to
// lane: its SIMD subscript by a vector of indices goes through memory, one
// lane at a time. The result is the same on every CPU; only the speed
// depends on the instructions the compiler may use.
#include <stdint.h>

typedef double lookup_lanes __attribute__((ext_vector_type(8)));
typedef int64_t lookup_indices __attribute__((ext_vector_type(8)));

#if defined(__AVX512F__)
#include <immintrin.h>
#elif defined(__AVX2__)
#include <immintrin.h>
#endif

/* Lane i of the result is entry (index[i] mod 16) of the sixteen-entry
   table whose entries 0..7 are `low` and 8..15 are `high`. */
static inline __attribute__((always_inline))
lookup_lanes lookup_table16(lookup_lanes low, lookup_lanes high, lookup_indices index) {
#if defined(__AVX512F__)
    // One two-register permutation: it reads the low four bits of each index.
    return (lookup_lanes)_mm512_permutex2var_pd((__m512d)low, (__m512i)index, (__m512d)high);
#elif defined(__AVX2__)
    // Two gathers of four lanes from the table in memory.
    double table[16];
    for (int entry = 0; entry < 8; entry++) {
        table[entry] = low[entry];
        table[entry + 8] = high[entry];
    }
    const __m256i mask = _mm256_set1_epi64x(15);
    const __m256i first = _mm256_and_si256(_mm256_set_epi64x(index[3], index[2], index[1], index[0]), mask);
    const __m256i second = _mm256_and_si256(_mm256_set_epi64x(index[7], index[6], index[5], index[4]), mask);
    const __m256d a = _mm256_i64gather_pd(table, first, 8), b = _mm256_i64gather_pd(table, second, 8);
    return (lookup_lanes){a[0], a[1], a[2], a[3], b[0], b[1], b[2], b[3]};
#else
    lookup_lanes result;
    for (int lane = 0; lane < 8; lane++) {
        const int64_t entry = index[lane] & 15;
        result[lane] = entry < 8 ? low[entry] : high[entry - 8];
    }
    return result;
#endif
}

#endif
