import Foundation
import Testing
@testable import OutcomeLedger

/// The mistakes people make writing a ledger by hand, each with the one diagnostic it must
/// give: the cause, at the place of the mistake, with how to fix it. docs/format.md's
/// "Common mistakes" section is made from this table (the last test keeps them equal).
struct CommonMistakesTests {
    struct Mistake: Sendable, CustomTestStringConvertible {
        var title: String
        /// What the author wrote, as shown in the docs.
        var written: String
        var files: [String: String]
        /// Every diagnostic the files give, as `position: severity: message [rule]` and help.
        var expected: [(String, String?)]
        var testDescription: String { title }
    }

    static let front = "title: Grow artists\nowner: ana\npod: {ana: [builder, communicator], li: operator}"
    static func outcome(_ front: String = front, body: String = RuleExample.standardBody) -> String {
        "---\n\(front)\n---\n\(body)\n"
    }
    static let main = RuleExample.mainFile

    static let mistakes: [Mistake] = [
        Mistake(title: "A misspelt required key", written: "ownr: ana",
                files: [main: outcome("title: Grow artists\nownr: ana\npod: {ana: [builder, communicator], li: operator}")],
                expected: [("outcomes/example.md:3:1: error: unknown key `ownr`, and the front matter has no `owner` [unknown-key]",
                            "did you mean `owner`? write `owner:`")]),
        Mistake(title: "A misspelt lens", written: "ana: [builder, comunicator]",
                files: [main: outcome("title: Grow artists\nowner: ana\npod: {ana: [builder, comunicator], li: operator}")],
                expected: [("outcomes/example.md:4:22: error: unknown lens `comunicator` [unknown-lens]", "did you mean `communicator`?")]),
        Mistake(title: "A colon inside a value", written: "title: Billing: runs on Stripe",
                files: [main: outcome("title: Billing: runs on Stripe\nowner: ana\npod: {ana: [builder, communicator], li: operator}")],
                expected: [("outcomes/example.md:2:8: error: the value of `title` contains `: `, which YAML reads as the start of another key [front-matter-syntax]",
                            "put the value in quotes: `title: \"Billing: runs on Stripe\"`")]),
        Mistake(title: "No space after the colon", written: "status:active",
                files: [main: outcome(front + "\nstatus:active")],
                expected: [("outcomes/example.md:5:1: error: `status:active` needs a space after the colon [front-matter-syntax]",
                            "write `status: active`")]),
        Mistake(title: "A list that is never closed", written: "tags: [revenue, billing",
                files: [main: outcome(front + "\ntags: [revenue, billing")],
                expected: [("outcomes/example.md:5:7: error: the list opened here with `[` is never closed [front-matter-syntax]",
                            "end it with `]` on the same line")]),
        Mistake(title: "A key indented under another", written: "  status: active",
                files: [main: outcome("title: Grow artists\nowner: ana\n  status: active\npod: {ana: [builder, communicator], li: operator}")],
                expected: [("outcomes/example.md:4:3: error: `status` is indented more than `owner` above it, so YAML reads it as part of `owner`'s value [front-matter-syntax]",
                            "start `status:` in the same column as `owner:`")]),
        Mistake(title: "A pod member out of line", written: "pod: ⏎     ana: [builder, communicator] ⏎   li: operator",
                files: [main: outcome("title: Grow artists\nowner: ana\npod:\n    ana: [builder, communicator]\n  li: operator")],
                expected: [("outcomes/example.md:6:3: error: `li` is indented between `pod` and `ana`, so YAML cannot tell which it belongs with [front-matter-syntax]",
                            "start `li:` in the same column as `ana:` to put it in `pod`, or as `pod:`")]),
        Mistake(title: "A YAML mistake and a missing done section", written: "title: Billing: runs on Stripe, and no `## Done when`",
                files: [main: outcome("title: Billing: runs on Stripe\nowner: ana\npod: {ana: [builder, communicator], li: operator}",
                                      body: "## How\nAsk.")],
                expected: [("outcomes/example.md:1:1: error: no \"Done when\" section [done-definition]", "add `## Done when` with a list of checkable results"),
                           ("outcomes/example.md:2:8: error: the value of `title` contains `: `, which YAML reads as the start of another key [front-matter-syntax]",
                            "put the value in quotes: `title: \"Billing: runs on Stripe\"`")]),
        Mistake(title: "A colon after the heading", written: "## Done when:",
                files: [main: outcome(body: "## Done when:\n- [ ] 500 artists upload a track\n\n## How\nAsk.")],
                expected: [("outcomes/example.md:6:1: error: no \"Done when\" section: `## Done when:` is not read as its heading [done-definition]",
                            "write the heading exactly as `## Done when`")]),
        Mistake(title: "Bold text instead of a heading", written: "**Done when**",
                files: [main: outcome(body: "**Done when**\n- [ ] 500 artists upload a track\n\n## How\nAsk.")],
                expected: [("outcomes/example.md:6:1: error: no \"Done when\" section: `**Done when**` is not read as its heading [done-definition]",
                            "write the heading exactly as `## Done when`")]),
        Mistake(title: "Another name for the section", written: "## Definition of done",
                files: [main: outcome(body: "## Definition of done\n- [ ] 500 artists upload a track\n\n## How\nAsk.")],
                expected: [("outcomes/example.md:6:1: error: no \"Done when\" section: `## Definition of done` is not read as its heading [done-definition]",
                            "write the heading exactly as `## Done when`")]),
        Mistake(title: "A code block that is never closed", written: "```yaml with no closing ```",
                files: [main: outcome(body: "```yaml\nkey: 1\n\n## Done when\n- [ ] 500 artists upload a track")],
                expected: [("outcomes/example.md:6:1: error: no \"Done when\" section: the heading on line 9 is inside a code block opened on line 6 that is never closed [done-definition]",
                            "close the code block with the same fence before line 9")]),
        Mistake(title: "A done item indented with a tab", written: "\\t- [ ] 100 of them twice",
                files: [main: outcome(body: "## Done when\n- [ ] 500 artists upload a track\n\t- [ ] 100 of them twice\n\n## How\nAsk.")],
                expected: [("outcomes/example.md:8:2: warning: the done item `100 of them twice` is nested under the item above, so it is not counted [nested-done-item]",
                            "start it at the beginning of the line (a tab indents it as a detail)")]),
        Mistake(title: "An outcome file named .MD", written: "outcomes/Billing.MD",
                files: [main: outcome(), "outcomes/Billing.MD": outcome()],
                expected: [("outcomes/Billing.MD:1:1: warning: `Billing.MD` is skipped: outcome files end in `.md` [skipped-file]",
                            "rename it to `Billing.md` to make it an outcome, or start its name with `_` to keep it out quietly")]),
        Mistake(title: "A misspelt title", written: "titel: Grow artists",
                files: [main: outcome("titel: Grow artists\nowner: ana\npod: {ana: [builder, communicator], li: operator}")],
                expected: [("outcomes/example.md:2:1: error: unknown key `titel`, and the front matter has no `title` [unknown-key]",
                            "did you mean `title`? write `title:`")]),
        Mistake(title: "A file name as a dependency", written: "depends_on: [billing.md]",
                files: [main: outcome(front + "\ndepends_on: [billing.md]"), "outcomes/billing.md": outcome()],
                expected: [("outcomes/example.md:5:14: error: `depends_on` names `billing.md`, but no outcome has that id [unresolved-reference]",
                            "ids are file names without `.md` and folders: write `billing`")]),
        Mistake(title: "One dependency without brackets (accepted)", written: "depends_on: billing",
                files: [main: outcome(front + "\ndepends_on: billing"), "outcomes/billing.md": outcome()],
                expected: []),
        Mistake(title: "A date that does not exist", written: "review_by: 2027-02-31",
                files: [main: outcome(front + "\nreview_by: 2027-02-31")],
                expected: [("outcomes/example.md:5:12: error: `review_by` is `2027-02-31`, a date that does not exist: February 2027 has 28 days [front-matter-type]",
                            "correct the day or the month")]),
        Mistake(title: "One number for the pod size", written: "pod_size: 5",
                files: [main: outcome(), "ledger.yml": "pod_size: 5\n"],
                expected: [("ledger.yml:1:11: error: `pod_size` is a range of people, not one number [config]", "write `pod_size: {min: 2, max: 5}`")]),
        Mistake(title: "A shortened severity", written: "rules: {lens-coverage: warn}",
                files: [main: outcome(), "ledger.yml": "rules: {lens-coverage: warn}\n"],
                expected: [("ledger.yml:1:24: error: rule `lens-coverage` must be set to `error`, `warning` or `off` [config]", "did you mean `warning`?")]),
        Mistake(title: "people.yml written as a list", written: "- ana\n- li",
                files: [main: outcome(), "people.yml": "- ana\n- li\n"],
                expected: [("people.yml:1:1: error: `people.yml` must be a mapping, found a list [config]",
                            "map each handle to its details, e.g. `ana: {name: Ana Sousa}`; until then handles are not checked against it")]),
    ]

