/// FNV-1a, 64 bits: a hash of text that is the same on every machine and in
/// every run, unlike `Hasher`.
enum StableHash {
    /// Eight hexadecimal digits of the hash of `text` (its two halves folded).
    static func hex(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        let folded = UInt32(truncatingIfNeeded: hash ^ (hash >> 32))
        let digits = String(folded, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }
}
