import OutcomeLedger

/// The data each template receives, built from the resolved ledger. Every key is always
/// present (nil where there is nothing), so Mustache never reaches up the context stack
/// for a missing key and picks up a parent's value by accident. docs/templates.md lists
/// the keys.
struct PageData {
    let ledger: Ledger
    let health: LedgerHealth
    /// Each outcome's history by id; nil when the site has none.
    let historyByID: [String: OutcomeHistory]?
    /// Outcomes that get a page (valid, unique ids): where each is in `sortedOutcomes`.
    private let positions: [String: Int]
    /// Where each of `sortedOutcomes` is in `ledger.outcomes`, for its health.
    private let ledgerPositions: [Int]
    let people: [PersonEntry]
    /// People by handle, for the many lookups pages make.
    private let peopleByHandle: [String: PersonEntry]
    /// Outcomes in id order, and the tags in use: computed once, read by every page.
    let sortedOutcomes: [Outcome]
    let tags: [(slug: String, name: String, ids: [String])]
    /// Ids of the published outcomes each handle owns, in id order.
    let ownedIDs: [String: [String]]
    /// Each published outcome's summary, made once, when a page first shows it: lists on
    /// many pages show the same one, and `serve` makes only the pages it is asked for.
    /// Kept for ledgers up to `mostSummariesKept` outcomes (about 1.5 KB each); a larger
    /// ledger makes them for each page that shows them, so its memory stays flat.
    private let summaries: Summaries?
    static let mostSummariesKept = 25_000

    /// A person as the site shows them: from `people.yml`, or from the pods when there is none.
    struct PersonEntry {
        var handle: String
        var name: String
        var email: String?
        var url: String?
        /// (outcome id, lenses) for each pod the person is in, by id.
        var pods: [(id: String, lenses: [String])]
    }

    init(ledger: Ledger, health: LedgerHealth, history: LedgerHistory? = nil) {
        self.ledger = ledger
        self.health = health
        historyByID = history?.note == nil ? history?.outcomes : nil
        var published: [String: Int] = [:]
        for (index, outcome) in ledger.outcomes.enumerated() where Identifiers.isSlug(outcome.id.value) {
            // The first file by path keeps an id that several files claim.
            if published[outcome.id.value] == nil { published[outcome.id.value] = index }
        }
        let ids = published.keys.sorted()
        ledgerPositions = ids.map { published[$0]! }
        let sortedOutcomes = ledgerPositions.map { ledger.outcomes[$0] }
        self.sortedOutcomes = sortedOutcomes
        positions = Dictionary(uniqueKeysWithValues: sortedOutcomes.enumerated().map { ($1.id.value, $0) })
        var pods: [String: [(id: String, lenses: [String])]] = [:]
        for outcome in sortedOutcomes {
            for member in outcome.pod ?? [] {
                pods[member.handle.value, default: []].append((outcome.id.value, member.lenses.map(\.value)))
            }
        }
        if let roster = ledger.people {
            people = roster.sorted { $0.handle.value < $1.handle.value }.map {
                PersonEntry(handle: $0.handle.value, name: $0.name, email: $0.email, url: $0.url,
                            pods: pods[$0.handle.value] ?? [])
            }
        } else {
            people = pods.keys.sorted().map { PersonEntry(handle: $0, name: $0, pods: pods[$0]!) }
        }
        peopleByHandle = Dictionary(people.map { ($0.handle, $0) }) { first, _ in first }
        var owned: [String: [String]] = [:]
        for outcome in sortedOutcomes {
            if let owner = outcome.owner?.value { owned[owner, default: []].append(outcome.id.value) }
        }
        ownedIDs = owned
        tags = Self.tags(of: sortedOutcomes)
        summaries = sortedOutcomes.count <= Self.mostSummariesKept ? Summaries(count: sortedOutcomes.count) : nil
    }

    /// A summary per published outcome, each made by the first page that asks for it
    /// (pages are made on every core).
    private final class Summaries: Sendable {
        private let slots: [Memo<SharedData>]

        init(count: Int) {
            slots = (0..<count).map { _ in Memo() }
        }

        func summary(at position: Int, _ make: () -> SharedData) -> SharedData {
            slots[position].value(make)
        }
    }

    /// The published outcome with this id.
    func published(_ id: String) -> Outcome? {
        positions[id].map { sortedOutcomes[$0] }
    }

    func isPublished(_ id: String) -> Bool { positions[id] != nil }

    /// The health of a published outcome; nil when it is not open.
    func judgement(_ id: String) -> Judgement? {
        positions[id].flatMap { health.judgements[ledgerPositions[$0]] }
    }

    /// A published outcome's git history, when the site has history.
    func history(_ id: String) -> OutcomeHistory? {
        historyByID?[id]
    }

    /// What rolls up to a published outcome; nil when nothing does.
    func rollup(_ id: String) -> Rollup? {
        positions[id].flatMap { health.rollups[ledgerPositions[$0]] }
    }

    /// The published outcome at a position in `ledger.outcomes`, by id; nil when it has no page.
    func publishedID(atLedgerPosition position: Int) -> String? {
        let id = ledger.outcomes[position].id.value
        return positions[id].map { ledgerPositions[$0] } == position ? id : nil
    }

    // MARK: - Paths (relative to the site root)

