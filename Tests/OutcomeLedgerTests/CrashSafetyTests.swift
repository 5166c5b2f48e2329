import Foundation
import Testing
@testable import OutcomeLedger

/// A build killed at any moment (SIGKILL: no chance to clean up) leaves the previous site
/// whole, and the next build neither trips over nor leaves behind what the killed one left.
struct CrashSafetyTests {
    static func ledger(outcomes count: Int, title: String) -> URL {
        var files = ["ledger.yml": "title: \(title)\n"]
        for index in 0..<count {
            files["outcomes/o\(index).md"] = RuleExample.file(
                "title: Outcome \(index)\nowner: ana\npod: {ana: [builder, communicator], li: operator}\nstatus: proposed",
                body: "## Done when\n- [ ] \(index) listeners\n\n## How\nA paragraph of approach for outcome \(index).")
        }
        return TestSupport.ledger(files)
    }

    @Test func killedBuildsLeaveEitherTheOldOrTheNewSiteWhole() throws {
        let root = Self.ledger(outcomes: 400, title: "Before")
        let parent = TestSupport.temporaryFolder()
        let output = parent.appendingPathComponent("site")
        #expect(try TestSupport.run(["build", root.path, "-o", output.path], timeout: 120).status == 0)
        let before = try BuildTests.files(in: output)

        try "title: After\n".write(to: root.appendingPathComponent("ledger.yml"), atomically: true, encoding: .utf8)
        let reference = TestSupport.temporaryFolder().appendingPathComponent("site")
        let started = Date()
        #expect(try TestSupport.run(["build", root.path, "-o", reference.path], timeout: 120).status == 0)
        let duration = Date().timeIntervalSince(started)
        let after = try BuildTests.files(in: reference)
        #expect(before != after)

        var sawOld = 0
        for attempt in 0..<6 {
            let process = Process()
            process.executableURL = TestSupport.binary
            process.arguments = ["build", root.path, "-o", output.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Spread the kills over the whole build, from its first moments to its end.
            usleep(UInt32(duration * 1_000_000 * Double(attempt) / 5))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = try BuildTests.files(in: output)
            #expect(now == before || now == after, "attempt \(attempt): a mixed or partial site")
            if now == before { sawOld += 1 }
        }
        #expect(sawOld > 0, "no kill landed before the swap; the test proved nothing")

        #expect(try TestSupport.run(["build", root.path, "-o", output.path], timeout: 120).status == 0)
        #expect(try BuildTests.files(in: output) == after)
        // Beside the site only the spare may remain: the replaced site, kept for reuse.
        let beside = try FileManager.default.contentsOfDirectory(atPath: parent.path).sorted()
        #expect(beside == [".site.outcomes-spare", "site"], "stray staging folders")
    }
}
