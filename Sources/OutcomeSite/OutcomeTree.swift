import OutcomeLedger

/// The outcomes arranged by parent for the dashboard. Every outcome appears exactly once,
/// even when parents form a cycle (possible in a `--keep-going` build).
struct OutcomeTree: Sendable {
    struct Node: Sendable {
        var id: String
        var children: [Node]
    }

    var roots: [Node]

    static let maximumDepth = 24

    /// `outcomes` are the ones that get pages (unique, valid ids), in id order.
    init(outcomes: [Outcome], ledger: Ledger) {
        let ids = Set(outcomes.map(\.id.value))
        var childrenOf: [String: [String]] = [:]
        var rootIDs: [String] = []
        for outcome in outcomes {
            if let parent = outcome.parent?.value, ids.contains(parent), parent != outcome.id.value {
                childrenOf[parent, default: []].append(outcome.id.value)
            } else {
                rootIDs.append(outcome.id.value)
            }
        }
        var placed: Set<String> = []
        // Deeper chains continue as roots of their own: pages stay readable and neither
        // building nor rendering the tree recurses without bound.
        func build(_ id: String, depth: Int) -> Node {
            placed.insert(id)
            guard depth < OutcomeTree.maximumDepth else { return Node(id: id, children: []) }
            let children = (childrenOf[id] ?? []).filter { !placed.contains($0) }
            return Node(id: id, children: children.map { build($0, depth: depth + 1) })
        }
        var roots = rootIDs.map { build($0, depth: 0) }
        // Outcomes only reachable through a parent cycle become roots of their own.
        for outcome in outcomes where !placed.contains(outcome.id.value) {
            roots.append(build(outcome.id.value, depth: 0))
        }
        self.roots = roots
    }
}
