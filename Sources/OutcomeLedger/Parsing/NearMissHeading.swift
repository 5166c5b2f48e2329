/// When a body has no "Done when" (or "How") heading, finds what the author most likely
/// meant as one — `## Done when:`, `**Done when**`, `### Done When`, `## Definition of done`
/// — or the heading swallowed by a code block that was never closed, so the diagnostic can
/// point at it instead of at line 1.
public struct NearMissHeading: Sendable, Equatable {
    /// The line as written, trimmed.
    public var written: String
    /// Line in the body (1-based) and column (in characters, 1-based).
    public var line: Int
    public var column: Int
    /// The body line where a fenced code block holding the heading opened and never closed.
    public var unclosedFenceLine: Int?

    /// Other names people give the sections.
    static let synonyms: [String: [String]] = [
        "done when": ["definition of done", "done criteria", "acceptance criteria", "success criteria", "done"],
        "how": ["approach", "how we get there", "plan"],
    ]

    public static func find(_ title: String, in body: Substring) -> NearMissHeading? {
        let wanted = normalized(title)
        let accepted = [wanted] + (synonyms[wanted] ?? [])
        var fence: (marker: Character, length: Int, line: Int)?
        var inFence: [NearMissHeading] = []
        var lineNumber = 0
        for rawLine in body.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let indent = line.prefix { $0 == " " }.count
            let trimmed = line.dropFirst(indent)
            if indent <= 3, let first = trimmed.first, first == "`" || first == "~" {
                let length = trimmed.prefix { $0 == first }.count
                if length >= 3 {
                    if let open = fence {
                        if first == open.marker, length >= open.length, trimmed.dropFirst(length).allSatisfy(\.isWhitespace) {
                            fence = nil
                            inFence = []
                        }
                    } else {
                        fence = (first, length, lineNumber)
                    }
                    continue
                }
            }
            guard accepted.contains(normalized(trimmed)) else { continue }
            let found = NearMissHeading(written: String(trimmingBlanks(trimmed)), line: lineNumber,
                                        column: indent + 1, unclosedFenceLine: fence?.line)
            if fence == nil { return found }
            inFence.append(found)
        }
        // A heading inside a block that is still open at the end: the block swallowed it.
        return fence == nil ? nil : inFence.first
    }

    /// What to tell the author, in file positions: the line meant as the heading, or the
    /// code block that swallowed it.
    public func explained(heading: String, in outcome: Outcome) -> (message: String, location: SourceLocation, hint: String) {
        let fileLine = outcome.bodyStartLine + line - 1
        if let fence = unclosedFenceLine {
            let opened = outcome.bodyStartLine + fence - 1
            return ("no \"\(heading)\" section: the heading on line \(fileLine) is inside a code block opened on line \(opened) that is never closed",
                    SourceLocation(file: outcome.file, line: opened, column: 1),
                    "close the code block with the same fence before line \(fileLine)")
        }
        return ("no \"\(heading)\" section: `\(written)` is not read as its heading",
                SourceLocation(file: outcome.file, line: fileLine, column: column),
                "write the heading exactly as `## \(heading)`")
    }

    /// Lower case, without heading marks, emphasis, a trailing colon or outer spaces.
    /// Runs on every line of a body that lacks the heading (a long document has thousands).
    static func normalized(_ text: some StringProtocol) -> String {
        var text = trimmingBlanks(Substring(text))
        while text.first == "#" { text = text.dropFirst() }
        text = trimmingBlanks(text)
        while let first = text.first, first == "*" || first == "_" { text = text.dropFirst() }
        while let last = text.last, last == "*" || last == "_" || last == ":" || last == " " { text = text.dropLast() }
        while let first = text.first, first == "*" || first == "_" { text = text.dropFirst() }
        return trimmingBlanks(text).lowercased()
    }

    /// Without the tabs and spaces at either end, trimmed scalar by scalar: the same
    /// characters as Foundation's `whitespaces` (which also counts the zero-width space).
    static func trimmingBlanks(_ text: Substring) -> Substring {
        func isBlank(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0x20, 0x09, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: return true
            default: return false
            }
        }
        let scalars = text.unicodeScalars
        guard let start = scalars.firstIndex(where: { !isBlank($0) }) else { return text[text.endIndex...] }
        let end = scalars.index(after: scalars.lastIndex(where: { !isBlank($0) })!)
        return Substring(scalars[start..<end])
    }
}
