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

    /// The site's files, or the template diagnostics that prevent building it.
    public static func files(for compilation: Compilation, options: Options) -> Result<[SiteFile], DiagnosticsError> {
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
        var files = pages.render()
        files.append(SiteFile(path: "ledger.json", contents: Array(LedgerJSON.render(data).utf8)))
        files.append(SiteFile(path: "summary.json", contents: Array(SummaryJSON.render(data, compilation: compilation).utf8)))
        for (path, bytes) in theme.assets { files.append(SiteFile(path: path, contents: bytes)) }
        files.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        return .success(files)
    }
}
