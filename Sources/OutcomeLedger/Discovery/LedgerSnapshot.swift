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

    public init(entries: [String: Entry]) {
        self.entries = entries
    }

    func outcomeFiles(in folder: String) -> LedgerDiscovery.Found? {
        let prefix = folder.isEmpty ? "" : folder + "/"
        var found = LedgerDiscovery.Found()
        var folderExists = false
        for (path, entry) in entries where path.hasPrefix(prefix) {
            folderExists = true
            guard !Self.hasHiddenComponent(path.utf8.dropFirst(prefix.utf8.count)) else { continue }
            if path.hasSuffix(".md") {
                switch entry {
                case .file, .unread: found.outcomeFiles.append(path)
                case .symbolicLink: found.diagnostics.append(FileUnreadable.unreadable(path, reason: "a symbolic link in a git revision is not followed"))
                case .other: found.diagnostics.append(FileUnreadable.notARegularFile(path))
                }
            } else if case .file = entry, SkippedFile.isMisnamed(String(path.split(separator: "/").last ?? "")) {
                found.diagnostics.append(SkippedFile.skipped(path))
            }
        }
        guard folderExists else { return nil }
        found.outcomeFiles.sort { $0.precedesInByteOrder($1) }
        found.diagnostics.sort(by: Diagnostic.reportOrder)
        return found
    }

    /// Whether any folder or file name of a path starts with `.` or `_`: skipped, as in a folder.
    private static func hasHiddenComponent(_ path: Substring.UTF8View) -> Bool {
        var atStart = true
        for byte in path {
            if atStart && (byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")) { return true }
            atStart = byte == UInt8(ascii: "/")
        }
        return false
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

    func fileNames(in folder: String) -> [String] {
        let prefix = folder.isEmpty ? "" : folder + "/"
        var names: [String] = []
        for (path, entry) in entries where path.hasPrefix(prefix) {
            let name = path.dropFirst(prefix.count)
            guard !name.contains("/") else { continue }
            switch entry {
            case .file, .unread: names.append(String(name))
            case .symbolicLink, .other: break
            }
        }
        return names.sorted { $0.precedesInByteOrder($1) }
    }
}

extension GitRepository {
    /// The ledger as it is in a commit: every file under the ledger root, with the
    /// contents of the ones compiling reads (`ledger.yml`, `people.yml` and `*.md` files up
    /// to `sizeLimit`). A constant number of `git` processes, whatever the number of files.
    public func snapshot(at commit: String, sizeLimit: Int = 32 << 20) async throws(GitError) -> LedgerSnapshot {
        try await snapshots(at: [commit], sizeLimit: sizeLimit)[0]
    }

    /// The ledger in several commits at once: their trees are listed side by side and the
    /// files of all of them read together, so a file that is the same in two commits is
    /// read once.
    public func snapshots(at commits: [String], sizeLimit: Int = 32 << 20) async throws(GitError) -> [LedgerSnapshot] {
        var trees: [[TreeFile]] = []
        if commits.count == 2 {
            async let first = filesResult(at: commits[0])
            let second = try await files(at: commits[1])
            trees = [try await first.get(), second]
        } else {
            for commit in commits { trees.append(try await files(at: commit)) }
        }
        func wanted(_ file: TreeFile) -> Bool {
            file.kind == .file && file.size <= sizeLimit
                && (file.path.hasSuffix(".md") || file.path == LedgerConfig.fileName || file.path == LedgerConfig.peopleFileName)
        }
        let contents = try await self.contents(of: trees.flatMap { $0.filter(wanted).map(\.object) })
        return trees.map { files in
            var entries: [String: LedgerSnapshot.Entry] = [:]
            entries.reserveCapacity(files.count)
            for file in files {
                switch file.kind {
                case .file: entries[file.path] = contents[file.object].map { .file($0) } ?? .unread(size: file.size)
                case .symbolicLink: entries[file.path] = .symbolicLink
                case .other: entries[file.path] = .other
                }
            }
            return LedgerSnapshot(entries: entries)
        }
    }

    private func filesResult(at commit: String) async -> Swift.Result<[TreeFile], GitError> {
        do { return .success(try await files(at: commit)) } catch { return .failure(error) }
    }
}
