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
public struct Outcome: Sendable {
    /// The path relative to the ledger root, `/`-separated.
    public var file: String
    public var id: Located<String>
    /// Whether `id` was written in the front matter rather than taken from the file name.
    public var hasExplicitID: Bool
    public var title: Located<String>?
    public var owner: Located<String>?
    /// Nil when the pod is absent or not a mapping; the parser has reported that already.
    public var pod: [PodMember]?
    public var podLocation: SourceLocation?
    public var status: Located<OutcomeStatus>?
    public var parent: Located<String>?
    public var dependsOn: [Located<String>]
    /// When the owner next reviews it.
    public var reviewBy: Located<CalendarDate>?
    /// When the pod started on it.
    public var start: Located<CalendarDate>?
    /// The date it should be achieved by.
    public var due: Located<CalendarDate>?
    /// The owner's own call on how it is going, and why.
    public var reportedHealth: Located<HealthLevel>?
    public var healthNote: Located<String>?
    public var tags: [Located<String>]
    /// `x-` keys, kept as user data in their YAML form.
    public var extra: [String: YAMLNode]
    public var done: BodySection?
    public var how: BodySection?
    /// The markdown body, without the front matter.
    public var body: Substring
    /// The line of the file where the body starts (1-based).
    public var bodyStartLine: Int
    /// The GitHub-style id of every heading of the body, in document order.
    public var anchors: [String] = []
    /// True when the front matter is there but its YAML did not parse: the body is still
    /// checked for its done-definition, so both problems show in one run.
    public var frontMatterIsBroken = false
    /// What was probably meant as the done or how heading, when there is none.
    public var doneNearMiss: NearMissHeading?
    public var howNearMiss: NearMissHeading?
    /// The level (1–6) of every heading of the body, where it is written, in document order.
    public var headingLevels: [Located<Int>] = []
    /// Every link and image of the body, in document order.
    public var links: [BodyLink] = []
    /// False when the body was refused as too complex to parse: its sections are unknown.
    public var bodyIsParsed: Bool = true
    /// False when the front matter was missing or did not parse; rules about its content
    /// then stay quiet, since the parser has already said what is wrong.
    public var hasFrontMatter: Bool

    public init(file: String, id: Located<String>) {
        self.file = file
        self.id = id
        self.hasExplicitID = false
        self.dependsOn = []
        self.tags = []
        self.extra = [:]
        self.body = ""
        self.bodyStartLine = 1
        self.hasFrontMatter = false
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
