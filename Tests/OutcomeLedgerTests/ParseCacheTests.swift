import Foundation
import Testing
@testable import OutcomeLedger

/// A compilation that takes files from the cache must be the compilation parsing afresh gives.
struct ParseCacheTests {
    static let files = [
        "outcomes/a.md": RuleExample.file(),
        "outcomes/b.md": RuleExample.file("title: B\nowner: ana\npod:\n  ana: [builder, comunicator]\n  li: operator"),
        "outcomes/c.md": RuleExample.file(body: "## Done when\nsomething vague"),
    ]

    static func compile(_ root: URL, cache: ParseCache?) throws -> Compilation {
        try LedgerCompiler.compile(root: root.path, options: .init(today: CalendarDate("2026-11-01")!, cache: cache))
    }

    @Test func anEditReparsesOnlyTheFileThatChanged() throws {
        let root = TestSupport.ledger(Self.files)
        let cache = ParseCache()
        let first = try Self.compile(root, cache: cache)
        #expect(cache.hits == 0)
        let again = try Self.compile(root, cache: cache)
        #expect(cache.hits == 3)
        #expect(again.diagnostics == first.diagnostics)

        try RuleExample.file(body: "## Done when\n- [ ] 10 artists upload by 2027-01-31\n\n## How\nAsk them.")
            .write(to: root.appendingPathComponent("outcomes/c.md"), atomically: true, encoding: .utf8)
        let edited = try Self.compile(root, cache: cache)
        #expect(cache.hits == 2)
        let fresh = try Self.compile(root, cache: nil)
        #expect(edited.diagnostics == fresh.diagnostics)
        #expect(edited.ledger.outcomes.map(\.id.value) == fresh.ledger.outcomes.map(\.id.value))
        #expect(edited.ledger.outcome(withID: "c")?.done?.items.count == 1)
    }

    @Test func otherSettingsEmptyTheCache() throws {
        let root = TestSupport.ledger(Self.files)
        let cache = ParseCache()
        _ = try Self.compile(root, cache: cache)
        try "lenses: [builder, operator, communicator, comunicator]\n"
            .write(to: root.appendingPathComponent("ledger.yml"), atomically: true, encoding: .utf8)
        let changed = try Self.compile(root, cache: cache)
        #expect(cache.hits == 0)
        #expect(changed.diagnostics == (try Self.compile(root, cache: nil)).diagnostics)
        #expect(!changed.diagnostics.contains { $0.rule == "unknown-lens" })
    }

    @Test func removedFilesAreForgotten() throws {
        let root = TestSupport.ledger(Self.files)
        let cache = ParseCache()
        _ = try Self.compile(root, cache: cache)
        try FileManager.default.removeItem(at: root.appendingPathComponent("outcomes/b.md"))
        let after = try Self.compile(root, cache: cache)
        #expect(cache.hits == 2)
        #expect(after.ledger.outcome(withID: "b") == nil)
    }
}
