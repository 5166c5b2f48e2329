/// A named reason an open outcome may not be on track, with a level, a summary and
/// examples that both document it and test it — to the site what a `Rule` is to `check`.
/// A signal says whether it fires and why; the health stage applies `signals:` settings.
public protocol HealthSignal: Sendable {
    /// Stable kebab-case name, used in the JSON, on the site and in `ledger.yml`'s `signals`.
    static var name: String { get }
    /// The level it gives when it fires (the `reported` signal gives the owner's own).
    static var defaultLevel: HealthLevel { get }
    /// One line: when it fires.
    static var summary: String { get }
    /// What it reads besides the outcome itself, which decides when the stage runs it.
    static var scope: SignalScope { get }
    static var examples: [SignalExample] { get }

    /// Why the signal fires for this open outcome, or nil when it does not.
    static func evaluate(_ outcome: Outcome, at position: Int, in context: HealthContext) -> SignalFinding?
}

/// Signals that read other outcomes' health run after the ones they read.
public enum SignalScope: Int, Sendable, Comparable, CaseIterable {
    /// The outcome, its dates, its pod and the people in it.
    case outcome
    /// Also the health of the outcomes it depends on, judged by their own signals.
    case dependencies
    /// Also the health of the outcomes below it, judged by their own and dependency signals.
    case descendants

    public static func < (lhs: SignalScope, rhs: SignalScope) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A signal firing: the sentence, and the level when the signal decides it itself.
public struct SignalFinding: Sendable {
    public var message: String
    public var level: HealthLevel?

    public init(_ message: String, level: HealthLevel? = nil) {
        self.message = message
        self.level = level
    }
}

/// What a signal sees: the ledger, the date, and the health judged in earlier phases.
public struct HealthContext: Sendable {
    public let ledger: Ledger
    public let today: CalendarDate
    /// The git history, when the ledger's was read.
    public let history: LedgerHistory?
    /// Levels from the phases before the current one, by outcome position; nil for
    /// outcomes that are not open.
    let earlierLevels: [HealthLevel?]
    /// Off-track open outcomes below each outcome, by position (filled before the
    /// descendants phase).
    let offTrackBelow: [OffTrackBelow]

    /// When the pod started: `start` as written, else the day the outcome's file was first committed.
    public func start(of outcome: Outcome) -> CalendarDate? {
        outcome.start?.value ?? history?.outcomes[outcome.id.value]?.created.date
    }

    /// The health an outcome was given in the phases before this one.
    public func earlierLevel(of position: Int) -> HealthLevel? { earlierLevels[position] }

    /// The open outcomes below this one that are off track.
    public func offTrackOutcomes(below position: Int) -> OffTrackBelow { offTrackBelow[position] }

    /// A person as sentences name them: their name from `people.yml`, else the handle.
    public func name(of handle: String) -> String {
        ledger.person(handle)?.name ?? handle
    }

    /// An outcome as sentences name it: its title, else its id.
    public func title(of position: Int) -> String {
        let outcome = ledger.outcomes[position]
        return outcome.title?.value ?? outcome.id.value
    }

    /// "A", "A and B", "A, B and 2 more" (of `total` things, when more than are named).
    public static func list(_ names: [String], limit: Int = 3, total: Int? = nil) -> String {
        let shown = Array(names.prefix(limit))
        let rest = (total ?? names.count) - shown.count
        if rest > 0 { return shown.joined(separator: ", ") + " and \(rest) more" }
        guard shown.count > 1 else { return shown.first ?? "" }
        return shown.dropLast().joined(separator: ", ") + " and " + shown.last!
    }
}

/// How many open outcomes in a subtree are off track, and the first few (in tree order)
/// for sentences to name.
public struct OffTrackBelow: Sendable {
    public private(set) var count: Int
    public private(set) var first: [Int]

    static let none = OffTrackBelow(count: 0, first: [])
    static let named = 3

    private init(count: Int, first: [Int]) {
        self.count = count
        self.first = first
    }

    init(_ position: Int) {
        self.init(count: 1, first: [position])
    }

    static func + (lhs: OffTrackBelow, rhs: OffTrackBelow) -> OffTrackBelow {
        guard lhs.first.count < named else { return OffTrackBelow(count: lhs.count + rhs.count, first: lhs.first) }
        return OffTrackBelow(count: lhs.count + rhs.count, first: Array((lhs.first + rhs.first).prefix(named)))
    }
}

/// A small ledger that shows a signal firing or staying quiet for one outcome. The
/// signal-examples test compiles each one and holds the signal to it; dates are judged
/// as of `today`.
public struct SignalExample: Sendable {
    public var triggers: Bool
    public var files: [String: String]
    /// The id of the outcome the example is about.
    public var subject: String
    public static let today = CalendarDate("2026-11-21")!

    public init(triggers: Bool, files: [String: String], subject: String = "example") {
        self.triggers = triggers
        self.files = files
        self.subject = subject
    }

    /// An example whose main file has the standard front matter plus `extra` lines.
    public static func outcome(
        adding extra: String = "", body: String = RuleExample.standardBody, triggers: Bool,
        also files: [String: String] = [:]
    ) -> SignalExample {
        let frontMatter = extra.isEmpty ? RuleExample.standardFrontMatter : RuleExample.standardFrontMatter + "\n" + extra
        var all = files
        all[RuleExample.mainFile] = RuleExample.file(frontMatter, body: body)
        return SignalExample(triggers: triggers, files: all)
    }
}
