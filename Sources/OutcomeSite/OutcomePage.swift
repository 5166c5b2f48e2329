import Synchronization
import OutcomeLedger

/// The data of an outcome's page: everything its summary shows, plus its health and
/// signals, its pod, its links and their picture, its done list and its rendered body.
extension SitePages {
    func details(_ outcome: Outcome) -> [String: Any] {
        let id = outcome.id.value
        var details = data.summary(id).fields
        let lenses = data.ledger.config.lenses
        details["lenses"] = lenses
        details["pod"] = (outcome.pod ?? []).map { member -> [String: Any] in
            let covered = Set(member.lenses.map(\.value))
            return [
                "person": data.person(member.handle.value),
                "cells": lenses.map { ["lens": $0, "covered": covered.contains($0)] as [String: Any] },
            ]
        }
        let parent = outcome.parent.map { data.summary($0.value) }
        details["parent"] = parent ?? none
        let childIDs = (data.ledger.children[id] ?? []).filter(data.isPublished)
        let dependentIDs = (data.ledger.dependents[id] ?? []).filter(data.isPublished)
        let dependsOn = data.summaries(outcome.dependsOn.map(\.value))
        let children = data.summaries(childIDs)
        let dependents = data.summaries(dependentIDs)
        details["children"] = children
        details["has_children"] = !children.isEmpty
        details["depends_on"] = dependsOn
        details["has_depends_on"] = !dependsOn.isEmpty
        details["dependents"] = dependents
        details["has_dependents"] = !dependents.isEmpty
        let picture = NeighbourhoodPicture(
            current: data.pictureNode(id), ancestors: ancestors(of: outcome).map(data.pictureNode),
            children: childIDs.map(data.pictureNode), dependencies: outcome.dependsOn.map { data.pictureNode($0.value) },
            dependents: dependentIDs.map(data.pictureNode)
        )
        let root = Self.root(of: PageData.outcomePath(id))
        details["picture_svg"] = picture.isEmpty ? none : DeferredHTML(inputs: picture.keyInputs(root: root)) { picture.svg(root: root) ?? "" }
        let tags = Set(outcome.tags.map(\.value)).sorted().map { ["name": $0, "path": PageData.tagPath($0)] }
        details["tags"] = tags
        details["has_tags"] = !tags.isEmpty
        let items = (outcome.done?.items ?? []).map { ["text": $0.text, "checked": $0.checked] as [String: Any] }
        details["done_items"] = items
        details["has_done_items"] = !items.isEmpty
        details["file"] = outcome.file
        details["start"] = outcome.start?.value.description ?? none
        details["judgement"] = judgement(of: outcome)
        details["history"] = data.history(id).map { history -> [String: Any] in
            [
                "created": PageData.mark(history.created),
                "last_changed": PageData.mark(history.lastChanged),
                "events": history.events.map { event -> [String: Any] in
                    var entry = PageData.mark(event.mark)
                    entry["change"] = event.change.sentence
                    return entry
                },
                "has_events": !history.events.isEmpty,
                "start_from_history": outcome.start == nil,
            ]
        } ?? none
        if outcome.start == nil, let created = data.history(id)?.created.date {
            details["start"] = created.description
        }
        if outcome.bodyIsParsed {
            let (body, title, doneHeading) = (String(outcome.body), outcome.title?.value, data.ledger.config.doneHeading)
            let links = linkURLs(of: outcome)
            let headingIDs = outcome.anchors
            let linkInputs = links.keys.sorted().flatMap { [$0, links[$0]!] }
            let rendered = RenderedBody {
                let rendered = Markdown.render(body, droppingTitle: title, droppingListSection: doneHeading, links: links,
                                               headingIDs: headingIDs)
                let html = AccessibleBody.adjust(SafeURL.removingDangerousLinks(from: HeadingAnchors.add(to: rendered)))
                return (html, rendered.titleAnchor.flatMap { $0.isEmpty ? nil : $0 })
            }
            details["body_html"] = DeferredHTML(inputs: [body, title ?? "\u{0}", doneHeading] + linkInputs) { rendered.html }
            // The `# title` the body opens with is left out (the page's `<h1>` says it), but
            // its id goes on the `<h1>`, so links to it still land on the page. Its inputs
            // are body_html's, which the page key already holds.
            details["title_id"] = DeferredHTML(inputs: []) { rendered.titleID ?? Self.titleID }
        } else {
            details["body_html"] = "<p><em>The description is not shown: it is too complex to render safely.</em></p>\n"
            details["title_id"] = Self.titleID
        }
        return details
    }

