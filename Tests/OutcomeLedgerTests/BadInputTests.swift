import Foundation
import Testing
@testable import OutcomeLedger

/// Hostile and accidental input: each gets a located diagnostic, never a crash or a hang.
struct BadInputTests {
    /// Compiles one outcome file given as bytes and returns the diagnostics about it.
    func diagnostics(for bytes: [UInt8]) throws -> [Diagnostic] {
        let compilation = try TestSupport.compile(TestSupport.ledger(bytes: [RuleExample.mainFile: bytes]))
        return compilation.diagnostics.filter { $0.location.file == RuleExample.mainFile }
    }

    func diagnostics(for text: String) throws -> [Diagnostic] {
        try diagnostics(for: Array(text.utf8))
    }

    @Test func emptyFile() throws {
        let found = try diagnostics(for: "")
        #expect(found.map(\.rule) == ["front-matter-missing"])
        #expect(found.first?.position == "outcomes/example.md:1:1")
    }

    @Test func frontMatterNeverClosed() throws {
        let found = try diagnostics(for: "---\ntitle: Grow artists\nowner: ana\n\n## Done when\n- [ ] 5 artists\n")
        #expect(found.map(\.rule) == ["front-matter-missing"])
        #expect(found[0].message.contains("never closed"))
    }

    @Test func notUTF8IsLocatedAtTheFirstBadByte() throws {
        let found = try diagnostics(for: Array("---\ntitle: Caf".utf8) + [0xE9] + Array(" noir\n---\n".utf8))
        #expect(found.map(\.rule) == ["file-unreadable"])
        #expect(found[0].position == "outcomes/example.md:2:11")
        #expect(found[0].message.contains("0xE9"))
    }

    @Test func truncatedAndOverlongSequencesAreNotUTF8() {
        #expect(SourceText.firstInvalidUTF8Offset([0x61, 0xC3][...]) == 1)
        #expect(SourceText.firstInvalidUTF8Offset([0xC0, 0xAF][...]) == 0)
        #expect(SourceText.firstInvalidUTF8Offset([0xED, 0xA0, 0x80][...]) == 0)
        #expect(SourceText.firstInvalidUTF8Offset(Array("é≥😀".utf8)[...]) == nil)
    }

    @Test func nulBytesAreLocated() throws {
        let found = try diagnostics(for: "---\ntitle: Grow\n---\n## Done when\n- [ ] 5 a\u{0}rtists\n")
        #expect(found.map(\.rule) == ["file-unreadable"])
        #expect(found[0].position == "outcomes/example.md:5:10")
    }

    @Test func tabsInYAML() throws {
        let found = try diagnostics(for: "---\ntitle: Grow\npod:\n\tana: builder\n---\n")
        #expect(found.map(\.rule) == ["front-matter-syntax"])
        #expect(found[0].position == "outcomes/example.md:4:1")
        #expect(found[0].hint?.contains("tabs") == true)
    }

    @Test func anchorsAndAliasesAreRefused() throws {
        let found = try diagnostics(for: "---\ntitle: &t Grow\nowner: ana\nx-again: *t\n---\n")
        #expect(found.map(\.rule) == ["front-matter-syntax"])
        #expect(found[0].position == "outcomes/example.md:2:8")
    }

    @Test func billionLaughsIsRefusedWithoutExpanding() throws {
        var lines = ["---", "title: Laughs", #"a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]"#]
        for level in 1..<12 {
            lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]")
        }
        lines.append("---")
        let root = TestSupport.ledger([RuleExample.mainFile: lines.joined(separator: "\n") + "\n"])
        let run = try TestSupport.run(["check", root.path, "--format", "json"], timeout: 10)
        #expect(run.status == 1)
        #expect(run.standardOutput.contains("anchors and aliases"))
        #expect(run.standardError.isEmpty)
    }

    @Test(arguments: ["[", "{a: ", "- "])
    func deeplyNestedYAMLIsRefused(opener: String) throws {
        let root = TestSupport.ledger([RuleExample.mainFile: "---\ntitle: " + String(repeating: opener, count: 10_000) + "\n---\n"])
        let run = try TestSupport.run(["check", root.path, "--format", "json"], timeout: 10)
        #expect(run.status == 1)
        #expect(run.standardOutput.contains("front-matter-syntax"))
        #expect(run.standardError.isEmpty)
    }

    @Test func duplicateKeys() throws {
        let found = try diagnostics(for: "---\ntitle: Grow\nowner: ana\nowner: li\n---\n")
        #expect(found.map(\.rule) == ["front-matter-syntax"])
        #expect(found[0].message == "duplicate key `owner` in the same mapping")
        #expect(found[0].location.line == 3)
    }

    @Test func yaml11LookalikesStayStrings() throws {
        let compilation = try TestSupport.compile([
            "outcomes/on.md": RuleExample.file("title: no\nowner: 'on'\npod: {'on': [builder, communicator], yes: operator}\ntags: [1.10, 2027-01-15, off]"),
            "people.yml": "'on': {name: On}\n'yes': {name: Yes}\n",
        ])
        #expect(compilation.diagnostics.isEmpty, "\(compilation.diagnostics.map(\.message))")
        let outcome = try #require(compilation.ledger.outcome(withID: "on"))
        #expect(outcome.title?.value == "no")
        #expect(outcome.owner?.value == "on")
        #expect(outcome.pod?.map(\.handle.value) == ["on", "yes"])
        #expect(outcome.tags.map(\.value) == ["1.10", "2027-01-15", "off"])
    }

