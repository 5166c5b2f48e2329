import Foundation
import Testing
@testable import OutcomeLedger
@testable import OutcomeSite

/// The ledger is untrusted: every hazard known for our markdown and YAML libraries is
/// processed or refused quickly, located, and never reaches the output as markup. Large
/// inputs are generated here rather than committed.
struct HostileInputTests {
    static let frontMatter = "title: Hazard\nowner: ana\npod: {ana: [builder, communicator], li: operator}"

    /// The upstream pathological cases, the 2023 advisories against cmark-gfm, and the
    /// shapes the advisories describe at the sizes measured on this machine.
    static let markdownHazards: [(String, @Sendable () -> String)] = [
        ("nested strong emph", { String(repeating: "*a **a ", count: 65_000) + "b" + String(repeating: " a** a*", count: 65_000) }),
        ("many emph closers with no openers", { String(repeating: "a_ ", count: 65_000) }),
        ("many emph openers with no closers", { String(repeating: "_a ", count: 65_000) }),
        ("many link closers with no openers", { String(repeating: "a]", count: 65_000) }),
        ("many link openers with no closers", { String(repeating: "[a", count: 65_000) }),
        ("mismatched openers and closers", { String(repeating: "*a_ ", count: 50_000) }),
        ("openers and closers multiple of 3", { "a**b" + String(repeating: "c* ", count: 50_000) }),
        ("link openers and emph closers", { String(repeating: "[ a_", count: 50_000) }),
        ("pattern [ (]( repeated", { String(repeating: "[ (](", count: 80_000) }),
        ("pattern ![[]() repeated", { String(repeating: "![[]()", count: 160_000) }),
        ("hard link/emph case", { "**x [a*b**c*](d)" }),
        ("nested brackets", { String(repeating: "[", count: 50_000) + "a" + String(repeating: "]", count: 50_000) }),
        ("nested block quotes", { String(repeating: "> ", count: 50_000) + "a" }),
        ("deeply nested lists", { (0..<1000).map { String(repeating: "  ", count: $0) + "* a\n" }.joined() }),
        ("U+0000 in input", { "abc\u{0}de\u{0}" }),
        ("backticks", { (1..<5000).map { "e" + String(repeating: "`", count: $0) }.joined() }),
        ("unclosed links A", { String(repeating: "[a](<b", count: 30_000) }),
        ("unclosed links B", { String(repeating: "[a](b", count: 30_000) }),
        ("many references", { (1..<80_000).map { "[\($0)]: u\n" }.joined() + String(repeating: "[0] ", count: 5000) }),
        ("GHSA-w4qg-3vf7-m9x5 table with short rows", {
            "|" + String(repeating: "a|", count: 1000) + "\n|" + String(repeating: "-|", count: 1000) + "\n"
                + String(repeating: "a\n", count: 4000)
        }),
        ("GHSA-r572-jvj2-3m8p ![[]() 64,000 times", { String(repeating: "![[]()", count: 64_000) }),
        ("autolink www.a_ 20,000 times", { String(repeating: "www.a_", count: 20_000) }),
        ("nested list markers then blank lines (36 KB)", { String(repeating: "- ", count: 6_000) + "a" + String(repeating: "\n", count: 24_000) }),
        ("ordered markers then blank lines", { String(repeating: "1. ", count: 4_000) + "a" + String(repeating: "\n", count: 20_000) }),
        ("shallow nesting then a flood of blank lines", { String(repeating: "- ", count: 100) + "a" + String(repeating: "\n", count: 900_000) }),
        ("GHSA-66g8-4hjf-77xh quotes then emphasis", { String(repeating: ">", count: 40_000) + String(repeating: "a*", count: 40_000) }),
    ]

