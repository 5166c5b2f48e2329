/// The outcomes arranged by `parent`, by position in `Ledger.outcomes`, for sums over
/// subtrees. Every outcome is in the tree exactly once, after all of its children, even
/// when parents form a cycle (the link that closes it is left out), when two outcomes
/// share an id, or when chains run 100,000 deep (no recursion).
struct ParentTree {
    /// Children of each outcome, by position, in path order.
    let children: [[Int]]
    /// Every position, each after all of its children.
    let childrenFirst: [Int]

    init(_ ledger: Ledger) {
        let count = ledger.outcomes.count
        var links = Array(repeating: [Int](), count: count)
        var hasParent = Array(repeating: false, count: count)
        for (id, ids) in ledger.children {
            guard let parent = ledger.indexByID[id] else { continue }
            for child in ids {
                guard let position = ledger.indexByID[child], position != parent else { continue }
                links[parent].append(position)
                hasParent[position] = true
            }
        }
        var kept = Array(repeating: [Int](), count: count)
        var order: [Int] = []
        order.reserveCapacity(count)
        var visited = Array(repeating: false, count: count)
        // Roots first, then whatever only a cycle leads to.
        let starts = (0..<count).filter { !hasParent[$0] } + (0..<count).filter { hasParent[$0] }
        for start in starts where !visited[start] {
            visited[start] = true
            var stack: [(position: Int, next: Int)] = [(start, 0)]
            while let top = stack.last {
                let candidates = links[top.position].sorted()
                if top.next < candidates.count {
                    stack[stack.count - 1].next += 1
                    let child = candidates[top.next]
                    if !visited[child] {
                        visited[child] = true
                        kept[top.position].append(child)
                        stack.append((child, 0))
                    }
                } else {
                    order.append(top.position)
                    stack.removeLast()
                }
            }
        }
        children = kept
        childrenFirst = order
    }

    /// A value for every outcome made from its children's values, children first.
    func fold<Value>(_ make: (_ position: Int, _ children: [Value]) -> Value) -> [Value] {
        var values = [Value?](repeating: nil, count: children.count)
        for position in childrenFirst {
            values[position] = make(position, children[position].map { values[$0]! })
        }
        return values.map { $0! }
    }
}
