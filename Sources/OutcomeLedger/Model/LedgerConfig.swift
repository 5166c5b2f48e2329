/// What a rule's severity is set to in `ledger.yml`.
public enum RuleSetting: String, Sendable, CaseIterable {
    case error, warning, off
}

/// What a health signal is set to in `ledger.yml`: the level it gives, or off.
public enum SignalSetting: String, Sendable, CaseIterable {
    case atRisk = "at-risk"
    case offTrack = "off-track"
    case off

    /// The level it gives, nil when off.
    public var level: HealthLevel? {
        switch self {
        case .atRisk: return .atRisk
        case .offTrack: return .offTrack
        case .off: return nil
        }
    }
}

/// The settings from `ledger.yml`, with the defaults for everything not written.
public struct LedgerConfig: Sendable, Equatable {
    public var title: String?
    /// The folder holding outcome files, relative to the root.
    public var outcomesFolder: String = "outcomes"
    /// Whether `outcomes` was written in `ledger.yml` (then a missing folder is its fault).
    public var outcomesFolderLocation: SourceLocation?
    public var podSize: ClosedRange<Int> = 2...4
    public var lenses: [String] = ["builder", "operator", "communicator"]
    public var doneHeading: String = "Done when"
    public var howHeading: String = "How"
    public var maxPodsPerPerson: Int = 3
    public var ruleSettings: [String: RuleSetting] = [:]
    /// Health signals whose level is changed, or that are turned off.
    public var signalSettings: [String: SignalSetting] = [:]
    /// Percentage points by which done-item progress may trail elapsed time before `behind` fires.
    public var behindMargin: Int = 25
    /// Days an open outcome's file may go unchanged before the `stale` signal fires.
    public var staleAfterDays: Int = 60
    /// How far back the dashboard's "Changed in the last N days" looks.
    public var historyDays: Int = 14
    public var baseURL: String?
    /// Files larger than this many bytes are skipped with `file-too-large`.
    public var maxFileSize: Int = 1 << 20
    /// Files a body links to that are larger than this are not published.
    public var maxAssetSize: Int = 10 << 20

    /// `people.yml` lists everyone, so it may be larger: 32 MiB by default, room for
    /// hundreds of thousands of people while still bounded.
    public var maxPeopleFileSize: Int { maxFileSize.multipliedReportingOverflow(by: 32).overflow ? .max : maxFileSize * 32 }

    public init() {}

    public static let fileName = "ledger.yml"
    public static let peopleFileName = "people.yml"
}