    /// The `<h1>`'s id when the body does not open with the title: capitalised like the
    /// theme's other ids, so it can never be a heading's id (GitHub's are lower case).
    static let titleID = "Top"

    /// Where the body's links to other outcome files and to files of the ledger lead on
    /// the site, by destination as written. Links that lead nowhere stay as written;
    /// `broken-link` has said so.
    private func linkURLs(of outcome: Outcome) -> [String: String] {
        var urls: [String: String] = [:]
        for link in outcome.links {
            switch link.target {
            case .sameDocument(let id)? where BodyLinkResolver.split(link.destination).fragment != id:
                // Written in another case (`#Motivation`): pointed at the id itself, which
                // browsers match exactly.
                urls[link.destination] = "#" + SafeURL.encodePath(id)
            case .outcome(let id, let fragment)? where data.published(id) != nil:
                urls[link.destination] = "../\(SafeURL.encodePath(id))/index.html" + (fragment.map { "#" + SafeURL.encodePath($0) } ?? "")
            case .asset(let path)?:
                // A fragment means something to the file's viewer (`#page=2` of a PDF): kept.
                let fragment = BodyLinkResolver.split(link.destination).fragment.flatMap { $0.isEmpty ? nil : $0 }
                urls[link.destination] = "../../" + SafeURL.encodePath(SiteBuilder.assetPath(path))
                    + (fragment.map { "#" + SafeURL.encodeFragment($0) } ?? "")
            default:
                break
            }
        }
        return urls
    }

    /// The health section: the level, every signal in words and the owner's own call; for
    /// a closed outcome, why it has none.
    private func judgement(of outcome: Outcome) -> [String: Any] {
        guard let judgement = data.judgement(outcome.id.value) else {
            return ["open": false, "closed_note": "It is \(outcome.effectiveStatus.rawValue): health is judged only while an outcome is proposed or active."]
        }
        return [
            "open": true,
            "health": PageData.badge(judgement.level),
            "signals": judgement.signals.map(Self.signal),
            "has_signals": !judgement.signals.isEmpty,
            // An at-risk or off-track call is already the `reported` signal.
            "reported": judgement.reported == .onTrack ? PageData.badge(.onTrack) : none,
            "note": outcome.healthNote?.value ?? none,
        ]
    }

    /// Published ancestors, root-most first; stops at a cycle or a missing parent.
    private func ancestors(of outcome: Outcome) -> [String] {
        var chain: [String] = []
        var seen: Set<String> = [outcome.id.value]
        var next = outcome.parent?.value
        while let id = next, !seen.contains(id), let parent = data.published(id) {
            chain.append(id)
            seen.insert(id)
            next = parent.parent?.value
        }
        return chain.reversed()
    }
}

/// A body rendered once for the two values a page takes from it (`title_id` comes first in
/// the page, `body_html` later), only when the page is rendered at all.
final class RenderedBody: Sendable {
    private let state: Mutex<(make: (@Sendable () -> (html: String, titleID: String?))?, made: (html: String, titleID: String?)?)>

    init(_ make: @escaping @Sendable () -> (html: String, titleID: String?)) {
        state = Mutex((make, nil))
    }

    private var made: (html: String, titleID: String?) {
        state.withLock { state in
            if let made = state.made { return made }
            let made = state.make!()
            state = (nil, made)
            return made
        }
    }

    var html: String { made.html }
    var titleID: String? { made.titleID }
}
