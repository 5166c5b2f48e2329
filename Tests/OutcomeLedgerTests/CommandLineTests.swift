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
