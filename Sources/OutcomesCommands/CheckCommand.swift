import ArgumentParser
import Foundation
import OutcomeLedger

/// `outcomes check [ROOT]`: validate a ledger and report what is wrong.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a ledger and report problems.",
        discussion: "Exit status: 0 no errors, 1 errors (or warnings under --strict or over --max-warnings), 2 the tool could not run."
    )

    @OptionGroup var ledger: LedgerRootArgument

    @Option(help: "Report format: \(ReporterRegistry.identifiers.joined(separator: ", ")).")
    var format: String = HumanReporter.identifier

    @Flag(help: "Count warnings as errors.")
    var strict = false

    @Option(help: "Fail when there are more than this many warnings.")
    var maxWarnings: Int?

    @Option(help: "The date review dates are compared with (YYYY-MM-DD); defaults to today.")
    var today: String?

    @Option(help: "Colour the human report: auto, always or never.")
    var color: ColorChoice = .auto

    func validate() throws {
        guard ReporterRegistry.identifiers.contains(format) else {
            throw ValidationError("unknown format `\(format)`; formats are \(ReporterRegistry.identifiers.joined(separator: ", "))")
        }
        if let today, CalendarDate(today) == nil {
            throw ValidationError("--today must be a date written YYYY-MM-DD, found `\(today)`")
        }
        if let maxWarnings, maxWarnings < 0 {
            throw ValidationError("--max-warnings must be 0 or more")
        }
    }

    func run() throws {
        let date = today.flatMap(CalendarDate.init) ?? CalendarDate.today()
        let compilation: Compilation
        do {
            compilation = try LedgerCompiler.compile(root: ledger.root, options: .init(today: date, strict: strict))
        } catch {
            Terminal.standardError("outcomes: \(error)")
            throw ExitCode(2)
        }
        let reporter = ReporterRegistry.reporter(for: format, color: color.enabled(for: STDOUT_FILENO))!
        Terminal.standardOutput(reporter.report(compilation))
        let tooManyWarnings = maxWarnings.map { compilation.warningCount > $0 } ?? false
        if compilation.errorCount > 0 || tooManyWarnings {
            throw ExitCode(1)
        }
    }
}

/// `--color auto|always|never`; auto colours only a terminal, and respects NO_COLOR.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never

    func enabled(for descriptor: Int32) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
            return !noColor && Terminal.isTerminal(descriptor)
        }
    }
}

extension CalendarDate {
    /// Today in the machine's time zone.
    static func today() -> CalendarDate {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!))!
    }
}
