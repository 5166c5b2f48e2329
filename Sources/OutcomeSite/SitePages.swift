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
    let baseURL: String?
    let keepGoing: Bool

    init(data: PageData, compilation: Compilation, library: MustacheLibrary, baseURL: String?, keepGoing: Bool) {
        self.data = data
        self.compilation = compilation
        self.library = library
        self.baseURL = baseURL
        self.keepGoing = keepGoing
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
            Site.Entry(path: page.path) { previous in
                let context = self.context(for: page)
                let key = PageKey.of(template: page.template, data: context)
                if key == previous { return (key, nil) }
                return (key, .text(self.library.render(context, withTemplate: page.template) ?? ""))
            }
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
            ["people": self.data.people.map(self.personRow)]
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
        if hasProblems {
            pages.append(Page(path: "problems/index.html", template: "problems", title: "Problems") {
                ["problems": self.problems, "problem_summary": self.compilation.summary]
            })
        }
        return pages
    }

    /// A page's data plus what every page receives.
    private func context(for page: Page) -> [String: Any] {
        var context = page.data()
        context["root"] = String(repeating: "../", count: page.path.split(separator: "/").count - 1)
        context["site"] = site
        context["generator"] = "outcomes \(ToolVersion.current)"
        context["page"] = [
            "title": page.title == siteTitle ? siteTitle : "\(page.title) · \(siteTitle)",
            "canonical": baseURL.map { $0 + (page.path.hasSuffix("index.html") ? String(page.path.dropLast(10)) : page.path) } ?? none,
        ] as [String: Any]
        return context
    }

    // MARK: - Page data

    private var siteTitle: String { data.ledger.config.title ?? "Outcomes" }

    private var hasProblems: Bool { keepGoing && !compilation.diagnostics.isEmpty }

    private var site: [String: Any] {
        [
            "title": siteTitle,
            "outcome_count": data.sortedOutcomes.count,
            "has_tags": !data.tags.isEmpty,
            "has_problems": hasProblems,
        ]
    }

    private var problems: [[String: Any]] {
        compilation.diagnostics.map {
            ["file": $0.location.file, "line": $0.location.line, "column": $0.location.column,
             "severity": $0.severity.rawValue, "rule": $0.rule, "message": $0.message]
        }
    }

    private func dashboard() -> [String: Any] {
        let outcomes = data.sortedOutcomes
        let counts = OutcomeStatus.allCases.map { status in
            ["status": status.rawValue, "count": outcomes.count { $0.effectiveStatus == status }] as [String: Any]
        }
        let tree = OutcomeTree(outcomes: outcomes, ledger: data.ledger).roots.map(treeNode)
        let gaps = outcomes.compactMap { outcome -> [String: Any]? in
            let missing = data.missingLenses(outcome)
            guard !missing.isEmpty else { return nil }
            return ["outcome": data.summary(outcome.id.value), "missing": missing.joined(separator: ", ")]
        }
        let checked = outcomes.reduce(0) { $0 + ($1.done?.checkedCount ?? 0) }
        let total = outcomes.reduce(0) { $0 + ($1.done?.items.count ?? 0) }
        return [
            "status_counts": counts,
            "progress": PageData.progress(checked: checked, total: total),
            "tree": tree, "has_tree": !tree.isEmpty,
            "lens_gaps": gaps, "has_lens_gaps": !gaps.isEmpty,
            "problems": hasProblems ? problems : [], "has_problems": hasProblems,
            "problem_summary": compilation.summary,
        ]
    }

    private func treeNode(_ node: OutcomeTree.Node) -> [String: Any] {
        var summary = data.summary(node.id)
        let children = node.children.map(treeNode)
        summary["children"] = children
        summary["has_children"] = !children.isEmpty
        return summary
    }

    private func details(_ outcome: Outcome) -> [String: Any] {
        let id = outcome.id.value
        var details = data.summary(id)
        let lenses = data.ledger.config.lenses
        details["lenses"] = lenses
        details["pod"] = (outcome.pod ?? []).map { member -> [String: Any] in
            let covered = Set(member.lenses.map(\.value))
            return [
                "person": data.person(member.handle.value),
                "cells": lenses.map { ["lens": $0, "covered": covered.contains($0)] as [String: Any] },
            ]
        }
        details["parent"] = outcome.parent.map { data.summary($0.value) as Any } ?? none
        let children = data.summaries(data.ledger.children[id] ?? []).filter { $0["missing"] as? Bool == false }
        let dependsOn = data.summaries(outcome.dependsOn.map(\.value))
        let dependents = data.summaries(data.ledger.dependents[id] ?? []).filter { $0["missing"] as? Bool == false }
        details["children"] = children
        details["has_children"] = !children.isEmpty
        details["depends_on"] = dependsOn
        details["has_depends_on"] = !dependsOn.isEmpty
        details["dependents"] = dependents
        details["has_dependents"] = !dependents.isEmpty
        let tags = Set(outcome.tags.map(\.value)).sorted().map { ["name": $0, "path": PageData.tagPath($0)] }
        details["tags"] = tags
        details["has_tags"] = !tags.isEmpty
        let items = (outcome.done?.items ?? []).map { ["text": $0.text, "checked": $0.checked] as [String: Any] }
        details["done_items"] = items
        details["has_done_items"] = !items.isEmpty
        details["file"] = outcome.file
        if outcome.bodyIsParsed {
            let (body, title, doneHeading) = (String(outcome.body), outcome.title?.value, data.ledger.config.doneHeading)
            details["body_html"] = DeferredHTML(inputs: [body, title ?? "\u{0}", doneHeading]) {
                let rendered = Markdown.render(body, droppingTitle: title, droppingListSection: doneHeading)
                return SafeURL.removingDangerousLinks(
                    from: HeadingAnchors.add(to: rendered, reserved: ["main", "pod", "links", "done"]))
            }
        } else {
            details["body_html"] = "<p><em>The description is not shown: it is too complex to render safely.</em></p>\n"
        }
        return details
    }

    private func activeCount(_ person: PageData.PersonEntry) -> Int {
        person.pods.count { data.published($0.id)?.effectiveStatus == .active }
    }

    private func personRow(_ person: PageData.PersonEntry) -> [String: Any] {
        [
            "handle": person.handle, "name": person.name,
            "path": Identifiers.isHandle(person.handle) ? PageData.personPath(person.handle) : none,
            "pod_count": person.pods.count, "active_count": activeCount(person),
        ]
    }

    private func details(_ person: PageData.PersonEntry) -> [String: Any] {
        let pods = person.pods.map { pod -> [String: Any] in
            ["outcome": data.summary(pod.id), "lenses": pod.lenses.joined(separator: ", ")]
        }
        let active = activeCount(person)
        return [
            "handle": person.handle, "name": person.name,
            "email": person.email ?? none, "url": SafeURL.link(person.url) ?? none,
            "pods": pods, "has_pods": !pods.isEmpty,
            "active_count": active, "one_active": active == 1,
        ]
    }
}

/// One file of the built site.
public struct SiteFile: Sendable, Equatable {
    public var path: String
    public var contents: [UInt8]
}
