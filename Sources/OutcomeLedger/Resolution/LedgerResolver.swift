/// The resolution stage: indexes outcomes by id and links parents, children and
/// dependencies, so rules and the site can follow references in both directions.
/// Unresolvable references are left for the `unresolved-reference` rule to report.
public enum LedgerResolver {
    public static func resolve(config: LedgerConfig, outcomes: [Outcome], people: [Person]?) -> Ledger {
        var ledger = Ledger(config: config, outcomes: outcomes, people: people)
        ledger.peopleIndex = people.map { roster in
            Dictionary(roster.enumerated().map { ($1.handle.value, $0) }) { first, _ in first }
        }
        for (index, outcome) in outcomes.enumerated() where ledger.indexByID[outcome.id.value] == nil {
            ledger.indexByID[outcome.id.value] = index
        }
        var children: [String: Set<String>] = [:]
        var dependents: [String: Set<String>] = [:]
        for outcome in outcomes {
            if let parent = outcome.parent?.value, ledger.indexByID[parent] != nil {
                children[parent, default: []].insert(outcome.id.value)
            }
            for dependency in outcome.dependsOn where ledger.indexByID[dependency.value] != nil {
                dependents[dependency.value, default: []].insert(outcome.id.value)
            }
        }
        ledger.children = children.mapValues { $0.sorted() }
        ledger.dependents = dependents.mapValues { $0.sorted() }
        ledger.load = PodLoad(outcomes: outcomes)
        return ledger
    }
}
