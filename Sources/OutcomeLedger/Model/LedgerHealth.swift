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
    /// Counts in fixed fields rather than dictionaries: every outcome gets one while the
    /// tree is summed.
    var statusCounts: (proposed: Int, active: Int, achieved: Int, dropped: Int) = (0, 0, 0, 0)
    var healthCounts: (onTrack: Int, atRisk: Int, offTrack: Int) = (0, 0, 0)

    public init(progress: Progress = .none, descendants: Int = 0) {
        self.progress = progress
        self.descendants = descendants
    }

    public static func == (lhs: Rollup, rhs: Rollup) -> Bool {
        lhs.progress == rhs.progress && lhs.descendants == rhs.descendants && lhs.statusCounts == rhs.statusCounts
            && lhs.healthCounts == rhs.healthCounts
    }

    /// Descendants by status; statuses no descendant has are left out.
    public var byStatus: [OutcomeStatus: Int] {
        let counts = [(OutcomeStatus.proposed, statusCounts.proposed), (.active, statusCounts.active),
                      (.achieved, statusCounts.achieved), (.dropped, statusCounts.dropped)]
        return Dictionary(uniqueKeysWithValues: counts.filter { $0.1 > 0 })
    }

    /// Open descendants by health; levels no descendant has are left out.
    public var byHealth: [HealthLevel: Int] {
        let counts = [(HealthLevel.onTrack, healthCounts.onTrack), (.atRisk, healthCounts.atRisk), (.offTrack, healthCounts.offTrack)]
        return Dictionary(uniqueKeysWithValues: counts.filter { $0.1 > 0 })
    }

    /// Counts one more outcome below.
    mutating func count(_ status: OutcomeStatus, _ level: HealthLevel?) {
        descendants += 1
        switch status {
        case .proposed: statusCounts.proposed += 1
        case .active: statusCounts.active += 1
        case .achieved: statusCounts.achieved += 1
        case .dropped: statusCounts.dropped += 1
        }
        switch level {
        case .onTrack?: healthCounts.onTrack += 1
        case .atRisk?: healthCounts.atRisk += 1
        case .offTrack?: healthCounts.offTrack += 1
        case nil: break
        }
    }

    /// Adds a whole subtree's counts to this one's.
    mutating func add(_ other: Rollup) {
        progress = progress + other.progress
        descendants += other.descendants
        statusCounts = (statusCounts.proposed + other.statusCounts.proposed, statusCounts.active + other.statusCounts.active,
                        statusCounts.achieved + other.statusCounts.achieved, statusCounts.dropped + other.statusCounts.dropped)
        healthCounts = (healthCounts.onTrack + other.healthCounts.onTrack, healthCounts.atRisk + other.healthCounts.atRisk,
                        healthCounts.offTrack + other.healthCounts.offTrack)
    }

    /// The worst health among open descendants; nil when none is open.
    public var worst: HealthLevel? {
        healthCounts.offTrack > 0 ? .offTrack : healthCounts.atRisk > 0 ? .atRisk : healthCounts.onTrack > 0 ? .onTrack : nil
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
