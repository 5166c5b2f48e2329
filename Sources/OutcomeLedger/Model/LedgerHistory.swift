/// Who changed something, when, and in which commit.
public struct HistoryMark: Sendable, Equatable {
    /// The day (UTC) the commit landed.
    public var date: CalendarDate
    public var author: String
    public var commit: String

    public init(date: CalendarDate, author: String, commit: String) {
        self.date = date
        self.author = author
        self.commit = commit
    }

    /// The commit's id as people quote it.
    public var shortCommit: String { String(commit.prefix(7)) }
}

/// One outcome's life in the repository: when it was created, each change of status, of
/// the owner's health call and of its due date, and when its file last changed.
public struct OutcomeHistory: Sendable, Equatable {
    public struct Event: Sendable, Equatable {
        public var mark: HistoryMark
        public var change: Change
    }

    public var created: HistoryMark
    public var lastChanged: HistoryMark
    /// Oldest first.
    public var events: [Event]
}

/// What the git history says about the ledger: each outcome's history by id, and what
/// changed in the last `recentDays` days. Depends only on the commits and the date it was
/// read for, so the same repository gives the same history.
public struct LedgerHistory: Sendable {
    /// The commit the history was read up to.
    public var head: String
    /// By outcome id.
    public var outcomes: [String: OutcomeHistory]
    /// The changes from the last commit before the window to what is being built; nil when
    /// history is not shown.
    public var recent: LedgerChanges?
    public var recentDays: Int
    /// Why history is not shown, when it is not (a shallow clone).
    public var note: String?

    public init(head: String, outcomes: [String: OutcomeHistory], recent: LedgerChanges?, recentDays: Int, note: String? = nil) {
        self.head = head
        self.outcomes = outcomes
        self.recent = recent
        self.recentDays = recentDays
        self.note = note
    }
}
