/// Outcomes must be orderable: nothing may depend on itself, directly or through others,
/// and no outcome may roll up into itself.
public enum DependencyCycle: LedgerRule {
    public static let name = "dependency-cycle"
    public static let defaultSeverity = Severity.error
    public static let summary = "a cycle through `depends_on`, or through `parent` (prints the cycle)"
    public static let rationale = "Outcomes must be orderable: nothing may depend on itself, directly or through others, and no outcome may roll up into itself."

    static func linked(_ key: String, to other: String) -> String {
        RuleExample.file(RuleExample.standardFrontMatter + "\n\(key): \(other)")
    }

    public static let examples: [RuleExample] = [
        RuleExample(triggers: true, files: [
            "outcomes/a.md": linked("depends_on", to: "[b]"),
            "outcomes/b.md": linked("depends_on", to: "[c]"),
            "outcomes/c.md": linked("depends_on", to: "[a]"),
        ], expectedLocation: "outcomes/a.md:8:14"),
        RuleExample(triggers: true, files: [
            "outcomes/a.md": linked("parent", to: "b"),
            "outcomes/b.md": linked("parent", to: "a"),
        ], expectedLocation: "outcomes/a.md:8:9"),
        .outcome(RuleExample.standardFrontMatter + "\ndepends_on: [example]", triggers: true, at: "outcomes/example.md:8:14"),
        RuleExample(triggers: false, files: [
            "outcomes/a.md": linked("depends_on", to: "[b, c]"),
            "outcomes/b.md": linked("depends_on", to: "[c]"),
            "outcomes/c.md": linked("parent", to: "a"),
        ]),
    ]

    public static func check(_ context: RuleContext) -> [Diagnostic] {
        let ledger = context.ledger
        let (graph, parents) = DependencyGraph.dependenciesAndParents(of: ledger)
        return graph.cycles().map { report($0, key: "depends_on", ledger: ledger, arrow: "depends on") }
            + parents.cycles().map { report($0, key: "parent", ledger: ledger, arrow: "rolls up to") }
    }

    /// Reported once, at the reference that leaves the cycle's first outcome.
    private static func report(_ cycle: [String], key: String, ledger: Ledger, arrow: String) -> Diagnostic {
        let first = ledger.outcome(withID: cycle[0])!
        let next = cycle.count > 1 ? cycle[1] : cycle[0]
        let references = key == "parent" ? [first.parent].compactMap { $0 } : first.dependsOn
        let location = references.first { $0.value == next }?.location ?? first.id.location
        let path = (cycle + [cycle[0]]).map { "`\($0)`" }.joined(separator: " → ")
        let message = cycle.count == 1
            ? "`\(cycle[0])` \(arrow) itself"
            : "\(key == "parent" ? "parent" : "dependency") cycle: \(path)"
        return diagnostic(message, at: location, hint: "remove one of the links to break the cycle")
    }
}

/// Outcomes as a directed graph over resolved ids, for finding cycles.
struct DependencyGraph {
    private let ids: [String]
    private let successors: [[Int]]

    /// The `depends_on` graph and the `parent` graph, over one numbering of the ids, sorted
    /// once for both.
    static func dependenciesAndParents(of ledger: Ledger) -> (dependencies: DependencyGraph, parents: DependencyGraph) {
        let ids = ledger.indexByID.keys.sorted()
        let number = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        let outcomes = ids.map { ledger.outcome(withID: $0)! }
        func graph(_ edges: (Outcome) -> [Int]) -> DependencyGraph {
            DependencyGraph(ids: ids, successors: outcomes.map { $0.hasFrontMatter ? edges($0) : [] })
        }
        return (graph { $0.dependsOn.compactMap { number[$0.value] } },
                graph { $0.parent.flatMap { number[$0.value] }.map { [$0] } ?? [] })
    }

    private init(ids: [String], successors: [[Int]]) {
        self.ids = ids
        self.successors = successors
    }

    /// One cycle per strongly connected component that has one, starting at its smallest
    /// id; the components come from Tarjan's algorithm, run without recursion.
    func cycles() -> [[String]] {
        let count = ids.count
        var index = [Int](repeating: -1, count: count)
        var lowLink = [Int](repeating: 0, count: count)
        var onStack = [Bool](repeating: false, count: count)
        var stack: [Int] = []
        var next = 0
        var found: [[String]] = []

        for start in 0..<count where index[start] < 0 {
            var work: [(node: Int, edge: Int)] = [(start, 0)]
            index[start] = next; lowLink[start] = next; next += 1
            stack.append(start); onStack[start] = true
            while let (node, edge) = work.last {
                if edge < successors[node].count {
                    work[work.count - 1].edge += 1
                    let target = successors[node][edge]
                    if index[target] < 0 {
                        index[target] = next; lowLink[target] = next; next += 1
                        stack.append(target); onStack[target] = true
                        work.append((target, 0))
                    } else if onStack[target] {
                        lowLink[node] = min(lowLink[node], index[target])
                    }
                    continue
                }
                work.removeLast()
                if let parent = work.last?.node { lowLink[parent] = min(lowLink[parent], lowLink[node]) }
                guard lowLink[node] == index[node] else { continue }
                var component: [Int] = []
                while let member = stack.popLast() {
                    onStack[member] = false
                    component.append(member)
                    if member == node { break }
                }
                if component.count > 1 || successors[node].contains(node) {
                    found.append(cycle(through: Set(component)))
                }
            }
        }
        return found.sorted { $0[0] < $1[0] }
    }

    /// A shortest cycle from the component's smallest member back to itself.
    private func cycle(through component: Set<Int>) -> [String] {
        let start = component.min()!
        var previous: [Int: Int] = [:]
        var queue = [start]
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for target in successors[node].sorted() where component.contains(target) {
                if target == start {
                    var path = [node]
                    while let before = previous[path[0]] { path.insert(before, at: 0) }
                    return path.map { ids[$0] }
                }
                if previous[target] == nil && target != start {
                    previous[target] = node
                    queue.append(target)
                }
            }
        }
        return [ids[start]]
    }
}
