/// Roll-ups: each outcome's subtree summed — done items over the outcome and everything
/// below it (dropped outcomes left out: their items will never be done), and the
/// descendants counted by status and, when open, by health.
enum Rollups {
    static func of(_ ledger: Ledger, tree: ParentTree, levels: [HealthLevel?]) -> [Rollup?] {
        let outcomes = ledger.outcomes
        let subtrees = tree.fold { position, children -> (own: Rollup, below: Rollup) in
            var below = Rollup()
            for child in children { below.add(child.own) }
            var own = below
            let outcome = outcomes[position]
            own.count(outcome.effectiveStatus, levels[position])
            if outcome.effectiveStatus != .dropped { own.progress = own.progress + outcome.progress }
            below.progress = own.progress
            return (own, below)
        }
        return subtrees.map { $0.below.descendants > 0 ? $0.below : nil }
    }
}