    @Test(arguments: markdownHazards.indices)
    func markdownHazardIsProcessedOrRefusedWithinASecond(index: Int) throws {
        let (name, make) = Self.markdownHazards[index]
        let body = "## Done when\n- [ ] 1 thing\n\n" + make() + "\n"
        let root = TestSupport.ledger([RuleExample.mainFile: RuleExample.file(Self.frontMatter, body: body)])
        let output = TestSupport.temporaryFolder().appendingPathComponent("site")
        let started = Date()
        let run = try TestSupport.run(["build", root.path, "-o", output.path, "--keep-going"], timeout: 10)
        let seconds = Date().timeIntervalSince(started)
        // The 1 s budget is for this machine; the test allows slower CI machines 3x.
        #expect(seconds < 3, "\(name) took \(seconds) s")
        #expect(run.status == 0, "\(name): \(run.standardError)")
        #expect(!run.standardError.contains("Fatal error"))
        // Files refused as unreadable or too large have no page; every other one does.
        let skipped = run.standardError.contains("[file-unreadable]") || run.standardError.contains("[file-too-large]")
        let page = try? String(contentsOf: output.appendingPathComponent("outcomes/example/index.html"), encoding: .utf8)
        #expect((page == nil) == skipped, "\(name)")
        #expect(page?.lowercased().contains("<script") != true)
        let refused = run.standardError.contains("[markdown-too-complex]") || skipped
        if refused {
            #expect(run.standardError.contains("outcomes/example.md:"), "\(name): refusal is located")
        }
    }

    @Test func normalDocumentsAreNotRefused() throws {
        let compilation = try LedgerCompiler.compile(root: TestSupport.example("music-app"), options: .init(today: TestSupport.today))
        #expect(compilation.diagnostics("markdown-too-complex").isEmpty)
        let busy = (0..<200).map { "- [x] [Report \($0)](https://example.com/\($0)) with **bold** and _emphasis_ ≥ 3 www.example.com" }
            .joined(separator: "\n")
        let table = "| a | b | c |\n|---|:-:|--:|\n" + String(repeating: "| 1 | 2 | 3 |\n", count: 500)
        let quotes = "> > > > > nested five deep\n"
        #expect(MarkdownComplexity.check(busy + "\n\n" + table + "\n" + quotes) == nil)
    }

    /// Found by the fuzzer: 2.3 KB of a 300-column header and short rows rendered as 1.5 MB
    /// of table cells and took 0.6 s to build.
    @Test func shortRowsUnderAWideHeaderAreRefused() throws {
        let body = "|" + String(repeating: "a|", count: 300) + "\n|" + String(repeating: "-|", count: 300) + "\n"
            + String(repeating: "a\n", count: 500)
        #expect(MarkdownComplexity.check(body)?.what == "tables with more than 50000 cells")
    }

    /// The guard, not luck, keeps nested list markers followed by blank lines fast: without
    /// it cmark-gfm takes seconds on a 36 KB file.
    @Test func nestedListsBeforeBlankLinesAreRefused() throws {
        let body = "## Done when\n- [ ] 1 thing\n\n" + String(repeating: "- ", count: 6_000) + "a" + String(repeating: "\n", count: 24_000)
        let excess = try #require(MarkdownComplexity.check(body))
        #expect(excess.line == 4)
        #expect(excess.what.hasPrefix("lists nested"))
        let single = String(repeating: "* ", count: 1_001) + "a"
        #expect(MarkdownComplexity.check(single)?.what == "lists nested 1001 deep on one line (the limit is 1000)")
        // Ordinary nesting with plenty of blank lines is fine.
        let ordinary = (0..<2_000).map { "- item \($0)\n  - detail\n    1. step\n\n\n" }.joined()
        #expect(MarkdownComplexity.check(ordinary) == nil)
    }

