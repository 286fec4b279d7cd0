import Foundation
import Testing
@testable import Literate

/// The cache's SHA-256 against the test vectors of FIPS 180-4 (and `sha256sum`).
@Suite struct SHA256Tests {
    func digest(_ parts: [Data]) -> String {
        var hash = SHA256()
        for part in parts { hash.update(part) }
        return hash.finalize()
    }

    @Test func knownDigests() {
        #expect(digest([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(digest([Data("abc".utf8)]) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(digest([Data("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)])
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(digest([Data(repeating: UInt8(ascii: "a"), count: 1_000_000)])
            == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func piecesGiveTheDigestOfTheWhole() {
        let whole = Data((0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        for cut in [0, 1, 55, 56, 63, 64, 65, 127, 999] {
            #expect(digest([whole.prefix(cut), whole.dropFirst(cut)]) == digest([whole]), "cut at \(cut)")
        }
    }
}
