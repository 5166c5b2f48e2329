/// The whole ledger after resolution: every outcome, the roster, and the links between
/// them. This is what rules look at.
public struct Ledger: Sendable {
    public var config: LedgerConfig
    /// Outcomes in path order.
    public var outcomes: [Outcome]
    /// The roster from `people.yml`, or nil when the ledger has none.
    public var people: [Person]?
    /// Each id's outcome index; for duplicated ids, the first by path.
    public var indexByID: [String: Int]
    /// Ids of each outcome's children (outcomes naming it as `parent`), sorted.
    public var children: [String: [String]]
    /// Ids of the outcomes that depend on each outcome, sorted.
    public var dependents: [String: [String]]
    /// Each person's open pods and owned outcomes.
    public var load: PodLoad

    public init(config: LedgerConfig, outcomes: [Outcome], people: [Person]?) {
        self.config = config
        self.outcomes = outcomes
        self.people = people
        self.indexByID = [:]
        self.children = [:]
        self.dependents = [:]
        self.load = PodLoad()
    }

    public func outcome(withID id: String) -> Outcome? {
        indexByID[id].map { outcomes[$0] }
    }

    /// The roster entry for a handle, if the ledger has a roster.
    public func person(_ handle: String) -> Person? {
        guard let people else { return nil }
        return peopleIndex?[handle].map { people[$0] } ?? people.first { $0.handle.value == handle }
    }

    /// Roster positions by handle, filled by the resolver.
    var peopleIndex: [String: Int]?
}
