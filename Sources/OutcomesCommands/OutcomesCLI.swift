import ArgumentParser
import Foundation
import OutcomeLedger
import OutcomeSite
import Synchronization

/// `outcomes`: the root command. Runs a subcommand and maps every way of ending to the
/// documented exit codes: 0 clean, 1 errors in the ledger, 2 the tool could not run.
public struct OutcomesCLI: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "outcomes",
        abstract: "Check outcome ledgers: markdown files that say what done looks like, who owns it, and how.",
        version: "\(ToolVersion.current) (commit \(BuildCommit.id.prefix(12)))",
        subcommands: [InitCommand.self, NewCommand.self, CheckCommand.self, BuildCommand.self, StatusCommand.self, DiffCommand.self, ServeCommand.self, RulesCommand.self, SchemaCommand.self]
    )

    public init() {}

    /// Runs the command line and returns the process's exit code.
    public static func run(arguments: [String]) -> Int32 {
        if let problem = unknownCommand(in: arguments) {
            Terminal.standardError(problem)
            return 2
        }
        do {
            var command = try parseAsRoot(arguments)
            try CommandArguments.$current.withValue(arguments) { try command.run() }
            return 0
        } catch let code as ExitCode {
            return code.rawValue
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                print(message)
                return 0
            }
            Terminal.standardError(message)
            return 2
        }
    }
}

extension OutcomesCLI {
    static var commandNames: [String] {
        configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
    }

    /// A first word that names no command (`outcomes chek`), or `help` followed by one: the
    /// error, with the command it most likely meant.
    static func unknownCommand(in arguments: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-") else { return nil }
        var word = first
        if first == "help" {
            guard arguments.count > 1, !arguments[1].hasPrefix("-") else { return nil }
            word = arguments[1]
        }
        guard !commandNames.contains(word) else { return nil }
        let names = commandNames.filter { $0 != "help" }
        let hint = Suggestions.didYouMean(word, in: names).map { "; \($0)" } ?? ""
        return "outcomes: unknown command `\(word)`\(hint)\nThe commands are \(names.map { "`\($0)`" }.joined(separator: ", ")); `outcomes --help` describes them."
    }
}

/// The arguments as typed, for options whose meaning depends on their order.
enum CommandArguments {
    @TaskLocal static var current: [String] = []
}

/// The ledger folder argument shared by the commands that read a ledger.
struct LedgerRootArgument: ParsableArguments {
    @Argument(help: "The ledger's root folder.", completion: .directory)
    var root: String = "."
}

/// Writing to the terminal's two streams.
enum Terminal {
    static func standardOutput(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func standardError(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    static func isTerminal(_ descriptor: Int32) -> Bool {
        isatty(descriptor) == 1
    }
}

/// What a command computed, kept until the process ends: a compiled 10,000-outcome ledger
/// is millions of small allocations, and freeing them one by one takes longer than the
/// exit that returns them all at once.
enum UntilExit {
    private static let kept = Mutex<[any Sendable]>([])

    static func keep(_ value: any Sendable) {
        kept.withLock { $0.append(value) }
    }
}
