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
        .outcome(body: RuleExample.standardBody + "\n\n![the upload flow](upload-flow.png) and [payouts](payouts.md#timeline), [how](#how).",
                 triggers: false,
                 also: ["outcomes/upload-flow.png": "PNG", "outcomes/payouts.md": RuleExample.file(body: RuleExample.standardBody + "\n\n## Timeline\nMonthly.")]),
    ]

    public static func check(_ context: RuleContext) -> [Diagnostic] {
        context.readableOutcomes.flatMap { outcome in
            outcome.links.compactMap { link -> Diagnostic? in
                guard case .broken(let broken)? = link.target else { return nil }
                let (message, hint) = describe(broken, link: link)
                return diagnostic(message, at: link.location, hint: hint)
            }
        }
    }

    static func describe(_ broken: BodyLink.Broken, link: BodyLink) -> (String, String?) {
        let what = link.isImage ? "image" : "link"
        switch broken {
        case .missing(let path):
            return ("\(what) to `\(link.destination)`: there is no file `\(path)` in the ledger",
                    "check the file name and its folder: paths are relative to this outcome's file")
        case .outsideRoot:
            return ("\(what) to `\(link.destination)` leads outside the ledger root",
                    "only files inside the ledger are published; copy the file into the ledger")
        case .skippedOutcomeFile(let path):
            return ("\(what) to `\(link.destination)`: `\(path)` is not an outcome the ledger reads",
                    "files whose name begins with `.` or `_` are skipped; link to an outcome file instead")
        case .notAFile(let path):
            return ("\(what) to `\(link.destination)`: `\(path)` is not a file", "link to a file inside the folder")
        case .tooLarge(let path, let size, let limit):
            return ("\(what) to `\(link.destination)`: `\(path)` is \(size) bytes, more than `max_asset_size` (\(limit) bytes); not published",
                    "make the file smaller, or raise `max_asset_size` in ledger.yml")
        case .activeSVG(let path, let reason):
            return ("\(what) to `\(link.destination)`: `\(path)` is an SVG that could run script (\(reason)); not published",
                    "export the picture as PNG, or as SVG without scripts, event attributes or embedded documents")
        case .unknownFragment(let fragment, let file):
            return ("\(what) to `\(link.destination)`: `\(file)` has no heading with the id `\(fragment)`",
                    "heading ids are made as on GitHub: lower case, spaces as `-`, punctuation dropped")
        }
    }
}