    @Test(arguments: mistakes)
    func eachMistakeGivesOneDiagnosticAtItsPlace(mistake: Mistake) throws {
        let compilation = try TestSupport.compile(mistake.files)
        let found = compilation.diagnostics.map { ("\($0.position): \($0.severity.rawValue): \($0.message) [\($0.rule)]", $0.hint) }
        #expect(found.map(\.0) == mistake.expected.map(\.0))
        #expect(found.map(\.1) == mistake.expected.map(\.1))
    }

    /// The section of docs/format.md, made from the table.
    static func markdown() -> String {
        mistakes.map { mistake in
            let written = mistake.written.replacingOccurrences(of: "\n", with: " ⏎ ")
            let said = mistake.expected.isEmpty ? "accepted, as a list of one"
                : mistake.expected.map { "`` \($0.0.split(separator: " ", maxSplits: 1)[1]) ``" + ($0.1.map { " — help: \($0)" } ?? "") }
                    .joined(separator: "; and ")
            return "- **\(mistake.title)** (`` \(written) ``): \(said)"
        }.joined(separator: "\n")
    }

    @Test func formatDocsListEveryMistake() throws {
        let docs = try String(contentsOf: TestSupport.repositoryRoot.appendingPathComponent("docs/format.md"), encoding: .utf8)
        let start = "<!-- common mistakes: made from Tests/OutcomeLedgerTests/CommonMistakesTests.swift -->\n"
        let end = "\n<!-- end of common mistakes -->"
        let section = try #require(docs.components(separatedBy: start).dropFirst().first?.components(separatedBy: end).first)
        if ProcessInfo.processInfo.environment["OUTCOMES_UPDATE_GOLDEN"] == "1" {
            try docs.replacingOccurrences(of: start + section + end, with: start + Self.markdown() + end)
                .write(to: TestSupport.repositoryRoot.appendingPathComponent("docs/format.md"), atomically: true, encoding: .utf8)
            return
        }
        #expect(section == Self.markdown(), "regenerate the section from CommonMistakesTests.markdown()")
    }
}

