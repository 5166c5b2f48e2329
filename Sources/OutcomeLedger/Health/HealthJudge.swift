/// The health stage: after validation, judges every proposed or active outcome by the
/// signals in `SignalRegistry`, then sums the parent tree into roll-ups. A pure function
/// of the resolved ledger and the date, so the same ledger always gets the same health.
public enum HealthJudge {
    public static func judge(_ ledger: Ledger, today: CalendarDate, history: LedgerHistory? = nil) -> LedgerHealth {
        let outcomes = ledger.outcomes
        let tree = ParentTree(ledger)
        let settings = ledger.config.signalSettings
        let judged = outcomes.map { $0.hasFrontMatter && $0.effectiveStatus.isOpen }
        var signals = Array(repeating: [Signal](), count: outcomes.count)
        var levels = Array(repeating: HealthLevel?.none, count: outcomes.count)
        var offTrackBelow = Array(repeating: OffTrackBelow.none, count: outcomes.count)

        for scope in SignalScope.allCases {
            let active = SignalRegistry.all.filter { $0.scope == scope && settings[$0.name] != .off }
            guard !active.isEmpty else { continue }
            if scope == .descendants {
                let subtrees = tree.fold { position, children -> (own: OffTrackBelow, below: OffTrackBelow) in
                    let below = children.reduce(OffTrackBelow.none) { $0 + $1.own }
                    return (levels[position] == .offTrack ? OffTrackBelow(position) + below : below, below)
                }
                offTrackBelow = subtrees.map(\.below)
            }
            let context = HealthContext(ledger: ledger, today: today, history: history, earlierLevels: levels,
                                        offTrackBelow: offTrackBelow)
            let found = Parallel.map(outcomes.count) { position -> [Signal] in
                guard judged[position] else { return [] }
                return active.compactMap { signal in
                    guard let finding = signal.evaluate(outcomes[position], at: position, in: context) else { return nil }
                    let level = finding.level ?? settings[signal.name]?.level ?? signal.defaultLevel
                    return Signal(name: signal.name, level: level, message: finding.message)
                }
            }
            for position in outcomes.indices where judged[position] {
                signals[position] += found[position]
                levels[position] = signals[position].map(\.level).max() ?? .onTrack
            }
        }

        let order = Dictionary(uniqueKeysWithValues: SignalRegistry.names.enumerated().map { ($1, $0) })
        let judgements = outcomes.indices.map { position -> Judgement? in
            guard judged[position] else { return nil }
            let sorted = signals[position].sorted { ($0.level, order[$1.name]!) > ($1.level, order[$0.name]!) }
            return Judgement(signals: sorted, reported: outcomes[position].reportedHealth?.value)
        }
        return LedgerHealth(today: today, judgements: judgements,
                            rollups: Rollups.of(ledger, tree: tree, levels: judgements.map { $0?.level }))
    }
}
