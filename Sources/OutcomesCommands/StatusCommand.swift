import ArgumentParser
import Foundation
import OutcomeLedger

/// `outcomes status [ROOT]`: the dashboard's Needs attention list, in the terminal or as
/// markdown or JSON.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the outcomes that are at risk or off track, and why.",
        discussion: """
            Exit status: 0, unless --fail-on is given and an open outcome is at that level or worse (1); \
            2 the tool could not run. Problems `outcomes check` would report are counted on standard error \
            but do not change the exit status.
            """
    )

    @OptionGroup var ledger: LedgerRootArgument

    @Option(help: ArgumentHelp("Output format: \(StatusFormats.identifiers.joined(separator: ", ")).", valueName: "format"))
    var format: String = StatusHumanFormat.identifier

    @Option(help: ArgumentHelp("Exit with 1 when an open outcome is at this level or worse: at-risk or off-track.", valueName: "level"))
    var failOn: String?

    @Option(help: "The date health is judged by (YYYY-MM-DD); defaults to today.")
    var today: String?

    @Flag(help: "Leave out the git history (the stale signal, starts taken from first commits).")
    var noHistory = false

    @Option(help: "Colour the human output: auto, always or never.")
    var color: ColorChoice = .auto

    func validate() throws {
        if !StatusFormats.identifiers.contains(format) {
            throw ValidationError("unknown format `\(format)`; formats are \(StatusFormats.identifiers.joined(separator: ", "))")
        }
        if let failOn, ![HealthLevel.atRisk, .offTrack].contains(HealthLevel(rawValue: failOn)) {
            throw ValidationError("--fail-on must be `at-risk` or `off-track`, found `\(failOn)`")
        }
        if let today, CalendarDate(today) == nil {
            throw ValidationError("--today must be a date written YYYY-MM-DD, found `\(today)`")
        }
    }

    func run() throws {
        let date = today.flatMap(CalendarDate.init) ?? CalendarDate.today()
        var compilation: Compilation
        let cache = ParseCache()
        do {
            compilation = try LedgerCompiler.compile(root: ledger.root, options: .init(today: date, cache: cache))
        } catch {
            Terminal.standardError("outcomes: \(error)")
            throw ExitCode(2)
        }
        if compilation.errorCount > 0 {
            Terminal.standardError("outcomes: the ledger has \(compilation.summary); `outcomes check` shows them")
        }
        if !noHistory {
            let (compiled, root) = (compilation, ledger.root)
            compilation = Blocking.wait { await compiled.addingHistory(root: root, today: date, cache: cache) }
        }
        let report = StatusReport(compilation)
        let layout = StatusFormats.format(format, color: color.enabled(for: STDOUT_FILENO))!
        Terminal.standardOutput(layout.render(report))
        if let failOn, let level = HealthLevel(rawValue: failOn), report.hasOutcome(atLeast: level) {
            throw ExitCode(1)
        }
    }
}
