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
            _ = FileManager.default.createFile(atPath: folder.appendingPathComponent(name).path, contents: nil)
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

    /// Files are read whole whatever their size, held to the limit, and a file whose size
    /// the kernel does not know in advance (`/proc`) is read to its end all the same.
    @Test func readTakesWholeFilesOfEverySize() throws {
        let folder = TestSupport.temporaryFolder()
        for size in [0, 1, 4095, 65_536, 200_001] {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) }
            let path = folder.appendingPathComponent("f\(size)").path
            try FileSystem.write(bytes, to: path)
            #expect(try FileSystem.read(path).get() == bytes, "\(size) bytes")
            if size > 0 {
                #expect(throws: FileSystem.ReadFailure.self) { try FileSystem.read(path, limit: size - 1).get() }
            }
        }
        #if os(Linux)
        let status = try FileSystem.read("/proc/self/status").get()
        #expect(status.count > 100 && status.last == 0x0A, "\(status.count) bytes")
        #endif
    }
}

/// The listing the build uses to know what a site folder holds.
struct FolderListingTests {
    /// Files at every depth (the walk hands the folders two levels down to other cores),
    /// hidden ones, names with spaces and non-ASCII letters, and empty folders.
    static func tree() throws -> URL {
        let root = TestSupport.temporaryFolder()
        let files = ["top.txt": 1, ".hidden": 2, "a/one.html": 3, "a/b/two.html": 4, "a/b/c/three.html": 5,
                     "a/b/c/d/e/four.html": 6, "people/Zoë Ng/index.html": 7, "outcomes/x/index.html": 8,
                     "outcomes/y/index.html": 9]
        for (path, size) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(repeating: 0x61, count: size).write(to: url)
        }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("empty/inside"), withIntermediateDirectories: true)
        return root
    }

    static func sorted(_ files: [(String, Int)]?) -> [String]? {
        files.map { $0.map { "\($0.0) \($0.1)" }.sorted() }
    }

    @Test func listsEveryRegularFileWithItsSize() throws {
        let root = try Self.tree()
        let expected = ["top.txt 1", ".hidden 2", "a/one.html 3", "a/b/two.html 4", "a/b/c/three.html 5",
                        "a/b/c/d/e/four.html 6", "people/Zoë Ng/index.html 7", "outcomes/x/index.html 8",
                        "outcomes/y/index.html 9"].sorted()
        #expect(Self.sorted(FileSystem.fileSizesOnAllCores(under: root.path, followingLinks: false)) == expected)
        #expect(Self.sorted(FileSystem.fileSizesOnAllCores(under: root.path, followingLinks: true)) == expected)
        #expect(Self.sorted(FileSystem.fileSizesOnAllCores(under: root.path + "/missing", followingLinks: false)) == [])
    }

    /// A link at any depth: followed when asked, else the listing gives up (a spare site
    /// holding one is not reused).
    @Test func linksAreFollowedOrRefused() throws {
        for place in ["link", "a/link", "a/b/link", "a/b/c/link"] {
            let root = try Self.tree()
            try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent(place).path,
                                                       withDestinationPath: root.appendingPathComponent("top.txt").path)
            #expect(FileSystem.fileSizesOnAllCores(under: root.path, followingLinks: false) == nil, "\(place)")
            #expect(Self.sorted(FileSystem.fileSizesOnAllCores(under: root.path, followingLinks: true))?.contains("\(place) 1") == true)
        }
        let root = try Self.tree()
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("a/b/folder").path,
                                                   withDestinationPath: root.appendingPathComponent("outcomes").path)
        #expect(Self.sorted(FileSystem.fileSizesOnAllCores(under: root.path, followingLinks: true))?.contains("a/b/folder/x/index.html 8") == true)
        #expect(FileSystem.fileSizesOnAllCores(under: root.path, followingLinks: false) == nil)
    }

    /// What `serve` watches and templates are read from: hidden files and READMEs left
    /// out, links followed, special files and nests deeper than 8 left out, in byte order
    /// folder by folder; each stamp is what `stat` says, and an edit changes it.
    @Test func watchedFilesAndTheirStamps() throws {
        let root = try Self.tree()
        try "readme".write(to: root.appendingPathComponent("a/README.md"), atomically: true, encoding: .utf8)
        #expect(mkfifo(root.appendingPathComponent("a/pipe").path, 0o600) == 0)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("a/linked.txt").path,
                                                   withDestinationPath: root.appendingPathComponent("top.txt").path)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("a/b/folder").path,
                                                   withDestinationPath: root.appendingPathComponent("outcomes").path)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("a/broken").path, withDestinationPath: "/no/such/file")
        let deep = (0..<9).map { "n\($0)" }.joined(separator: "/")
        try FileManager.default.createDirectory(at: root.appendingPathComponent(deep), withIntermediateDirectories: true)
        try "deep".write(to: root.appendingPathComponent("n0/n1/n2/n3/n4/n5/n6/shallow.txt"), atomically: true, encoding: .utf8)
        try "deep".write(to: root.appendingPathComponent(deep + "/too-deep.txt"), atomically: true, encoding: .utf8)

        let expected = ["a/b/c/d/e/four.html", "a/b/c/three.html", "a/b/folder/x/index.html", "a/b/folder/y/index.html",
                        "a/b/two.html", "a/linked.txt", "a/one.html", "n0/n1/n2/n3/n4/n5/n6/shallow.txt",
                        "outcomes/x/index.html", "outcomes/y/index.html", "people/Zoë Ng/index.html", "top.txt"]
        #expect(FileSystem.files(under: root.path) == expected)
        let stamped = FileSystem.stampedFiles(under: root.path)
        #expect(stamped.map(\.path) == expected)
        for (path, stamp) in stamped {
            var info = stat()
            #expect(stat(root.appendingPathComponent(path).path, &info) == 0)
            #expect(stamp == FileSystem.Stamp(size: Int(info.st_size), modified: Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)))
        }
        let file = root.appendingPathComponent("a/one.html")
        let handle = try FileHandle(forWritingTo: file)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("more".utf8))
        try handle.close()
        let after = Dictionary(uniqueKeysWithValues: FileSystem.stampedFiles(under: root.path).map { ($0.path, $0.stamp) })
        #expect(after["a/one.html"]?.size == 7)
        #expect(FileSystem.files(under: root.path + "/missing").isEmpty)
    }

    @Test func aSpecialFileOrADeepNestIsRefusedWhenNotFollowingLinks() throws {
        let root = try Self.tree()
        #expect(mkfifo(root.appendingPathComponent("a/b/c/pipe").path, 0o600) == 0)
        #expect(FileSystem.fileSizesOnAllCores(under: root.path, followingLinks: false) == nil)
        #expect(Self.sorted(FileSystem.fileSizesOnAllCores(under: root.path, followingLinks: true))?.count == 9)

        let deep = try Self.tree()
        let nested = (0..<17).map { "n\($0)" }.joined(separator: "/")
        try FileManager.default.createDirectory(at: deep.appendingPathComponent(nested), withIntermediateDirectories: true)
        #expect(FileSystem.fileSizesOnAllCores(under: deep.path, followingLinks: false) == nil)
        #expect(Self.sorted(FileSystem.fileSizesOnAllCores(under: deep.path, followingLinks: true))?.count == 9)
    }
}
