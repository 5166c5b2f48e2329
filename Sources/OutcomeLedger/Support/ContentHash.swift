/// A fast 64-bit hash of a file's bytes, eight at a time, for telling whether a page or a
/// source file changed. Not cryptographic: where a collision would matter, two seeds are
/// used together.
package enum ContentHash {
    package static let defaultSeed: UInt64 = 0x2545_F491_4F6C_DD1D
    /// The seed paired with `defaultSeed` where one 64-bit hash is not enough.
    package static let secondSeed: UInt64 = 0x5851_F42D_4C95_7F2D

    package static func of(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = defaultSeed) -> UInt64 {
        pair(of: bytes, seeds: seed, seed).0
    }

    /// `of(bytes, seed: first)` and `of(bytes, seed: second)` in one pass: the two chains
    /// do not wait on each other, so this takes about the time of one (and `of` is this
    /// with one lane unused).
    package static func pair(of bytes: UnsafeRawBufferPointer, seeds first: UInt64, _ second: UInt64) -> (UInt64, UInt64) {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var one: UInt64 = first ^ UInt64(bytes.count)
        var two: UInt64 = second ^ UInt64(bytes.count)
        var offset = 0
        while offset + 8 <= bytes.count {
            let word = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            one = (one ^ word) &* multiplier
            two = (two ^ word) &* multiplier
            one ^= one >> 29
            two ^= two >> 29
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count {
            tail |= UInt64(bytes[offset]) << shift
            shift += 8
            offset += 1
        }
        one = (one ^ tail) &* multiplier
        two = (two ^ tail) &* multiplier
        return (one ^ (one >> 32), two ^ (two >> 32))
    }
}
