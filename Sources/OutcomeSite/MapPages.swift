import OutcomeLedger

/// The map pages: the parent tree with dependencies, drawn. A ledger of up to `mapLimit`
/// outcomes gets one map; a larger one gets a map per top-level outcome, since a picture
/// of thousands of boxes helps nobody and costs every reader the download.
extension SitePages {
    /// The most boxes one map draws.
    static let mapLimit = 400

    func mapPages() -> [Page] {
        let roots = tree.roots
        if data.sortedOutcomes.count <= Self.mapLimit {
            return [Page(path: "map/index.html", template: "map", title: "Map") {
                self.map(of: roots, path: "map/index.html", heading: "Map")
            }]
        }
        let mapped = roots.filter { !$0.children.isEmpty }
        var pages = [Page(path: "map/index.html", template: "map", title: "Map") {
            let entries = mapped.map { root -> [String: Any] in
                var entry = self.data.summary(root.id).fields
                entry["map_path"] = Self.mapPath(root.id)
                entry["size"] = Self.size(of: root)
                return entry
            }
            return ["heading": "Map", "has_map": false, "roots": entries, "has_roots": !entries.isEmpty,
                    "unmapped_count": roots.count - mapped.count, "has_unmapped": roots.count > mapped.count,
                    "map_limit": Self.mapLimit]
        }]
        for (index, root) in mapped.enumerated() {
            let title = data.published(root.id)?.title?.value ?? root.id
            pages.append(Page(path: Self.mapPath(root.id), template: "map", title: "Map: \(title)") {
                self.map(of: [mapped[index]], path: Self.mapPath(root.id), heading: "Map: \(title)")
            })
        }
        return pages
    }

    static func mapPath(_ id: String) -> String { "map/\(id)/index.html" }

    /// An outcome in the list under a map: its link and how it stands, in words.
    private func listNode(_ node: OutcomeTree.Node) -> [String: Any] {
        let picture = data.pictureNode(node.id)
        let children = node.children.map(listNode)
        return ["id": node.id, "title": picture.title, "path": picture.path ?? none,
                "state": picture.stateWords,
                "children": children, "has_children": !children.isEmpty]
    }

    /// A map page's data: the picture of these trees, cut to `mapLimit` boxes by whole
    /// generations, and the same outcomes as a list.
    private func map(of roots: [OutcomeTree.Node], path: String, heading: String) -> [String: Any] {
        let depth = Self.deepestGeneration(of: roots, within: Self.mapLimit)
        var shown: Set<String> = []
        func branch(_ node: OutcomeTree.Node, level: Int) -> (LedgerMap.Branch, OutcomeTree.Node) {
            shown.insert(node.id)
            guard level < depth else {
                return (LedgerMap.Branch(node: data.pictureNode(node.id), children: [], hiddenChildren: node.children.count),
                        OutcomeTree.Node(id: node.id, children: []))
            }
            let children = node.children.map { branch($0, level: level + 1) }
            return (LedgerMap.Branch(node: data.pictureNode(node.id), children: children.map(\.0)),
                    OutcomeTree.Node(id: node.id, children: children.map(\.1)))
        }
        // Trees are at most `OutcomeTree.maximumDepth` deep, so this recursion is bounded.
        let branches = roots.map { branch($0, level: 0) }
        var links: [(from: String, to: String)] = []
        for id in shown.sorted() {
            for dependency in data.published(id)?.dependsOn ?? [] where shown.contains(dependency.value) {
                links.append((id, dependency.value))
            }
        }
        let map = LedgerMap(roots: branches.map(\.0), dependencies: links)
        let (root, title) = (Self.root(of: path), "\(heading): \(shown.count) outcomes by parent, with dependencies")
        let list = branches.map(\.1).map(listNode)
        return [
            "heading": heading, "has_map": true, "has_roots": false,
            "map_svg": DeferredHTML(inputs: map.keyInputs(root: root, title: title)) { map.svg(root: root, title: title) },
            "list": list, "count": shown.count,
            "cut": depth < Int.max ? ["depth": depth + 1, "limit": Self.mapLimit] as [String: Any] : none,
        ]
    }

    /// The number of generations below the roots that fit in `limit` boxes in all
    /// (`Int.max` when everything fits).
    static func deepestGeneration(of roots: [OutcomeTree.Node], within limit: Int) -> Int {
        var level = roots
        var total = 0
        var depth = 0
        while !level.isEmpty {
            total += level.count
            if total > limit { return max(0, depth - 1) }
            level = level.flatMap(\.children)
            depth += 1
        }
        return Int.max
    }

    private static func size(of node: OutcomeTree.Node) -> Int {
        var count = 0
        var stack = [node]
        while let next = stack.popLast() {
            count += 1
            stack += next.children
        }
        return count
    }
}
