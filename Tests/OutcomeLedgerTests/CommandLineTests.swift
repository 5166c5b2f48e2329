import Foundation
import Testing
@testable import OutcomeLedger

/// The command line guides instead of guessing: mistyped commands, report files, and the
/// next step after `init`.
struct CommandLineTests {
    @Test func aMistypedCommandSuggestsTheRightOne() throws {
        for arguments in [["chek"], ["help", "chek"]] {
            let run = try TestSupport.run(arguments)
            #expect(run.status == 2)
            #expect(run.standardError.hasPrefix("outcomes: unknown command `chek`; did you mean `check`?"))
        }
        #expect(try TestSupport.run(["help", "check"]).status == 0)
    }

    @Test func checkWritesAReportFileInTheFormatItsNameSays() throws {
        let root = TestSupport.ledger([RuleExample.mainFile: RuleExample.file()])
        let folder = TestSupport.temporaryFolder()
        for (option, name, start) in [("-o", "r.json", "{"), ("--output", "r.sarif", "{"), ("-o", "r.xml", "<?xml"), ("-o", "r.txt", "0 errors")] {
            let file = folder.appendingPathComponent(name)
            let run = try TestSupport.run(["check", root.path, option, file.path])
            #expect(run.status == 0, "\(run.standardError)")
            #expect(try String(contentsOf: file, encoding: .utf8).hasPrefix(start), "\(name)")
        }
        let sarif = try String(contentsOf: folder.appendingPathComponent("r.sarif"), encoding: .utf8)
        #expect(sarif.contains("\"version\": \"2.1.0\""))
    }

    @Test func initSaysWhereToGoAndRefusesAFile() throws {
        let parent = TestSupport.temporaryFolder()
        let run = try TestSupport.run(["init", "my ledger"], in: parent)
        #expect(run.status == 0)
        #expect(run.standardOutput.contains("  cd 'my ledger'\nthen edit"))
        let file = parent.appendingPathComponent("afile")
        try "x".write(to: file, atomically: true, encoding: .utf8)
        let refused = try TestSupport.run(["init", file.path])
        #expect(refused.status == 2)
        #expect(refused.standardError.contains("\(file.path) is a file, not a folder"))
    }

    @Test func aFolderThatIsNotALedgerSuggestsInit() throws {
        let folder = TestSupport.temporaryFolder()
        for command in ["check", "build", "status"] {
            let run = try TestSupport.run([command, folder.path])
            #expect(run.status == 2, "\(command)")
            #expect(run.standardError.contains("`outcomes init \(folder.path)` starts one"), "\(command)")
        }
    }
}

/// `outcomes new` refuses what is certainly wrong, writing nothing, and takes the keys
/// people set first.
struct NewCommandTests {
    static func ledger() throws -> URL {
        let folder = TestSupport.temporaryFolder().appendingPathComponent("ledger")
        #expect(try TestSupport.run(["init", folder.path]).status == 0)
        return folder
    }

    static func files(_ root: URL) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("outcomes").path))?.sorted() ?? []
    }

    @Test func certainMistakesAreRefusedWithTheFix() throws {
        let root = try Self.ledger()
        let before = Self.files(root)
        let run = try TestSupport.run(["new", "T", "--parent", "first-outcom", "--pod", "zed:biulder,you:builder,a,b,c,d"], in: root)
        #expect(run.status == 2)
        #expect(Self.files(root) == before)
        for expected in [
            "pod member `zed` is not in people.yml",
            "unknown lens `biulder` for `zed`: lenses are builder, operator, communicator; did you mean `builder`?",
            "the pod would have 6 members; pods have 2 to 4 (`pod_size` in ledger.yml)",
            "--parent `first-outcom` names no outcome; did you mean `first-outcome`?",
        ] {
            #expect(run.standardError.contains("  - \(expected)\n"), "\(expected)")
        }
        let lens = try TestSupport.run(["new", "T", "--pod", "you:builder,operator"], in: root)
        #expect(lens.status == 2)
        #expect(lens.standardError.contains("`operator` is a lens, not a person: join a member's lenses with `+`"))
        let dates = try TestSupport.run(["new", "T", "--pod", "you:builder,teammate:operator", "--due", "2027-02-30", "--status", "actve"], in: root)
        #expect(dates.standardError.contains("--due `2027-02-30` is not a date written YYYY-MM-DD: February 2027 has 28 days"))
        #expect(dates.standardError.contains("--status `actve` is not a status; did you mean `active`?"))
        #expect(Self.files(root) == before)
    }

    @Test func theSameTitleTwiceNeedsAnID() throws {
        let root = try Self.ledger()
        let pod = ["--pod", "you:builder+communicator,teammate:operator"]
        #expect(try TestSupport.run(["new", "Grow artists"] + pod, in: root).status == 0)
        let again = try TestSupport.run(["new", "Grow artists"] + pod, in: root)
        #expect(again.status == 2)
        #expect(again.standardError.contains("an outcome with this title exists: outcomes/grow-artists.md; give --id"))
        let withID = try TestSupport.run(["new", "Grow artists", "--id", "grow-artists-europe"] + pod, in: root)
        #expect(withID.status == 0)
        #expect(withID.standardOutput.hasPrefix("outcomes/grow-artists-europe.md\n"))
    }

    @Test func statusDueAndDependenciesAreWritten() throws {
        let root = try Self.ledger()
        let run = try TestSupport.run(["new", "Pay artists monthly", "--pod", "you:builder+communicator,teammate:operator",
                                       "--status", "active", "--due", "2027-03-31", "--depends-on", "first-outcome"], in: root)
        #expect(run.status == 0, "\(run.standardError)")
        let compilation = try TestSupport.compile(root)
        let outcome = try #require(compilation.ledger.outcome(withID: "pay-artists-monthly"))
        #expect(outcome.status?.value == .active)
        #expect(outcome.due?.value == CalendarDate("2027-03-31"))
        #expect(outcome.dependsOn.map(\.value) == ["first-outcome"])
        #expect(!compilation.diagnostics.contains { $0.location.file == outcome.file && $0.severity == .error })
    }
}
