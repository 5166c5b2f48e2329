/// A link or image that works on GitHub should work on the site: the file it names must be
/// in the ledger and publishable, and its `#fragment` must name a heading.
public enum BrokenLink: LedgerRule {
    public static let name = "broken-link"
    public static let defaultSeverity = Severity.warning
    public static let summary = "a relative link or image names a file that is missing, outside the root, skipped or not publishable, or a heading that does not exist"
    public static let rationale = "Readers follow a body's links on the site as they do on GitHub: a link that leads nowhere there is a broken promise."

    public static let examples: [RuleExample] = [
        .outcome(body: RuleExample.standardBody + "\n\nThe flow is in ![the upload flow](upload-flow.png).",
                 triggers: true, at: "outcomes/example.md:15:16"),
        .outcome(body: RuleExample.standardBody + "\n\nSee [how payouts work](payouts.md#how-it-works).",
                 triggers: true, at: "outcomes/example.md:15:5",
                 also: ["outcomes/payouts.md": RuleExample.file(body: RuleExample.standardBody + "\n\n## Timeline\nMonthly.")]),
        .outcome(body: RuleExample.standardBody + "\n\nSee [the plan](../../plan.pdf).", triggers: true, at: "outcomes/example.md:15:5"),
        .outcome(body: RuleExample.standardBody + "\n\nSee [the guide][guide].\n\n[guide]:(https://example.com/guide)",
                 triggers: true, at: "outcomes/example.md:15:5"),
        .outcome(body: RuleExample.standardBody + "\n\n![the upload flow](upload-flow.png) and [payouts](payouts.md#timeline), [how](#how).",
                 triggers: false,
                 also: ["outcomes/upload-flow.png": "PNG", "outcomes/payouts.md": RuleExample.file(body: RuleExample.standardBody + "\n\n## Timeline\nMonthly.")]),
    ]

    public static func check(_ context: RuleContext) -> [Diagnostic] {
        // Outcomes by file, made only when a fragment is missing: to suggest one of theirs.
        var byFile: [String: Outcome]?
        return context.readableOutcomes.flatMap { outcome in
            outcome.links.compactMap { link -> Diagnostic? in
                guard case .broken(let broken)? = link.target else { return nil }
                var (message, hint) = describe(broken, link: link)
                if case .unknownFragment(let fragment, let file) = broken {
                    if byFile == nil {
                        byFile = Dictionary(context.ledger.outcomes.map { ($0.file, $0) }) { first, _ in first }
                    }
                    if let target = byFile?[file], let near = nearestAnchor(to: fragment, in: target.anchors + target.htmlAnchors) {
                        hint = "did you mean `#\(near)`? " + (hint ?? "")
                    }
                }
                return diagnostic(message, at: link.location, hint: hint)
            }
        }
    }

    /// The id a fragment most likely meant: one a few edits away, else the one id that
    /// begins with it or holds it (`#protocol-conformance` for `protocol-conformances`,
    /// `#atomic-operations` for `basic-atomic-operations`).
    static func nearestAnchor(to fragment: String, in ids: [String]) -> String? {
        let wanted = fragment.lowercased()
        if let near = Suggestions.nearest(to: wanted, in: ids) { return near }
        guard wanted.count >= 4 else { return nil }
        let holding = ids.filter { $0.hasPrefix(wanted) || $0.contains(wanted) }
        return holding.count == 1 ? holding[0] : nil
    }

    static func describe(_ broken: BodyLink.Broken, link: BodyLink) -> (String, String?) {
        let what = link.isImage ? "image" : "link"
        switch broken {
        case .missing(let path, let nearest):
            if let misread = misreadWebAddress(link.destination) {
                return ("\(what) to `\(link.quotedDestination)`: \(misread.why) is read as a file in the ledger, and there is no such file",
                        misread.address.map { "write the whole address alone: `\($0)`" } ?? "write the whole address alone, with nothing around it")
            }
            let hint = nearest.map { nearest in
                "did you mean `\(destination(link.destination, naming: FileSuggestion.split(nearest).name))` (`\(nearest)`)?"
            }
            return ("\(what) to `\(link.quotedDestination)`: there is no file `\(path)` in the ledger",
                    hint ?? "check the file name and its folder: paths are relative to this outcome's file")
        case .outsideRoot:
            return ("\(what) to `\(link.quotedDestination)` leads outside the ledger root",
                    "only files inside the ledger are published; copy the file into the ledger")
        case .skippedOutcomeFile(let path):
            return ("\(what) to `\(link.quotedDestination)`: `\(path)` is not an outcome the ledger reads",
                    "files whose name begins with `.` or `_` are skipped; link to an outcome file instead")
        case .notAFile(let path, let readme):
            let hint = readme.map { readme in
                "link to the folder's README, which GitHub shows for it: `\(destination(link.destination, adding: FileSuggestion.split(readme).name))`"
            }
            return ("\(what) to `\(link.quotedDestination)`: `\(path)` is not a file", hint ?? "link to a file inside the folder")
        case .tooLarge(let path, let size, let limit):
            return ("\(what) to `\(link.quotedDestination)`: `\(path)` is \(size) bytes, more than `max_asset_size` (\(limit) bytes); not published",
                    "make the file smaller, or raise `max_asset_size` in ledger.yml")
        case .activeSVG(let path, let reason):
            return ("\(what) to `\(link.quotedDestination)`: `\(path)` is an SVG that could run script (\(reason)); not published",
                    ActiveSVG.hint(for: reason))
        case .unknownFragment(let fragment, let file):
            return ("\(what) to `\(link.quotedDestination)`: `\(file)` has no heading with the id `\(fragment)`",
                    "heading ids are made as on GitHub: lower case, spaces as `-`, punctuation dropped")
        }
    }

