import Subprocess
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
#if canImport(System)
import System
#else
import SystemPackage
#endif

/// Why `git` could not answer, in words a person can act on (exit status 2).
public enum GitError: Error, Equatable, CustomStringConvertible {
    case notARepository(String)
    case gitMissing
    case hostileRevision(String)
    case unknownRevision(String)
    /// The revision is not in a shallow clone's history.
    case notInShallowClone(String)
    case failed(command: String, message: String)

    public var description: String {
        switch self {
        case .notARepository(let path):
            return "\(path) is not in a git repository; compare two folders with --base-dir and --head-dir instead"
        case .gitMissing: return "the `git` command was not found; install git, or compare two folders with --base-dir and --head-dir"
        case .hostileRevision(let revision): return "`\(revision)` is not a revision: revisions can't start with `-`"
        case .unknownRevision(let revision): return "unknown revision `\(revision)`: no branch, tag or commit has that name here"
        case .notInShallowClone(let revision):
            return "`\(revision)` is not in this shallow clone's history; fetch it, for example with `fetch-depth: 0` in actions/checkout (GitLab: `GIT_DEPTH: 0`), or `git fetch --unshallow`"
        case .failed(let command, let message): return "`git \(command)` failed: \(message)"
        }
    }
}

/// The one room that talks to `git`: it runs the `git` command's plumbing — a fixed number
/// of processes whatever the number of files — and hands back plain values. Nothing an
/// author writes becomes an option: revisions starting with `-` are refused, and paths are
/// literal.
public struct GitRepository: Sendable {
    /// The work tree's top folder.
    public let top: String
    /// Where the ledger root is inside the repository: `""` at the top, else `ledger/`.
    public let prefix: String
    public let isShallow: Bool
    /// The commit `HEAD` named when the repository was opened; nil before the first commit.
    public let head: String?

