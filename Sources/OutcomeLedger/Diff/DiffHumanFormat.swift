/// `outcomes diff` at a terminal, coloured like `check`:
///
/// ```
/// ~ outcomes/artist-payouts.md  Artists are paid within 30 days… [artist-payouts]
///     status: active → achieved
///     done item checked: 95 % of artists paid within 30 days
/// ```
public struct DiffHumanFormat: DiffFormat {
    public static let identifier = "human"
    public var color: Bool

    public init(color: Bool) {
        self.color = color
    }

    public func render(_ changes: LedgerChanges, base: String, head: String) -> String {
        var output = ANSIStyle.dim.paint("Comparing \(base) with \(head)", if: color) + "\n\n"
        for outcome in changes.outcomes {
            let (mark, style): (String, ANSIStyle) = switch outcome.kind {
            case .added: ("+", .good)
            case .removed: ("-", .error)
            case .changed: ("~", .warning)
            }
            output += style.paint("\(mark) \(outcome.file)", if: color) + "  " + ANSIStyle.bold.paint(outcome.title, if: color)
                + " [\(outcome.id)] \(outcome.kind.rawValue)\n"
            for change in outcome.changes { output += "    \(change.sentence)\n" }
        }
        if !changes.outcomes.isEmpty { output += "\n" }
        let reporter = HumanReporter(color: color)
        for (heading, diagnostics) in [("Problems introduced", changes.introduced), ("Problems fixed", changes.fixed)] where !diagnostics.isEmpty {
            output += ANSIStyle.bold.paint("\(heading):", if: color) + "\n"
            for diagnostic in diagnostics { output += reporter.render(diagnostic) }
            output += "\n"
        }
        return output + ANSIStyle.bold.paint(changes.summary, if: color) + "\n"
    }
}
