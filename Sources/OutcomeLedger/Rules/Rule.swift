/// A named check with a default severity, a one-line summary, and examples that both
/// document it and test it (one generic test runs every rule's examples).
///
/// A rule returns diagnostics at its default severity; the pipeline applies `ledger.yml`
/// overrides and `--strict`. Rules about a single file's form (front matter, keys,
/// configuration) are raised by the parsing stage through their rule type; rules about
/// the ledger as a whole are `LedgerRule`s run by the validation stage.
public protocol Rule: Sendable {
    /// Stable kebab-case name, used in output and in `ledger.yml`'s `rules`.
    static var name: String { get }
    static var defaultSeverity: Severity { get }
    /// One line: what the rule fires on.
    static var summary: String { get }
    /// Why the rule exists, for reports that carry a full description (SARIF).
    static var rationale: String { get }
    static var examples: [RuleExample] { get }
}

extension Rule {
    /// A diagnostic of this rule at its default severity.
    public static func diagnostic(_ message: String, at location: SourceLocation, hint: String? = nil) -> Diagnostic {
        Diagnostic(location: location, severity: defaultSeverity, rule: name, message: message, hint: hint)
    }
}

/// What a ledger-wide rule sees. The outcome lists are filtered once, not by each rule.
public struct RuleContext: Sendable {
    public let ledger: Ledger
    /// The date review dates are compared with.
    public let today: CalendarDate
    /// Outcomes whose front matter was read; the others have been reported already.
    public let readableOutcomes: [Outcome]
    /// Outcomes the pod, lens, done and how rules apply to: readable and not dropped.
    public let livingOutcomes: [Outcome]

    public init(ledger: Ledger, today: CalendarDate) {
        self.ledger = ledger
        self.today = today
        readableOutcomes = Self.keeping(ledger.outcomes, where: \.hasFrontMatter)
        livingOutcomes = Self.keeping(readableOutcomes) { $0.effectiveStatus != .dropped }
    }

    /// The outcomes that pass; the same array (no copies) when all do, as in most ledgers.
    private static func keeping(_ outcomes: [Outcome], where keep: (Outcome) -> Bool) -> [Outcome] {
        outcomes.allSatisfy(keep) ? outcomes : outcomes.filter(keep)
    }

    /// Living outcomes whose body was parsed (not refused as too complex), for the rules
    /// about its sections.
    public var livingParsedOutcomes: [Outcome] {
        livingOutcomes.filter(\.bodyIsParsed)
    }

    /// The outcomes whose done-definition is checked: the living ones, and those whose
    /// front matter did not parse (their status is unknown, their body is not).
    public var doneCheckedOutcomes: [Outcome] {
        ledger.outcomes.filter {
            $0.bodyIsParsed && ($0.hasFrontMatter ? $0.effectiveStatus != .dropped
                : $0.frontMatterIsBroken && !$0.body.allSatisfy(\.isWhitespace))
        }
    }
}

/// A rule run over the resolved ledger by the validation stage.
public protocol LedgerRule: Rule {
    static func check(_ context: RuleContext) -> [Diagnostic]
}
