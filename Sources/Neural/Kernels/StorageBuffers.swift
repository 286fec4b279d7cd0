/// Pointers to the storage of several arrays at once, for kernels that work
/// across the layers of a network; the pointers are valid only inside `body`.
enum StorageBuffers {
    /// Calls `body` with the storage of every array, read-only.
    static func reading<Result>(
        _ arrays: ArraySlice<[Double]>, _ done: [UnsafeBufferPointer<Double>] = [],
        _ body: ([UnsafeBufferPointer<Double>]) -> Result
    ) -> Result {
        guard let first = arrays.first else { return body(done) }
        return first.withUnsafeBufferPointer { reading(arrays.dropFirst(), done + [$0], body) }
    }

    /// Calls `body` with the storage of every array, writable. Each array is
    /// moved out of `arrays` while `body` runs, so that writing to it copies
    /// nothing when no one else holds its storage.
    static func writing<Result>(
        _ arrays: inout [[Double]], from index: Int = 0, _ done: [UnsafeMutableBufferPointer<Double>] = [],
        _ body: ([UnsafeMutableBufferPointer<Double>]) -> Result
    ) -> Result {
        guard index < arrays.count else { return body(done) }
        var array: [Double] = []
        swap(&array, &arrays[index])
        defer { swap(&array, &arrays[index]) }
        return array.withUnsafeMutableBufferPointer { buffer in
            writing(&arrays, from: index + 1, done + [buffer], body)
        }
    }
}
