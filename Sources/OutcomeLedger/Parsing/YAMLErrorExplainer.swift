/// Says libyaml's commonest complaints in the words of the person who wrote the file, at
/// the place of the mistake: libyaml reports where its parser gave up, which is often the
/// line after the mistake, or the closing `---`.
enum YAMLErrorExplainer {
    /// A clearer problem for libyaml's `message`, reported at `location`, in the YAML that
    /// starts at line `firstLine` of `source`; nil when there is nothing better to say.
    static func explain(_ message: String, at location: SourceLocation, source: SourceText, firstLine: Int) -> YAMLReader.Problem? {
        let lines = (firstLine...max(firstLine, location.line)).map { (number: $0, text: source.line($0) ?? "") }
        func at(_ line: Int, _ column: Int) -> SourceLocation { source.location(line: line, column: column) }

        if message.contains("mapping values are not allowed") {
            let current = lines.last!
            guard let entry = keyValue(current.text) else { return nil }
            if let previous = lines.dropLast().last(where: { isEntry($0.text) }), let before = keyValue(previous.text),
               entry.indent > before.indent, !before.value.isEmpty {
                return .init(message: "`\(entry.key)` is indented more than `\(before.key)` above it, so YAML reads it as part of `\(before.key)`'s value",
                             location: at(current.number, entry.indent + 1),
                             hint: "start `\(entry.key):` in the same column as `\(before.key):`")
            }
            if entry.value.contains(": ") {
                let quoted = entry.value.replacingOccurrences(of: "\"", with: "\\\"")
                return .init(message: "the value of `\(entry.key)` contains `: `, which YAML reads as the start of another key",
                             location: at(current.number, entry.valueColumn),
                             hint: "put the value in quotes: `\(entry.key): \"\(quoted)\"`")
            }
            return nil
        }
        if message.contains("could not find expected ':'") {
            // The line that lacks `: ` is usually the one before where libyaml stopped.
            for line in lines.reversed() where !line.text.trimmingCharacters(in: .whitespaces).isEmpty && !line.text.hasPrefix("#") {
                if let colon = line.text.firstIndex(of: ":"), line.text[line.text.index(after: colon)...].first.map({ $0 != " " }) == true,
                   let key = keyValue(line.text.replacingOccurrences(of: ":", with: ": ", options: [], range: colon..<line.text.index(after: colon))) {
                    return .init(message: "`\(line.text.trimmingCharacters(in: .whitespaces))` needs a space after the colon",
                                 location: at(line.number, key.indent + 1),
                                 hint: "write `\(key.key): \(key.value)`")
                }
                if line.number < location.line && !line.text.contains(":") {
                    return .init(message: "`\(line.text.trimmingCharacters(in: .whitespaces))` is not a `key: value` line",
                                 location: at(line.number, 1), hint: "write it as `key: value`, or remove it")
                }
            }
            return nil
        }
        if message.contains("did not find expected ',' or ']'") || message.contains("did not find expected ',' or '}'") {
            if let (line, column, bracket) = unclosedBracket(in: lines.dropLast()) {
                let closing = bracket == "[" ? "]" : "}"
                return .init(message: "the \(bracket == "[" ? "list" : "mapping") opened here with `\(bracket)` is never closed",
                             location: at(line, column), hint: "end it with `\(closing)` on the same line")
            }
            return nil
        }
        if message.contains("did not find expected key") {
            let current = lines.last!
            let earlier = lines.dropLast().compactMap { keyValue($0.text) }
            if let entry = keyValue(current.text), let above = earlier.last {
                if above.indent > entry.indent, let parent = earlier.last(where: { $0.indent < entry.indent }) {
                    return .init(message: "`\(entry.key)` is indented between `\(parent.key)` and `\(above.key)`, so YAML cannot tell which it belongs with",
                                 location: at(current.number, entry.indent + 1),
                                 hint: "start `\(entry.key):` in the same column as `\(above.key):` to put it in `\(parent.key)`, or as `\(parent.key):`")
                }
                return .init(message: "`\(entry.key)` is indented more than `\(above.key)` above it",
                             location: at(current.number, entry.indent + 1),
                             hint: "start `\(entry.key):` in the same column as `\(above.key):`")
            }
        }
        return nil
    }

    private struct Entry {
        var indent: Int
        var key: String
        var value: String
        var valueColumn: Int
    }

    private static func isEntry(_ line: String) -> Bool { keyValue(line) != nil }

    /// `  key: value` → its indentation, key and value; nil for anything else.
    private static func keyValue(_ line: String) -> Entry? {
        let indent = line.prefix { $0 == " " }.count
        let rest = line.dropFirst(indent)
        guard let colon = rest.firstIndex(of: ":"), colon != rest.startIndex else { return nil }
        let key = rest[..<colon]
        guard key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else { return nil }
        let afterColon = rest[rest.index(after: colon)...]
        guard afterColon.isEmpty || afterColon.first == " " else { return nil }
        let value = afterColon.drop { $0 == " " }
        return Entry(indent: indent, key: String(key), value: String(value),
                     valueColumn: indent + key.count + 1 + (afterColon.count - value.count) + 1)
    }

    /// The last `[` or `{` left open, outside quotes: line, column and bracket.
    private static func unclosedBracket(in lines: ArraySlice<(number: Int, text: String)>) -> (Int, Int, Character)? {
        var open: [(Int, Int, Character)] = []
        for line in lines {
            var quote: Character?
            for (offset, character) in line.text.enumerated() {
                if let active = quote {
                    if character == active { quote = nil }
                    continue
                }
                switch character {
                case "\"", "'": quote = character
                case "#" where offset == 0 || line.text[line.text.index(line.text.startIndex, offsetBy: offset - 1)] == " ":
                    break
                case "[", "{": open.append((line.number, offset + 1, character))
                case "]", "}": if !open.isEmpty { open.removeLast() }
                default: continue
                }
                if character == "#" { break }
            }
        }
        return open.last
    }
}