    static func outcomePath(_ id: String) -> String { "outcomes/\(id)/index.html" }
    static func personPath(_ handle: String) -> String { "people/\(handle)/index.html" }
    static func tagPath(_ tag: String) -> String { "tags/\(tagSlug(tag))/index.html" }

    static func tagSlug(_ tag: String) -> String {
        let slug = Identifiers.slug(from: tag)
        return slug.isEmpty ? "tag" : slug
    }

    // MARK: - Shared shapes

    func person(_ handle: String?) -> Any {
        guard let handle else { return none }
        let entry = peopleByHandle[handle]
        let hasPage = entry != nil && Identifiers.isHandle(handle)
        return [
            "handle": handle,
            "name": entry?.name ?? handle,
            "path": hasPage ? Self.personPath(handle) : none,
        ] as [String: Any]
    }

    static func progress(checked: Int, total: Int) -> [String: Any] {
        progress(Progress(checked: checked, total: total))
    }

    /// A progress for templates; `whole` when it counts an outcome and everything below it.
    static func progress(_ progress: Progress, whole: Bool = false) -> [String: Any] {
        let total = progress.total
        return [
            "checked": progress.checked, "total": total, "percent": progress.percent, "has_items": total > 0,
            "label": "Done\(whole ? " with everything below" : ""): \(progress.checked) of \(total) item\(total == 1 ? "" : "s")",
        ]
    }

    /// A history mark for templates: `date`, `author`, `commit` (short).
    static func mark(_ mark: HistoryMark) -> [String: Any] {
        ["date": mark.date.description, "author": mark.author, "commit": mark.shortCommit]
    }

    /// A health badge: the level's name, its words and its shape.
    static func badge(_ level: HealthLevel) -> [String: Any] {
        badges[level]!
    }

    /// Made once: badges are on every list of every page. Never mutated.
    nonisolated(unsafe) private static let badges: [HealthLevel: [String: Any]] = Dictionary(uniqueKeysWithValues: HealthLevel.allCases.map {
        ($0, ["level": $0.rawValue, "words": $0.words, "symbol": HealthSymbol.symbol($0)] as [String: Any])
    })

    /// The health badge of a published outcome, `none` when it is not open.
    func badge(_ id: String) -> Any {
        judgement(id).map { Self.badge($0.level) } ?? none
    }

    /// An outcome as the pictures draw it.
    func pictureNode(_ id: String) -> PictureNode {
        guard let outcome = published(id) else {
            return PictureNode(id: id, title: id, path: nil, state: .missing)
        }
        let state: PictureNode.State = judgement(id).map { .health($0.level) } ?? .closed(outcome.effectiveStatus)
        return PictureNode(id: id, title: outcome.title?.value ?? id, path: Self.outcomePath(id), state: state)
    }

    /// What lists of outcomes show about each.
    func summary(_ id: String) -> SharedData {
        guard let summaries, let position = positions[id] else { return makeSummary(id) }
        return summaries.summary(at: position) { makeSummary(id) }
    }

    private func makeSummary(_ id: String) -> SharedData {
        SharedData(summaryFields(id))
    }

    private func summaryFields(_ id: String) -> [String: Any] {
        guard let outcome = published(id) else {
            return ["id": id, "title": id, "path": none, "status": none, "owner": none, "done": none,
                    "review_by": none, "due": none, "health": none, "rollup": none, "missing": true]
        }
        return [
            "id": id,
            "title": outcome.title?.value ?? id,
            "path": Self.outcomePath(id),
            "status": outcome.effectiveStatus.rawValue,
            "owner": person(outcome.owner?.value),
            "done": Self.progress(outcome.progress),
            "review_by": outcome.reviewBy?.value.description ?? none,
            "due": outcome.due?.value.description ?? none,
            "health": badge(id),
            "rollup": rollup(id).map { rollup -> [String: Any] in
                ["progress": Self.progress(rollup.progress, whole: true), "sentence": rollup.sentence,
                 "worst": rollup.worst.map(Self.badge) ?? none]
            } ?? none,
            "missing": false,
        ]
    }

    func summaries(_ ids: [String]) -> [SharedData] { ids.map(summary) }

    /// Lenses nobody in the pod covers, for living outcomes.
    func missingLenses(_ outcome: Outcome) -> [String] {
        guard outcome.effectiveStatus != .dropped, let pod = outcome.pod, !pod.isEmpty else { return [] }
        let covered = Set(pod.flatMap(\.lenses).map(\.value))
        return ledger.config.lenses.filter { !covered.contains($0) }
    }

    /// Tags in use, by slug, with the outcomes carrying each.
    private static func tags(of sortedOutcomes: [Outcome]) -> [(slug: String, name: String, ids: [String])] {
        var byTag: [String: (name: String, ids: [String])] = [:]
        // Ledgers use few tags many times: each is made a slug once.
        var slugs: [String: String] = [:]
        for outcome in sortedOutcomes {
            let tags = outcome.tags
            guard !tags.isEmpty else { continue }
            for tag in Set(tags.map(\.value)).sorted() {
                let slug = slugs[tag] ?? Self.tagSlug(tag)
                slugs[tag] = slug
                byTag[slug, default: (tag, [])].ids.append(outcome.id.value)
            }
        }
        return byTag.keys.sorted().map { (slug: $0, name: byTag[$0]!.name, ids: byTag[$0]!.ids) }
    }
}

/// A key that is present with nothing in it: false to Mustache's sections, and it stops
/// the lookup from climbing to an outer context.
let none: Bool = false
