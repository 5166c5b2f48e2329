import Foundation
import Testing
@testable import OutcomeLedger
@testable import OutcomeServer
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `outcomes serve` run for real on a loopback port: pages, rebuilds, the errors page, and
/// nothing left behind.
@Suite(.serialized)
struct ServeTests {
    /// A running `outcomes serve`, stopped with SIGINT when the test is done.
    final class Server {
        let process = Process()
        let url: URL
        let output: URL
        let errors: URL

        init(root: URL, arguments: [String] = [], environment: [String: String] = [:]) throws {
            let folder = TestSupport.temporaryFolder()
            output = folder.appendingPathComponent("stdout")
            errors = folder.appendingPathComponent("stderr")
            _ = FileManager.default.createFile(atPath: output.path, contents: nil)
            _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
            process.executableURL = TestSupport.binary
            process.arguments = ["serve", root.path, "--port", "0"] + arguments
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
            process.standardOutput = try FileHandle(forWritingTo: output)
            process.standardError = try FileHandle(forWritingTo: errors)
            try process.run()
            var found: URL?
            for _ in 0..<100 where found == nil {
                usleep(100_000)
                let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
                found = text.split(separator: " ").first { $0.hasPrefix("http://") }.flatMap { URL(string: String($0)) }
            }
            guard let found else {
                process.terminate()
                throw CocoaError(.fileReadUnknown)
            }
            url = found
        }

        func stop() -> Int32 {
            kill(process.processIdentifier, SIGINT)
            process.waitUntilExit()
            return process.terminationStatus
        }

        func get(_ path: String) throws -> (status: Int, body: String) {
            let (status, body) = try getData(path)
            return (status, String(decoding: body, as: UTF8.self))
        }

        func getData(_ path: String) throws -> (status: Int, body: Data) {
            let semaphore = DispatchSemaphore(value: 0)
            nonisolated(unsafe) var result: (Int, Data) = (0, Data())
            let task = URLSession.shared.dataTask(with: URL(string: path, relativeTo: url)!) { data, response, _ in
                result = ((response as? HTTPURLResponse)?.statusCode ?? 0, data ?? Data())
                semaphore.signal()
            }
            task.resume()
            _ = semaphore.wait(timeout: .now() + 10)
            return result
        }

        /// A request written byte for byte, so nothing normalises `..` on the way.
        func rawStatus(_ target: String) -> Int {
            let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            defer { close(socket) }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(url.port!).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard connected == 0 else { return 0 }
            let request = "GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
            _ = request.withCString { send(socket, $0, strlen($0), 0) }
            var buffer = [UInt8](repeating: 0, count: 64)
            let count = recv(socket, &buffer, buffer.count, 0)
            guard count > 12 else { return 0 }
            return Int(String(decoding: buffer[9..<12], as: UTF8.self)) ?? 0
        }
    }

