/// Where an outcome stands in its life.
public enum OutcomeStatus: String, Sendable, CaseIterable, Codable {
    case proposed, active, achieved, dropped

    /// Proposed and active outcomes still need people's time.
    public var isOpen: Bool { self == .proposed || self == .active }
}

/// One person in a pod and the lenses they cover.
public struct PodMember: Sendable, Equatable {
    public var handle: Located<String>
    public var lenses: [Located<String>]

    public init(handle: Located<String>, lenses: [Located<String>]) {
        self.handle = handle
        self.lenses = lenses
    }
}

/// One item of the "Done when" list.
public struct DoneItem: Sendable, Equatable {
    /// The item's text as plain text (markup removed).
    public var text: String
    public var checked: Bool
    public var location: SourceLocation

    public init(text: String, checked: Bool, location: SourceLocation) {
        self.text = text
        self.checked = checked
        self.location = location
    }
}

/// A section of the body found by its heading ("Done when", "How").
public struct BodySection: Sendable, Equatable {
    /// Where the heading is.
    public var heading: SourceLocation
    /// Items of the lists directly in the section (done items, for the done section).
    public var items: [DoneItem]
    /// Task items nested under an item: not counted, and reported by nested-done-item.
    public var nestedTasks: [Located<String>] = []
    /// Whether the section holds any content at all besides its heading.
    public var hasContent: Bool

    public init(heading: SourceLocation, items: [DoneItem], hasContent: Bool) {
        self.heading = heading
        self.items = items
        self.hasContent = hasContent
    }

    public var checkedCount: Int { items.count { $0.checked } }
}

/// An outcome as read from one file: every field optional, because a file with problems
/// still takes part in the ledger (its id resolves) while its problems are reported.
///
/// Its fields live in one shared, copy-on-write box: rules, health signals and pages pass
/// outcomes around by value, and a copy then costs one reference count rather than one per
/// string and list it holds (which was a fifth of a `diff`).
public struct Outcome: Sendable {
    private struct Fields {
        var file: String
        var id: Located<String>
        var hasExplicitID: Bool = false
        var title: Located<String>? = nil
        var owner: Located<String>? = nil
        var pod: [PodMember]? = nil
        var podLocation: SourceLocation? = nil
        var status: Located<OutcomeStatus>? = nil
        var parent: Located<String>? = nil
        var dependsOn: [Located<String>] = []
        var reviewBy: Located<CalendarDate>? = nil
        var start: Located<CalendarDate>? = nil
        var due: Located<CalendarDate>? = nil
        var reportedHealth: Located<HealthLevel>? = nil
        var healthNote: Located<String>? = nil
        var tags: [Located<String>] = []
        var extra: [String: YAMLNode] = [:]
        var done: BodySection? = nil
        var how: BodySection? = nil
        var body: Substring = ""
        var bodyStartLine: Int = 1
        var anchors: [String] = []
        var htmlAnchors: [String] = []
        var frontMatterIsBroken = false
        var doneNearMiss: NearMissHeading? = nil
        var howNearMiss: NearMissHeading? = nil
        var headingLevels: [Located<Int>] = []
        var links: [BodyLink] = []
        var bodyIsParsed: Bool = true
        var hasFrontMatter: Bool = false
    }

    /// Mutated only while uniquely referenced (see `unique`), so sharing it is safe.
    private final class Storage: @unchecked Sendable {
        var fields: Fields
        /// The heading and anchor ids, and the same by their lower-case form, made when
        /// first asked for (see `anchor(matching:)`).
        let anchorSet = Memo<AnchorIndex>()
        init(_ fields: Fields) { self.fields = fields }
    }

    private var storage: Storage

    /// The box, copied first if another value shares it; what was made from its fields is
    /// forgotten, as they are about to change.
    private var unique: Storage {
        mutating get {
            if isKnownUniquelyReferenced(&storage) {
                storage.anchorSet.forget()
            } else {
                storage = Storage(storage.fields)
            }
            return storage
        }
    }