    @Test func refusalPointsAtTheConstruct() throws {
        let body = "## Done when\n- [ ] 1 thing\n\n## How\nFine.\n\n  " + String(repeating: "> ", count: 101) + "deep\n"
        let compilation = try TestSupport.compile([RuleExample.mainFile: RuleExample.file(body: body)])
        let refusal = try #require(compilation.diagnostics("markdown-too-complex").first)
        #expect(refusal.position == "outcomes/example.md:15:3")
        // The refused body's sections are unknown, so the done and how rules stay quiet.
        #expect(compilation.diagnostics.map(\.rule) == ["markdown-too-complex"])
    }

    @Test func oversizedFilesAreSkippedBeforeBeingRead() throws {
        let big = RuleExample.file(body: RuleExample.standardBody + "\n" + String(repeating: "x", count: 1 << 20))
        let compilation = try TestSupport.compile([RuleExample.mainFile: big, "outcomes/small.md": RuleExample.file()])
        #expect(compilation.diagnostics.map(\.rule) == ["file-too-large"])
        #expect(compilation.ledger.outcomes.map(\.file) == ["outcomes/small.md"])
        let raised = try TestSupport.compile(["ledger.yml": "max_file_size: 2 MiB\n", RuleExample.mainFile: big])
        #expect(raised.diagnostics.isEmpty)
        // people.yml lists everyone: it may be 32 times larger than an outcome file.
        let roster = (0..<40).map { "p\($0): {name: Person \($0), email: p\($0)@example.com}\n" }.joined()
        #expect(roster.utf8.count > 32 * 32)
        let bigRoster = try TestSupport.compile(["ledger.yml": "max_file_size: 32\n", "people.yml": roster])
        #expect(bigRoster.diagnostics.map(\.position) == ["people.yml:1:1"])
        let fittingRoster = try TestSupport.compile(["ledger.yml": "max_file_size: 64\n", "people.yml": roster])
        #expect(fittingRoster.diagnostics.isEmpty)
        #expect(fittingRoster.ledger.people?.count == 40)
    }

    @Test(arguments: [
        "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
        "jav&#x09;ascript:alert(1)", "&#106;avascript:alert(1)", "&#x6A;avascript:alert(1)", "javascript&colon;alert(1)",
        "vbscript:msgbox(1)", "VBScript:x", "data:text/html;base64,PHNjcmlwdD4=", "DATA:text/html,x", "file:///etc/passwd",
        "\u{1}javascript:x", "data:image/svg+xml,<svg onload=alert(1)>",
    ])
    func dangerousURLsAreRecognized(url: String) {
        #expect(SafeURL.isDangerous(url))
        #expect(SafeURL.link(url) == nil)
    }

    @Test(arguments: ["https://example.com/a?b=c#d", "/relative", "../page.html", "#anchor", "mailto:a@example.com",
                      "data:image/png;base64,iVBORw0KGgo=", "java%73cript:x", "javascript-guide.html"])
    func ordinaryURLsAreKept(url: String) {
        #expect(!SafeURL.isDangerous(url))
    }

    @Test func bodyLinksAreFilteredAfterRendering() {
        let html = #"<p><a href="https://ok.example">a</a> <a href="jav&#x09;ascript:x">b</a> <img src="data:text/html,x" alt="c" /></p>"#
        #expect(SafeURL.removingDangerousLinks(from: html)
                == #"<p><a href="https://ok.example">a</a> <a href="">b</a> <img src="" alt="c" /></p>"#)
    }

    @Test func idsAndHandlesEqualIgnoringCaseCollide() throws {
        let compilation = try TestSupport.compile([
            "outcomes/grow.md": RuleExample.file(), "outcomes/other.md": RuleExample.file(RuleExample.standardFrontMatter + "\nid: Grow"),
            "people.yml": "ana: {name: Ana}\nAna: {name: Ana again}\nli: {name: Li}\n",
        ])
        #expect(compilation.diagnostics("duplicate-id").count == 2)
        #expect(compilation.diagnostics("config").map(\.message) == ["`Ana` differs from `ana` only in case; their pages would collide"])
    }
}