    static func copyOfMusicApp() throws -> URL {
        let copy = TestSupport.temporaryFolder().appendingPathComponent("music-app")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: TestSupport.example("music-app")), to: copy)
        try? FileManager.default.removeItem(at: copy.appendingPathComponent("_site"))
        return copy
    }

    /// Polls until `condition` holds or `seconds` pass.
    static func eventually(_ seconds: Double = 8, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try condition() { return true }
            usleep(200_000)
        }
        return false
    }

    @Test func servesPagesAndRebuildsOnChange() throws {
        let root = try Self.copyOfMusicApp()
        let server = try Server(root: root)
        defer { _ = server.stop() }
        let index = try server.get("/")
        #expect(index.status == 200)
        #expect(index.body.contains("<h1>Music app</h1>"))
        #expect(index.body.contains("<script src=\"\(PreviewPages.scriptPath)\"></script>"))
        let page = try server.get("/outcomes/retain-users/index.html")
        #expect(page.status == 200)
        #expect(page.body.contains("Listeners are still listening after week 4"))
        #expect(try server.get(PreviewPages.scriptPath).body.contains("location.reload()"))
        let version = try server.get(PreviewPages.versionPath).body

        let file = root.appendingPathComponent("outcomes/retain-users.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "title: Listeners are still listening after week 4",
                                      with: "title: Listeners stay past week 4").write(to: file, atomically: true, encoding: .utf8)
        #expect(try Self.eventually { try server.get("/outcomes/retain-users/index.html").body.contains(">Listeners stay past week 4</h1>") })
        #expect(try server.get(PreviewPages.versionPath).body != version)
    }

    /// A picture a body links to outside the watched folders (a root `assets/` folder) is
    /// published as soon as it appears, and a change to a linked SVG the site refused is
    /// seen too, without a save of the outcome.
    @Test func aLinkedFileThatAppearsAnywhereIsPublishedAtOnce() throws {
        let root = TestSupport.ledger([
            RuleExample.mainFile: RuleExample.file(body: RuleExample.standardBody
                + "\n\n![chart](../assets/chart.png) and ![diagram](../docs/diagram.svg)"),
            "docs/diagram.svg": #"<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"#,
        ])
        let server = try Server(root: root)
        defer { _ = server.stop() }
        let page = "/outcomes/example/index.html"
        #expect(try server.get(page).body.contains(#"src="../assets/chart.png""#))
        #expect(try server.get("/files/assets/chart.png").status == 404)

        try FileManager.default.createDirectory(at: root.appendingPathComponent("assets"), withIntermediateDirectories: true)
        try Data("PNG".utf8).write(to: root.appendingPathComponent("assets/chart.png"))
        #expect(try Self.eventually { try server.get(page).body.contains(#"src="../../files/assets/chart.png""#) })
        #expect(try server.get("/files/assets/chart.png").status == 200)

        try Data(#"<svg xmlns="http://www.w3.org/2000/svg"><rect width="9" height="9"/></svg>"#.utf8)
            .write(to: root.appendingPathComponent("docs/diagram.svg"))
        #expect(try Self.eventually { try server.get(page).body.contains(#"src="../../files/docs/diagram.svg""#) })
    }

    /// The page's script waits on `version?after=`: the answer comes when the next build
    /// is ready, not at the end of the wait, and a stop is not held up by a waiting page.
    @Test func aWaitingPageHearsOfTheNextBuildAtOnce() throws {
        let root = try Self.copyOfMusicApp()
        let server = try Server(root: root)
        defer { _ = server.stop() }
        #expect(try server.get(PreviewPages.scriptPath).body.contains("?after="))
        let version = try server.get(PreviewPages.versionPath).body
        let started = Date()
        #expect(try server.get("\(PreviewPages.versionPath)?after=\(version)").body == version, "nothing changed: answered at the end of the wait")
        #expect(Date().timeIntervalSince(started) > 5)

        let file = root.appendingPathComponent("outcomes/retain-users.md")
        DispatchQueue.global().asyncAfter(deadline: .now() + 1) {
            let text = try? String(contentsOf: file, encoding: .utf8)
            try? text?.replacingOccurrences(of: "title: Listeners are still listening after week 4",
                                            with: "title: Listeners stay past week 4").write(to: file, atomically: true, encoding: .utf8)
        }
        let waited = Date()
        let next = try server.get("\(PreviewPages.versionPath)?after=\(version)").body
        #expect(next != version)
        #expect(Date().timeIntervalSince(waited) < 5)
        #expect(try server.get("/outcomes/retain-users/index.html").body.contains(">Listeners stay past week 4</h1>"))

        // A page still waiting does not keep Ctrl-C from stopping the server.
        let latest = try server.get(PreviewPages.versionPath).body
        nonisolated(unsafe) let waiting = server
        DispatchQueue.global().async { _ = try? waiting.get("\(PreviewPages.versionPath)?after=\(latest)") }
        usleep(200_000)
        let stopping = Date()
        #expect(server.stop() == 0)
        #expect(Date().timeIntervalSince(stopping) < 5)
    }

    /// The kernel's word ends the watch loop's wait at once: a file written in a subfolder,
    /// a file saved by renaming over it, and a file in a folder made after watching began.
    @Test func aChangeEndsTheWaitAtOnce() async throws {
        let root = TestSupport.ledger(["outcomes/team/a.md": "one", "ledger.yml": "title: T\n"])
        let watcher = LedgerWatcher(root: root.path, extraFolders: [])
        let signal = try #require(watcher.signal(outcomesFolder: "outcomes"))
        func timeToWake(after change: @escaping @Sendable () -> Void) async -> Duration {
            let started = ContinuousClock.now
            DispatchQueue.global().asyncAfter(deadline: .now() + 0.2, execute: change)
            await signal.wait(upTo: .seconds(5))
            return ContinuousClock.now - started
        }
        let quiet = ContinuousClock.now
        await signal.wait(upTo: .milliseconds(300))
        #expect(ContinuousClock.now - quiet >= .milliseconds(250), "nothing changed: waits its time")
        let folder = root.appendingPathComponent("outcomes")
        #expect(await timeToWake { try? "two".write(to: folder.appendingPathComponent("team/a.md"), atomically: false, encoding: .utf8) } < .seconds(2))
        #expect(await timeToWake { try? "three".write(to: folder.appendingPathComponent("team/a.md"), atomically: true, encoding: .utf8) } < .seconds(2))
        #expect(await timeToWake { try? FileManager.default.createDirectory(at: folder.appendingPathComponent("new"), withIntermediateDirectories: true) } < .seconds(2))
        #expect(await timeToWake { try? "four".write(to: folder.appendingPathComponent("new/b.md"), atomically: false, encoding: .utf8) } < .seconds(2))
        #expect(await timeToWake { try? "title: U\n".write(to: root.appendingPathComponent("ledger.yml"), atomically: true, encoding: .utf8) } < .seconds(2))
    }

    /// The kernel names the files a save touched, and the watch looks at just those: the
    /// snapshot it updates is the one a full look would take. Folders made or removed, and
    /// anything unnamed, ask for the full look.
    @Test func theWatchLooksAtTheFilesTheKernelNames() async throws {
        let root = TestSupport.ledger([
            "outcomes/team/a.md": "one", "outcomes/b.md": "two", "ledger.yml": "title: T\n", "templates/page.mustache": "x",
        ])
        let watcher = LedgerWatcher(root: root.path, extraFolders: [])
        let signal = try #require(watcher.signal(outcomesFolder: "outcomes"))
        var last = watcher.snapshot(outcomesFolder: "outcomes")
        let folder = root.appendingPathComponent("outcomes")
        func write(_ text: String, _ path: String) { try? text.write(to: root.appendingPathComponent(path), atomically: false, encoding: .utf8) }
        let edits: [(String, () -> Void)] = [
            ("a save", { write("one, edited", "outcomes/team/a.md") }),
            ("a save by renaming over", { try? "two, edited".write(to: folder.appendingPathComponent("b.md"), atomically: true, encoding: .utf8) }),
            ("a new file", { write("three", "outcomes/team/c.md") }),
            ("a removed file", { try? FileManager.default.removeItem(at: folder.appendingPathComponent("b.md")) }),
            ("the settings", { write("title: U\n", "ledger.yml") }),
            ("a template", { write("y", "templates/page.mustache") }),
            ("files a snapshot leaves out", { write("swap", "outcomes/.a.md.swp"); write("read me", "outcomes/team/README.md") }),
        ]
        for (edit, change) in edits {
            _ = await signal.wait(upTo: .milliseconds(1))
            change()
            let reported = await signal.wait(upTo: .seconds(5))
            guard case .files(let files) = reported else {
                Issue.record("\(edit): \(reported)")
                continue
            }
            let updated = watcher.updating(last, files: files, outcomesFolder: "outcomes")
            #expect(updated == watcher.snapshot(outcomesFolder: "outcomes"), "\(edit)")
            #expect((updated != last) == (edit != "files a snapshot leaves out"), "\(edit)")
            last = updated
        }
        _ = await signal.wait(upTo: .milliseconds(1))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("new"), withIntermediateDirectories: true)
        #expect(await signal.wait(upTo: .seconds(5)) == .anything, "a folder made")
        #expect(await signal.wait(upTo: .milliseconds(300)) == .none, "nothing since")
    }

    /// The files a save's update looks at are those a full snapshot lists.
    @Test func anUpdateListsWhatASnapshotLists() {
        let paths = [
            "outcomes/a.md", "outcomes/1/2/3/4/5/6/7/a.md", "outcomes/1/2/3/4/5/6/7/8/a.md", "outcomes/.a.md.swp",
            "outcomes/.hidden/a.md", "outcomes/team/README.md", "outcomes/README.md/a.md", "outcomes-old/a.md",
            "templates/page.mustache",
        ]
        let root = TestSupport.ledger(Dictionary(uniqueKeysWithValues: paths.map { ($0, "x") }))
        let watcher = LedgerWatcher(root: root.path, extraFolders: [])
        let snapshot = watcher.snapshot(outcomesFolder: "outcomes")
        let folders = watcher.folders(outcomesFolder: "outcomes")
        for path in paths.map({ "\(root.path)/\($0)" }) {
            #expect(folders.contains { LedgerWatcher.lists(path, under: $0) } == (snapshot[path] != nil), "\(path)")
        }
        #expect(snapshot["\(root.path)/outcomes/1/2/3/4/5/6/7/a.md"] != nil)
    }

    /// Moving the watch from one set of unpublished linked files to another gives what a
    /// full look at the new set gives, so the next look finds no change that is not one —
    /// a file the trees list stays, one only linked before goes.
    @Test func watchingOtherLinkedFilesMatchesAFullLook() throws {
        let root = TestSupport.ledger(["outcomes/a.md": "x", "outcomes/chart.png": "PNG", "docs/plan.pdf": "PDF", "docs/old.pdf": "PDF"])
        let watcher = LedgerWatcher(root: root.path, extraFolders: [])
        let before = ["docs/old.pdf", "outcomes/chart.png", "assets/missing.png"]
        let after = ["docs/plan.pdf", "assets/other.png"]
        let moved = watcher.watching(linked: after, insteadOf: before, in: watcher.snapshot(outcomesFolder: "outcomes", linked: before),
                                     outcomesFolder: "outcomes")
        #expect(moved == watcher.snapshot(outcomesFolder: "outcomes", linked: after))
        #expect(moved["\(root.path)/outcomes/chart.png"] != nil && moved["\(root.path)/docs/old.pdf"] == nil)
        #expect(moved["\(root.path)/docs/plan.pdf"] != nil)
    }

    @Test func neverServesOutsideTheSite() throws {
        let server = try Server(root: try Self.copyOfMusicApp())
        defer { _ = server.stop() }
        for target in ["/../", "/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/outcomes/../../x", "/..%2f..%2fetc/passwd"] {
            #expect(server.rawStatus(target) == 404, "\(target)")
        }
        #expect(server.rawStatus("/assets/style.css") == 200)
        #expect(try server.get("/no-such-page.html").status == 404)
    }

    @Test func aBrokenLedgerShowsItsErrors() throws {
        let root = try Self.copyOfMusicApp()
        let server = try Server(root: root)
        defer { _ = server.stop() }
        try "---\ntitle: Broken\n".write(to: root.appendingPathComponent("outcomes/broken.md"), atomically: true, encoding: .utf8)
        #expect(try Self.eventually { try server.get("/").status == 500 })
        let page = try server.get("/outcomes/retain-users/index.html")
        #expect(page.body.contains("The ledger has errors"))
        #expect(page.body.contains("outcomes/broken.md:1:1"))
        try FileManager.default.removeItem(at: root.appendingPathComponent("outcomes/broken.md"))
        #expect(try Self.eventually { try server.get("/").status == 200 })
    }

    /// Pages are made from the build in memory: nothing is written anywhere, even while
    /// serving, and Ctrl-C stops the server with status 0.
    @Test func ctrlCStopsCleanlyAndNothingIsWritten() throws {
        let root = try Self.copyOfMusicApp()
        let before = try BuildTests.files(in: root)
        let temporary = TestSupport.temporaryFolder()
        let server = try Server(root: root, environment: ["TMPDIR": temporary.path])
        #expect(try server.get("/").status == 200)
        #expect(try server.get("/outcomes/retain-users/").status == 200)
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path).isEmpty)
        #expect(server.stop() == 0)
        #expect(try BuildTests.files(in: root) == before)
        #expect(server.rawStatus("/") == 0, "the port is closed")
    }

    /// Every file served is the file `outcomes build` writes, byte for byte; pages only gain
    /// the live-reload script. Folders serve their index.html, as a static host does.
    @Test func servesExactlyWhatBuildWrites() throws {
        let root = try Self.copyOfMusicApp()
        let output = TestSupport.temporaryFolder().appendingPathComponent("site")
        let built = try TestSupport.run(["build", root.path, "--no-history", "--output", output.path])
        #expect(built.status == 0, "\(built.standardError)")
        let files = try BuildTests.files(in: output).filter { !$0.key.hasPrefix(".") }
        #expect(files.count > 25)
        let server = try Server(root: root, arguments: ["--no-history"])
        defer { _ = server.stop() }
        for (path, bytes) in files {
            let encoded = path.split(separator: "/").map { $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)! }.joined(separator: "/")
            let served = try server.getData("/" + encoded)
            #expect(served.status == 200, "\(path)")
            let expected = path.hasSuffix(".html") ? PreviewPages.withLiveReload(Array(bytes)) : Array(bytes)
            #expect(Array(served.body) == expected, "\(path)")
        }
        #expect(try server.getData("/outcomes/retain-users").body == server.getData("/outcomes/retain-users/index.html").body)
    }

    @Test func theLiveReloadScriptWidensOnlyThePolicyAndGoesBeforeTheEnd() {
        let page = """
            <html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self'"></head>
            <body><pre>default-src 'none'; </body></pre>
            </body></html>
            """
        let served = PreviewPages.withLiveReload(page)
        #expect(served.components(separatedBy: "script-src 'self'").count == 2)
        #expect(served.contains("<pre>default-src 'none'; </body></pre>"))
        #expect(served.hasSuffix("<script src=\"\(PreviewPages.scriptPath)\"></script>\n</body></html>"))
        #expect(PreviewPages.withLiveReload("text").hasSuffix("text<script src=\"\(PreviewPages.scriptPath)\"></script>\n"))
    }

    @Test func aPortInUseIsAClearErrorWithExitTwo() throws {
        let holder = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(holder) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(holder, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        listen(holder, 1)
        var bound = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &bound) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(holder, $0, &length) }
        }
        let port = UInt16(bigEndian: bound.sin_port)
        let run = try TestSupport.run(["serve", TestSupport.example("music-app"), "--port", "\(port)"], timeout: 20)
        #expect(run.status == 2)
        #expect(run.standardError.contains("already in use"))
    }

    /// A save prints what it brought, not every standing warning again.
    @Test func aSavePrintsOnlyTheWarningsItBrought() throws {
        let root = try Self.copyOfMusicApp()
        let file = root.appendingPathComponent("outcomes/retain-users.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "- [x] Churn survey", with: "- [ ] Make the app nicer\n- [x] Churn survey")
            .write(to: file, atomically: true, encoding: .utf8)
        let server = try Server(root: root, arguments: ["--no-history"])
        defer { _ = server.stop() }
        func printed() -> String { (try? String(contentsOf: server.errors, encoding: .utf8)) ?? "" }
        func builds() -> Int { printed().components(separatedBy: "Built ").count - 1 }
        #expect(Self.eventually { builds() == 1 })
        #expect(printed().contains("Make the app nicer"))

        // Another file's title: nothing new to say but the totals.
        let other = root.appendingPathComponent("outcomes/grow-artists.md")
        let otherText = try String(contentsOf: other, encoding: .utf8)
        try otherText.replacingOccurrences(of: "title: ", with: "title: Still ").write(to: other, atomically: true, encoding: .utf8)
        #expect(Self.eventually { builds() == 2 })
        let second = printed().components(separatedBy: "Built ")[1]
        #expect(!second.contains("Make the app nicer"))
        #expect(!second.contains("warning: "))
        #expect(second.contains(" in 9 files ("))
        #expect(second.contains(" shown before and not repeated; `outcomes check` lists every one)"))

        // A new warning is printed; the one fixed is counted.
        try text.replacingOccurrences(of: "- [x] Churn survey", with: "- [ ] Make it all better\n- [x] Churn survey")
            .write(to: file, atomically: true, encoding: .utf8)
        #expect(Self.eventually { builds() == 3 })
        let third = printed().components(separatedBy: "Built ")[2]
        #expect(third.contains("Make it all better"))
        #expect(third.contains("(1 fixed; "))
        #expect(third.components(separatedBy: "warning: ").count == 2)
    }

    @Test func problemNewsRepeatsErrorsAndOnlyNewWarnings() {
        func problem(_ line: Int, _ severity: Severity) -> Diagnostic {
            Diagnostic(location: SourceLocation(file: "outcomes/a.md", line: line, column: 1), severity: severity,
                       rule: "some-rule", message: "problem on line \(line)")
        }
        var news = ProblemNews()
        let first = [problem(1, .error), problem(2, .warning), problem(3, .warning)]
        #expect(news.report(first) == .init(diagnostics: first, fixed: 0, unchanged: 0))
        let second = [problem(1, .error), problem(3, .warning), problem(4, .warning)]
        let report = news.report(second)
        #expect(report == .init(diagnostics: [problem(1, .error), problem(4, .warning)], fixed: 1, unchanged: 1))
        #expect(ProblemNews.summary(report, totals: "1 error, 2 warnings in 1 file")
                == "1 error, 2 warnings in 1 file (1 fixed; 1 shown before and not repeated; `outcomes check` lists every one)")
        #expect(news.report([]) == .init(diagnostics: [], fixed: 2, unchanged: 0))
        #expect(ProblemNews.summary(.init(diagnostics: [], fixed: 0, unchanged: 0), totals: "0 errors") == "0 errors")
    }

    @Test func theErrorsPageShowsHelpCodeAndKindInWords() {
        let diagnostics = [
            Diagnostic(location: SourceLocation(file: "outcomes/a.md", line: 3, column: 1), severity: .error, rule: "unknown-key",
                       message: "unknown key `ownr`", hint: "did you mean `owner`?"),
            Diagnostic(location: SourceLocation(file: "outcomes/a.md", line: 9, column: 1), severity: .warning, rule: "done-measurable",
                       message: "done item has nothing to measure it by: \"<b>x</b>\""),
        ]
        let page = PreviewPages.errors(diagnostics, summary: "1 error, 1 warning in 1 file")
        #expect(page.contains("■ error</strong> unknown key <code>ownr</code>"))
        #expect(page.contains("<span class=\"help\">help: did you mean <code>owner</code>?</span>"))
        #expect(page.contains("▲ warning</strong> done item has nothing to measure it by: &quot;&lt;b&gt;x&lt;/b&gt;&quot;"))
        #expect(!page.contains("<b>x</b>"))
    }

    @Test func aFolderThatIsNotALedgerExitsTwo() throws {
        let folder = TestSupport.temporaryFolder()
        let run = try TestSupport.run(["serve", folder.path, "--port", "0"], timeout: 10)
        #expect(run.status == 2)
        #expect(run.standardError.contains("is not a ledger"))
    }

    @Test func requestPathsMapInsideTheSite() {
        #expect(SiteFiles.relativePath(forRequestPath: "/") == "index.html")
        #expect(SiteFiles.relativePath(forRequestPath: "/outcomes/x/") == "outcomes/x/index.html")
        #expect(SiteFiles.relativePath(forRequestPath: "/a%20b.css") == "a b.css")
        #expect(SiteFiles.relativePath(forRequestPath: "/a/../b") == nil)
        #expect(SiteFiles.relativePath(forRequestPath: "/%2e%2e/b") == nil)
        #expect(SiteFiles.contentType(of: "x/style.css") == "text/css; charset=utf-8")
    }
}
