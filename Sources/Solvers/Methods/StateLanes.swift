/// Moving a state of at most four components between contiguous storage and the lanes of a
/// `SIMD4<Double>`: lanes past the count are zero when loaded and never written when stored.
///
/// A step computed on `SIMD4` values keeps its stages in vector registers: the compiler knows
/// they cannot alias, which it cannot know of stage buffers carved from one allocation (the
/// measurements in `research/swift.md` §2: 7 ns per right-hand side on lanes against 17.6 ns on
/// buffers and 11.4 ns for C with a compile-time dimension).
@usableFromInline
enum StateLanes {
    /// The first `count` (1…4) elements at `pointer`, zero-padded.
    @inlinable @inline(__always)
    static func load(_ pointer: UnsafePointer<Double>, count: Int) -> SIMD4<Double> {
        switch count {
        case 4: return SIMD4(pointer[0], pointer[1], pointer[2], pointer[3])
        case 3: return SIMD4(pointer[0], pointer[1], pointer[2], 0)
        case 2: return SIMD4(pointer[0], pointer[1], 0, 0)
        default: return SIMD4(pointer[0], 0, 0, 0)
        }
    }

    /// Writes the first `count` (1…4) lanes of `value` to `pointer`.
    @inlinable @inline(__always)
    static func store(_ value: SIMD4<Double>, to pointer: UnsafeMutablePointer<Double>, count: Int) {
        pointer[0] = value[0]
        if count > 1 { pointer[1] = value[1] }
        if count > 2 { pointer[2] = value[2] }
        if count > 3 { pointer[3] = value[3] }
    }
}
