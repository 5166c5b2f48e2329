import OutcomeLedger

/// The dashboard (`index.html`) and the full attention list: what a leader needs to judge
/// the ledger at a glance — what needs attention and why, what is due soon, who carries
/// too much, which pods miss a lens — then the tree and the counts.
extension SitePages {
    /// How many entries each dashboard list shows before pointing to the full list.
    static let dashboardListLimit = 25
    /// "Due soon" means due within this many days.
    static let dueSoonDays = 30

    func dashboard() -> [String: Any] {
        let outcomes = data.sortedOutcomes
        let attention = attentionIDs
        let dueSoon = data.health.due(within: Self.dueSoonDays, in: data.ledger).compactMap(data.publishedID)
        let limit = data.ledger.config.maxPodsPerPerson
        let overCapacity = data.ledger.load.overCapacity(limit: limit)
        let gaps = outcomes.compactMap { outcome -> [String: Any]? in
            let missing = data.missingLenses(outcome)
            guard !missing.isEmpty else { return nil }
            return ["outcome": data.summary(outcome.id.value), "missing": missing.joined(separator: ", ")]
        }
        // A large ledger's tree is cut by whole generations, as its maps are: every outcome
        // is still one click from a row, through its parent's page.
        let depth = Self.deepestGeneration(of: self.tree.roots, within: Self.treeLimit)
        let tree = rows(of: self.tree.roots, generationsLeft: depth)
        let shown = depth < Int.max ? Self.count(of: self.tree.roots, generations: depth + 1) : outcomes.count
        let progress = outcomes.reduce(Progress.none) { $0 + $1.progress }
        return [
            "headline": headline,
            "progress": PageData.progress(progress),
            "attention": attention.prefix(Self.dashboardListLimit).map(attentionEntry),
            "has_attention": !attention.isEmpty,
            "attention_more": Self.more(attention.count),
            "due_soon": dueSoon.prefix(Self.dashboardListLimit).map(dueEntry),
            "has_due_soon": !dueSoon.isEmpty,
            "due_soon_more": Self.more(dueSoon.count),
            "due_soon_days": Self.dueSoonDays,
            "over_capacity": overCapacity.prefix(Self.dashboardListLimit).map(loadEntry),
            "has_over_capacity": !overCapacity.isEmpty,
            "over_capacity_more": Self.more(overCapacity.count),
            "max_pods_per_person": limit,
            "lens_gaps": Array(gaps.prefix(Self.dashboardListLimit)),
            "has_lens_gaps": !gaps.isEmpty,
            "lens_gaps_more": Self.more(gaps.count),
            "tree": tree, "has_tree": tree.count > 0,
            "tree_cut": shown < outcomes.count
                ? ["generations": depth + 1,
                   "what": depth == 0 ? "only the top-level outcomes" : "the first \(depth + 1) generations by parent",
                   "shown": shown, "total": outcomes.count, "limit": Self.treeLimit] as [String: Any]
                : none,
            "status_counts": OutcomeStatus.allCases.map { status in
                ["status": status.rawValue, "count": outcomes.count { $0.effectiveStatus == status }] as [String: Any]
            },
            "health_counts": HealthLevel.allCases.reversed().map { level in
                var badge = PageData.badge(level)
                badge["count"] = outcomes.count { data.judgement($0.id.value)?.level == level }
                return badge
            },
            "recent": recent,
            "problems": hasProblems ? problems : [], "has_problems": hasProblems,
            "problem_summary": compilation.summary,
        ]
    }

    /// "Changed in the last N days", when the site has history: each changed outcome with
    /// its changes in words.
    private var recent: Any {
        guard let history = compilation.history else { return none }
        guard let changes = history.recent else { return ["days": history.recentDays, "note": history.note.map { $0 as Any } ?? none, "has_changes": false] as [String: Any] }
        let entries = changes.outcomes.prefix(Self.dashboardListLimit).map { outcome -> [String: Any] in
            let published = data.isPublished(outcome.id) && outcome.kind != .removed
            return ["id": outcome.id, "title": outcome.title, "path": published ? PageData.outcomePath(outcome.id) : none,
                    "kind": outcome.kind.rawValue, "changes": outcome.changes.map(\.sentence)]
        }
        return [
            "days": history.recentDays, "note": none, "has_changes": !changes.isEmpty, "entries": Array(entries),
            "more": Self.more(changes.outcomes.count), "summary": changes.summary,
        ] as [String: Any]
    }

    /// `attention/index.html`: every outcome that needs attention, off track first.
    func attentionPage() -> [String: Any] {
        let ids = attentionIDs
        let groups = [HealthLevel.offTrack, .atRisk].map { level -> [String: Any] in
            let entries = ids.filter { data.judgement($0)?.level == level }.map(attentionEntry)
            return ["health": PageData.badge(level), "entries": entries, "count": entries.count, "has_entries": !entries.isEmpty]
        }
        return ["groups": groups, "total": ids.count, "has_attention": !ids.isEmpty]
    }

