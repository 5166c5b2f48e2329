import Mustache
import OutcomeLedger

/// The site-emitting stage: from a compilation to the files of the site — pages, JSON
/// summaries and theme assets — in path order.
public enum SiteBuilder {
    public struct Options: Sendable {
        /// Absolute URL the site is published at; only used for canonical links. Falls
        /// back to `base_url` in ledger.yml.
        public var baseURL: String?
        public var overrides: [Theme.Override]
        /// Build despite errors, with a Problems page.
        public var keepGoing: Bool

        public init(baseURL: String? = nil, overrides: [Theme.Override] = [], keepGoing: Bool = false) {
            self.baseURL = baseURL
            self.overrides = overrides
            self.keepGoing = keepGoing
        }
    }

    /// The site, or the template diagnostics that prevent building it.
    public static func site(for compilation: Compilation, options: Options) -> Result<Site, DiagnosticsError> {
        let theme = Theme.load(overrides: options.overrides)
        let pages: SitePages
        switch self.pages(for: compilation, theme: theme, options: options) {
        case .success(let value): pages = value
        case .failure(let problems): return .failure(problems)
        }
        let data = pages.data
        var entries = pages.entries()
        entries.append(Site.Entry(path: "ledger.json") {
            .streamed { emit in LedgerJSON.document(data).render(inPiecesOf: 1 << 16, emit) }
        })
        entries.append(Site.Entry(path: "summary.json") { .text(SummaryJSON.render(data, compilation: compilation)) })
        for (path, bytes) in theme.assets { entries.append(Site.Entry(path: path) { .bytes(bytes) }) }
        entries += assetEntries(compilation)
        return .success(Site(entries: entries, key: key(of: theme, options: options)))
    }

    /// The pages of the site, ready to render with the theme.
    static func pages(for compilation: Compilation, theme: Theme, options: Options) -> Result<SitePages, DiagnosticsError> {
        let parsed = theme.parsed()
        return parsed.library.map { library in
            let data = PageData(ledger: compilation.ledger, health: compilation.health, history: compilation.history)
            let baseURL = (options.baseURL ?? compilation.ledger.config.baseURL).map { $0.hasSuffix("/") ? $0 : $0 + "/" }
            return SitePages(data: data, compilation: compilation, library: library, renderer: parsed.renderer,
                             baseURL: baseURL, keepGoing: options.keepGoing)
        }
    }

    /// Where a file a body links to is published: under `files/`, at its path in the ledger.
    public static func assetPath(_ path: String) -> String { "files/" + path }

    /// The files bodies link to, copied from the ledger. A file is rewritten only when its
    /// bytes changed since the build in place.
    static func assetEntries(_ compilation: Compilation) -> [Site.Entry] {
        guard let root = compilation.root else { return [] }
        var paths: Set<String> = []
        for outcome in compilation.ledger.outcomes where outcome.hasFrontMatter {
            for link in outcome.links {
                if case .asset(let path)? = link.target { paths.insert(path) }
            }
        }
        let limit = compilation.ledger.config.maxAssetSize
        return paths.sorted().map { path in
            Site.Entry(path: assetPath(path)) { previous in
                let bytes = (try? FileSystem.read("\(root)/\(path)", limit: limit).get()) ?? []
                let key = bytes.withUnsafeBytes { ContentHash.of($0) }
                return (key, key == previous ? nil : .bytes(bytes))
            }
        }
    }

    /// What every page depends on besides its data: the theme, the binary that renders it
    /// and the options. Page keys are only compared under the same site key.
    static func key(of theme: Theme, options: Options) -> UInt64 {
        var key = PageKey()
        key.add(ToolVersion.current)
        key.add(ToolVersion.executableIdentity)
        key.add([options.baseURL ?? "", "\(options.keepGoing)"])
        for name in theme.templates.keys.sorted() {
            key.add(name)
            key.add(theme.templates[name]!.text)
        }
        for path in theme.assets.keys.sorted() {
            key.add(path)
            key.add(String(decoding: theme.assets[path]!, as: UTF8.self) + "\(theme.assets[path]!.count)")
        }
        return key.value
    }

    /// The site's files, all rendered, in path order.
    public static func files(for compilation: Compilation, options: Options) -> Result<[SiteFile], DiagnosticsError> {
        site(for: compilation, options: options).map { $0.files() }
    }
}

/// A built site before it is written: every file's path, and how to produce its bytes.
/// Files are produced by whoever writes them, so a large site is rendered and written
/// page by page on every core instead of being held in memory whole.
public struct Site: Sendable {
    public struct Entry: Sendable {
        public let path: String
        /// Makes the contents, unless the key they would have is the one given (the key
        /// of the file already in place); returns that key, nil for files without one.
        let make: @Sendable (_ previousKey: UInt64?) -> (key: UInt64?, content: Content?)
        /// Makes the contents without working out their key, when that costs anything.
        private let makeContent: (@Sendable () -> Content)?

        public init(path: String, produce: @escaping @Sendable () -> Content) {
            self.path = path
            self.make = { _ in (nil, produce()) }
            self.makeContent = produce
        }

        init(path: String, keyed: @escaping @Sendable (_ previousKey: UInt64?) -> (key: UInt64, content: Content?),
             unkeyed: (@Sendable () -> Content)? = nil) {
            self.path = path
            self.make = { keyed($0) }
            self.makeContent = unkeyed
        }

        /// The contents, for whoever needs them without writing a site (`serve`).
        public func produce() -> Content {
            makeContent?() ?? make(nil).content ?? .bytes([])
        }
    }

    /// A file's contents: pages and JSON are text, written without a copy into bytes; a
    /// large file can be streamed, handed over in pieces as it is made.
    public enum Content: Sendable {
        case text(String)
        case bytes([UInt8])
        case streamed(@Sendable (_ emit: (UnsafeRawBufferPointer) -> Void) -> Void)

        public var bytes: [UInt8] {
            switch self {
            case .text(let text): return Array(text.utf8)
            case .bytes(let bytes): return bytes
            case .streamed(let produce):
                var bytes: [UInt8] = []
                produce { bytes += $0 }
                return bytes
            }
        }
    }

    /// In path order (byte-wise), so every listing of the site is stable.
    public let entries: [Entry]
    /// The key of what all pages depend on (see `SiteBuilder.key`); 0 when pages have no keys.
    public let key: UInt64

    public init(entries: [Entry], key: UInt64 = 0) {
        self.entries = entries.sorted { $0.path.precedesInByteOrder($1.path) }
        self.key = key
    }

    /// The entry for `path`, found by halving the sorted entries.
    public func entry(at path: String) -> Entry? {
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].path.precedesInByteOrder(path) { low = middle + 1 } else { high = middle }
        }
        return low < entries.count && entries[low].path == path ? entries[low] : nil
    }

    /// Every file rendered, in path order.
    public func files() -> [SiteFile] {
        Parallel.map(entries.count) { SiteFile(path: entries[$0].path, contents: entries[$0].produce().bytes) }
    }
}
