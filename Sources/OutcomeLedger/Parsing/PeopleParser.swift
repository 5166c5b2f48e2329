/// Reads `people.yml`: `handle: {name: …, email: …, url: …}` for each person.
public enum PeopleParser {
    public static let knownKeys = ["name", "email", "url"]

    /// Nil people when the file is not a mapping: then the roster is unknown, and handles
    /// are not checked against it (one error, not one per pod member).
    public static func parse(_ source: SourceText) -> ([Person]?, [Diagnostic]) {
        var values = ConfigValues()
        guard let entries = values.rootMapping(of: source) else {
            let diagnostics = values.diagnostics.map { diagnostic -> Diagnostic in
                var diagnostic = diagnostic
                diagnostic.hint = diagnostic.hint ?? "map each handle to its details, e.g. `ana: {name: Ana Sousa}`; until then handles are not checked against it"
                return diagnostic
            }
            return (nil, diagnostics)
        }
        var people: [Person] = []
        var seen: [String: String] = [:]
        for entry in entries {
            guard let handle = values.key(entry) else { continue }
            if let other = seen[handle.lowercased()] {
                values.problem("`\(handle)` differs from `\(other)` only in case; their pages would collide",
                               at: entry.key.location)
                continue
            }
            seen[handle.lowercased()] = handle
            guard Identifiers.isHandle(handle) else {
                values.problem("`\(handle)` is not a valid handle", at: entry.key.location,
                               hint: "handles use ASCII letters, digits, `-`, `_` and `.`, starting with a letter or digit")
                continue
            }
            guard let fields = values.mapping(entry.value, what: "the entry for `\(handle)`") else { continue }
            var name: String?
            var email: String?
            var url: String?
            for field in fields {
                guard let key = values.key(field) else { continue }
                switch key {
                case "name": name = values.text(field.value, key: key)
                case "email": email = values.text(field.value, key: key)
                case "url": url = values.text(field.value, key: key)
                default:
                    if !key.hasPrefix("x-") { values.unknownKey(key, known: knownKeys, at: field.key.location) }
                }
            }
            if name == nil {
                values.problem("`\(handle)` has no `name`", at: entry.value.location, hint: "add `name: Full Name`")
            }
            // Kept on the roster even without a name, so their outcomes don't also report them unknown.
            people.append(Person(handle: Located(handle, at: entry.key.location), name: name ?? handle,
                                 email: email, url: url))
        }
        return (people, values.diagnostics)
    }
}