/// The near-miss heading search reads every line of a body without the heading, so its
/// normalizing is done without Foundation; it must still agree with Foundation's trimming.
struct NearMissNormalizingTests {
    /// The normalizing as first written, with Foundation's `whitespaces`.
    static func reference(_ text: String) -> String {
        var text = Substring(text.trimmingCharacters(in: .whitespaces))
        while text.first == "#" { text = text.dropFirst() }
        text = Substring(text.trimmingCharacters(in: .whitespaces))
        while let first = text.first, first == "*" || first == "_" { text = text.dropFirst() }
        while let last = text.last, last == "*" || last == "_" || last == ":" || last == " " { text = text.dropLast() }
        while let first = text.first, first == "*" || first == "_" { text = text.dropFirst() }
        return text.trimmingCharacters(in: .whitespaces).lowercased()
    }

    @Test func agreesWithFoundationOnManyLines() {
        let pieces = [" ", "\t", "\u{00A0}", "\u{3000}", "\u{2003}", "\u{200B}", "\u{200C}", "\u{1680}", "\u{205F}", "#", "*", "_", ":", "Done", " when", "How",
                      "\u{301}", "é", "e\u{301}", "ß", "İ", "x", "\u{FEFF}", "\u{85}", "\r"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var disagreements: [String] = []
        for _ in 0..<20_000 {
            let line = (0..<next(9)).map { _ in pieces[next(pieces.count)] }.joined()
            if NearMissHeading.normalized(line) != Self.reference(line) { disagreements.append(line) }
        }
        let first = disagreements.prefix(3).map { $0.unicodeScalars.map { String($0.value, radix: 16) } }
        #expect(disagreements.count == 0, "\(first)")
        #expect(NearMissHeading.normalized("  ## **Done When:** \u{3000}") == "done when")
    }

    @Test func findsTheHeadingInALongBody() throws {
        let body = String(repeating: "Some prose that is not a heading at all, line after line.\n", count: 5_000) + "### Done When:\n- [ ] x\n"
        let found = try #require(NearMissHeading.find("Done when", in: Substring(body)))
        #expect(found.written == "### Done When:")
        #expect(found.line == 5_001)
    }
}
