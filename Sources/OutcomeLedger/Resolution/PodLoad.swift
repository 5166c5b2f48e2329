/// Who carries what: each person's open pods (proposed or active outcomes whose front
/// matter was read), worked out once by the resolver for the span-of-ownership rule, the
/// health signals and the site.
public struct PodLoad: Sendable {
    /// One place a person is named in an open pod: positions only, so a ledger of
    /// 100,000 outcomes does not hold its pods twice.
    public struct Membership: Sendable {
        /// The outcome's position in `Ledger.outcomes`.
        public var outcome: Int
        /// The member's position in that outcome's pod.
        public var member: Int

        /// The pod entry naming the person.
        public func entry(in outcomes: [Outcome]) -> PodMember { outcomes[outcome].pod![member] }
    }

    /// Handle → memberships, in path order of the outcomes.
    public private(set) var memberships: [String: [Membership]] = [:]
    /// Handle → positions of the open outcomes they own, in path order.
    public private(set) var owned: [String: [Int]] = [:]

    init(outcomes: [Outcome]) {
        for (index, outcome) in outcomes.enumerated() where outcome.hasFrontMatter && outcome.effectiveStatus.isOpen {
            for (position, member) in (outcome.pod ?? []).enumerated() {
                memberships[member.handle.value, default: []].append(Membership(outcome: index, member: position))
            }
            if let owner = outcome.owner?.value { owned[owner, default: []].append(index) }
        }
    }

    public init() {}

    /// How many open pods a person is in.
    public func openPodCount(_ handle: String) -> Int { memberships[handle]?.count ?? 0 }

    /// The lenses a person covers across their open pods, in the ledger's lens order, then any others.
    public func lenses(of handle: String, in ledger: Ledger) -> [String] {
        let covered = Set((memberships[handle] ?? []).flatMap { $0.entry(in: ledger.outcomes).lenses.map(\.value) })
        let order = ledger.config.lenses
        return order.filter(covered.contains) + covered.subtracting(order).sorted()
    }
}
