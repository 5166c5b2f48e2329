/// A fast 64-bit hash of a file's bytes, eight at a time, for telling whether a page or a
/// source file changed. Not cryptographic: where a collision would matter, two seeds are
/// used together.
package enum ContentHash {
    package static func of(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0x2545_F491_4F6C_DD1D) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var hash: UInt64 = seed ^ UInt64(bytes.count)
        var offset = 0
        while offset + 8 <= bytes.count {
            let word = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            hash = (hash ^ word) &* multiplier
            hash ^= hash >> 29
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count {
            tail |= UInt64(bytes[offset]) << shift
            shift += 8
            offset += 1
        }
        hash = (hash ^ tail) &* multiplier
        hash ^= hash >> 32
        return hash
    }
}
