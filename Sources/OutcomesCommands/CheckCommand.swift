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

    @Option(help: ArgumentHelp(
        "Report format: \(ReporterRegistry.identifiers.joined(separator: ", ")). Repeat it to write several reports.",
        valueName: "format"))
    var format: [String] = []

    @Option(name: [.short, .long], help: ArgumentHelp(
        "Write the report of the --format before it to this file (without one, the format is told by the file's extension: .json, .sarif, .xml); the human report then still goes to the terminal.",
        valueName: "file"))
    var output: [String] = []

    @Flag(help: "Count warnings as errors.")
    var strict = false

    @Option(help: "Fail when there are more than this many warnings.")
    var maxWarnings: Int?

    @Option(help: "The date review dates are compared with (YYYY-MM-DD); defaults to today.")
    var today: String?

    @Option(help: "Colour the human report: auto, always or never.")
    var color: ColorChoice = .auto

    func validate() throws {
        for format in format where !ReporterRegistry.identifiers.contains(format) {
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
        let context = ReportContext.locate(ledgerRoot: ledger.root)
        for destination in ReportDestination.plan(CommandArguments.current) {
            let color = destination.file == nil && color.enabled(for: STDOUT_FILENO)
            let report = ReporterRegistry.reporter(for: destination.format, color: color)!.report(compilation, context: context)
            guard let file = destination.file else {
                Terminal.standardOutput(report)
                continue
            }
            do {
                try report.write(toFile: file, atomically: true, encoding: .utf8)
            } catch {
                Terminal.standardError("outcomes: cannot write \(file): \(error.localizedDescription)")
                throw ExitCode(2)
            }
        }
        if format.contains(GitHubReporter.identifier), let summary = ProcessInfo.processInfo.environment["GITHUB_STEP_SUMMARY"],
           !summary.isEmpty,
           // Appended to, and created when the runner has not made it yet.
           FileManager.default.fileExists(atPath: summary) || FileManager.default.createFile(atPath: summary, contents: nil),
           let handle = FileHandle(forWritingAtPath: summary) {
            handle.seekToEndOfFile()
            handle.write(Data(GitHubStepSummary.markdown(compilation, context: context).utf8))
            handle.closeFile()
        }
        UntilExit.keep(compilation)
        let tooManyWarnings = maxWarnings.map { compilation.warningCount > $0 } ?? false
        if compilation.errorCount > 0 || tooManyWarnings {
            throw ExitCode(1)
        }
    }
}

/// Where each report goes: `--output FILE` belongs to the `--format` just before it;
/// formats without a file go to standard output. When every report goes to a file, the
/// human report still goes to the terminal.
struct ReportDestination: Equatable {
    var format: String
    var file: String?

    static func plan(_ arguments: [String]) -> [ReportDestination] {
        var plan: [ReportDestination] = []
        var index = arguments.startIndex
        func value(_ option: String) -> String? {
            let argument = arguments[index]
            if argument.hasPrefix(option + "=") { return String(argument.dropFirst(option.count + 1)) }
            guard argument == option, index + 1 < arguments.endIndex else { return nil }
            index += 1
            return arguments[index]
        }
        while index < arguments.endIndex, arguments[index] != "--" {
            if let format = value("--format") {
                plan.append(ReportDestination(format: format))
            } else if let file = value("--output") ?? value("-o") {
                if let last = plan.indices.last, plan[last].file == nil {
                    plan[last].file = file
                } else {
                    plan.append(ReportDestination(format: formatFor(file), file: file))
                }
            }
            index += 1
        }
        if !plan.contains(where: { $0.file == nil }) {
            plan.append(ReportDestination(format: HumanReporter.identifier))
        }
        return plan
    }

    /// The format a report file without its own `--format` is written in, by extension:
    /// never the terminal report into a `.json` file.
    static func formatFor(_ file: String) -> String {
        let lower = file.lowercased()
        if lower.hasSuffix(".sarif") || lower.hasSuffix(".sarif.json") { return SARIFReporter.identifier }
        if lower.hasSuffix(".json") { return JSONReporter.identifier }
        if lower.hasSuffix(".xml") { return JUnitReporter.identifier }
        return HumanReporter.identifier
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