    /// The destination as written with its last name replaced (its `./` or `../`, query and
    /// fragment kept), a space written `%20` as a destination needs it.
    static func destination(_ written: String, naming name: String) -> String {
        let (path, rest) = pathAndRest(written)
        let folder = path.lastIndex(of: "/").map { path[...$0] } ?? ""
        return folder + name.replacingOccurrences(of: " ", with: "%20") + rest
    }

    /// The destination as written with a name added below it (a folder's file).
    static func destination(_ written: String, adding name: String) -> String {
        let (path, rest) = pathAndRest(written)
        return path + (path.hasSuffix("/") ? "" : "/") + name.replacingOccurrences(of: " ", with: "%20") + rest
    }

    /// A destination's path, and what follows it (`?query`, `#fragment`).
    private static func pathAndRest(_ written: String) -> (Substring, Substring) {
        let end = written.firstIndex { $0 == "?" || $0 == "#" } ?? written.endIndex
        return (written[..<end], written[end...])
    }

    /// Top-level domains a web address written without its scheme most often ends in;
    /// none is a file extension found in a ledger (`.md`, `.sh`, `.py` are left out).
    static let webDomains: Set<String> = ["com", "org", "net", "io", "dev", "gov", "edu", "app", "info"]

    /// `golang.org/issue/1` or `example.com`: a first segment of dotted names ending in
    /// a common web domain.
    static func startsWithDomain(_ destination: String) -> Bool {
        let host = destination.prefix { $0 != "/" && $0 != "#" && $0 != "?" }.lowercased()
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, let last = labels.last, webDomains.contains(String(last)) else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
    }

    /// `ana@example.com`: a mail address with nothing else around it.
    static func isMailAddress(_ destination: String) -> Bool {
        let parts = destination.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[0].contains("/"), parts[1].contains(".") else { return false }
        return parts[1].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") }
    }

    /// A web address written so that it reads as a path: wrapped in brackets or quotes
    /// (`[label]:(https://…)` is a common slip), or without its scheme (`www.…`). The
    /// address to write instead is given when it can be told.
    static func misreadWebAddress(_ destination: String) -> (why: String, address: String?)? {
        // (The checks below run only for links whose file is missing.)
        if destination.lowercased().hasPrefix("www.") || startsWithDomain(destination) {
            return ("a web address without `https://`", "https://" + destination)
        }
        if isMailAddress(destination) {
            return ("a mail address without `mailto:`", "mailto:" + destination)
        }
        guard let separator = destination.range(of: "://") else { return nil }
        let beforeSeparator = destination[..<separator.lowerBound]
        let scheme = beforeSeparator.reversed().prefix { $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) }
        guard let first = scheme.last, first.isLetter else { return nil }
        let opening = beforeSeparator.dropLast(scheme.count)
        let closers: [Character: Character] = ["(": ")", "<": ">", "[": "]", "\"": "\"", "'": "'", "`": "`"]
        guard let opener = opening.last, opening.allSatisfy({ closers[$0] != nil }) else { return nil }
        var address = destination[opening.endIndex...]
        for character in opening where address.last == closers[character] { address = address.dropLast() }
        // What is left must not hold a wrapper on its own (`[a](b)` inside brackets).
        let balanced = opening.allSatisfy { character in
            character == closers[character]
                ? !address.contains(character)
                : address.filter { $0 == character }.count == address.filter { $0 == closers[character] }.count
        }
        return ("a web address wrapped in `\(opener)`", balanced ? String(address) : nil)
    }
}