    /// The repository holding `ledgerRoot`, and its `HEAD`, asked in one process (every
    /// build and every save in `serve` opens the repository).
    public static func open(ledgerRoot: String) async throws(GitError) -> GitRepository {
        let result = try await run(["rev-parse", "--show-toplevel", "--show-prefix", "--is-shallow-repository",
                                    "--verify", "--quiet", "--end-of-options", "HEAD^{commit}"], in: ledgerRoot)
        let lines = String(decoding: result.output, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        // Without a commit, `--verify --quiet` fails with status 1 and says nothing more.
        guard result.status == 0 || (result.status == 1 && result.error.isEmpty && lines.count >= 3) else {
            if result.error.contains("not a git repository") { throw .notARepository(ledgerRoot) }
            throw .failed(command: "rev-parse", message: firstLine(result.error))
        }
        guard lines.count >= 3 else { throw .failed(command: "rev-parse", message: "unexpected answer") }
        let head = result.status == 0 && lines.count >= 4 && !lines[3].isEmpty ? String(lines[3]) : nil
        return GitRepository(top: String(lines[0]), prefix: String(lines[1]), isShallow: lines[2] == "true", head: head)
    }

    /// The commit a revision names.
    public func commit(_ revision: String) async throws(GitError) -> String {
        guard !revision.hasPrefix("-") else { throw .hostileRevision(revision) }
        let result = try await Self.run(["rev-parse", "--verify", "--quiet", "--end-of-options", "\(revision)^{commit}"], in: top)
        guard result.status == 0 else {
            throw isShallow ? .notInShallowClone(revision) : .unknownRevision(revision)
        }
        return String(decoding: result.output, as: UTF8.self).trimmingNewline
    }

    /// One file of a revision's tree, under the ledger root.
    public struct TreeFile: Sendable, Equatable {
        public enum Kind: Sendable, Equatable { case file, symbolicLink, other }
        public var path: String
        public var kind: Kind
        public var object: String
        public var size: Int
    }

    /// Every file under the ledger root in a commit, with paths relative to the ledger root.
    public func files(at commit: String) async throws(GitError) -> [TreeFile] {
        var arguments = ["ls-tree", "-r", "-z", "--long", "--full-tree", commit]
        if !prefix.isEmpty { arguments += ["--", String(prefix.dropLast())] }
        let result = try await Self.run(arguments, in: top)
        guard result.status == 0 else { throw .failed(command: "ls-tree", message: Self.firstLine(result.error)) }
        var files: [TreeFile] = []
        for record in result.output.split(separator: 0) {
            // <mode> SP <type> SP <object> SP+ <size> TAB <path>
            guard let tab = record.firstIndex(of: 9) else { continue }
            let fields = record[..<tab].split(separator: 32)
            guard fields.count == 4 else { continue }
            let path = String(decoding: record[(tab + 1)...], as: UTF8.self)
            guard path.hasPrefix(prefix) else { continue }
            let mode = String(decoding: fields[0], as: UTF8.self)
            let kind: TreeFile.Kind = mode == "120000" ? .symbolicLink : fields[1].elementsEqual("blob".utf8) ? .file : .other
            files.append(TreeFile(path: String(path.dropFirst(prefix.count)), kind: kind,
                                  object: String(decoding: fields[2], as: UTF8.self),
                                  size: Int(String(decoding: fields[3], as: UTF8.self)) ?? 0))
        }
        return files
    }

    /// The contents of objects, by object id. Many objects are read by two
    /// `git cat-file --batch` processes side by side, each with half of them: most of the
    /// time goes to git inflating objects, which then uses two cores.
    public func contents(of objects: [String]) async throws(GitError) -> [String: [UInt8]] {
        let unique = Array(Set(objects)).sorted()
        guard unique.count >= Self.objectsWorthTwoReaders else { return try await batch(unique) }
        let middle = unique.count / 2
        async let first = batchResult(Array(unique[..<middle]))
        let second = try await batch(Array(unique[middle...]))
        return try await first.get().merging(second) { one, _ in one }
    }

    /// Below this many objects, starting a second process costs more than it saves.
    static let objectsWorthTwoReaders = 2_000

    private func batchResult(_ objects: [String]) async -> Swift.Result<[String: [UInt8]], GitError> {
        do { return .success(try await batch(objects)) } catch { return .failure(error) }
    }

    /// The contents of objects read by one `git cat-file --batch`.
    private func batch(_ objects: [String]) async throws(GitError) -> [String: [UInt8]] {
        guard !objects.isEmpty else { return [:] }
        let input = Array(objects.joined(separator: "\n").utf8) + [10]
        let result = try await Self.run(["cat-file", "--batch", "--buffer"], in: top, input: input, largeOutput: true)
        guard result.status == 0 else { throw .failed(command: "cat-file", message: Self.firstLine(result.error)) }
        var contents: [String: [UInt8]] = [:]
        contents.reserveCapacity(objects.count)
        let output = result.output
        var index = output.startIndex
        while index < output.endIndex {
            // <object> SP <type> SP <size> LF <contents> LF, or <object> SP missing LF
            guard let newline = output[index...].firstIndex(of: 10) else { break }
            let header = output[index..<newline].split(separator: 32)
            index = newline + 1
            guard header.count == 3, let size = Int(String(decoding: header[2], as: UTF8.self)),
                  index + size <= output.endIndex else { continue }
            contents[String(decoding: header[0], as: UTF8.self)] = Array(output[index..<(index + size)])
            index += size + 1
        }
        return contents
    }

    /// A commit on the first-parent line and the files under the ledger root it changed.
    public struct Commit: Sendable, Equatable {
        public struct FileChange: Sendable, Equatable {
            /// Relative to the ledger root.
            public var path: String
            /// The file's new object; nil when the commit deleted it.
            public var object: String?
        }

        public var id: String
        /// Committer time, seconds since 1970: when the change landed.
        public var time: Int
        public var author: String
        public var files: [FileChange]
    }

    /// The commits that changed anything under the ledger root, oldest first, following the
    /// first parent only: a merged pull request is one change, on the day it landed. One
    /// `git log`, whatever the number of commits.
    public func log(to commit: String) async throws(GitError) -> [Commit] {
        var arguments = ["log", "--reverse", "--first-parent", "--diff-merges=first-parent", "--raw", "-z", "--no-abbrev",
                         "--no-renames", "--format=%x1e%H%x1f%ct%x1f%an", commit]
        arguments += ["--", prefix.isEmpty ? "." : String(prefix.dropLast())]
        let result = try await Self.run(arguments, in: top)
        guard result.status == 0 else { throw .failed(command: "log", message: Self.firstLine(result.error)) }
        var commits: [Commit] = []
        for record in result.output.split(separator: 0x1E) {
            // <id> US <time> US <author> NUL LF, then per file: ":<modes> <old> <new> <status>" NUL <path> NUL
            let fields = record.split(separator: 0, omittingEmptySubsequences: false)
            guard let header = fields.first else { continue }
            let parts = header.split(separator: 0x1F, omittingEmptySubsequences: false)
            guard parts.count == 3, let time = Int(String(decoding: parts[1], as: UTF8.self)) else { continue }
            var files: [Commit.FileChange] = []
            var index = 1
            while index + 1 < fields.count {
                let raw = fields[index].drop { $0 == 10 }
                let path = String(decoding: fields[index + 1], as: UTF8.self)
                index += 2
                let columns = raw.split(separator: 32)
                guard columns.count == 5, path.hasPrefix(prefix) else { continue }
                let deleted = columns[4].first == UInt8(ascii: "D")
                files.append(Commit.FileChange(path: String(path.dropFirst(prefix.count)),
                                               object: deleted ? nil : String(decoding: columns[3], as: UTF8.self)))
            }
            commits.append(Commit(id: String(decoding: parts[0], as: UTF8.self), time: time,
                                  author: String(decoding: parts[2], as: UTF8.self), files: files))
        }
        return commits
    }

    // MARK: - Running git

    struct Result {
        var status: Int32
        var output: [UInt8]
        var error: String
    }

    /// Runs `git` to its end. Asynchronous all the way up: a thread of the concurrency pool
    /// that blocked waiting for `git` could starve the tasks that drive it. A large output
    /// (`cat-file` of a whole tree) goes to an unlinked temporary file rather than a pipe:
    /// git fills a pipe 64 KiB at a time and waits for each to be read, which took longer
    /// than the reading itself.
    static func run(_ arguments: [String], in directory: String, input: [UInt8] = [],
                    largeOutput: Bool = false) async throws(GitError) -> Result {
        if largeOutput, let file = UnlinkedFile() {
            defer { file.discard() }
            let output = FileDescriptor(rawValue: file.descriptor)
            let (status, error) = try await execute(arguments, in: directory, input: input,
                                                    output: .fileDescriptor(output, closeAfterSpawningProcess: false))
            return Result(status: status, output: file.contents(), error: error.standardError)
        }
        let (status, result) = try await execute(arguments, in: directory, input: input, output: .bytes(limit: .max))
        return Result(status: status, output: result.standardOutput, error: result.standardError)
    }

    /// No output limit on bytes: with one, swift-subprocess reserves that much memory up
    /// front. What git prints here is bounded by the repository's own files.
    private static func execute<Output: OutputProtocol>(
        _ arguments: [String], in directory: String, input: [UInt8], output: Output
    ) async throws(GitError) -> (Int32, ExecutionResult<Void, Output, StringOutput<UTF8>>) {
        guard let executable else { throw .gitMissing }
        let environment = Environment.inherit.updating([
            "GIT_LITERAL_PATHSPECS": "1", "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C", "GIT_PAGER": "cat",
        ])
        let result: ExecutionResult<Void, Output, StringOutput<UTF8>>
        do {
            result = try await Subprocess.run(
                .path(executable), arguments: Arguments(arguments), environment: environment,
                workingDirectory: FilePath(directory), input: .array(input),
                output: output, error: .string(limit: 1 << 16))
        } catch let error as SubprocessError where error.code == .init(.executableNotFound) {
            throw .gitMissing
        } catch {
            throw .failed(command: arguments.first ?? "", message: String(describing: error))
        }
        switch result.terminationStatus {
        case .exited(let code): return (Int32(code), result)
        default: return (-1, result)
        }
    }

    /// The `git` on the PATH, found once: looking it up by name on every run tries each
    /// folder of the PATH in a new process, which cost more than the runs themselves.
    static let executable: FilePath? = {
        let path = getenv("PATH").map { String(cString: $0) } ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":", omittingEmptySubsequences: false) {
            let candidate = (folder.isEmpty ? "." : String(folder)) + "/git"
            if FileSystem.kind(of: candidate) == .regularFile, access(candidate, X_OK) == 0 {
                return FilePath(candidate)
            }
        }
        return nil
    }()

    static func firstLine(_ text: String) -> String {
        String(text.split(separator: "\n").first ?? "").replacingPrefix("fatal: ")
    }
}

/// A temporary file with no name: nothing is left behind, whatever happens to the process.
private struct UnlinkedFile {
    let descriptor: Int32

    init?() {
        let folder = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(folder)/outcomes-git-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { return nil }
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        self.descriptor = descriptor
    }

    /// Everything written to it so far.
    func contents() -> [UInt8] {
        let size = Int(lseek(descriptor, 0, SEEK_END))
        guard size > 0 else { return [] }
        var bytes = [UInt8](repeating: 0, count: size)
        var done = 0
        while done < size {
            let count = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + done, size - done, off_t(done)) }
            if count <= 0 { break }
            done += count
        }
        return done == size ? bytes : Array(bytes[..<done])
    }

    func discard() {
        close(descriptor)
    }
}

extension String {
    fileprivate var trimmingNewline: String {
        hasSuffix("\n") ? String(dropLast()) : self
    }

    fileprivate func replacingPrefix(_ prefix: String) -> String {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self
    }
}
