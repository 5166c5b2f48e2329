/// Where a ledger sits in its repository, so CI reports can name files the way the
/// repository host does (relative to the repository root, not to the ledger).
public struct ReportContext: Sendable {
    /// The ledger root relative to the repository root, with a trailing `/`, or "" when
    /// they are the same folder (or there is no repository).
    public var pathPrefix: String
    /// The repository root as an absolute `file://` URI with a trailing `/`.
    public var repositoryRootURI: String

    public init(pathPrefix: String = "", repositoryRootURI: String = "file:///") {
        self.pathPrefix = pathPrefix
        self.repositoryRootURI = repositoryRootURI
    }

    /// Finds the repository around a ledger root: the nearest folder above it holding `.git`.
    public static func locate(ledgerRoot: String) -> ReportContext {
        guard let real = FileSystem.realPath(ledgerRoot) else { return ReportContext() }
        var repository = real
        while FileSystem.kind(of: repository + "/.git") == .missing {
            guard let slash = repository.lastIndex(of: "/"), repository != "/" else {
                repository = real
                break
            }
            repository = slash == repository.startIndex ? "/" : String(repository[..<slash])
        }
        let prefix = real == repository ? "" : String(real.dropFirst(repository.count).drop { $0 == "/" }) + "/"
        let uri = "file://" + (repository.hasSuffix("/") ? repository : repository + "/")
        return ReportContext(pathPrefix: prefix, repositoryRootURI: uri)
    }

    /// A diagnostic's file as the repository names it.
    public func path(_ file: String) -> String { pathPrefix + file }
}
