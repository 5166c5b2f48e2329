import Foundation
import Testing
@testable import OutcomeLedger

/// Lines and columns are those of the file as written: front matter included, BOM not
/// counted, columns in Unicode scalars whatever the line endings.
struct LocationTests {
    static let frontMatter = "title: Grow artists\nownr: ana\npod:\n  ana: [builder, comunicator]\n  li: operator\nstatus: active"
    static let body = "# Grow\n\nIntro.\n\n## Done when\n- [ ] Artists are happy\n  - [ ] nested items are not done items\n- [x] Café owners ≥ 3\n\n## How\nInvite them."

    static func positions(_ compilation: Compilation) -> [String: String] {
        Dictionary(compilation.diagnostics.map { ($0.rule, "\($0.location.line):\($0.location.column)") }) { first, _ in first }
    }

    @Test(arguments: [false, true])
    func crlfWithBOMGivesTheSamePositionsAsLF(crlf: Bool) throws {
        var text = RuleExample.file(Self.frontMatter, body: Self.body)
        var bytes = Array(text.utf8)
        if crlf {
            text = text.replacingOccurrences(of: "\n", with: "\r\n")
            bytes = [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        }
        let compilation = try TestSupport.compile(TestSupport.ledger(bytes: [RuleExample.mainFile: bytes]))
        let positions = Self.positions(compilation)
        // `ownr` explains the missing owner and `comunicator` the uncovered lens: each
        // mistake is reported once, at the typo.
        #expect(positions["unknown-key"] == "3:1")
        #expect(positions["unknown-lens"] == "5:18")
        #expect(positions["done-measurable"] == "14:1")
        #expect(positions["nested-done-item"] == "15:3")
        #expect(compilation.diagnostics.count == 4)
        #expect(compilation.diagnostics.first { $0.rule == "unknown-key" }?.sourceLine == "ownr: ana")
    }

    @Test func doneItemsAreTheTopLevelItemsWithTheirState() throws {
        let compilation = try TestSupport.compile([RuleExample.mainFile: RuleExample.file(body: Self.body)])
        let done = try #require(compilation.ledger.outcomes.first?.done)
        #expect(done.items.map(\.text) == ["Artists are happy", "Café owners ≥ 3"])
        #expect(done.items.map(\.checked) == [false, true])
        #expect(done.items.map(\.location.line) == [14, 16])
        #expect(done.heading.line == 13)
    }

    @Test func columnsAfterMultibyteTextCountScalars() throws {
        let body = "## Done when\n> é\n\n Café ≥ 3 — see below\n\n   - [ ] 5 artists\n\n## How\nx"
        let compilation = try TestSupport.compile([RuleExample.mainFile: RuleExample.file(body: body)])
        let item = try #require(compilation.ledger.outcomes.first?.done?.items.first)
        #expect(item.location.line == 14)
        #expect(item.location.column == 4)
        let text = SourceText(path: "x", text: "éé- x")
        #expect(text.scalarColumn(line: 1, byteColumn: 5) == 3)
    }

    @Test func plainItemsCountAsOpen() throws {
        let compilation = try TestSupport.compile([RuleExample.mainFile: RuleExample.file(
            body: "## Done when\n1. 5 artists\n2. [x] 6 labels\n\n## How\nx")])
        let done = try #require(compilation.ledger.outcomes.first?.done)
        #expect(done.items.map(\.checked) == [false, true])
    }

    @Test func headingsAreConfigurable() throws {
        let compilation = try TestSupport.compile([
            "ledger.yml": "done_heading: Definition of done\nhow_heading: Approach\n",
            RuleExample.mainFile: RuleExample.file(body: "## Definition of Done\n- [ ] 5 artists\n\n## Approach\nx"),
        ])
        #expect(compilation.diagnostics.isEmpty, "\(compilation.diagnostics.map(\.message))")
    }

    @Test func sectionEndsAtTheNextHeadingOfTheSameOrHigherLevel() throws {
        let body = "## Done when\n### Numbers\n- [ ] 5 artists\n## Later\n- [ ] not done items\n\n## How\nx"
        let compilation = try TestSupport.compile([RuleExample.mainFile: RuleExample.file(body: body)])
        #expect(compilation.ledger.outcomes.first?.done?.items.map(\.text) == ["5 artists"])
    }
}
