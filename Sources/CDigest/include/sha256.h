#ifndef LECTURE_SHA256_H
#define LECTURE_SHA256_H

#include <stddef.h>
#include <stdint.h>

/// The state of a SHA-256 computation (FIPS 180-4).
typedef struct {
    uint32_t state[8];
    uint64_t length;
    uint8_t block[64];
    size_t filled;
} lecture_sha256;

void lecture_sha256_init(lecture_sha256 *context);
void lecture_sha256_update(lecture_sha256 *context, const void *bytes, size_t count);
/// Writes the 32-byte digest.
void lecture_sha256_final(lecture_sha256 *context, uint8_t digest[32]);

#endif
