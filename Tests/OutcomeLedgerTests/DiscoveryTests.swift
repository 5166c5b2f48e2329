import Foundation
import Testing
@testable import OutcomeLedger

/// Which files are outcomes, in which order.
struct DiscoveryTests {
    @Test func findsMarkdownRecursivelyInByteOrderSkippingDotAndUnderscore() throws {
        let root = TestSupport.ledger([
            "outcomes/b.md": "", "outcomes/a/z.md": "", "outcomes/a/B.md": "", "outcomes/notes.txt": "",
            "outcomes/.git/x.md": "", "outcomes/_drafts/y.md": "", "outcomes/_skip.md": "", "outcomes/.skip.md": "",
            "elsewhere.md": "",
        ])
        let found = try #require(try LedgerDiscovery(root: root.path).outcomeFiles(in: "outcomes"))
        #expect(found.outcomeFiles == ["outcomes/a/B.md", "outcomes/a/z.md", "outcomes/b.md"])
        #expect(found.diagnostics.isEmpty)
    }

    @Test func symlinkedFoldersInsideTheRootAreFollowedOnce() throws {
        let root = TestSupport.ledger(["shared/x.md": RuleExample.file(), "outcomes/a.md": RuleExample.file()])
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("outcomes/shared").path,
                                                   withDestinationPath: "../shared")
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("outcomes/shared-again").path,
                                                   withDestinationPath: "../shared")
        let found = try #require(try LedgerDiscovery(root: root.path).outcomeFiles(in: "outcomes"))
        #expect(found.outcomeFiles == ["outcomes/a.md", "outcomes/shared/x.md"])
    }

    /// readdir's records vary in length; reading one as a whole `dirent` could touch
    /// memory past the end of the buffer (it crashed builds in large folders such as /tmp).
    @Test func listingLargeFoldersReadsEveryNameAndNothingElse() throws {
        let folder = TestSupport.temporaryFolder()
        var expected: Set<String> = []
        for index in 0..<4000 {
            let name = String(repeating: "n", count: 1 + index % 200) + "-\(index)"
            expected.insert(name)
            FileManager.default.createFile(atPath: folder.appendingPathComponent(name).path, contents: nil)
        }
        for _ in 0..<20 {
            #expect(Set(FileSystem.entries(of: folder.path)) == expected)
        }
    }

    @Test func readReturnsBytesOrTheReason() throws {
        let root = TestSupport.ledger(["outcomes/a.md": "héllo"])
        let discovery = try LedgerDiscovery(root: root.path)
        #expect(try discovery.read("outcomes/a.md").get() == Array("héllo".utf8))
        #expect(throws: LedgerDiscovery.ReadFailure.self) { try discovery.read("outcomes/none.md").get() }
    }
}
