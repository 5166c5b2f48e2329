#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension String {
    /// Whether this string sorts before `other` by their UTF-8 bytes — the order of
    /// `LC_ALL=C sort`, the same on every machine — compared with `memcmp` rather than
    /// byte by byte through the generic sequence comparison.
    package func precedesInByteOrder(_ other: String) -> Bool {
        var first = self
        var second = other
        return first.withUTF8 { one in
            second.withUTF8 { two in
                let shared = min(one.count, two.count)
                let order = shared == 0 ? 0 : memcmp(one.baseAddress!, two.baseAddress!, shared)
                return order != 0 ? order < 0 : one.count < two.count
            }
        }
    }
}
