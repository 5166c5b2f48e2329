/// "Improve onboarding" can't be checked; "week-4 retention ≥ 35 % by March" can.
public enum DoneMeasurable: LedgerRule {
    public static let name = "done-measurable"
    public static let defaultSeverity = Severity.warning
    public static let summary = "a done item has no number, percentage, date or comparison (≥ ≤ < > =)"
    public static let rationale = "\"Improve onboarding\" can't be checked; \"week-4 retention ≥ 35 % by March\" can."

    public static let examples: [RuleExample] = [
        .outcome(body: "## Done when\n- [ ] Artists love the upload flow\n\n## How\nInvite artists.",
                 triggers: true, at: "outcomes/example.md:10:1"),
        .outcome(body: "## Done when\n- [ ] Upload success rate ≥ ninety-nine in a hundred\n\n## How\nInvite artists.",
                 triggers: false),
        .outcome(triggers: false),
    ]

    /// Digits cover numbers, percentages and dates; the symbols cover comparisons. Read as
    /// UTF-8: digits, `<`, `>` and `=` are single bytes, `≤` and `≥` are E2 89 A4 and A5
    /// (this runs over every done item on every save in `serve`).
    static func isMeasurable(_ text: String) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in text.utf8 {
            switch byte {
            case 0x30...0x39, 0x3C, 0x3D, 0x3E: return true
            case 0xA4 where previous == (0xE2, 0x89), 0xA5 where previous == (0xE2, 0x89): return true
            default: previous = (previous.1, byte)
            }
        }
        return false
    }

    public static func check(_ context: RuleContext) -> [Diagnostic] {
        context.livingOutcomes.flatMap { outcome in
            (outcome.done?.items ?? []).filter { !isMeasurable($0.text) }.map { item in
                diagnostic("done item has nothing to measure it by: \"\(item.text)\"", at: item.location,
                           hint: "add a number, a date or a threshold someone can check")
            }
        }
    }
}
