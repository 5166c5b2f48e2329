import Dispatch
import Subprocess
import Synchronization
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

    /// The repository holding `ledgerRoot`.
    public static func open(ledgerRoot: String) throws(GitError) -> GitRepository {
        let result = try run(["rev-parse", "--show-toplevel", "--show-prefix", "--is-shallow-repository"], in: ledgerRoot)
        guard result.status == 0 else {
            if result.error.contains("not a git repository") { throw .notARepository(ledgerRoot) }
            throw .failed(command: "rev-parse", message: firstLine(result.error))
        }
        let lines = String(decoding: result.output, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 3 else { throw .failed(command: "rev-parse", message: "unexpected answer") }
        return GitRepository(top: String(lines[0]), prefix: String(lines[1]), isShallow: lines[2] == "true")
    }

    /// The commit a revision names.
    public func commit(_ revision: String) throws(GitError) -> String {
        guard !revision.hasPrefix("-") else { throw .hostileRevision(revision) }
        let result = try Self.run(["rev-parse", "--verify", "--quiet", "--end-of-options", "\(revision)^{commit}"], in: top)
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
    public func files(at commit: String) throws(GitError) -> [TreeFile] {
        var arguments = ["ls-tree", "-r", "-z", "--long", "--full-tree", commit]
        if !prefix.isEmpty { arguments += ["--", String(prefix.dropLast())] }
        let result = try Self.run(arguments, in: top)
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

    /// The contents of objects, by object id, read by one `git cat-file --batch`.
    public func contents(of objects: [String]) throws(GitError) -> [String: [UInt8]] {
        guard !objects.isEmpty else { return [:] }
        let unique = Array(Set(objects)).sorted()
        let input = Array(unique.joined(separator: "\n").utf8) + [10]
        let result = try Self.run(["cat-file", "--batch"], in: top, input: input)
        guard result.status == 0 else { throw .failed(command: "cat-file", message: Self.firstLine(result.error)) }
        var contents: [String: [UInt8]] = [:]
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

    // MARK: - Running git

    struct Result {
        var status: Int32
        var output: [UInt8]
        var error: String
    }

    /// Runs `git` and waits for it. Commands are few and short, so the caller's thread
    /// simply waits; the subprocess itself runs on Swift concurrency's executors.
    static func run(_ arguments: [String], in directory: String, input: [UInt8] = []) throws(GitError) -> Result {
        let answer = Mutex<Swift.Result<Result, GitError>?>(nil)
        let finished = DispatchSemaphore(value: 0)
        let environment = Environment.inherit.updating([
            "GIT_LITERAL_PATHSPECS": "1", "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C", "GIT_PAGER": "cat",
        ])
        Task.detached {
            let outcome: Swift.Result<Result, GitError>
            do {
                let result = try await Subprocess.run(
                    .name("git"), arguments: Arguments(arguments), environment: environment,
                    workingDirectory: FilePath(directory), input: .array(input),
                    output: .bytes(limit: 1 << 34), error: .string(limit: 1 << 16))
                let status: Int32
                switch result.terminationStatus {
                case .exited(let code): status = Int32(code)
                default: status = -1
                }
                outcome = .success(Result(status: status, output: result.standardOutput, error: result.standardError))
            } catch let error as SubprocessError where error.code == .init(.executableNotFound) {
                outcome = .failure(.gitMissing)
            } catch {
                outcome = .failure(.failed(command: arguments.first ?? "", message: String(describing: error)))
            }
            answer.withLock { $0 = outcome }
            finished.signal()
        }
        finished.wait()
        return try answer.withLock { $0! }.get()
    }

    static func firstLine(_ text: String) -> String {
        String(text.split(separator: "\n").first ?? "").replacingPrefix("fatal: ")
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
