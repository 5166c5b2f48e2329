import Foundation

/// The shapes of names that end up in paths and URLs: outcome ids and people's handles.
public enum Identifiers {
    /// An outcome id: `[a-z0-9][a-z0-9-]*`.
    public static func isSlug(_ text: String) -> Bool {
        guard let first = text.utf8.first, isLowerAlnum(first) else { return false }
        return text.utf8.allSatisfy { isLowerAlnum($0) || $0 == UInt8(ascii: "-") }
    }

    /// A person's handle: ASCII letters and digits, then also `-`, `_` and `.`.
    public static func isHandle(_ text: String) -> Bool {
        guard let first = text.utf8.first, isAlnum(first) else { return false }
        return text.utf8.allSatisfy {
            isAlnum($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".")
        }
    }

    /// A relative path that stays inside the folder it is relative to: no leading `/`, no
    /// empty, `.` or `..` segment, no backslash. Every output path is checked with it.
    public static func isSafeRelativePath(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        return !path.isEmpty && !path.hasPrefix("/")
            && parts.allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." && !$0.utf8.contains(UInt8(ascii: "\\")) && !$0.utf8.contains(0) }
    }

    /// `base`, or `base-N` with the first N from `first` that is not taken.
    public static func unique(_ base: String, first: Int = 2, isTaken: (String) -> Bool) -> String {
        var candidate = base
        var number = first
        while isTaken(candidate) {
            candidate = "\(base)-\(number)"
            number += 1
        }
        return candidate
    }

    /// A slug made from free text: diacritics folded, lowercase ASCII letters and digits,
    /// everything else collapsed into single `-`. Empty when nothing usable remains.
    public static func slug(from text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var slug = ""
        var pendingDash = false
        for byte in folded.utf8 {
            if isLowerAlnum(byte) {
                if pendingDash && !slug.isEmpty { slug.append("-") }
                slug.unicodeScalars.append(Unicode.Scalar(byte))
                pendingDash = false
            } else {
                pendingDash = true
            }
        }
        return slug
    }

    private static func isLowerAlnum(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static func isAlnum(_ byte: UInt8) -> Bool {
        isLowerAlnum(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }
}
