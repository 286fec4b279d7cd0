#ifndef LOOKUP_H
#define LOOKUP_H
// A table lookup of eight lanes at a time for the Neural library's kernels,
// in C because Swift has no permutation by indices that vary from lane to
// lane: its SIMD subscript by a vector of indices goes through memory, one
// lane at a time. The result is the same on every CPU; only the speed
// depends on the instructions the compiler may use. The compiler's builtins
// stand for the intrinsics' header, <immintrin.h>, whose parsing would add
// about a tenth of a second to every compile of a chapter that imports the
// library.

typedef double lookup_lanes __attribute__((ext_vector_type(8)));
typedef long long lookup_indices __attribute__((ext_vector_type(8)));

/* Lane i of the result is entry (index[i] mod 16) of the sixteen-entry
   table whose entries 0..7 are `low` and 8..15 are `high`. */
static inline __attribute__((always_inline))
lookup_lanes lookup_table16(lookup_lanes low, lookup_lanes high, lookup_indices index) {
#if defined(__AVX512F__)
    // One two-register permutation (vpermi2pd): it reads the low four bits of each index.
    return __builtin_ia32_vpermi2varpd512(low, index, high);
#elif defined(__AVX2__)
    // Two gathers of four lanes (vgatherqpd) from the table in memory.
    typedef double half_lanes __attribute__((ext_vector_type(4)));
    typedef long long half_indices __attribute__((ext_vector_type(4)));
    double table[16];
    for (int entry = 0; entry < 8; entry++) {
        table[entry] = low[entry];
        table[entry + 8] = high[entry];
    }
    const half_indices first = {index[0] & 15, index[1] & 15, index[2] & 15, index[3] & 15};
    const half_indices second = {index[4] & 15, index[5] & 15, index[6] & 15, index[7] & 15};
    const half_lanes none = {0, 0, 0, 0}, all = {-1.0, -1.0, -1.0, -1.0};
    const half_lanes a = __builtin_ia32_gatherq_pd256(none, table, first, all, 8);
    const half_lanes b = __builtin_ia32_gatherq_pd256(none, table, second, all, 8);
    return (lookup_lanes){a[0], a[1], a[2], a[3], b[0], b[1], b[2], b[3]};
#else
    lookup_lanes result;
    for (int lane = 0; lane < 8; lane++) {
        const long long entry = index[lane] & 15;
        result[lane] = entry < 8 ? low[entry] : high[entry - 8];
    }
    return result;
#endif
}

#endif
