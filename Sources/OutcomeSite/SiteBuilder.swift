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
        let library: MustacheLibrary
        switch theme.library() {
        case .success(let value): library = value
        case .failure(let problems): return .failure(problems)
        }
        let data = PageData(ledger: compilation.ledger)
        let baseURL = (options.baseURL ?? compilation.ledger.config.baseURL).map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        let pages = SitePages(data: data, compilation: compilation, library: library,
                              baseURL: baseURL, keepGoing: options.keepGoing)
        var entries = pages.entries()
        entries.append(Site.Entry(path: "ledger.json") { .text(LedgerJSON.render(data)) })
        entries.append(Site.Entry(path: "summary.json") { .text(SummaryJSON.render(data, compilation: compilation)) })
        for (path, bytes) in theme.assets { entries.append(Site.Entry(path: path) { .bytes(bytes) }) }
        return .success(Site(entries: entries))
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
        public let produce: @Sendable () -> Content

        public init(path: String, produce: @escaping @Sendable () -> Content) {
            self.path = path
            self.produce = produce
        }
    }

    /// A file's contents: pages and JSON are text, written without a copy into bytes.
    public enum Content: Sendable {
        case text(String)
        case bytes([UInt8])

        public var bytes: [UInt8] {
            switch self {
            case .text(let text): return Array(text.utf8)
            case .bytes(let bytes): return bytes
            }
        }

        /// The contents as raw bytes, without a copy.
        func withBytes<T>(_ body: (UnsafeRawBufferPointer) -> T) -> T {
            switch self {
            case .text(var text): return text.withUTF8 { body(UnsafeRawBufferPointer($0)) }
            case .bytes(let bytes): return bytes.withUnsafeBytes(body)
            }
        }
    }

    /// In path order (byte-wise), so every listing of the site is stable.
    public let entries: [Entry]

    public init(entries: [Entry]) {
        self.entries = entries.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }

    /// A site of files already in memory.
    public init(files: [SiteFile]) {
        self.init(entries: files.map { file in Entry(path: file.path) { .bytes(file.contents) } })
    }

    /// Every file rendered, in path order.
    public func files() -> [SiteFile] {
        Parallel.map(entries.count) { SiteFile(path: entries[$0].path, contents: entries[$0].produce().bytes) }
    }
}
