/// What `outcomes status` presents: the ledger's health counts and the outcomes that need
/// attention, in the order the dashboard lists them. Made from a compilation; the formats
/// only lay it out.
public struct StatusReport: Sendable {
    public struct Entry: Sendable {
        public var id: String
        public var title: String
        public var file: String
        public var owner: String?
        public var due: CalendarDate?
        public var level: HealthLevel
        public var signals: [Signal]
    }

    public var title: String
    public var today: CalendarDate
    /// Open outcomes by health.
    public var byHealth: [HealthLevel: Int]
    /// Every outcome by status.
    public var byStatus: [OutcomeStatus: Int]
    /// Off track first, then at risk.
    public var attention: [Entry]

    public init(_ compilation: Compilation) {
        let ledger = compilation.ledger
        let health = compilation.health
        title = ledger.config.title ?? "Outcomes"
        today = health.today
        var byHealth: [HealthLevel: Int] = [:]
        var byStatus: [OutcomeStatus: Int] = [:]
        for (position, outcome) in ledger.outcomes.enumerated() where ledger.indexByID[outcome.id.value] == position {
            byStatus[outcome.effectiveStatus, default: 0] += 1
            if let level = health.judgements[position]?.level { byHealth[level, default: 0] += 1 }
        }
        self.byHealth = byHealth
        self.byStatus = byStatus
        attention = health.needingAttention(in: ledger).map { position in
            let outcome = ledger.outcomes[position]
            let judgement = health.judgements[position]!
            return Entry(id: outcome.id.value, title: outcome.title?.value ?? outcome.id.value, file: outcome.file,
                         owner: outcome.owner.map { ledger.person($0.value)?.name ?? $0.value },
                         due: outcome.due?.value, level: judgement.level, signals: judgement.signals)
        }
    }

    /// "1 off track, 2 at risk, 4 on track (7 open); 1 achieved, 1 dropped".
    public var countsSentence: String {
        let open = HealthLevel.allCases.reversed().map { "\(byHealth[$0] ?? 0) \($0.words)" }.joined(separator: ", ")
        let openCount = byHealth.values.reduce(0, +)
        let closed = [OutcomeStatus.achieved, .dropped].map { "\(byStatus[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
        return "\(open) (\(openCount) open); \(closed)"
    }

    /// Whether some open outcome is at `level` or worse.
    public func hasOutcome(atLeast level: HealthLevel) -> Bool {
        byHealth.contains { $0.key >= level && $0.value > 0 }
    }
}

/// Lays out a status report in one format. Adding a format is adding a file and listing
/// it in `StatusFormats`.
public protocol StatusFormat: Sendable {
    static var identifier: String { get }
    func render(_ report: StatusReport) -> String
}

public enum StatusFormats {
    public static let identifiers = [StatusHumanFormat.identifier, StatusMarkdownFormat.identifier, StatusJSONFormat.identifier]

    public static func format(_ identifier: String, color: Bool) -> (any StatusFormat)? {
        switch identifier {
        case StatusHumanFormat.identifier: return StatusHumanFormat(color: color)
        case StatusMarkdownFormat.identifier: return StatusMarkdownFormat()
        case StatusJSONFormat.identifier: return StatusJSONFormat()
        default: return nil
        }
    }
}