    /// Whether a heading or an HTML anchor of the body is what `fragment` points at.
    public func hasAnchor(_ fragment: String) -> Bool {
        anchor(matching: fragment) != nil
    }

    /// The id of the heading or HTML anchor `fragment` points at: the same id, else one
    /// that differs only in case — GitHub finds `#Motivation` for `## Motivation` (id
    /// `motivation`), so authors write it and expect it to work. The ids are indexed once
    /// and kept with the outcome, which the parse cache keeps between compilations: long
    /// documents have hundreds of headings and of links into them.
    public func anchor(matching fragment: String) -> String? {
        let index = storage.anchorSet.value { AnchorIndex(storage.fields.anchors + storage.fields.htmlAnchors) }
        if index.ids.contains(fragment) { return fragment }
        return index.byLowercase[fragment.lowercased()]
    }

    /// Ids as written, and by their lower-case form (the first of those that share one).
    struct AnchorIndex {
        let ids: Set<String>
        let byLowercase: [String: String]

        init(_ ids: [String]) {
            self.ids = Set(ids)
            var byLowercase: [String: String] = [:]
            for id in ids where byLowercase[id.lowercased()] == nil { byLowercase[id.lowercased()] = id }
            self.byLowercase = byLowercase
        }
    }

    public init(file: String, id: Located<String>) {
        storage = Storage(Fields(file: file, id: id))
    }

