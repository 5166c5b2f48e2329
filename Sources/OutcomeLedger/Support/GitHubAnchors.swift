/// The ids GitHub gives headings, so a table of contents written for GitHub works on the
/// site: lower case; letters, digits, spaces, `-` and `_` kept, everything else dropped;
/// each space becomes `-` (runs are not collapsed); a repeated id gets `-1`, `-2`, … in
/// order, skipping ids already taken.
public enum GitHubAnchors {
    /// The id of one heading's plain text, before repeats are numbered.
    public static func slug(_ text: String) -> String {
        // Most headings are ASCII: one pass over the bytes.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count)
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte + 32)
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
                    bytes.append(byte)
                case UInt8(ascii: " "): bytes.append(UInt8(ascii: "-"))
                default: break
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        var slug = ""
        for scalar in text.lowercased().unicodeScalars {
            let properties = scalar.properties
            if scalar == " " {
                slug.append("-")
            } else if scalar == "-" || scalar == "_" || properties.isAlphabetic || properties.numericType != nil
                        || properties.generalCategory == .nonspacingMark || properties.generalCategory == .spacingMark {
                slug.unicodeScalars.append(scalar)
            }
        }
        return slug
    }

    /// The ids of a document's headings, in document order.
    public static func ids(for headings: [String]) -> [String] {
        var taken: Set<String> = []
        var repeats: [String: Int] = [:]
        return headings.map { heading in
            let base = slug(heading)
            var id = base
            if taken.contains(id) {
                var number = repeats[base, default: 0]
                repeat {
                    number += 1
                    id = "\(base)-\(number)"
                } while taken.contains(id)
                repeats[base] = number
            }
            taken.insert(id)
            return id
        }
    }
}
