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

    /// Cached outcomes come back resolved against the ledger they were cached with: their
    /// links must follow what changed elsewhere since, exactly as a fresh compile does.
    @Test func linksOfUnchangedFilesFollowChangesElsewhere() throws {
        let linking = RuleExample.file(
            "title: Links\nowner: ana\npod:\n  ana: [builder, communicator]\n  li: operator\nstatus: active",
            body: RuleExample.standardBody + "\n\nSee [the timeline](b.md#timeline), [how](#how), [nothing](#nothing) and ![a chart](chart.png).")
        let root = TestSupport.ledger([
            "outcomes/a.md": linking,
            "outcomes/b.md": RuleExample.file(body: RuleExample.standardBody + "\n\n## Timeline\nMonthly."),
        ])
        let cache = ParseCache()
        func compiledTwice() throws -> (cached: Compilation, fresh: Compilation) {
            (try Self.compile(root, cache: cache), try Self.compile(root, cache: nil))
        }
        func targets(_ compilation: Compilation) -> [BodyLink.Target?] {
            compilation.ledger.outcome(withID: "a")?.links.map(\.target) ?? []
        }
        var (cached, fresh) = try compiledTwice()
        #expect(targets(cached) == [.outcome(id: "b", fragment: "timeline"), .sameDocument(fragment: "how"),
                                    .broken(.unknownFragment(fragment: "nothing", file: "outcomes/a.md")),
                                    .broken(.missing(path: "outcomes/chart.png"))])

        // The heading a link leads to goes; then the missing picture comes.
        try RuleExample.file(body: RuleExample.standardBody).write(to: root.appendingPathComponent("outcomes/b.md"), atomically: true, encoding: .utf8)
        (cached, fresh) = try compiledTwice()
        #expect(cache.hits == 1)
        #expect(targets(cached)[0] == .broken(.unknownFragment(fragment: "timeline", file: "outcomes/b.md")))
        #expect(targets(cached) == targets(fresh))
        #expect(cached.diagnostics == fresh.diagnostics)

        try "PNG".write(to: root.appendingPathComponent("outcomes/chart.png"), atomically: true, encoding: .utf8)
        (cached, fresh) = try compiledTwice()
        #expect(cache.hits == 2)
        #expect(targets(cached)[3] == .asset(path: "outcomes/chart.png"))
        #expect(targets(cached) == targets(fresh))
        #expect(cached.diagnostics == fresh.diagnostics)
    }

    /// Given the stamps a watcher saw, a file whose stamp is unchanged is taken from the
    /// cache without being read (so an edit that kept the stamp is not seen, exactly as
    /// the watcher would not see it), and a new stamp means reading it again.
    @Test func aFileWithTheStampItWasReadWithIsNotReadAgain() throws {
        let root = TestSupport.ledger(Self.files)
        let cache = ParseCache()
        func stamps() -> [String: FileSystem.Stamp] {
            Dictionary(uniqueKeysWithValues: FileSystem.stampedFiles(under: root.appendingPathComponent("outcomes").path).map { ("outcomes/" + $0.path, $0.stamp) })
        }
        func compile(_ stamps: [String: FileSystem.Stamp]?) throws -> Compilation {
            var options = LedgerCompiler.Options(today: CalendarDate("2026-11-01")!, cache: cache)
            options.stamps = stamps
            return try LedgerCompiler.compile(root: root.path, options: options)
        }
        _ = try compile(nil)
        let seen = stamps()
        _ = try compile(seen)
        #expect(cache.hits == 3, "read once more to learn the stamps")

        let file = root.appendingPathComponent("outcomes/c.md")
        try RuleExample.file(body: "## Done when\n- [ ] 10 artists upload by 2027-01-31\n\n## How\nAsk them.")
            .write(to: file, atomically: true, encoding: .utf8)
        let unread = try compile(seen)
        #expect(cache.hits == 3)
        #expect(unread.ledger.outcome(withID: "c")?.done?.items.isEmpty == true, "the old stamp: not read")

        let read = try compile(stamps())
        #expect(cache.hits == 2)
        #expect(read.ledger.outcome(withID: "c")?.done?.items.count == 1)
        #expect(read.diagnostics == (try Self.compile(root, cache: nil)).diagnostics)
    }

    /// The roster is parsed once while its text stays the same, and again when it changes.
    @Test func theRosterIsParsedAgainOnlyWhenItChanges() throws {
        var files = Self.files
        files["people.yml"] = "ana: {name: Ana Sousa}\nli: {name: Li Wei}\n"
        let root = TestSupport.ledger(files)
        let cache = ParseCache()
        func names(_ compilation: Compilation) -> [String] { compilation.ledger.people?.map(\.name) ?? [] }
        #expect(names(try Self.compile(root, cache: cache)) == ["Ana Sousa", "Li Wei"])
        #expect(names(try Self.compile(root, cache: cache)) == ["Ana Sousa", "Li Wei"])
        try "ana: {name: Ana S., mail: a@example.com}\nli: {name: Li Wei}\n"
            .write(to: root.appendingPathComponent("people.yml"), atomically: true, encoding: .utf8)
        let edited = try Self.compile(root, cache: cache)
        #expect(names(edited) == ["Ana S.", "Li Wei"])
        #expect(edited.diagnostics.contains { $0.location.file == "people.yml" && $0.message.contains("`mail`") })
        #expect(edited.diagnostics == (try Self.compile(root, cache: nil)).diagnostics)
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

/// The parse cache as a file kept with the site: what it restores is exactly what parsing
/// gives, and a file that is not exactly right is never trusted.
struct ParseCacheFileTests {
    static func compile(_ root: String, cache: ParseCache?) throws -> Compilation {
        try LedgerCompiler.compile(root: root, options: .init(today: CalendarDate("2026-11-01")!, cache: cache))
    }

    /// A cache file written after compiling `root`.
    static func cacheFile(for root: String) throws -> [UInt8] {
        let cache = ParseCache()
        _ = try compile(root, cache: cache)
        return try #require(cache.fileContents())
    }

    /// Everything an outcome holds, field by field, for comparing two compilations.
    static func dumped(_ compilation: Compilation) -> String {
        var text = ""
        for outcome in compilation.ledger.outcomes {
            dump(outcome, to: &text)
            text += "body: \(outcome.body)\n"
        }
        return text
    }

    /// Compiles with a cache restored from `bytes`; returns the compilation and the hits.
    static func compileRestoring(_ bytes: [UInt8], root: String) throws -> (Compilation, Int) {
        let cache = ParseCache()
        cache.restore(from: bytes)
        let compilation = try compile(root, cache: cache)
        return (compilation, cache.hits)
    }

    @Test(arguments: ["music-app", "broken", "ai-builder-pods"])
    func restoredOutcomesAreExactlyWhatParsingGives(example: String) throws {
        let root = TestSupport.repositoryRoot.appendingPathComponent("examples/\(example)").path
        let fresh = try Self.compile(root, cache: nil)
        let inMemory = ParseCache()
        _ = try Self.compile(root, cache: inMemory)
        _ = try Self.compile(root, cache: inMemory)
        let (restored, hits) = try Self.compileRestoring(try Self.cacheFile(for: root), root: root)
        #expect(hits == inMemory.hits)
        #expect(hits > 0)
        #expect(Self.dumped(restored) == Self.dumped(fresh))
        #expect(restored.diagnostics == fresh.diagnostics)
    }

    @Test func anEditedFileIsParsedAgainAndTheRestComeFromTheFile() throws {
        let root = TestSupport.ledger(ParseCacheTests.files)
        let file = try Self.cacheFile(for: root.path)
        try RuleExample.file(body: "## Done when\n- [x] 10 artists upload by 2027-01-31\n\n## How\nAsk them.")
            .write(to: root.appendingPathComponent("outcomes/c.md"), atomically: true, encoding: .utf8)
        let (restored, hits) = try Self.compileRestoring(file, root: root.path)
        #expect(hits == 2)
        let fresh = try Self.compile(root.path, cache: nil)
        #expect(Self.dumped(restored) == Self.dumped(fresh))
        #expect(restored.ledger.outcome(withID: "c")?.done?.checkedCount == 1)
    }

    @Test func otherSettingsMakeTheFileUseless() throws {
        let root = TestSupport.ledger(ParseCacheTests.files)
        let file = try Self.cacheFile(for: root.path)
        try "done_heading: Finished when\n".write(to: root.appendingPathComponent("ledger.yml"), atomically: true, encoding: .utf8)
        let (restored, hits) = try Self.compileRestoring(file, root: root.path)
        #expect(hits == 0)
        #expect(restored.diagnostics == (try Self.compile(root.path, cache: nil)).diagnostics)
    }

    /// Every truncation, a flipped bit in every byte of a sample, another format's magic
    /// and version, and bytes from elsewhere: each is ignored whole, and the compilation is
    /// the one parsing afresh gives.
    @Test func corruptedTruncatedAndForeignFilesAreIgnored() throws {
        let root = TestSupport.ledger(ParseCacheTests.files)
        let file = try Self.cacheFile(for: root.path)
        let fresh = Self.dumped(try Self.compile(root.path, cache: nil))
        var damaged: [[UInt8]] = []
        for length in stride(from: 0, to: file.count, by: max(1, file.count / 400)) { damaged.append(Array(file[..<length])) }
        for offset in stride(from: 0, to: file.count, by: max(1, file.count / 400)) {
            var flipped = file
            flipped[offset] ^= 0x10
            damaged.append(flipped)
        }
        var otherVersion = file
        otherVersion[ParseCacheFile.magic.count] &+= 2
        damaged.append(otherVersion)
        damaged.append(Array("outcomes parse cache\n".utf8) + Array(repeating: 0xFF, count: 64))
        damaged.append(Array("<!DOCTYPE html><p>not a cache</p>\n".utf8))
        damaged.append(file + [0])
        for bytes in damaged {
            let (restored, hits) = try Self.compileRestoring(bytes, root: root.path)
            #expect(hits == 0)
            #expect(Self.dumped(restored) == fresh)
        }
    }

    /// Well-formed bytes that a different binary wrote (another version, size or date of
    /// `outcomes`) are not trusted either.
    @Test func aFileFromAnotherBinaryIsIgnored() throws {
        let root = TestSupport.ledger(ParseCacheTests.files)
        let file = try Self.cacheFile(for: root.path)
        let identity = Array(ToolVersion.executableIdentity.utf8)
        let start = try #require((0...(file.count - identity.count)).first { file[$0..<($0 + identity.count)].elementsEqual(identity) })
        var foreign = file
        foreign[start] = foreign[start] == UInt8(ascii: "9") ? UInt8(ascii: "8") : UInt8(ascii: "9")
        #expect(try Self.compileRestoring(foreign, root: root.path).1 == 0)
        #expect(try Self.compileRestoring(file, root: root.path).1 == 3)
    }

    /// The same ledger gives the same cache file, byte for byte, however it was parsed.
    @Test func theFileIsTheSameWhetherParsedOrRestored() throws {
        let root = TestSupport.repositoryRoot.appendingPathComponent("examples/music-app").path
        let file = try Self.cacheFile(for: root)
        let cache = ParseCache()
        cache.restore(from: file)
        _ = try Self.compile(root, cache: cache)
        #expect(cache.hits > 0)
        #expect(cache.fileContents() == file)
    }
}