    /// The path relative to the ledger root, `/`-separated.
    public var file: String {
        get { storage.fields.file }
        _modify { yield &unique.fields.file }
    }
    public var id: Located<String> {
        get { storage.fields.id }
        _modify { yield &unique.fields.id }
    }
    /// Whether `id` was written in the front matter rather than taken from the file name.
    public var hasExplicitID: Bool {
        get { storage.fields.hasExplicitID }
        _modify { yield &unique.fields.hasExplicitID }
    }
    public var title: Located<String>? {
        get { storage.fields.title }
        _modify { yield &unique.fields.title }
    }
    public var owner: Located<String>? {
        get { storage.fields.owner }
        _modify { yield &unique.fields.owner }
    }
    /// Nil when the pod is absent or not a mapping; the parser has reported that already.
    public var pod: [PodMember]? {
        get { storage.fields.pod }
        _modify { yield &unique.fields.pod }
    }
    public var podLocation: SourceLocation? {
        get { storage.fields.podLocation }
        _modify { yield &unique.fields.podLocation }
    }
    public var status: Located<OutcomeStatus>? {
        get { storage.fields.status }
        _modify { yield &unique.fields.status }
    }
    public var parent: Located<String>? {
        get { storage.fields.parent }
        _modify { yield &unique.fields.parent }
    }
    public var dependsOn: [Located<String>] {
        get { storage.fields.dependsOn }
        _modify { yield &unique.fields.dependsOn }
    }
    /// When the owner next reviews it.
    public var reviewBy: Located<CalendarDate>? {
        get { storage.fields.reviewBy }
        _modify { yield &unique.fields.reviewBy }
    }
    /// When the pod started on it.
    public var start: Located<CalendarDate>? {
        get { storage.fields.start }
        _modify { yield &unique.fields.start }
    }
    /// The date it should be achieved by.
    public var due: Located<CalendarDate>? {
        get { storage.fields.due }
        _modify { yield &unique.fields.due }
    }
    /// The owner's own call on how it is going, and why.
    public var reportedHealth: Located<HealthLevel>? {
        get { storage.fields.reportedHealth }
        _modify { yield &unique.fields.reportedHealth }
    }
    public var healthNote: Located<String>? {
        get { storage.fields.healthNote }
        _modify { yield &unique.fields.healthNote }
    }
    public var tags: [Located<String>] {
        get { storage.fields.tags }
        _modify { yield &unique.fields.tags }
    }
    /// `x-` keys, kept as user data in their YAML form.
    public var extra: [String: YAMLNode] {
        get { storage.fields.extra }
        _modify { yield &unique.fields.extra }
    }
    public var done: BodySection? {
        get { storage.fields.done }
        _modify { yield &unique.fields.done }
    }
    public var how: BodySection? {
        get { storage.fields.how }
        _modify { yield &unique.fields.how }
    }
    /// The markdown body, without the front matter.
    public var body: Substring {
        get { storage.fields.body }
        _modify { yield &unique.fields.body }
    }
    /// The line of the file where the body starts (1-based).
    public var bodyStartLine: Int {
        get { storage.fields.bodyStartLine }
        _modify { yield &unique.fields.bodyStartLine }
    }
    /// The GitHub-style id of every heading of the body, in document order.
    public var anchors: [String] {
        get { storage.fields.anchors }
        _modify { yield &unique.fields.anchors }
    }
    /// The ids of the anchors the body writes as HTML (`<a id="…">`) and the page keeps.
    public var htmlAnchors: [String] {
        get { storage.fields.htmlAnchors }
        _modify { yield &unique.fields.htmlAnchors }
    }
    /// True when the front matter is there but its YAML did not parse: the body is still
    /// checked for its done-definition, so both problems show in one run.
    public var frontMatterIsBroken: Bool {
        get { storage.fields.frontMatterIsBroken }
        _modify { yield &unique.fields.frontMatterIsBroken }
    }
    /// What was probably meant as the done or how heading, when there is none.
    public var doneNearMiss: NearMissHeading? {
        get { storage.fields.doneNearMiss }
        _modify { yield &unique.fields.doneNearMiss }
    }
    public var howNearMiss: NearMissHeading? {
        get { storage.fields.howNearMiss }
        _modify { yield &unique.fields.howNearMiss }
    }
    /// The level (1–6) of every heading of the body, where it is written, in document order.
    public var headingLevels: [Located<Int>] {
        get { storage.fields.headingLevels }
        _modify { yield &unique.fields.headingLevels }
    }
    /// Every link and image of the body, in document order.
    public var links: [BodyLink] {
        get { storage.fields.links }
        _modify { yield &unique.fields.links }
    }
    /// False when the body was refused as too complex to parse: its sections are unknown.
    public var bodyIsParsed: Bool {
        get { storage.fields.bodyIsParsed }
        _modify { yield &unique.fields.bodyIsParsed }
    }
    /// False when the front matter was missing or did not parse; rules about its content
    /// then stay quiet, since the parser has already said what is wrong.
    public var hasFrontMatter: Bool {
        get { storage.fields.hasFrontMatter }
        _modify { yield &unique.fields.hasFrontMatter }
    }

    /// The status in force: `proposed` when none is written.
    public var effectiveStatus: OutcomeStatus { status?.value ?? .proposed }

    /// Done items checked and in all; (0, 0) without a done section.
    public var progress: Progress {
        Progress(checked: done?.checkedCount ?? 0, total: done?.items.count ?? 0)
    }

    /// Every handle the outcome names, with where it names it.
    public var handles: [Located<String>] {
        var all = pod?.map(\.handle) ?? []
        if let owner { all.append(owner) }
        return all
    }
}

/// Done items checked out of a total: one outcome's, or summed over a subtree.
public struct Progress: Sendable, Equatable {
    public var checked: Int
    public var total: Int

    public init(checked: Int, total: Int) {
        self.checked = checked
        self.total = total
    }

    public static let none = Progress(checked: 0, total: 0)

    /// Whole percent, rounded down; 0 with no items.
    public var percent: Int { total == 0 ? 0 : checked * 100 / total }

    public static func + (lhs: Progress, rhs: Progress) -> Progress {
        Progress(checked: lhs.checked + rhs.checked, total: lhs.total + rhs.total)
    }
}
