/// One reason an open outcome is not on track: a signal that fired, with its level and a
/// sentence a person understands.
public struct Signal: Sendable, Equatable {
    /// The signal's stable kebab-case name, e.g. `past-due`.
    public var name: String
    public var level: HealthLevel
    public var message: String

    public init(name: String, level: HealthLevel, message: String) {
        self.name = name
        self.level = level
        self.message = message
    }
}

/// The health of one proposed or active outcome: the worst level among its signals, or on
/// track when none fired.
public struct Judgement: Sendable, Equatable {
    /// Worst first, then in the registry's order.
    public var signals: [Signal]
    /// The owner's own call from `health:`, shown beside the computed health.
    public var reported: HealthLevel?

    public var level: HealthLevel { signals.first?.level ?? .onTrack }
}

/// What lies below an outcome in the parent tree, summed: done items over the outcome
/// and all its descendants (dropped ones left out), and how the descendants stand.
public struct Rollup: Sendable, Equatable {
    public var progress: Progress
    /// How many outcomes are below (children, theirs, and so on).
    public var descendants: Int
    public var byStatus: [OutcomeStatus: Int]
    /// Open descendants by health.
    public var byHealth: [HealthLevel: Int]

    /// The worst health among open descendants; nil when none is open.
    public var worst: HealthLevel? {
        HealthLevel.allCases.reversed().first { (byHealth[$0] ?? 0) > 0 }
    }

    /// "4 outcomes below: 1 off track, 2 at risk, 1 achieved".
    public var sentence: String {
        var parts: [String] = []
        for level in HealthLevel.allCases.reversed() {
            if let count = byHealth[level], count > 0 { parts.append("\(count) \(level.words)") }
        }
        for status in [OutcomeStatus.achieved, .dropped] {
            if let count = byStatus[status], count > 0 { parts.append("\(count) \(status.rawValue)") }
        }
        let noun = descendants == 1 ? "outcome" : "outcomes"
        return "\(descendants) \(noun) below: " + parts.joined(separator: ", ")
    }
}

/// What the health stage found: a judgement for every open outcome, a roll-up for every
/// outcome with children, and the date it judged by.
public struct LedgerHealth: Sendable {
    public var today: CalendarDate
    /// By position in `Ledger.outcomes`; nil for achieved, dropped and unreadable outcomes.
    public var judgements: [Judgement?]
    /// By position in `Ledger.outcomes`; nil for outcomes with nothing below them.
    public var rollups: [Rollup?]

    public init(today: CalendarDate, judgements: [Judgement?], rollups: [Rollup?]) {
        self.today = today
        self.judgements = judgements
        self.rollups = rollups
    }

    /// No judgements: for ledgers compiled without the health stage.
    public static func empty(count: Int, today: CalendarDate) -> LedgerHealth {
        LedgerHealth(today: today, judgements: Array(repeating: nil, count: count),
                     rollups: Array(repeating: nil, count: count))
    }
}
