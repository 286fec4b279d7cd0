#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The KaTeX fonts a typeset page will ask for, so that its `<head>` can
/// preload them: a formula first laid out in a fallback font moves the text
/// around it when KaTeX's font arrives, a layout shift of 0.03 on the first
/// visit of chapter 4 when served over HTTP (none with the preloads).
///
/// The fonts follow the classes KaTeX 0.16's stylesheet maps to them: every
/// formula uses KaTeX_Main; `mathnormal` (a letter in math) KaTeX_Math
/// italic; `mathbf` and `textbf` KaTeX_Main bold; `amsrm` and `mathbb` the AMS
/// font; `delimsizing sizeN` (large delimiters) KaTeX_SizeN; small and large
/// operators (`∑` inline and displayed) KaTeX_Size1 and KaTeX_Size2. Rarer
/// fonts (calligraphic, fraktur, script, sans-serif, typewriter) are not
/// preloaded: they load as the stylesheet asks, as they would without this.
enum KaTeXFonts {
    static let folder = "assets/katex/fonts/"

    /// The woff2 files, in a fixed order, that `html` (typeset formulas) needs.
    static func preloads(in html: String) -> [String] {
        var html = html
        return html.withUTF8 { page in
            func uses(_ fragments: StaticString...) -> Bool { fragments.contains { find($0, in: page) } }
            guard uses("class=\"katex\"") else { return [] }
            var fonts = ["KaTeX_Main-Regular"]
            if uses("mathnormal") { fonts.append("KaTeX_Math-Italic") }
            if uses("mathbf", "textbf") { fonts.append("KaTeX_Main-Bold") }
            if uses("amsrm", "mathbb") { fonts.append("KaTeX_AMS-Regular") }
            if uses("delimsizing size1", "small-op") { fonts.append("KaTeX_Size1-Regular") }
            if uses("delimsizing size2", "large-op") { fonts.append("KaTeX_Size2-Regular") }
            if uses("delimsizing size3") { fonts.append("KaTeX_Size3-Regular") }
            if uses("delimsizing size4") { fonts.append("KaTeX_Size4-Regular") }
            return fonts.map { folder + $0 + ".woff2" }
        }
    }

    /// Whether `fragment` occurs in `page`: each place of its first byte, found
    /// by the C library's `memchr`, compared by `memcmp`. Foundation's
    /// `String.contains`, which Swift picks once Foundation is imported, took
    /// 47 ms per page of chapter 3 (its eleven fragments, debug build), half of
    /// the preview's site build on each save; the standard library's
    /// `utf8.contains(_:)` took 430 ms.
    private static func find(_ fragment: StaticString, in page: UnsafeBufferPointer<UInt8>) -> Bool {
        let needle = fragment.utf8Start, length = fragment.utf8CodeUnitCount
        guard let base = page.baseAddress, length > 0 else { return length == 0 }
        let end = base + page.count
        var from = base
        while end - from >= length, let hit = memchr(from, Int32(needle.pointee), end - from - length + 1) {
            let candidate = hit.assumingMemoryBound(to: UInt8.self)
            if memcmp(candidate, needle, length) == 0 { return true }
            from = UnsafePointer(candidate) + 1
        }
        return false
    }
}