    /// Published outcomes at risk or off track, in the order of `LedgerHealth.needingAttention`.
    private var attentionIDs: [String] {
        data.health.needingAttention(in: data.ledger).compactMap(data.publishedID)
    }

    /// "and 12 more", or `none` when the list is shown whole.
    private static func more(_ count: Int) -> Any {
        count > dashboardListLimit ? ["count": count - dashboardListLimit, "total": count] as [String: Any] : none
    }

    /// Counts a leader reads in one line: outcomes by health, then the closed ones.
    private var headline: [[String: Any]] {
        let outcomes = data.sortedOutcomes
        var items: [[String: Any]] = HealthLevel.allCases.reversed().map { level in
            var item = PageData.badge(level)
            item["count"] = outcomes.count { data.judgement($0.id.value)?.level == level }
            return item
        }
        for (status, symbol) in [(OutcomeStatus.achieved, "✓"), (.dropped, "✗")] {
            items.append(["level": status.rawValue, "words": status.rawValue, "symbol": symbol,
                          "count": outcomes.count { $0.effectiveStatus == status }])
        }
        return items
    }

    /// An outcome that needs attention, with its signals in words.
    func attentionEntry(_ id: String) -> [String: Any] {
        var entry = data.summary(id).fields
        entry["signals"] = (data.judgement(id)?.signals ?? []).map(Self.signal)
        return entry
    }

    static func signal(_ signal: Signal) -> [String: Any] {
        let label = signal.name.replacingOccurrences(of: "-", with: " ")
        return ["name": signal.name, "label": label.prefix(1).uppercased() + label.dropFirst(),
                "level": signal.level.rawValue, "message": signal.message]
    }

    private func dueEntry(_ id: String) -> [String: Any] {
        var entry = data.summary(id).fields
        let days = data.published(id)?.due.map { $0.value.days(since: data.health.today) } ?? 0
        entry["when"] = days == 0 ? "today" : days == 1 ? "tomorrow" : "in \(days) days"
        return entry
    }

    /// A person over capacity and the open pods they are in.
    private func loadEntry(_ handle: String) -> [String: Any] {
        let memberships = data.ledger.load.memberships[handle] ?? []
        let ids = memberships.compactMap { data.publishedID(atLedgerPosition: $0.outcome) }
        return ["person": data.person(handle), "count": memberships.count, "outcomes": data.summaries(ids)]
    }

    /// The most rows the dashboard's tree shows: a tree of thousands of rows is megabytes
    /// that every visit downloads and nobody reads. Whole generations are shown, so at
    /// least the top-level outcomes are there whatever their number.
    static let treeLimit = 400

    /// Rows of the dashboard's tree, made as they are rendered; below `generationsLeft`
    /// more generations, rows say how many outcomes they hide instead.
    func rows(of nodes: [OutcomeTree.Node], generationsLeft: Int = Int.max) -> LazyList {
        LazyList(count: nodes.count) { self.treeNode(nodes[$0], generationsLeft: generationsLeft) }
    }

    /// A row of the dashboard's tree: the outcome's summary, what it depends on, and its
    /// children — or, where the tree is cut, how many children its page lists.
    func treeNode(_ node: OutcomeTree.Node, generationsLeft: Int = Int.max) -> [String: Any] {
        var summary = data.summary(node.id).fields
        let shown = generationsLeft > 0 ? node.children : []
        summary["children"] = rows(of: shown, generationsLeft: generationsLeft == Int.max ? Int.max : generationsLeft - 1)
        summary["has_children"] = !shown.isEmpty
        let hidden = node.children.count - shown.count
        summary["hidden_children"] = hidden > 0
            ? ["count": hidden, "words": "\(hidden) outcome\(hidden == 1 ? "" : "s") below"] as [String: Any]
            : none
        let dependencies = (data.published(node.id)?.dependsOn ?? []).map { dependency -> [String: Any] in
            let outcome = data.published(dependency.value)
            return ["id": dependency.value, "title": outcome?.title?.value ?? dependency.value,
                    "path": outcome == nil ? none : PageData.outcomePath(dependency.value)]
        }
        summary["needs"] = dependencies
        summary["has_needs"] = !dependencies.isEmpty
        return summary
    }

    /// How many outcomes the first `generations` generations of a tree hold.
    static func count(of roots: [OutcomeTree.Node], generations: Int) -> Int {
        var level = roots
        var total = 0
        for _ in 0..<generations where !level.isEmpty {
            total += level.count
            level = level.flatMap(\.children)
        }
        return total
    }
}
