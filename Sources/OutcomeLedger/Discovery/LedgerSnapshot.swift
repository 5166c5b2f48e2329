/// A ledger's files held in memory — a git revision's tree — so the same pipeline that
/// compiles a folder compiles a revision, with the same discovery rules: `*.md` files under
/// the outcomes folder, names beginning with `.` or `_` skipped at every level.
public struct LedgerSnapshot: Sendable {
    public enum Entry: Sendable {
        case file([UInt8])
        /// Known to exist, contents not read (larger than the limit, or not needed).
        case unread(size: Int)
        /// A symbolic link: a revision's links are not followed.
        case symbolicLink
        /// Something that is not a file (a submodule).
        case other
    }

    /// Path relative to the ledger root → entry.
    public var entries: [String: Entry]
    /// The contents read, by git object id, so a later revision reads only what changed.
    public var objects: [String: [UInt8]]

    public init(entries: [String: Entry], objects: [String: [UInt8]] = [:]) {
        self.entries = entries
        self.objects = objects
    }

    func outcomeFiles(in folder: String) -> LedgerDiscovery.Found? {
        let prefix = folder.isEmpty ? "" : folder + "/"
        let inside = entries.filter { $0.key.hasPrefix(prefix) }
        guard !inside.isEmpty else { return nil }
        var found = LedgerDiscovery.Found()
        for (path, entry) in inside {
            let components = path.dropFirst(prefix.count).split(separator: "/")
            guard let name = components.last, !components.contains(where: { $0.hasPrefix(".") || $0.hasPrefix("_") }) else { continue }
            if SkippedFile.isMisnamed(String(name)) {
                if case .file = entry { found.diagnostics.append(SkippedFile.skipped(path)) }
                continue
            }
            guard name.hasSuffix(".md") else { continue }
            switch entry {
            case .file, .unread: found.outcomeFiles.append(path)
            case .symbolicLink: found.diagnostics.append(FileUnreadable.unreadable(path, reason: "a symbolic link in a git revision is not followed"))
            case .other: found.diagnostics.append(FileUnreadable.notARegularFile(path))
            }
        }
        found.outcomeFiles.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        found.diagnostics.sort(by: Diagnostic.reportOrder)
        return found
    }

    func read(_ path: String, limit: Int) -> Result<[UInt8], LedgerDiscovery.ReadFailure> {
        switch entries[path] {
        case .file(let bytes)?:
            return bytes.count > limit ? .failure(.init(reason: "too large", size: bytes.count)) : .success(bytes)
        case .unread(let size)?:
            return .failure(.init(reason: size > limit ? "too large" : "not read from the revision", size: size > limit ? size : nil))
        case .symbolicLink?: return .failure(.init(reason: "a symbolic link in a git revision is not followed", size: nil))
        case .other?: return .failure(.init(reason: "not a regular file", size: nil))
        case nil: return .failure(.init(reason: "no such file", size: nil))
        }
    }

    func exists(_ path: String) -> Bool {
        entries[path] != nil
    }
}

extension GitRepository {
    /// The ledger as it is in a commit: every file under the ledger root, with the
    /// contents of the ones compiling reads (`ledger.yml`, `people.yml` and `*.md` files up
    /// to `sizeLimit`). Two `git` processes, whatever the number of files; objects already
    /// in `known` (an earlier revision's snapshot) are not read again.
    public func snapshot(at commit: String, sizeLimit: Int = 32 << 20,
                         reusing known: LedgerSnapshot? = nil) async throws(GitError) -> LedgerSnapshot {
        let files = try await self.files(at: commit)
        func wanted(_ file: TreeFile) -> Bool {
            file.kind == .file && file.size <= sizeLimit
                && (file.path.hasSuffix(".md") || file.path == LedgerConfig.fileName || file.path == LedgerConfig.peopleFileName)
        }
        let objects = Set(files.filter(wanted).map(\.object))
        let reused = known?.objects.filter { objects.contains($0.key) } ?? [:]
        let contents = try await self.contents(of: objects.filter { reused[$0] == nil }.sorted())
            .merging(reused) { read, _ in read }
        var entries: [String: LedgerSnapshot.Entry] = [:]
        for file in files {
            switch file.kind {
            case .file: entries[file.path] = contents[file.object].map { .file($0) } ?? .unread(size: file.size)
            case .symbolicLink: entries[file.path] = .symbolicLink
            case .other: entries[file.path] = .other
            }
        }
        return LedgerSnapshot(entries: entries, objects: contents)
    }
}
