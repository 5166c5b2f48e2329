/// How an open outcome is doing: the owner's own call in `health:`, and the level of each
/// computed signal. Ordered from best to worst, so the worst of several is their maximum.
public enum HealthLevel: String, Sendable, CaseIterable, Comparable, Codable {
    case onTrack = "on-track"
    case atRisk = "at-risk"
    case offTrack = "off-track"

    /// "on track", "at risk", "off track": how sentences and badges say it.
    public var words: String {
        switch self {
        case .onTrack: return "on track"
        case .atRisk: return "at risk"
        case .offTrack: return "off track"
        }
    }

    public static func < (lhs: HealthLevel, rhs: HealthLevel) -> Bool {
        lhs.rank < rhs.rank
    }

    private var rank: Int {
        switch self {
        case .onTrack: return 0
        case .atRisk: return 1
        case .offTrack: return 2
        }
    }
}
