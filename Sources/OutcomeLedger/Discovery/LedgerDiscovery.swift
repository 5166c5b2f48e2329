#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
            return "\(root) is not a ledger: it has no `\(folder)/` folder (and no ledger.yml naming another)"
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

    public init(root: String) throws(LedgerRootError) {
        var info = stat()
        guard stat(root, &info) == 0 else { throw .missing(root) }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw .notADirectory(root) }
        self.root = root
        self.realRoot = Self.realPath(root) ?? root
    }

    /// The result of walking the outcomes folder: relative paths in byte order, and
    /// diagnostics for what was skipped.
    public struct Found: Sendable {
        public var outcomeFiles: [String] = []
        public var diagnostics: [Diagnostic] = []
    }

    /// Walks the outcomes folder. Nil when the folder does not exist.
    public func outcomeFiles(in folder: String) -> Found? {
        let start = absolute(folder)
        guard isDirectory(start) else { return nil }
        var found = Found()
        var visited: Set<String> = []
        var pending: [String] = [folder]
        while let relative = pending.popLast() {
            let directory = absolute(relative)
            guard let real = Self.realPath(directory), isInsideRoot(real), visited.insert(real).inserted else { continue }
            var subfolders: [String] = []
            for name in Self.entries(of: directory) where !name.hasPrefix(".") && !name.hasPrefix("_") {
                let path = "\(relative)/\(name)"
                switch classify(path) {
                case .directory: subfolders.append(path)
                case .file where name.hasSuffix(".md"): found.outcomeFiles.append(path)
                case .other where name.hasSuffix(".md"): found.diagnostics.append(FileUnreadable.notARegularFile(path))
                case .brokenLink where name.hasSuffix(".md"):
                    found.diagnostics.append(FileUnreadable.unreadable(path, reason: "broken symbolic link or link loop"))
                case .outsideRoot: found.diagnostics.append(LinkOutsideRoot.outside(path))
                default: break
                }
            }
            pending += subfolders.reversed()
        }
        found.outcomeFiles.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return found
    }

    /// The bytes of a file under the root, or why they can't be had.
    public func read(_ relative: String) -> Result<[UInt8], ReadFailure> {
        let descriptor = open(absolute(relative), O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return .failure(ReadFailure(errno)) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(ReadFailure(errno)) }
        guard info.st_mode & S_IFMT == S_IFREG else { return .failure(ReadFailure(reason: "not a regular file")) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(info.st_size))
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(ReadFailure(errno))
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return .success(bytes)
    }

    /// Whether a file exists (following links) under the root.
    public func exists(_ relative: String) -> Bool {
        var info = stat()
        return stat(absolute(relative), &info) == 0
    }

    public struct ReadFailure: Error, Equatable, Sendable {
        public var reason: String

        init(reason: String) { self.reason = reason }
        init(_ code: Int32) { self.reason = String(cString: strerror(code)) }
    }

    // MARK: - File system

    private enum Kind { case directory, file, other, brokenLink, outsideRoot }

    private func classify(_ relative: String) -> Kind {
        let path = absolute(relative)
        var info = stat()
        guard lstat(path, &info) == 0 else { return .brokenLink }
        if info.st_mode & S_IFMT == S_IFLNK {
            guard let target = Self.realPath(path) else { return .brokenLink }
            guard isInsideRoot(target) else { return .outsideRoot }
            guard stat(path, &info) == 0 else { return .brokenLink }
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFREG: return .file
        default: return .other
        }
    }

    private func absolute(_ relative: String) -> String {
        relative.isEmpty ? root : "\(root)/\(relative)"
    }

    private func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    private func isInsideRoot(_ real: String) -> Bool {
        real == realRoot || real.hasPrefix(realRoot.hasSuffix("/") ? realRoot : realRoot + "/")
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func entries(of directory: String) -> [String] {
        guard let handle = opendir(directory) else { return [] }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
