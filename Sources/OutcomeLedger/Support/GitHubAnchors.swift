/// The ids GitHub gives headings, so a table of contents written for GitHub works on the
/// site: lower case; letters, digits, spaces, `-` and `_` kept, everything else dropped;
/// each space becomes `-` (runs are not collapsed); a repeated id gets `-1`, `-2`, … in
/// order, skipping ids already taken.
public enum GitHubAnchors {
    /// The id of one heading's plain text, before repeats are numbered.
    public static func slug(_ text: String) -> String {
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
