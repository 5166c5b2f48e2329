import Mustache
import OutcomeLedger

/// Renders every HTML page of the site from the page data and the theme. Links are
/// relative (each page knows its way back to the root), so the same output works at `/`,
/// under a subpath and from `file://`. A class: every page's job refers to it rather than
/// carrying its own copy of the ledger's data.
final class SitePages: Sendable {
    let data: PageData
    let compilation: Compilation
    let library: MustacheLibrary
    /// The fast path for the default theme; nil when a template is overridden.
    let renderer: ThemeRenderer?
    let baseURL: String?
    let keepGoing: Bool
    /// Diagnostics by the handle that owns the file they are in: "what I need to fix".
    let diagnosticsByOwner: [String: [Diagnostic]]
    /// The published outcomes by parent, for the dashboard and the maps.
    let tree: OutcomeTree

    init(data: PageData, compilation: Compilation, library: MustacheLibrary, renderer: ThemeRenderer?, baseURL: String?,
         keepGoing: Bool) {
        self.data = data
        self.compilation = compilation
        self.library = library
        self.renderer = renderer
        self.baseURL = baseURL
        self.keepGoing = keepGoing
        var owners: [String: String] = [:]
        for outcome in compilation.ledger.outcomes {
            if let owner = outcome.owner?.value { owners[outcome.file] = owner }
        }
        var byOwner: [String: [Diagnostic]] = [:]
        for diagnostic in compilation.diagnostics {
            if let owner = owners[diagnostic.location.file] { byOwner[owner, default: []].append(diagnostic) }
        }
        diagnosticsByOwner = byOwner
        tree = OutcomeTree(outcomes: data.sortedOutcomes, ledger: data.ledger)
    }

    /// One page to render: where it goes, with which template, and its data (built by
    /// the job itself, on whichever core renders it).
    struct Page: Sendable {
        var path: String
        var template: String
        var title: String
        var data: @Sendable () -> [String: Any]
    }

    /// Every page as a site entry, rendered when the writer asks for it — unless the
    /// page's key shows that the file in place is already this page.
    func entries() -> [Site.Entry] {
        pages().map { page in
            Site.Entry(path: page.path, keyed: { previous in
                let context = self.context(for: page)
                let key = PageKey.of(template: page.template, data: context)
                if key == previous { return (key, nil) }
                return (key, .text(self.render(context, withTemplate: page.template)))
            }, unkeyed: {
                .text(self.render(self.context(for: page), withTemplate: page.template))
            })
        }
    }

    /// Every page of the site, in a stable order. Each page's data is made from the shared
    /// page data when it is rendered; a page holds only where to find its outcome or person.
    func pages() -> [Page] {
        var pages = [Page(path: "index.html", template: "index", title: siteTitle) { self.dashboard() }]
        for (index, outcome) in data.sortedOutcomes.enumerated() {
            pages.append(Page(path: PageData.outcomePath(outcome.id.value), template: "outcome",
                              title: outcome.title?.value ?? outcome.id.value) {
                ["outcome": self.details(self.data.sortedOutcomes[index])]
            })
        }
        pages.append(Page(path: "people/index.html", template: "people", title: "People") {
            ["people": self.data.people.map(self.personRow), "max_pods_per_person": self.data.ledger.config.maxPodsPerPerson]
        })
        for (index, person) in data.people.enumerated() where Identifiers.isHandle(person.handle) {
            pages.append(Page(path: PageData.personPath(person.handle), template: "person", title: person.name) {
                ["person": self.details(self.data.people[index])]
            })
        }
        let tags = data.tags
        if !tags.isEmpty {
            pages.append(Page(path: "tags/index.html", template: "tags", title: "Tags") {
                ["tags": tags.map { ["name": $0.name, "path": "tags/\($0.slug)/index.html", "count": $0.ids.count] as [String: Any] }]
            })
            for tag in tags {
                pages.append(Page(path: "tags/\(tag.slug)/index.html", template: "tag", title: "Tag: \(tag.name)") {
                    ["tag": ["name": tag.name, "outcomes": self.data.summaries(tag.ids)] as [String: Any]]
                })
            }
        }
        pages.append(Page(path: "attention/index.html", template: "attention", title: "Needs attention") {
            self.attentionPage()
        })
        pages += mapPages()
        if hasProblems {
            pages.append(Page(path: "problems/index.html", template: "problems", title: "Problems") {
                ["problems": self.problems, "problem_summary": self.compilation.summary]
            })
        }
        return pages
    }

    /// A page through the default theme's fast path when it is in use, else through Mustache.
    func render(_ context: [String: Any], withTemplate template: String) -> String {
        renderer?.render(context, withTemplate: template) ?? library.render(context, withTemplate: template) ?? ""
    }

    /// A page's data plus what every page receives.
    func context(for page: Page) -> [String: Any] {
        var context = page.data()
        context["root"] = Self.root(of: page.path)
        context["site"] = site
        context["generator"] = "outcomes \(ToolVersion.current)"
        context["page"] = [
            "title": page.title == siteTitle ? siteTitle : "\(page.title) · \(siteTitle)",
            "canonical": baseURL.map { $0 + (page.path.hasSuffix("index.html") ? String(page.path.dropLast(10)) : page.path) } ?? none,
        ] as [String: Any]
        return context
    }

    /// The way from a page back to the site root: `""`, `"../"`, `"../../"`…
    static func root(of path: String) -> String {
        String(repeating: "../", count: path.split(separator: "/").count - 1)
    }

    // MARK: - Shared page data

    var siteTitle: String { data.ledger.config.title ?? "Outcomes" }

    var hasProblems: Bool { keepGoing && !compilation.diagnostics.isEmpty }

    private var site: [String: Any] {
        [
            "title": siteTitle,
            "outcome_count": data.sortedOutcomes.count,
            "has_tags": !data.tags.isEmpty,
            "has_problems": hasProblems,
        ]
    }

    var problems: [[String: Any]] {
        compilation.diagnostics.map(Self.problem)
    }

    static func problem(_ diagnostic: Diagnostic) -> [String: Any] {
        ["file": diagnostic.location.file, "line": diagnostic.location.line, "column": diagnostic.location.column,
         "severity": diagnostic.severity.rawValue, "rule": diagnostic.rule, "message": diagnostic.message,
         "help": diagnostic.hint ?? none]
    }
}

/// One file of the built site.
public struct SiteFile: Sendable, Equatable {
    public var path: String
    public var contents: [UInt8]

    public init(path: String, contents: [UInt8]) {
        self.path = path
        self.contents = contents
    }
}
