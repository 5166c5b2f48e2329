/// `outcomes status --format markdown`: a summary line and a table, for a chat message, a
/// pull request or GitHub's job summary. Kept under GitHub's 65,536-character comment
/// limit; what does not fit is counted, not dropped silently.
public struct StatusMarkdownFormat: StatusFormat {
    public static let identifier = "markdown"
    /// Below GitHub's comment limit, with room for what a workflow adds around it.
    public static let characterLimit = 60_000

    public init() {}

    public func render(_ report: StatusReport) -> String {
        var output = "**\(Self.escape(report.title))**: \(report.countsSentence).\n\n"
        guard !report.attention.isEmpty else {
            return output + "Nothing needs attention: every open outcome is on track.\n"
        }
        output += "| Health | Outcome | Owner | Due | Why |\n|---|---|---|---|---|\n"
        for (index, entry) in report.attention.enumerated() {
            let symbol = entry.level == .offTrack ? "■" : "▲"
            let why = entry.signals.map { "\($0.name.replacingOccurrences(of: "-", with: " ")): \(Self.escape($0.message))" }
                .joined(separator: "<br>")
            let row = "| \(symbol) \(entry.level.words) | \(Self.escape(entry.title)) (`\(entry.id)`) | \(Self.escape(entry.owner ?? "—")) | \(entry.due.map { "\($0)" } ?? "—") | \(why) |\n"
            let rest = report.attention.count - index
            let note = "\n\(rest) more outcome\(rest == 1 ? "" : "s") need attention; `outcomes status` lists them all.\n"
            if output.count + row.count + note.count > Self.characterLimit {
                return output + note
            }
            output += row
        }
        return output
    }

    /// Text safe inside a table cell: no pipes, no line breaks, no markup.
    static func escape(_ text: String) -> String {
        var output = ""
        for character in text {
            switch character {
            case "|", "\\", "`", "*", "_", "[", "]", "<", ">", "#": output += "\\\(character)"
            case "\n", "\r": output += " "
            default: output.append(character)
            }
        }
        return output
    }
}
