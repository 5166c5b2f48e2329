import FlyingFox
import FlyingSocks
import Foundation
import OutcomeLedger
import OutcomeSite

/// `outcomes serve`: builds the ledger, serves it over HTTP, and rebuilds when the ledger
/// changes; open pages reload by themselves. While the ledger has errors, every page shows
/// them instead of a stale site.
///
/// A rebuild compiles the ledger and lays out the site, but renders nothing: each file is
/// made from the latest build when it is asked for, exactly as `outcomes build` would write
/// it. A save therefore costs a compile, not a site, and nothing is written to disk.
public struct PreviewServer: Sendable {
    public struct Options: Sendable {
        public var root: String
        public var host: String
        public var port: UInt16
        public var templates: String?
        /// Whether pages show the ledger's git history.
        public var history: Bool

        public init(root: String, host: String = "127.0.0.1", port: UInt16 = 4000, templates: String? = nil, history: Bool = true) {
            self.root = root
            self.host = host
            self.port = port
            self.templates = templates
            self.history = history
        }
    }

    public enum Failure: Error, CustomStringConvertible {
        case cannotListen(String, underlying: String)
        case badHost(String)

        public var description: String {
            switch self {
            case .cannotListen(let address, let reason):
                return "cannot listen on \(address): \(reason); choose another port with --port"
            case .badHost(let host): return "--host must be an IP address such as 127.0.0.1 or ::1, found `\(host)`"
            }
        }
    }

    let options: Options
    /// Files parsed by the last rebuild: an edit parses only the files it changed. History
    /// compiles an older revision, so it keeps its own.
    let cache = ParseCache()
    let historyCache = ParseCache()
    /// What the last rebuild read from git: a save makes no commit.
    let historyKept = HistoryReader.Kept()
    /// Where progress and problems are reported (the terminal).
    let log: @Sendable (String) -> Void

    public init(options: Options, log: @escaping @Sendable (String) -> Void) {
        self.options = options
        self.log = log
    }

    /// Serves until the task is cancelled; `onListening` receives the site's address.
    public func run(onListening: @escaping @Sendable (URL) -> Void) async throws {
        let state = PreviewState()
        let watcher = LedgerWatcher(root: options.root, extraFolders: options.templates.map { [$0] } ?? [])
        // The first look comes before the first build: a save made while it runs is a
        // change the watch then sees, and the stamps spare the next build the reading.
        let guessedFolder = (try? LedgerDiscovery(root: options.root)).map { LedgerCompiler.settings(of: $0).outcomesFolder }
            ?? LedgerConfig().outcomesFolder
        let first = watcher.snapshot(outcomesFolder: guessedFolder)
        let firstBuild = await rebuild(into: state, stamps: watcher.stamps(in: first))

        let server = try makeServer(handler: PreviewHandler(state: state))
        try await withThrowingTaskGroup(of: Void.self) { group in
            // The server runs until cancelled; if it can't listen, it fails first and ends all.
            group.addTask {
                do {
                    try await server.run()
                } catch is CancellationError {
                } catch where Task.isCancelled {
                    // Stopping closes the socket under the server, which may say so with
                    // an error of its own: a stop all the same, not a failure.
                } catch {
                    throw Failure.cannotListen("\(options.host):\(options.port)", underlying: Self.reason(error))
                }
            }
            // Once it listens: announce the address, then watch the ledger and rebuild.
            group.addTask {
                try await server.waitUntilListening(timeout: 10)
                if let address = await server.listeningAddress { onListening(Self.url(for: address)) }
                var (outcomesFolder, linked) = firstBuild
                var last = outcomesFolder == guessedFolder
                    ? watcher.watching(linked: linked, insteadOf: [], in: first, outcomesFolder: outcomesFolder)
                    : watcher.snapshot(outcomesFolder: outcomesFolder, linked: linked)
                var signal = watcher.signal(outcomesFolder: outcomesFolder)
                var interval = Self.shortestWatchInterval
                while !Task.isCancelled {
                    var reported = ReportedChanges.anything
                    if let signal {
                        reported = await signal.wait(upTo: max(interval, Self.watchIntervalWithSignal))
                        try Task.checkCancellation()
                    } else {
                        try await Task.sleep(for: interval)
                    }
                    let now: LedgerWatcher.Snapshot
                    if case .files(let files) = reported {
                        // A save: only the files the kernel named are looked at.
                        now = watcher.updating(last, files: files, outcomesFolder: outcomesFolder)
                    } else {
                        let looked = ContinuousClock.now
                        now = watcher.snapshot(outcomesFolder: outcomesFolder, linked: linked)
                        interval = max(Self.shortestWatchInterval, (ContinuousClock.now - looked) * 5)
                    }
                    guard now != last else { continue }
                    let (folder, nowLinked) = await rebuild(into: state, stamps: watcher.stamps(in: now))
                    // The files now linked and unpublished are looked at from here on.
                    last = nowLinked == linked ? now : watcher.watching(linked: nowLinked, insteadOf: linked, in: now, outcomesFolder: folder)
                    linked = nowLinked
                    if folder != outcomesFolder {
                        outcomesFolder = folder
                        signal = watcher.signal(outcomesFolder: outcomesFolder)
                    }
                }
            }
            try await group.next()
            group.cancelAll()
            await server.stop()
        }
    }

