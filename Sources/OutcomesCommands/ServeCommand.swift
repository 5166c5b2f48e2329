import ArgumentParser
import Foundation
import OutcomeLedger
import OutcomeServer

/// `outcomes serve [ROOT]`: preview the site while editing; pages reload on every change.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site, serve it locally, and rebuild and reload it when the ledger changes.",
        discussion: "Binds to 127.0.0.1 unless --host says otherwise. Pages are rendered as they are asked for; nothing is written to disk. Ctrl-C stops it."
    )

    @OptionGroup var ledger: LedgerRootArgument

    @Option(help: "The port to listen on (0 picks a free one).")
    var port: UInt16 = 4000

    @Option(help: "The address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "A folder of templates overriding the default theme by file name.", completion: .directory)
    var templates: String?

    @Flag(help: "Open the site in the default browser.")
    var open = false

    @Flag(help: "Leave out the git history.")
    var noHistory = false

    func run() throws {
        guard FileSystem.kind(of: ledger.root) == .directory else {
            Terminal.standardError("outcomes: no such folder: \(ledger.root)")
            throw ExitCode(2)
        }
        if let problem = LedgerCompiler.rootProblem(ledger.root) {
            Terminal.standardError("outcomes: \(problem)")
            throw ExitCode(2)
        }
        let server = PreviewServer(
            options: .init(root: ledger.root, host: host, port: port, templates: templates, history: !noHistory),
            log: { Terminal.standardError($0) })
        let finished = DispatchSemaphore(value: 0)
        let outcome = ServeOutcome()
        let shouldOpen = open
        let task = Task {
            do {
                try await server.run { url in
                    Terminal.standardOutput("Serving \(ledger.root) at \(url.absoluteString) (Ctrl-C to stop)\n")
                    if shouldOpen { Self.openInBrowser(url) }
                }
            } catch is CancellationError {
            } catch {
                outcome.failure = "\(error)"
            }
            finished.signal()
        }
        // Ctrl-C and SIGTERM end the server task.
        var sources: [DispatchSourceSignal] = []
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { task.cancel() }
            source.resume()
            sources.append(source)
        }
        finished.wait()
        sources.forEach { $0.cancel() }
        if let failure = outcome.failure {
            Terminal.standardError("outcomes: \(failure)")
            throw ExitCode(2)
        }
        Terminal.standardError("Stopped.")
    }

    private static func openInBrowser(_ url: URL) {
        for opener in ["/usr/bin/xdg-open", "/usr/bin/open"] where FileManager.default.isExecutableFile(atPath: opener) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: opener)
            process.arguments = [url.absoluteString]
            try? process.run()
            return
        }
    }
}

/// How the server task ended, read once it has.
private final class ServeOutcome: @unchecked Sendable {
    var failure: String?
}
