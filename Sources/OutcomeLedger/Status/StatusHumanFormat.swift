/// `outcomes status` at a terminal: each outcome that needs attention, worst first, with
/// its owner, due date, file and the signals that say why.
///
/// ```
/// off track  Artists are paid within 30 days of each month's end [artist-payouts]
///            Jo Martins · due 2026-11-15 · outcomes/artist-payouts.md
///            - past due: was due on 2026-11-15, 6 days ago
/// ```
public struct StatusHumanFormat: StatusFormat {
    public static let identifier = "human"
    public var color: Bool

    public init(color: Bool) {
        self.color = color
    }

    public func render(_ report: StatusReport) -> String {
        var output = ""
        let indent = String(repeating: " ", count: 11)
        for entry in report.attention {
            let style: ANSIStyle = entry.level == .offTrack ? .error : .warning
            let label = entry.level.words.padding(toLength: 10, withPad: " ", startingAt: 0)
            output += style.paint(label, if: color) + " " + ANSIStyle.bold.paint(entry.title, if: color) + " [\(entry.id)]\n"
            var facts: [String] = []
            if let owner = entry.owner { facts.append(owner) }
            if let due = entry.due { facts.append("due \(due)") }
            facts.append(entry.file)
            output += indent + ANSIStyle.dim.paint(facts.joined(separator: " · "), if: color) + "\n"
            for signal in entry.signals {
                output += indent + "- \(signal.name.replacingOccurrences(of: "-", with: " ")): \(signal.message)\n"
            }
            output += "\n"
        }
        if report.attention.isEmpty { output += "Nothing needs attention: every open outcome is on track.\n" }
        output += ANSIStyle.bold.paint("\(report.title): \(report.countsSentence)", if: color) + "\n"
        return output
    }
}