    /// How often the ledger is looked at without a `ChangeSignal`: every tenth of a second,
    /// or less often when looking takes long (a huge ledger), so watching never takes more
    /// than a fifth of a core.
    static let shortestWatchInterval = Duration.milliseconds(100)
    /// With the kernel reporting changes (and which files), a full look every second when
    /// all is quiet is only a safety net.
    static let watchIntervalWithSignal = Duration.seconds(1)

    /// Compiles and builds the site, or records the errors. Returns the outcomes folder,
    /// which `ledger.yml` may have just changed, and the files bodies link to that the site
    /// could not publish (missing ones among them), which the watch looks at too.
    /// `stamps` are those of the snapshot that saw the change: files that kept theirs are
    /// not read again.
    private func rebuild(into state: PreviewState, stamps: [String: FileSystem.Stamp]? = nil) async -> (outcomesFolder: String, linked: [String]) {
        let started = Date()
        var compilation: Compilation
        let today = CalendarDate.today()
        var compiling = LedgerCompiler.Options(today: today, cache: cache)
        compiling.stamps = stamps
        do {
            compilation = try LedgerCompiler.compile(root: options.root, options: compiling)
        } catch {
            await state.fail([], summary: "\(error)")
            log("outcomes: \(error)")
            return (LedgerConfig().outcomesFolder, [])
        }
        let outcomesFolder = compilation.ledger.config.outcomesFolder
        let linked = compilation.unpublishedLinkedFiles
        let reporter = HumanReporter(color: false)
        let news = await state.news(about: compilation.diagnostics)
        let problems = reporter.report(news.diagnostics, summary: ProblemNews.summary(news, totals: compilation.summary))
        guard compilation.errorCount == 0 else {
            await state.fail(compilation.diagnostics, summary: compilation.summary)
            log(problems)
            return (outcomesFolder, linked)
        }
        if options.history {
            compilation = await compilation.addingHistory(root: options.root, today: today, cache: historyCache, kept: historyKept)
        }
        let overrides = Theme.overrides(root: options.root, templates: options.templates)
        switch SiteBuilder.site(for: compilation, options: .init(overrides: overrides)) {
        case .failure(let problems):
            await state.fail(problems.diagnostics, summary: "\(problems.diagnostics.count) template errors")
            log(reporter.report(problems.diagnostics, summary: "\(problems.diagnostics.count) template errors"))
        case .success(let site):
            await state.succeed(site)
            let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
            let warnings = compilation.warningCount
            if warnings > 0 { log(problems) }
            log("Built \(site.entries.count { $0.path.hasSuffix(".html") }) pages in \(seconds) s"
                + (warnings > 0 ? " (\(warnings) warning\(warnings == 1 ? "" : "s"))" : ""))
        }
        return (outcomesFolder, linked)
    }

    private func makeServer(handler: some HTTPHandler) throws -> HTTPServer {
        let host = options.host == "localhost" ? "127.0.0.1" : options.host
        do {
            if host.contains(":") {
                return HTTPServer(address: try sockaddr_in6.inet6(ip6: host, port: options.port), logger: .disabled, handler: handler)
            }
            return HTTPServer(address: try sockaddr_in.inet(ip4: host, port: options.port), logger: .disabled, handler: handler)
        } catch {
            throw Failure.badHost(options.host)
        }
    }