    @Test func aDirectoryNamedLikeAnOutcomeIsWalkedAsAFolder() throws {
        let root = TestSupport.ledger(["outcomes/folder.md/inside.md": RuleExample.file()])
        let compilation = try TestSupport.compile(root)
        #expect(compilation.fileCount == 1)
        #expect(compilation.ledger.outcomes.map(\.file) == ["outcomes/folder.md/inside.md"])
        #expect(compilation.diagnostics.isEmpty)
    }

    @Test func unreadableFiles() throws {
        let root = TestSupport.ledger([:])
        let outcomes = root.appendingPathComponent("outcomes")
        try FileManager.default.createSymbolicLink(atPath: outcomes.appendingPathComponent("gone.md").path,
                                                   withDestinationPath: "missing.md")
        let locked = outcomes.appendingPathComponent("locked.md")
        try RuleExample.file().write(to: locked, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: locked.path)
        mkfifo(outcomes.appendingPathComponent("pipe.md").path, 0o644)

        let run = try TestSupport.run(["check", root.path, "--format", "json"], timeout: 10)
        #expect(run.status == 1)
        let compilation = try TestSupport.compile(root)
        let unreadable = compilation.diagnostics("file-unreadable").map(\.position)
        #expect(unreadable.contains("outcomes/gone.md:1:1"))
        #expect(unreadable.contains("outcomes/pipe.md:1:1"))
        // Root reads everything, so a locked file is only unreadable for other users.
        if getuid() != 0 {
            #expect(unreadable.contains("outcomes/locked.md:1:1"))
        }
    }

    @Test func symlinkLoopsEnd() throws {
        let root = TestSupport.ledger(["outcomes/a.md": RuleExample.file()])
        let outcomes = root.appendingPathComponent("outcomes")
        try FileManager.default.createSymbolicLink(atPath: outcomes.appendingPathComponent("again").path,
                                                   withDestinationPath: ".")
        try FileManager.default.createSymbolicLink(atPath: outcomes.appendingPathComponent("self.md").path,
                                                   withDestinationPath: "self.md")
        let run = try TestSupport.run(["check", root.path, "--format", "json"], timeout: 10)
        #expect(run.status == 1)
        let compilation = try TestSupport.compile(root)
        #expect(compilation.ledger.outcomes.map(\.file) == ["outcomes/a.md"])
        #expect(compilation.diagnostics.map(\.position) == ["outcomes/self.md:1:1"])
    }

    @Test func symlinksOutsideTheRootAreSkippedWithAWarning() throws {
        let outside = TestSupport.temporaryFolder()
        try RuleExample.file().write(to: outside.appendingPathComponent("secret.md"), atomically: true, encoding: .utf8)
        let root = TestSupport.ledger(["outcomes/a.md": RuleExample.file()])
        let outcomes = root.appendingPathComponent("outcomes")
        try FileManager.default.createSymbolicLink(atPath: outcomes.appendingPathComponent("secret.md").path,
                                                   withDestinationPath: outside.appendingPathComponent("secret.md").path)
        try FileManager.default.createSymbolicLink(atPath: outcomes.appendingPathComponent("elsewhere").path,
                                                   withDestinationPath: outside.path)
        let compilation = try TestSupport.compile(root)
        #expect(compilation.ledger.outcomes.map(\.file) == ["outcomes/a.md"])
        #expect(compilation.diagnostics.map(\.rule) == ["link-outside-root", "link-outside-root"])
        #expect(compilation.diagnostics.allSatisfy { $0.severity == .warning })
        #expect(compilation.errorCount == 0)
    }

    @Test func aWholeCorpusOfBadInputNeverCrashesTheBinary() throws {
        let root = TestSupport.ledger(bytes: [
            "outcomes/empty.md": [],
            "outcomes/unclosed.md": Array("---\ntitle: x\n".utf8),
            "outcomes/latin1.md": [0x2D, 0x2D, 0x2D, 0x0A, 0xE9, 0x0A],
            "outcomes/nul.md": [0x2D, 0x2D, 0x2D, 0x0A, 0x00, 0x0A, 0x2D, 0x2D, 0x2D, 0x0A],
            "outcomes/list.md": Array("---\n- a\n- b\n---\n".utf8),
            "outcomes/scalar.md": Array("---\njust text\n---\n".utf8),
            "outcomes/keys.md": Array("---\n[a]: b\n? {c: d}\n: e\n---\n".utf8),
            "outcomes/types.md": Array("---\ntitle: {a: b}\nowner: [x]\npod: [a, b]\nstatus: [active]\ntags: {a: b}\n---\n".utf8),
            "outcomes/pod.md": Array("---\ntitle: x\nowner: a\npod: {a: {b: c}, 'not a handle': builder, c: , d: []}\n---\n".utf8),
            "outcomes/crlf-only.md": Array("---\r\r\r---".utf8),
            "outcomes/bom-only.md": [0xEF, 0xBB, 0xBF],
            "outcomes/.hidden.md": Array("not read".utf8),
            "outcomes/_draft.md": Array("not read".utf8),
        ])
        let run = try TestSupport.run(["check", root.path], timeout: 10)
        #expect(run.status == 1)
        #expect(run.standardError.isEmpty)
        #expect(run.standardOutput.hasSuffix("in 11 files\n"))
    }
}
