import ArgumentParser
import Foundation
import OutcomeLedger

/// `outcomes diff [BASE [HEAD]]`: what a change does to the ledger's outcomes, not to its
/// lines — compiled on both sides and compared outcome by outcome.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed about the ledger's outcomes between two git revisions or two folders.",
        discussion: """
            BASE and HEAD are git revisions of the repository holding the ledger; BASE defaults to HEAD and \
            HEAD to the working tree, so `outcomes diff` shows what you have changed. With --base-dir and \
            --head-dir it compares two folders, without git. Exit status: 0, or 1 with --exit-code when \
            something changed; 2 the tool could not run.
            """
    )

    @Argument(help: "The revision to compare from (default: HEAD).")
    var base: String?

    @Argument(help: "The revision to compare to (default: the working tree).")
    var head: String?

    @Option(help: "The ledger's root folder (default: the current folder).", completion: .directory)
    var root: String = "."

    @Option(help: "Compare this folder (the base) with --head-dir instead of git revisions.", completion: .directory)
    var baseDir: String?

    @Option(help: "The folder to compare --base-dir with.", completion: .directory)
    var headDir: String?

    @Option(help: ArgumentHelp("Output format: \(DiffFormats.identifiers.joined(separator: ", ")).", valueName: "format"))
    var format: String = DiffHumanFormat.identifier

    @Flag(help: "Exit with 1 when something changed, as `git diff --exit-code` does.")
    var exitCode = false

    @Option(help: "The date health is judged by on both sides (YYYY-MM-DD); defaults to today.")
    var today: String?

    @Option(help: "Colour the human output: auto, always or never.")
    var color: ColorChoice = .auto

    func validate() throws {
        if !DiffFormats.identifiers.contains(format) {
            throw ValidationError("unknown format `\(format)`; formats are \(DiffFormats.identifiers.joined(separator: ", "))")
        }
        if (baseDir == nil) != (headDir == nil) {
            throw ValidationError("--base-dir and --head-dir go together")
        }
        if baseDir != nil && (base != nil || head != nil) {
            throw ValidationError("compare either two revisions or two folders, not both")
        }
        if let today, CalendarDate(today) == nil {
            throw ValidationError("--today must be a date written YYYY-MM-DD, found `\(today)`")
        }
    }

    func run() throws {
        // Files that are the same on both sides are parsed once.
        let options = LedgerCompiler.Options(today: today.flatMap(CalendarDate.init) ?? CalendarDate.today(), cache: ParseCache())
        let sides: (base: Side, head: Side)
        let command = self
        let compiled: Result<(base: Side, head: Side), any Error> = Blocking.wait {
            do { return .success(try await command.compileSides(options)) } catch { return .failure(error) }
        }
        switch compiled {
        case .success(let compiled): sides = compiled
        case .failure(let error):
            Terminal.standardError("outcomes: \(error)")
            throw ExitCode(2)
        }
        let changes = LedgerChanges.between(sides.base.compilation, sides.head.compilation)
        let layout = DiffFormats.format(format, color: color.enabled(for: STDOUT_FILENO))!
        Terminal.standardOutput(layout.render(changes, base: sides.base.name, head: sides.head.name))
        UntilExit.keep(sides)
        if exitCode && !changes.isEmpty { throw ExitCode(1) }
    }

    /// One side of the comparison: its compilation and how messages name it.
    struct Side: Sendable {
        var compilation: Compilation
        var name: String
    }

    private func compileSides(_ options: LedgerCompiler.Options) async throws -> (base: Side, head: Side) {
        if let baseDir, let headDir {
            return (try Self.folder(baseDir, options), try Self.folder(headDir, options))
        }
        let repository = try await GitRepository.open(ledgerRoot: root)
        let baseRevision = base ?? "HEAD"
        let baseCommit = try await repository.commit(baseRevision)
        guard let head else {
            let baseSnapshot = try await repository.snapshot(at: baseCommit)
            let baseSide = try Self.revision(baseRevision, commit: baseCommit, snapshot: baseSnapshot, options)
            return (baseSide, try Self.folder(root, options, name: "the working tree"))
        }
        let headCommit = try await repository.commit(head)
        // Both trees are read at once, so a file that is the same on both sides is read once.
        let snapshots = try await repository.snapshots(at: [baseCommit, headCommit])
        return (try Self.revision(baseRevision, commit: baseCommit, snapshot: snapshots[0], options),
                try Self.revision(head, commit: headCommit, snapshot: snapshots[1], options))
    }

    private static func folder(_ path: String, _ options: LedgerCompiler.Options, name: String? = nil) throws -> Side {
        Side(compilation: try compiledOrEmpty(Result { () throws(LedgerRootError) in
            try LedgerCompiler.compile(root: path, options: options)
        }), name: name ?? path)
    }

    private static func revision(_ revision: String, commit: String, snapshot: LedgerSnapshot,
                                 _ options: LedgerCompiler.Options) throws -> Side {
        let name = "\(revision) (\(commit.prefix(7)))"
        let discovery = LedgerDiscovery(snapshot: snapshot, name: name)
        return Side(compilation: try compiledOrEmpty(Result { () throws(LedgerRootError) in
            try LedgerCompiler.compile(discovery, options: options)
        }), name: name)
    }

    /// A side without the ledger yet (or any more) is an empty ledger: every outcome on the
    /// other side is added or removed.
    private static func compiledOrEmpty(_ result: Result<Compilation, LedgerRootError>) throws -> Compilation {
        switch result {
        case .success(let compilation): return compilation
        case .failure(.noOutcomesFolder): return .empty
        case .failure(let error): throw error
        }
    }
}

extension Compilation {
    /// A ledger with nothing in it.
    static var empty: Compilation {
        Compilation(ledger: LedgerResolver.resolve(config: LedgerConfig(), outcomes: [], people: nil), diagnostics: [], outcomeFiles: [])
    }
}
