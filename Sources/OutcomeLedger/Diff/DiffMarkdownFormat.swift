/// `outcomes diff --format markdown`: a pull-request comment — one summary line, then a
/// compact table per changed outcome and the problems introduced and fixed. Kept under
/// GitHub's 65,536-character comment limit; what does not fit is counted, not dropped.
public struct DiffMarkdownFormat: DiffFormat {
    public static let identifier = "markdown"
    /// Lets workflows find the comment they keep up to date.
    public static let marker = "<!-- outcomes diff -->"
    /// Below GitHub's comment limit, with room for what a workflow adds around it.
    public static let characterLimit = 60_000

    public init() {}

    public func render(_ changes: LedgerChanges, base: String, head: String) -> String {
        var output = "\(Self.marker)\n**Outcomes**: \(changes.summary) (\(Self.escape(base)) → \(Self.escape(head))).\n"
        var sections: [String] = []
        for outcome in changes.outcomes {
            let mark = switch outcome.kind {
            case .added: "➕ added"
            case .removed: "➖ removed"
            case .changed: "✏️ changed"
            }
            var section = "\n#### \(Self.escape(outcome.title)) (`\(outcome.id)`) — \(mark)\n"
            if !outcome.changes.isEmpty {
                section += "\n| | before | after |\n|---|---|---|\n"
                for change in outcome.changes { section += Self.row(change) }
            }
            sections.append(section)
        }
        for (heading, diagnostics) in [("Problems introduced", changes.introduced), ("Problems fixed", changes.fixed)] where !diagnostics.isEmpty {
            var section = "\n#### \(heading)\n\n"
            for diagnostic in diagnostics {
                let location = "\(diagnostic.location.file):\(diagnostic.location.line):\(diagnostic.location.column)"
                section += "- `\(location)` \(diagnostic.severity.rawValue): \(Self.inline(diagnostic.message)) `[\(diagnostic.rule)]`\n"
            }
            sections.append(section)
        }
        for (index, section) in sections.enumerated() {
            let rest = sections.count - index
            let note = "\n_\(rest) more section\(rest == 1 ? "" : "s") left out to stay within the comment limit; run `outcomes diff` to see everything._\n"
            if output.count + section.count + note.count > Self.characterLimit {
                return output + note
            }
            output += section
        }
        return output
    }

    private static func row(_ change: Change) -> String {
        let what = change.subject.map { "\(change.label): \(escape($0))" } ?? change.label
        switch change.aspect {
        case .doneAdded, .doneRemoved, .doneChecked, .doneUnchecked, .dependencyAdded, .dependencyRemoved, .memberLeft:
            return "| \(escape(change.sentence)) | | |\n"
        default:
            return "| \(what) | \(change.before.map(escape) ?? "—") | \(change.after.map(escape) ?? "—") |\n"
        }
    }

    /// A message in a list item: its `code` spans stay code, nothing else becomes markup.
    static func inline(_ text: String) -> String {
        var output = ""
        for character in text {
            switch character {
            case "\\", "*", "_", "[", "]", "<", ">", "#": output += "\\\(character)"
            case "\n", "\r": output += " "
            default: output.append(character)
            }
        }
        return output
    }

    /// Text safe inside a table cell or a heading.
    static func escape(_ text: String) -> String {
        StatusMarkdownFormat.escape(text)
    }
}
