import CDigest
import Foundation

/// SHA-256 (FIPS 180-4), which keys the build cache by content and checks what
/// the cache reuses.
///
/// Why a C target of this package rather than a field-made part: the tool is
/// usually a debug build (`swift run lecture`), and Swift code at `-Onone` hashed
/// 1.2 MB/s here, which made a warm `verify` of the course take 10 s instead of
/// a fraction of one; the same loop in C, which SwiftPM also compiles without
/// optimization in a debug build, hashes 33 MB/s (SHA256Tests checks it against
/// the standard's test vectors). apple/
/// swift-crypto would bring BoringSSL's SHA-256, fast in any build, at the cost
/// of about a minute more of a student's first build on two cores, for the one
/// function the tool needs.
struct SHA256 {
    private var context = lecture_sha256()

    init() {
        lecture_sha256_init(&context)
    }

    mutating func update(_ data: Data) {
        data.withUnsafeBytes { buffer in
            if let base = buffer.baseAddress { lecture_sha256_update(&context, base, buffer.count) }
        }
    }

    mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { buffer in
            if let base = buffer.baseAddress { lecture_sha256_update(&context, base, buffer.count) }
        }
    }

    mutating func update(_ text: String) {
        var text = text
        text.withUTF8 { buffer in
            if let base = buffer.baseAddress { lecture_sha256_update(&context, base, buffer.count) }
        }
    }

    /// The digest as 64 lowercase hexadecimal digits.
    mutating func finalize() -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        lecture_sha256_final(&context, &digest)
        return digest.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
