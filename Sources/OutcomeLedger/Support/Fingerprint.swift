/// Stable identities for findings, for code-scanning and code-quality tools that track a
/// problem across commits. A fingerprint covers the rule, the file, the message and the
/// offending line's text — not its number — so it survives edits elsewhere in the file.
public enum Fingerprint {
    /// One fingerprint per diagnostic, in order; identical findings in one file are told
    /// apart by their occurrence number, so every fingerprint is unique.
    public static func of(_ diagnostics: [Diagnostic]) -> [String] {
        var seen: [String: Int] = [:]
        return diagnostics.map { diagnostic in
            let line = (diagnostic.sourceLine ?? "").trimming(" ")
            let key = [diagnostic.rule, diagnostic.location.file, diagnostic.message, line].joined(separator: "\u{1F}")
            let occurrence = seen[key, default: 0]
            seen[key] = occurrence + 1
            return hex(fnv1a(key + "\u{1F}\(occurrence)", basis: 0xcbf2_9ce4_8422_2325))
                + hex(fnv1a(key + "\u{1E}\(occurrence)", basis: 0x8422_2325_cbf2_9ce4))
        }
    }

    /// FNV-1a, 64 bits: small, fast and stable across platforms and runs (unlike Hasher).
    static func fnv1a(_ text: String, basis: UInt64) -> UInt64 {
        var hash = basis
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
