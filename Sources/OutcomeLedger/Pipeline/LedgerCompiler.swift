/// The compiler pipeline: discover → parse → resolve → validate → judge health, then
/// severities and source excerpts applied. Emitting (reports, the site) takes the `Compilation` it returns.
public enum LedgerCompiler {
    public struct Options: Sendable {
        /// The date review, start and due dates are compared with.
        public var today: CalendarDate
        /// Warnings count as errors.
        public var strict: Bool
        /// Files parsed by an earlier compilation in this process, reused when unchanged.
        public var cache: ParseCache?
        /// Each outcome file's size and modification time as just seen by whoever watches
        /// the ledger (`serve`), by path: a file whose stamp is the one it had when the
        /// cache took it is not even read again. A file changed while it was being read is
        /// kept under the stamp seen before, so the next look reads it again.
        package var stamps: [String: FileSystem.Stamp]?

        public init(today: CalendarDate, strict: Bool = false, cache: ParseCache? = nil) {
            self.today = today
            self.strict = strict
            self.cache = cache
        }
    }

    /// Why a folder cannot be compiled at all, found without compiling it: for commands
    /// that must refuse before they start (`serve`).
    public static func rootProblem(_ root: String) -> LedgerRootError? {
        let discovery: LedgerDiscovery
        do { discovery = try LedgerDiscovery(root: root) } catch { return error }
        let config = settings(of: discovery)
        if discovery.outcomeFiles(in: config.outcomesFolder) == nil, config.outcomesFolderLocation == nil {
            return .noOutcomesFolder(root: root, folder: config.outcomesFolder)
        }
        return nil
    }

    /// The settings `ledger.yml` gives (the defaults where it has none or they can't be
    /// read), without their problems, which compiling reports: for steps that must know
    /// where the outcomes are before compiling.
    public static func settings(of discovery: LedgerDiscovery) -> LedgerConfig {
        guard discovery.exists(LedgerConfig.fileName), case .success(let bytes) = discovery.read(LedgerConfig.fileName),
              case .success(let text) = SourceText.decode(path: LedgerConfig.fileName, bytes: bytes) else { return LedgerConfig() }
        return ConfigParser.parse(text, ruleNames: RuleRegistry.names).0
    }

    public static func compile(root: String, options: Options) throws(LedgerRootError) -> Compilation {
        try compile(LedgerDiscovery(root: root), options: options)
    }

    /// Compiles the ledger a discovery reads: a folder, or a revision held in memory.
    public static func compile(_ discovery: LedgerDiscovery, options: Options) throws(LedgerRootError) -> Compilation {
        let root = discovery.root
        var sources = SourceSet(discovery: discovery)

        // Configuration first: it says where the outcomes are and how to judge them.
        var config = LedgerConfig()
        if let text = sources.text(LedgerConfig.fileName) {
            let parsed = ConfigParser.parse(text, ruleNames: RuleRegistry.names)
            config = parsed.0
            sources.diagnostics += parsed.1
        }
        sources.sizeLimit = config.maxPeopleFileSize
        var people: [Person]?
        if let text = sources.text(LedgerConfig.peopleFileName) {
            let parsed = options.cache?.people(in: text) ?? PeopleParser.parse(text)
            people = parsed.0
            sources.diagnostics += parsed.1
        }
        sources.sizeLimit = config.maxFileSize

        guard let found = discovery.outcomeFiles(in: config.outcomesFolder) else {
            guard let location = config.outcomesFolderLocation else {
                throw .noOutcomesFolder(root: root, folder: config.outcomesFolder)
            }
            sources.diagnostics.append(Config.problem("the outcomes folder `\(config.outcomesFolder)` does not exist",
                                                      at: location))
            return finish(sources, ledger: LedgerResolver.resolve(config: config, outcomes: [], people: people),
                          outcomeFiles: [], options: options)
        }
        sources.diagnostics += found.diagnostics

        // Files are independent until resolution: read, decode and parse them on every core.
        let files = found.outcomeFiles
        let loader = sources.loader
        let settings = config
        let cache = options.cache
        cache?.begin(config: config)
        let stamps = options.stamps
        @Sendable func parse(_ index: Int) -> (text: SourceText?, outcome: Outcome?, reading: [Diagnostic], parsing: [Diagnostic], kept: ParseCache.Entry?) {
            let bytes: [UInt8]
            switch loader.read(files[index]) {
            case .failure(let problems): return (nil, nil, problems.diagnostics, [], nil)
            case .success(let read): bytes = read
            }
            // The same bytes as last time: not even decoded again.
            let raw = cache == nil ? nil : TextDigest(bytes)
            if let raw, let hit = cache?.entry(path: files[index], raw: raw) { return (hit.text, hit.outcome, [], hit.diagnostics, hit) }
            let (text, problems) = loader.decode(bytes, path: files[index])
            guard let text else { return (nil, nil, problems, [], nil) }
            if var hit = cache?.entry(for: text) {
                hit.raw = raw
                return (hit.text, hit.outcome, problems, hit.diagnostics, hit)
            }
            let (outcome, diagnostics) = OutcomeParser.parse(text, config: settings)
            let kept = raw.map { ParseCache.Entry(parsed: text, raw: $0, outcome: outcome, diagnostics: diagnostics) }
            return (text, outcome, problems, diagnostics, kept)
        }
        let parsed = Parallel.map(files.count) { index -> (text: SourceText?, outcome: Outcome?, reading: [Diagnostic], parsing: [Diagnostic], kept: ParseCache.Entry?) in
            let stamp = stamps?[files[index]]
            if let stamp, let hit = cache?.entry(path: files[index], stamp: stamp) { return (hit.text, hit.outcome, [], hit.diagnostics, hit) }
            var result = parse(index)
            result.kept?.stamp = stamp
            return result
        }
        var outcomes: [Outcome] = []
        outcomes.reserveCapacity(files.count)
        var kept: [String: ParseCache.Entry] = [:]
        for file in parsed {
            if let text = file.text {
                sources.texts[text.path] = text
                if let entry = file.kept { kept[text.path] = entry }
            }
            if let outcome = file.outcome { outcomes.append(outcome) }
            sources.diagnostics += file.reading + file.parsing
        }
        BodyLinkResolver.resolve(&outcomes, outcomesFolder: config.outcomesFolder, discovery: discovery,
                                 maxAssetSize: config.maxAssetSize)
        // The cache keeps outcomes as resolved, so the next resolution finds most of them
        // already right (it checks every link again all the same).
        for outcome in outcomes where kept[outcome.file] != nil { kept[outcome.file]!.outcome = outcome }
        cache?.replace(with: kept)
        let ledger = LedgerResolver.resolve(config: config, outcomes: outcomes, people: people)
        let context = RuleContext(ledger: ledger, today: options.today)
        // Rules only read the ledger: run them side by side, keep their order.
        let rules = RuleRegistry.ledgerRules
        for found in Parallel.map(rules.count, { rules[$0].check(context) }) {
            sources.diagnostics += found
        }
        return finish(sources, ledger: ledger, outcomeFiles: found.outcomeFiles, options: options)
    }