    static func url(for address: Socket.Address) -> URL {
        switch address {
        case .ip4(let host, let port): return URL(string: "http://\(host):\(port)/")!
        case .ip6(let host, let port): return URL(string: "http://[\(host)]:\(port)/")!
        default: return URL(string: "http://localhost/")!
        }
    }

    static func reason(_ error: any Error) -> String {
        let text = "\(error)"
        return text.lowercased().contains("in use") || text.contains("98") ? "the address is already in use" : text
    }
}

/// The current build: a site to serve, or the errors that stopped it; and a number that
/// changes with every rebuild, which open pages watch.
actor PreviewState {
    /// The last site built; kept while the ledger has errors (the errors page is shown
    /// instead of its pages, but its style sheet still serves).
    private(set) var site: Site?
    private(set) var version = 0
    private(set) var problems: (diagnostics: [Diagnostic], summary: String)?
    /// What the terminal has been told of the ledger's problems.
    private var told = ProblemNews()

    /// What to print of a build's problems (see `ProblemNews`).
    func news(about diagnostics: [Diagnostic]) -> ProblemNews.Report {
        told.report(diagnostics)
    }

    func succeed(_ site: Site) {
        self.site = site
        problems = nil
        advance()
    }

    func fail(_ diagnostics: [Diagnostic], summary: String) {
        problems = (diagnostics, summary)
        advance()
    }

    /// Pages waiting for the next build, woken when it is ready.
    private var waiting: [Int: CheckedContinuation<Void, Never>] = [:]
    private var waiters = 0

    private func advance() {
        version += 1
        for page in waiting.values { page.resume() }
        waiting = [:]
    }

    private func wake(_ waiter: Int) {
        waiting.removeValue(forKey: waiter)?.resume()
    }

    /// The build number once it is no longer `seen`, or after `patience` at the latest;
    /// at once when the request is cancelled (the server stopping).
    func version(after seen: Int, patience: Duration = .seconds(8)) async -> Int {
        guard version == seen, !Task.isCancelled else { return version }
        waiters += 1
        let waiter = waiters
        let timeout = Task {
            try? await Task.sleep(for: patience)
            self.wake(waiter)
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (page: CheckedContinuation<Void, Never>) in
                if Task.isCancelled { page.resume() } else { waiting[waiter] = page }
            }
        } onCancel: {
            Task { await self.wake(waiter) }
        }
        timeout.cancel()
        return version
    }
}

/// Answers every request from the current build.
struct PreviewHandler: HTTPHandler {
    let state: PreviewState

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        let raw = request.target.path(percentEncoded: true)
        switch raw {
        case PreviewPages.versionPath:
            let seen = request.query.first { $0.name == "after" }.flatMap { Int($0.value) }
            let version = if let seen { await state.version(after: seen) } else { await state.version }
            return Self.response(.ok, "text/plain; charset=utf-8", Data("\(version)".utf8))
        case PreviewPages.scriptPath:
            return Self.response(.ok, "text/javascript; charset=utf-8", Data(PreviewPages.script.utf8))
        default:
            break
        }
        guard request.method == .GET || request.method == .HEAD, let path = SiteFiles.relativePath(forRequestPath: raw) else {
            return Self.response(.notFound, "text/html; charset=utf-8", Data(PreviewPages.notFound.utf8))
        }
        if let problems = await state.problems, path.hasSuffix(".html") {
            let page = PreviewPages.errors(problems.diagnostics, summary: problems.summary)
            return Self.response(.internalServerError, "text/html; charset=utf-8", Data(page.utf8))
        }
        // A folder means its index.html, as a static host would serve it.
        guard let site = await state.site, let entry = site.entry(at: path) ?? site.entry(at: path + "/index.html") else {
            return Self.response(.notFound, "text/html; charset=utf-8", Data(PreviewPages.notFound.utf8))
        }
        let type = SiteFiles.contentType(of: entry.path)
        let bytes = entry.produce().bytes
        return Self.response(.ok, type, Data(type.hasPrefix("text/html") ? PreviewPages.withLiveReload(bytes) : bytes))
    }

    static func response(_ status: HTTPStatusCode, _ type: String, _ body: Data) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: [.contentType: type, .init("Cache-Control"): "no-store"], body: body)
    }
}
