import ArgumentParser
import Foundation
import OutcomeLedger

/// `outcomes new "Title"`: start an outcome file and say what is left to fill in.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create an outcome file from a title, then list what is left to fill in.",
        discussion: "The file is outcomes/<slug>.md, the slug made from the title and unique in the ledger."
    )

    @Argument(help: "The outcome, phrased as a result.")
    var title: String

    @Option(help: "The accountable owner's handle (default: the first pod member).")
    var owner: String?

    @Option(help: ArgumentHelp(
        "Pod members, comma-separated; give lenses with a colon: ana:builder,li:operator+communicator.",
        valueName: "members"))
    var pod: String?

    @Option(help: "The id of the outcome this one rolls up to.")
    var parent: String?

    @Option(help: ArgumentHelp("Ids of outcomes this one depends on, comma-separated.", valueName: "ids"))
    var dependsOn: String?

    @Option(help: "proposed (the default), active, achieved or dropped.")
    var status: String?

    @Option(help: ArgumentHelp("When it should be achieved (YYYY-MM-DD).", valueName: "date"))
    var due: String?

    @Option(help: "The outcome's id, and the file's name (default: made from the title).")
    var id: String?

    @Option(help: "A subfolder of the outcomes folder to put the file in.")
    var dir: String?

    @Option(help: "The ledger's root folder.", completion: .directory)
    var root: String = "."

    func validate() throws {
        guard !title.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("the title is empty") }
        if let dir, !Identifiers.isSafeRelativePath(dir) {
            throw ValidationError("--dir must be a folder inside the outcomes folder, found `\(dir)`")
        }
    }

    func run() throws {
        let today = CalendarDate.today()
        let before: Compilation
        do {
            before = try LedgerCompiler.compile(root: root, options: .init(today: today))
        } catch {
            Terminal.standardError("outcomes: \(error)")
            throw ExitCode(2)
        }
        let config = before.ledger.config
        let members = (pod ?? "").split(separator: ",").map { OutcomeScaffold.Member(parsing: String($0).trimmingCharacters(in: .whitespaces)) }
        let request = OutcomeScaffold.Request(
            title: title, owner: owner, pod: members, parent: parent,
            dependsOn: (dependsOn ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty },
            status: status, due: due, id: id)
        let problems = OutcomeScaffold.problems(request, ledger: before.ledger)
        guard problems.isEmpty else {
            Terminal.standardError("outcomes: not writing the outcome:\n" + problems.map { "  - \($0)" }.joined(separator: "\n"))
            throw ExitCode(2)
        }
        let id = self.id ?? OutcomeScaffold.uniqueID(for: title, taken: Set(before.ledger.outcomes.map { $0.id.value.lowercased() }))
        let folder = [config.outcomesFolder, dir].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "/")
        let path = (folder.isEmpty ? "" : folder + "/") + id + ".md"
        let url = URL(fileURLWithPath: root).appendingPathComponent(path)
        guard !FileManager.default.fileExists(atPath: url.path) else {
            Terminal.standardError("outcomes: not overwriting \(path)")
            throw ExitCode(2)
        }
        // An explicit id is written in the file only when the file name cannot carry it.
        var written = request
        written.id = nil
        let text = OutcomeScaffold.text(written, config: config)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        } catch {
            Terminal.standardError("outcomes: cannot write \(path): \(error.localizedDescription)")
            throw ExitCode(2)
        }
        Terminal.standardOutput(path + "\n")

        // What is left to fill in, as `outcomes check` reports it for this file.
        guard var after = try? LedgerCompiler.compile(root: root, options: .init(today: today)) else { return }
        after.diagnostics = after.diagnostics.filter { $0.location.file == path }
        let reporter = HumanReporter(color: ColorChoice.auto.enabled(for: STDOUT_FILENO))
        if after.diagnostics.isEmpty {
            Terminal.standardOutput("It passes `outcomes check`.\n")
        } else {
            let count = after.diagnostics.count
            Terminal.standardOutput("\n" + reporter.report(after.diagnostics, summary: "\(count) thing\(count == 1 ? "" : "s") left to fill in"))
        }
    }
}