    /// Applies `rules:` settings and `--strict`, attaches source lines, and sorts.
    private static func finish(_ sources: SourceSet, ledger: Ledger, outcomeFiles: [String], options: Options) -> Compilation {
        let settings = ledger.config.ruleSettings
        var diagnostics: [Diagnostic] = []
        diagnostics.reserveCapacity(sources.diagnostics.count)
        for var diagnostic in sources.diagnostics {
            switch settings[diagnostic.rule] {
            case .off: continue
            case .error: diagnostic.severity = .error
            case .warning: diagnostic.severity = .warning
            case nil: break
            }
            if options.strict { diagnostic.severity = .error }
            diagnostic.sourceLine = sources.texts[diagnostic.location.file]?.line(diagnostic.location.line)
            diagnostics.append(diagnostic)
        }
        diagnostics.sort(by: Diagnostic.reportOrder)
        var compilation = Compilation(ledger: ledger, diagnostics: diagnostics, today: options.today, outcomeFiles: outcomeFiles)
        compilation.root = sources.discovery.folder
        return compilation
    }
}

/// The files read so far, decoded, and the diagnostics about reading them.
private struct SourceSet {
    let discovery: LedgerDiscovery
    var texts: [String: SourceText] = [:]
    var diagnostics: [Diagnostic] = []
    /// Ledger content (not the trusted `ledger.yml`) is held to `max_file_size`.
    var sizeLimit = Int.max

    init(discovery: LedgerDiscovery) {
        self.discovery = discovery
    }

    var loader: SourceLoader { SourceLoader(discovery: discovery, sizeLimit: sizeLimit) }

    /// Reads and decodes a file; nil (with a diagnostic unless it is simply absent) when
    /// there is no usable text.
    mutating func text(_ path: String) -> SourceText? {
        guard discovery.exists(path) else { return nil }
        let (text, problems) = loader.load(path)
        diagnostics += problems
        if let text { texts[path] = text }
        return text
    }
}

/// Reads and decodes one file, safely from any thread.
private struct SourceLoader: Sendable {
    let discovery: LedgerDiscovery
    let sizeLimit: Int

    struct Problems: Error {
        var diagnostics: [Diagnostic]
    }

    func load(_ path: String) -> (SourceText?, [Diagnostic]) {
        switch read(path) {
        case .failure(let problems): return (nil, problems.diagnostics)
        case .success(let bytes): return decode(bytes, path: path)
        }
    }

    func read(_ path: String) -> Result<[UInt8], Problems> {
        switch discovery.read(path, limit: sizeLimit) {
        case .failure(let failure):
            if let size = failure.size {
                return .failure(Problems(diagnostics: [FileTooLarge.tooLarge(path, size: size, limit: sizeLimit)]))
            }
            return .failure(Problems(diagnostics: [FileUnreadable.unreadable(path, reason: failure.reason)]))
        case .success(let bytes): return .success(bytes)
        }
    }

    func decode(_ bytes: [UInt8], path: String) -> (SourceText?, [Diagnostic]) {
        switch SourceText.decode(path: path, bytes: bytes) {
        case .failure(let failure): return (nil, [FileUnreadable.notUTF8(failure, file: path)])
        case .success(let text): return (text, [])
        }
    }
}
