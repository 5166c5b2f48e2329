/// Why the tool cannot work on a root at all (exit code 2), as opposed to problems in
/// the ledger, which are diagnostics.
public enum LedgerRootError: Error, Equatable, CustomStringConvertible {
    case missing(String)
    case notADirectory(String)
    case noOutcomesFolder(root: String, folder: String)

    public var description: String {
        switch self {
        case .missing(let root): return "no such folder: \(root)"
        case .notADirectory(let root): return "not a folder: \(root)"
        case .noOutcomesFolder(let root, let folder):
            return "\(root) is not a ledger: it has no `\(folder)/` folder (and no ledger.yml naming another); `outcomes init \(root)` starts one"
        }
    }
}

/// The discovery stage: finds outcome files under the root and reads files' bytes.
///
/// Outcome files are the `*.md` files under the outcomes folder, recursively, skipping
/// names that begin with `.` or `_`. Symbolic links are followed only while they stay
/// inside the root, and each real folder is walked once, so link loops end.
public struct LedgerDiscovery: Sendable {
    public let root: String
    private let realRoot: String
    /// A ledger held in memory (a git revision) instead of on disk.
    private let snapshot: LedgerSnapshot?

    public init(root: String) throws(LedgerRootError) {
        switch FileSystem.kind(of: root) {
        case .missing: throw .missing(root)
        case .directory: break
        default: throw .notADirectory(root)
        }
        self.root = root
        self.realRoot = FileSystem.realPath(root) ?? root
        self.snapshot = nil
    }

    /// The folder read, or nil for a ledger held in memory.
    public var folder: String? { snapshot == nil ? root : nil }

    /// A ledger whose files are in memory; `name` says where it came from in messages.
    public init(snapshot: LedgerSnapshot, name: String) {
        root = name
        realRoot = name
        self.snapshot = snapshot
    }

    /// The result of walking the outcomes folder: relative paths in byte order, and
    /// diagnostics for what was skipped.
    public struct Found: Sendable {
        public var outcomeFiles: [String] = []
        public var diagnostics: [Diagnostic] = []
    }

    /// Walks the outcomes folder. Nil when the folder does not exist.
    public func outcomeFiles(in folder: String) -> Found? {
        if let snapshot { return snapshot.outcomeFiles(in: folder) }
        guard FileSystem.kind(of: absolute(folder)) == .directory else { return nil }
        var found = Found()
        var visited: Set<String> = []
        var pending: [String] = [folder]
        while let relative = pending.popLast() {
            let directory = absolute(relative)
            guard let real = FileSystem.realPath(directory), isInsideRoot(real), visited.insert(real).inserted else { continue }
            var subfolders: [String] = []
            for (name, own) in FileSystem.typedEntries(of: directory) where !name.hasPrefix(".") && !name.hasPrefix("_") {
                let path = relative.isEmpty ? name : "\(relative)/\(name)"
                switch classify(path, own: own) {
                case .directory: subfolders.append(path)
                case .file where name.hasSuffix(".md"): found.outcomeFiles.append(path)
                case .file where SkippedFile.isMisnamed(name): found.diagnostics.append(SkippedFile.skipped(path))
                case .other where name.hasSuffix(".md"): found.diagnostics.append(FileUnreadable.notARegularFile(path))
                case .brokenLink where name.hasSuffix(".md"):
                    found.diagnostics.append(FileUnreadable.unreadable(path, reason: "broken symbolic link or link loop"))
                case .outsideRoot: found.diagnostics.append(LinkOutsideRoot.outside(path))
                default: break
                }
            }
            pending += subfolders.reversed()
        }
        found.outcomeFiles.sort { $0.precedesInByteOrder($1) }
        return found
    }

    /// The bytes of a file under the root, or why they can't be had.
    public func read(_ relative: String, limit: Int = .max) -> Result<[UInt8], ReadFailure> {
        if let snapshot { return snapshot.read(relative, limit: limit) }
        return FileSystem.read(absolute(relative), limit: limit).mapError { ReadFailure(reason: $0.reason, size: $0.size) }
    }

    /// Whether a file exists (following links) under the root.
    public func exists(_ relative: String) -> Bool {
        if let snapshot { return snapshot.exists(relative) }
        return FileSystem.kind(of: absolute(relative)) != .missing
    }

    /// The names of the files in a folder under the root (root-relative; "" is the root),
    /// in byte order; none when it is not a folder.
    public func fileNames(in folder: String) -> [String] {
        if let snapshot { return snapshot.fileNames(in: folder) }
        let directory = absolute(folder)
        return FileSystem.typedEntries(of: directory).compactMap { name, kind in
            let isFile = kind.map { $0 == .regularFile } ?? (FileSystem.kind(of: "\(directory)/\(name)") == .regularFile)
            return isFile ? name : nil
        }
    }

    /// What a link in a body finds at a path under the root.
    public enum FileLookup: Sendable, Equatable {
        case file(size: Int)
        case missing
        /// A symbolic link (or a folder on the way) that leads out of the root.
        case outsideRoot
        /// A folder, a device, or in a revision a symbolic link (not followed).
        case notAFile
    }

    /// Looks a file up by a root-relative path that is already known to stay inside the
    /// root by its name (no `..` left): the same rules as discovery then apply to links.
    public func lookUp(_ relative: String) -> FileLookup {
        if let snapshot {
            switch snapshot.entries[relative] {
            case .file(let bytes)?: return .file(size: bytes.count)
            case .unread(let size)?: return .file(size: size)
            case .symbolicLink?, .other?: return .notAFile
            case nil: return .missing
            }
        }
        let path = absolute(relative)
        guard FileSystem.ownKind(of: path) != nil else { return .missing }
        guard let real = FileSystem.realPath(path) else { return .missing }
        guard isInsideRoot(real) else { return .outsideRoot }
        return FileSystem.size(of: path).map { .file(size: $0) } ?? .notAFile
    }

    public struct ReadFailure: Error, Equatable, Sendable {
        public var reason: String
        /// The file's size, when it was refused for being larger than the limit.
        public var size: Int?
    }

    // MARK: - File system

    private enum Kind { case directory, file, other, brokenLink, outsideRoot }

    /// What is at a path; `own` is what `readdir` said it is itself, when it is not a link.
    private func classify(_ relative: String, own: FileSystem.Kind? = nil) -> Kind {
        switch own {
        case .directory?: return .directory
        case .regularFile?: return .file
        case .other?: return .other
        case .missing?, nil: break
        }
        let path = absolute(relative)
        guard let own = FileSystem.ownKind(of: path) else { return .brokenLink }
        var kind = own.kind
        if own.isLink {
            guard let target = FileSystem.realPath(path) else { return .brokenLink }
            guard isInsideRoot(target) else { return .outsideRoot }
            kind = FileSystem.kind(of: path)
        }
        switch kind {
        case .directory: return .directory
        case .regularFile: return .file
        case .other: return .other
        case .missing: return .brokenLink
        }
    }

    private func absolute(_ relative: String) -> String {
        relative.isEmpty ? root : "\(root)/\(relative)"
    }

    private func isInsideRoot(_ real: String) -> Bool {
        real == realRoot || real.hasPrefix(realRoot.hasSuffix("/") ? realRoot : realRoot + "/")
    }
}
