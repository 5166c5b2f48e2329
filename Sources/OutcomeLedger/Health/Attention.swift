/// The lists a leader reads first — what needs attention, what is due soon, who is over
/// capacity — in one order shared by the site and `outcomes status`, so the two never
/// disagree.
extension LedgerHealth {
    /// Positions of the open outcomes at risk or off track: off track first, then at risk;
    /// within each, the earliest due date first (undated last), then by id. An id two files
    /// share counts once.
    public func needingAttention(in ledger: Ledger) -> [Int] {
        let positions = ledger.outcomes.indices.filter { position in
            guard let level = judgements[position]?.level, level != .onTrack else { return false }
            return ledger.indexByID[ledger.outcomes[position].id.value] == position
        }
        return positions.sorted { lhs, rhs in
            let (left, right) = (ledger.outcomes[lhs], ledger.outcomes[rhs])
            let (leftLevel, rightLevel) = (judgements[lhs]!.level, judgements[rhs]!.level)
            if leftLevel != rightLevel { return leftLevel > rightLevel }
            return Self.dueOrder(left, right)
        }
    }

    /// Positions of the open outcomes due from today to `days` days after it, soonest first.
    public func due(within days: Int, in ledger: Ledger) -> [Int] {
        let positions = ledger.outcomes.indices.filter { position in
            let outcome = ledger.outcomes[position]
            guard judgements[position] != nil, let due = outcome.due?.value,
                  ledger.indexByID[outcome.id.value] == position else { return false }
            return (0...days).contains(due.days(since: today))
        }
        return positions.sorted { Self.dueOrder(ledger.outcomes[$0], ledger.outcomes[$1]) }
    }

    /// Earliest due date first, undated last, then by id.
    private static func dueOrder(_ left: Outcome, _ right: Outcome) -> Bool {
        switch (left.due?.value, right.due?.value) {
        case let (l?, r?) where l != r: return l < r
        case (_?, nil): return true
        case (nil, _?): return false
        default: return left.id.value < right.id.value
        }
    }
}

extension PodLoad {
    /// Handles of the people in more than `limit` open pods: the most loaded first, then by handle.
    public func overCapacity(limit: Int) -> [String] {
        memberships.filter { $0.value.count > limit }.map(\.key)
            .sorted { (openPodCount($1), $0) < (openPodCount($0), $1) }
    }
}
