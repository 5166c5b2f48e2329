import Foundation
import Testing
@testable import OutcomeLedger

/// Helpers shared by the tests: throwaway ledgers on disk, the built binary, golden files.
enum TestSupport {
    /// The repository checkout the tests run from.
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func example(_ name: String) -> String {
        repositoryRoot.appendingPathComponent("examples/\(name)").path
    }

    /// The fixed date the tests judge review dates by.
    static let today = CalendarDate("2026-11-21")!

    /// A fresh, empty folder (tests share nothing), inside one folder per test process
    /// that is removed when the process ends, whether the tests passed or failed.
    static func temporaryFolder() -> URL {
        let folder = testsFolder.appendingPathComponent(UUID().uuidString)
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static let testsFolder: URL = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("outcomes-tests-\(getpid())")
        try? FileManager.default.removeItem(at: folder)
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        atexit {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("outcomes-tests-\(getpid())").path
            // Sites made by tests may hold read-only files; make everything removable first.
            _ = try? FileManager.default.subpathsOfDirectory(atPath: path).forEach {
                try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path + "/" + $0)
            }
            try? FileManager.default.removeItem(atPath: path)
        }
        return folder
    }()

    /// Writes a ledger from path → text (an `outcomes/` folder always exists).
    static func ledger(_ files: [String: String]) -> URL {
        ledger(bytes: files.mapValues { Array($0.utf8) })
    }

    static func ledger(bytes files: [String: [UInt8]]) -> URL {
        let root = temporaryFolder()
        try! FileManager.default.createDirectory(at: root.appendingPathComponent("outcomes"), withIntermediateDirectories: true)
        for (path, bytes) in files {
            let url = root.appendingPathComponent(path)
            try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try! Data(bytes).write(to: url)
        }
        return root
    }

    static func compile(_ root: URL, strict: Bool = false) throws -> Compilation {
        try LedgerCompiler.compile(root: root.path, options: .init(today: today, strict: strict))
    }

    static func compile(_ files: [String: String]) throws -> Compilation {
        try compile(ledger(files))
    }

    // MARK: - The binary

    struct Run {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// The `outcomes` executable SwiftPM built next to the test bundle.
    static let binary: URL = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("outcomes")

    /// Runs the built binary; a run longer than `timeout` seconds is killed and fails the test.
    static func run(
        _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:], timeout: Double = 30
    ) throws -> Run {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "NO_COLOR")
        env.merge(environment) { $1 }
        process.environment = env
        let outputFile = temporaryFolder().appendingPathComponent("stdout")
        let errorFile = outputFile.deletingLastPathComponent().appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: outputFile)
        process.standardError = try FileHandle(forWritingTo: errorFile)
        process.standardInput = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            Issue.record("outcomes \(arguments.joined(separator: " ")) ran longer than \(timeout) s")
            finished.wait()
        }
        return Run(status: process.terminationStatus,
                   standardOutput: try String(contentsOf: outputFile, encoding: .utf8),
                   standardError: try String(contentsOf: errorFile, encoding: .utf8))
    }

    /// Runs a Python script (the tests use jsonschema and PyYAML) and returns its status and output.
    static func python(_ script: String, _ arguments: String...) throws -> (Int32, String) {
        try capture("/usr/bin/env", ["python3", "-c", script] + arguments)
    }

    /// Runs a program and returns its status and its output and errors together; with
    /// `environment`, only those variables are set.
    static func capture(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    // MARK: - Git

    /// Runs `git` in a folder with a fixed author, committer and date, so repositories made
    /// by tests always have the same commits.
    @discardableResult
    static func git(_ arguments: [String], in directory: URL, date: String = "2026-09-01T10:00:00Z",
                    author: String = "Ana Sousa") throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "user.name=\(author)", "-c", "user.email=\(author.lowercased().prefix(3))@example.com",
                             "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false"] + arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_AUTHOR_DATE"] = date
        environment["GIT_COMMITTER_DATE"] = date
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus != 0 { Issue.record("git \(arguments.joined(separator: " ")): \(output)") }
        return output
    }

    /// A repository holding the files, committed once.
    static func repository(_ files: [String: String], date: String = "2026-09-01T10:00:00Z") throws -> URL {
        let root = ledger(files)
        try git(["init", "-q"], in: root)
        try git(["add", "-A"], in: root)
        try git(["commit", "-q", "-m", "Start the ledger"], in: root, date: date)
        return root
    }

    /// Writes a file of a ledger (and the folders it needs).
    static func write(_ text: String, to path: String, in root: URL) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    // MARK: - Golden files

    /// Compares `actual` with a reviewed golden file. With OUTCOMES_UPDATE_GOLDEN=1 the file
    /// is rewritten instead, for a person to review in the diff before committing.
    static func expectGolden(_ actual: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let url = repositoryRoot.appendingPathComponent("Tests/OutcomeLedgerTests/Golden/\(name)")
        if ProcessInfo.processInfo.environment["OUTCOMES_UPDATE_GOLDEN"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "differs from Golden/\(name)", sourceLocation: sourceLocation)
    }
}

extension Compilation {
    func diagnostics(_ rule: String) -> [Diagnostic] {
        diagnostics.filter { $0.rule == rule }
    }

    var rules: Set<String> { Set(diagnostics.map(\.rule)) }
}

extension Diagnostic {
    /// `path:line:column`, as the human report prints it.
    var position: String { "\(location.file):\(location.line):\(location.column)" }
}
