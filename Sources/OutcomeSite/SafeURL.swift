import OutcomeLedger

/// Keeps dangerous links out of the site. Markdown is rendered in cmark-gfm's safe mode,
/// which already blanks `javascript:`, `vbscript:`, `file:` and non-image `data:` URLs;
/// this is the second line: every `href` and `src` of the rendered body is checked again
/// as a browser would read it (entities decoded, whitespace and control characters
/// dropped, any case), and links from ledger data must be plain web or mail addresses.
enum SafeURL {
    /// A person's `url` from people.yml, if it is an http, https or mailto address.
    static func link(_ text: String?) -> String? {
        guard let text else { return nil }
        let trimmed = text.trimming(" ")
        let lower = trimmed.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("mailto:") else { return nil }
        // Control characters and spaces have no place in a URL and can hide a scheme.
        guard !trimmed.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value == 0x7F }) else { return nil }
        return trimmed
    }

    /// A path percent-encoded for a URL: ASCII letters, digits, `-._~` and `/` as they are,
    /// every other byte of its UTF-8 as `%XX` (so spaces, `#`, `?` and `%` in file names
    /// survive, and `:` never starts a scheme).
    static func encodePath(_ path: String) -> String {
        percentEncoded(path) { _ in false }
    }

    /// A fragment percent-encoded where it must be: what RFC 3986 allows in a fragment
    /// (`=`, `&`, `:`, `,`…) stays as written, so `#page=2` reaches a PDF viewer intact.
    static func encodeFragment(_ fragment: String) -> String {
        percentEncoded(fragment) { fragmentPunctuation.contains($0) }
    }

    private static let fragmentPunctuation = Set("?!$&()*+,;=:@".utf8)

    /// ASCII letters, digits, `-._~`, `/` and what `alsoKeeping` accepts as they are; every
    /// other byte as `%XX`.
    private static func percentEncoded(_ text: String, alsoKeeping keep: (UInt8) -> Bool) -> String {
        var encoded = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            case _ where keep(byte):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                encoded += "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 0xF, radix: 16, uppercase: true)
            }
        }
        return encoded
    }

    /// Whether a URL, as written in an HTML attribute, would run code or load a document
    /// from the URL itself.
    static func isDangerous(_ attribute: String) -> Bool {
        let decoded = HTMLText.decode(attribute)
        let scheme = decoded.unicodeScalars
            .filter { $0.value > 0x20 && $0.value != 0x7F }
            .prefix { $0 != ":" && $0 != "/" && $0 != "?" && $0 != "#" }
        guard scheme.count < decoded.unicodeScalars.count else { return false }
        let name = String(String.UnicodeScalarView(scheme)).lowercased()
        switch name {
        case "javascript", "vbscript", "file": return true
        case "data":
            let rest = decoded.lowercased().drop { $0 != ":" }.dropFirst()
            return !["image/png", "image/gif", "image/jpeg", "image/webp"].contains { rest.hasPrefix($0) }
        default: return false
        }
    }

    /// Blanks every dangerous `href="…"` and `src="…"` in HTML produced by cmark. (cmark
    /// escapes `"` in text, so these spellings only occur as real attributes.)
    static func removingDangerousLinks(from html: String) -> String {
        let bytes = Array(html.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            output.append(bytes[index])
            guard bytes[index] == UInt8(ascii: "\""), index >= 4,
                  bytes[(index - 4)...index].elementsEqual("src=\"".utf8)
                    || (index >= 5 && bytes[(index - 5)...index].elementsEqual("href=\"".utf8))
            else { index += 1; continue }
            var close = index + 1
            while close < bytes.count, bytes[close] != UInt8(ascii: "\"") { close += 1 }
            let value = bytes[(index + 1)..<close]
            if !isDangerous(String(decoding: value, as: UTF8.self)) { output += value }
            index = close
        }
        return String(decoding: output, as: UTF8.self)
    }
}
