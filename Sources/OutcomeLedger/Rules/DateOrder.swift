/// A pod can't start on an outcome after the date it should be achieved by: one of the
/// two dates is a typo, and every signal that reads them would mislead.
public enum DateOrder: LedgerRule {
    public static let name = "date-order"
    public static let defaultSeverity = Severity.error
    public static let summary = "`start` is after `due`"
    public static let rationale = "A pod can't start on an outcome after the date it should be achieved by: one of the two dates is wrong."

    public static let examples: [RuleExample] = [
        .outcome(RuleExample.standardFrontMatter + "\nstart: 2027-04-01\ndue: 2027-03-31", triggers: true,
                 at: "outcomes/example.md:8:8"),
        .outcome(RuleExample.standardFrontMatter + "\nstart: 2027-01-01\ndue: 2027-03-31", triggers: false),
        .outcome(RuleExample.standardFrontMatter + "\nstart: 2027-03-31\ndue: 2027-03-31", triggers: false),
    ]

    public static func check(_ context: RuleContext) -> [Diagnostic] {
        context.readableOutcomes.compactMap { outcome in
            guard let start = outcome.start, let due = outcome.due, due.value < start.value else { return nil }
            return diagnostic("`start` (\(start.value)) is after `due` (\(due.value))", at: start.location,
                              hint: "correct whichever date is wrong; an outcome is started before it is due")
        }
    }
}
