/// HTML written in a body is published only as far as it is harmless: a short list of
/// elements (`<br>`, `<sup>`, `<kbd>`, `<details>`…) without attributes, and links and
/// pictures with their address (and a picture's alt text and size). Whatever else the
/// author wrote — a heading, a script, an attribute, a link without an address — would
/// vanish from the page, so it is named here, with what to write instead.
public enum RawHTML: Rule {
    public static let name = "raw-html"
    public static let defaultSeverity = Severity.warning
    public static let summary = "HTML in a body that the site leaves out: an element other than simple formatting, or an attribute"
    public static let rationale = "The site publishes no script, style or link from HTML an author wrote: what it leaves out must not vanish without a word."

    public static let examples: [RuleExample] = [
        .outcome(body: RuleExample.standardBody + "\n\n<h3 align=\"center\">Flow</h3>", triggers: true, at: "outcomes/example.md:15:1"),
        .outcome(body: RuleExample.standardBody + "\n\n| Step | Notes |\n|---|---|\n| 1 | first<br>then <a title=\"x\">this</a> |",
                 triggers: true, at: "outcomes/example.md:17:21"),
        .outcome(body: RuleExample.standardBody + "\n\n<p align=\"center\" style=\"color: red\">Centred</p>", triggers: true),
        .outcome(body: RuleExample.standardBody + "\n\n<!-- a note to editors -->\nPress <kbd>Ctrl</kbd>+<kbd>S</kbd>.<br>\n<img src=\"https://example.com/flow.png\" alt=\"The flow\" width=\"400\">\n\n<details>\n<summary>More</summary>\n\nHidden.\n\n</details>",
                 triggers: false),
        .outcome(body: RuleExample.standardBody + "\n\nSee [the review (<a href=\"https://example.com/r\">notes</a>)](#how).",
                 triggers: true, at: "outcomes/example.md:15:18"),
    ]

    /// One warning for each piece of HTML that lost something, naming what.
    static func leftOut(_ items: [BodyHTML.LeftOut], at location: SourceLocation) -> Diagnostic {
        let names = items.map(describe)
        let message: String
        if names.count == 1, case .element = items[0].kind {
            message = "\(names[0]) is read as HTML and left out of the site"
        } else if names.count == 1 {
            message = "\(names[0]) is left out of the site"
        } else {
            let listed = names.count <= 3 ? names : Array(names.prefix(3)) + ["\(names.count - 3) more"]
            message = "HTML left out of the site: " + listed.dropLast().joined(separator: ", ") + " and " + listed.last!
        }
        return diagnostic(message, at: location, hint: hint(for: items[0].kind))
    }

    private static func describe(_ item: BodyHTML.LeftOut) -> String {
        switch item.kind {
        case .element(let name): return "`<\(name)>`"
        case .attributes(let names, let element):
            let quoted = names.map { "`\($0)`" }
            return (quoted.count == 1 ? "the \(quoted[0]) attribute" : "the \(quoted.joined(separator: ", ")) attributes") + " of `<\(element)>`"
        case .declaration: return "a `<!…>` or `<?…?>` declaration"
        case .nestedLink: return "the address of a link (`<a href>`) in another link's text"
        }
    }

    private static func hint(for kind: BodyHTML.LeftOut.Kind) -> String {
        switch kind {
        case .element(let name) where ["img", "picture", "svg"].contains(name.lowercased()):
            return "give the picture its address (`src`), or write it in markdown: ![what it shows](file.png)"
        case .element(let name) where name.lowercased() == "a":
            return "give the link its address (`href`), or write it in markdown: [text](address)"
        case .element(let name) where name.count == 2 && name.lowercased().hasPrefix("h") && name.last!.isNumber:
            return "write a markdown heading: ## Heading"
        case .element(let name):
            return "to show it as text, write it in backticks (`<\(name)>`) or as \\<\(name)>; of HTML, the site keeps only simple formatting (<br>, <sup>, <kbd>, <details>…)"
        case .nestedLink:
            return "links do not nest, so its text stays part of the link around it; to keep both, write this link outside the other's brackets"
        case .attributes:
            return "the site keeps HTML elements without attributes (paragraphs, blocks and cells keep `align`, cells `colspan` and `rowspan`, `<abbr>` its `title`, links keep `href`, elements an `id` (or anchors a `name`) of letters, digits, `-`, `_` and `.` used once, pictures `src`, `alt`, `width` and `height`); leave the attribute out"
        default:
            return "the site keeps only simple HTML formatting (<br>, <sup>, <kbd>, <details>…); write it in markdown"
        }
    }
}
