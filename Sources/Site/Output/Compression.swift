import CZlib

/// What a page weighs on the wire: its size gzip-compressed (zlib's level 6, as
/// web servers and GitHub Pages send it), which is what a reader waits for. A
/// page of typeset formulas is mostly repeated markup that compresses tenfold,
/// so its raw size says little.
enum Compression {
    static func gzippedSize(_ bytes: [UInt8]) -> Int {
        var stream = z_stream()
        // 15 window bits + 16: a gzip wrapper, as HTTP's Content-Encoding: gzip.
        guard deflateInit2_(&stream, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            return bytes.count
        }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(bytes.count))) + 64)
        var input = bytes
        let status = input.withUnsafeMutableBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                stream.next_in = inputBuffer.baseAddress
                stream.avail_in = UInt32(inputBuffer.count)
                stream.next_out = outputBuffer.baseAddress
                stream.avail_out = UInt32(outputBuffer.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        return status == Z_STREAM_END ? Int(stream.total_out) : bytes.count
    }
}
