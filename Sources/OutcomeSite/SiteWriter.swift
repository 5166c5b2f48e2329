import Foundation
import OutcomeLedger

#if canImport(Glibc)
import Glibc
#endif

/// Writes a site so that readers only ever see a whole one: everything goes into a staging
/// folder beside the output — the site the previous build replaced, when there is one,
/// else a new folder — which is then swapped in with one rename. A build that fails or is
/// killed leaves the current site as it was.
public enum SiteWriter {
    /// Marks a folder as written by `outcomes build`, so a rebuild may replace it.
    public static let markerName = ".outcomes-site"
    package static let markerText = "This folder is written by `outcomes build` and replaced on every build.\n"

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case foreignFolder(String)
        case notAFolder(String)
        case unsafePath(String)
        case io(String)

        public var description: String {
            switch self {
            case .foreignFolder(let path):
                return "refusing to replace \(path): it is not empty and was not written by outcomes build (no \(SiteWriter.markerName) in it)"
            case .notAFolder(let path): return "\(path) exists and is not a folder"
            case .unsafePath(let path): return "refusing to write \(path): it would leave the output folder"
            case .io(let message): return message
            }
        }
    }

    /// Renders and writes every file of `site` into a staging folder on all cores, adds
    /// the files `finishing` makes from the listing of what was written (the build cache),
    /// and swaps the result in. `progress` hears how many files are written, from any thread.
    public static func write(
        _ site: Site, to output: String,
        progress: (@Sendable (_ written: Int, _ total: Int) -> Void)? = nil,
        finishing: (_ written: [(path: String, size: Int)]) -> [SiteFile] = { _ in [] }
    ) throws(Failure) {
        let manager = FileManager.default
        let target = URL(fileURLWithPath: output).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        let name = target.lastPathComponent

        switch FileSystem.kind(of: target.path) {
        case .missing: break
        case .directory:
            let entries = FileSystem.entries(of: target.path)
            if !entries.isEmpty && !entries.contains(markerName) { throw .foreignFolder(target.path) }
        default: throw .notAFolder(target.path)
        }
        for entry in site.entries where !Identifiers.isSafeRelativePath(entry.path) { throw .unsafePath(entry.path) }

        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw .io("cannot create \(parent.path): \(error.localizedDescription)")
        }
        removeAbandonedStaging(in: parent, for: name)

        let staging = parent.appendingPathComponent(".\(name).outcomes-tmp-\(getpid())").path
        try? manager.removeItem(atPath: staging)
        let spare = SpareSite.claim(in: parent.path, for: name, as: staging)
        do throws(FileSystem.ReadFailure) {
            if spare == nil { try FileSystem.makeDirectories(staging) }
            // What the new site does not have goes first, so a file can take the place of
            // a folder and the other way round. The build's own hidden files at the top
            // are settled once it is known which are written.
            let paths = Set(site.entries.map(\.path))
            spare?.removeFiles(from: staging) { paths.contains($0) || Self.isBookkeeping($0) }
            let written = try writeEntries(site, into: staging, reusing: spare, progress: progress)
            let extra = finishing(written.map { ($0.path, $0.line.size) }) + [SiteFile(path: markerName, contents: Array(markerText.utf8))]
            for file in extra { try place(file.contents, at: file.path, in: staging) }
            let bookkeeping = Set(extra.map(\.path) + [Manifest.fileName])
            spare?.removeFiles(from: staging) { !Self.isBookkeeping($0) || bookkeeping.contains($0) || paths.contains($0) }
            try place(Manifest.render(siteKey: site.key, written.map { ($0.path, $0.line) }), at: Manifest.fileName, in: staging)
        } catch {
            try? manager.removeItem(atPath: staging)
            throw .io("cannot write the site: \(error.reason)")
        }
        try swapIn(URL(fileURLWithPath: staging), at: target, spare: SpareSite.path(in: parent.path, for: name))
    }

    /// The marker, the cache and the manifest: hidden files at the top of the site.
    private static func isBookkeeping(_ path: String) -> Bool {
        path.hasPrefix(".") && !path.utf8.contains(UInt8(ascii: "/"))
    }

    /// Each entry produced and written by whichever core is free, so pages are never all
    /// in memory at once. In a reused folder, a page whose key matches the one recorded
    /// there is neither rendered nor written, and a file whose bytes are the same is not
    /// rewritten. Returns what the folder now holds, in the entries' order.
    private static func writeEntries(
        _ site: Site, into staging: String, reusing spare: SpareSite?, progress: (@Sendable (Int, Int) -> Void)?
    ) throws(FileSystem.ReadFailure) -> [(path: String, line: Manifest.Line)] {
        let entries = site.entries
        let done = Counter()
        let results = Parallel.map(entries.count) { index -> Result<Manifest.Line, FileSystem.ReadFailure> in
            let path = entries[index].path
            let previous = spare?.pageKey(for: path, siteKey: site.key)
            let (key, content) = entries[index].make(previous)
            defer { if let progress { progress(done.increment(), entries.count) } }
            guard let content else {
                // Unchanged: the file in place is this page.
                guard let line = spare?.line(for: path) else { return .failure(.init(reason: "lost track of \(path)")) }
                return .success(Manifest.Line(hash: line.hash, size: line.size, key: key))
            }
            func store(_ bytes: UnsafeRawBufferPointer) -> Result<Manifest.Line, FileSystem.ReadFailure> {
                let line = Manifest.Line(hash: ContentHash.of(bytes), size: bytes.count, key: key)
                if spare?.holds(path, hash: line.hash, size: line.size) == true { return .success(line) }
                do throws(FileSystem.ReadFailure) {
                    try makeParent(of: path, in: staging)
                    try FileSystem.write(bytes, to: "\(staging)/\(path)")
                } catch {
                    return .failure(error)
                }
                return .success(line)
            }
            switch content {
            case .text(var text): return text.withUTF8 { store(UnsafeRawBufferPointer($0)) }
            case .bytes(let bytes): return bytes.withUnsafeBytes { store($0) }
            case .streamed(let produce): return stream(produce, to: path, in: staging, key: key)
            }
        }
        var written: [(path: String, line: Manifest.Line)] = []
        written.reserveCapacity(entries.count)
        for (entry, result) in zip(entries, results) {
            written.append((entry.path, try result.get()))
        }
        return written
    }

    /// Writes a streamed file piece by piece; its hash chains the pieces' hashes (the
    /// pieces are cut at the same places for the same contents).
    private static func stream(
        _ produce: (_ emit: (UnsafeRawBufferPointer) -> Void) -> Void, to path: String, in staging: String, key: UInt64?
    ) -> Result<Manifest.Line, FileSystem.ReadFailure> {
        do throws(FileSystem.ReadFailure) {
            try makeParent(of: path, in: staging)
            let file = try FileSystem.OutputFile("\(staging)/\(path)")
            defer { file.close() }
            var line = Manifest.Line(hash: 0, size: 0, key: key)
            var failure: FileSystem.ReadFailure?
            produce { piece in
                guard failure == nil else { return }
                line.hash = ContentHash.of(piece, seed: line.hash &+ 0x2545_F491_4F6C_DD1D)
                line.size += piece.count
                do throws(FileSystem.ReadFailure) { try file.write(piece) } catch { failure = error }
            }
            if let failure { return .failure(failure) }
            return .success(line)
        } catch {
            return .failure(error)
        }
    }

    private static func place(_ bytes: [UInt8], at path: String, in staging: String) throws(FileSystem.ReadFailure) {
        try makeParent(of: path, in: staging)
        try FileSystem.write(bytes, to: "\(staging)/\(path)")
    }

    private static func makeParent(of path: String, in staging: String) throws(FileSystem.ReadFailure) {
        if let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) {
            try FileSystem.makeDirectories("\(staging)/\(path[..<slash])")
        }
    }

    /// A count shared by the writing threads.
    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0

        func increment() -> Int {
            lock.lock()
            defer { lock.unlock() }
            value += 1
            return value
        }
    }

    /// Replaces `target` by `staging` in one step where the system can (renameat2 with
    /// RENAME_EXCHANGE), else with two renames. The replaced site becomes the spare for
    /// the next build.
    private static func swapIn(_ staging: URL, at target: URL, spare: String) throws(Failure) {
        let manager = FileManager.default
        func keep(_ old: String) {
            try? manager.removeItem(atPath: spare)
            if rename(old, spare) != 0 { try? manager.removeItem(atPath: old) }
        }
        if FileSystem.kind(of: target.path) == .missing {
            guard rename(staging.path, target.path) == 0 else {
                let reason = String(cString: strerror(errno))
                try? manager.removeItem(at: staging)
                throw .io("cannot move the site into \(target.path): \(reason)")
            }
            return
        }
        if exchange(staging.path, target.path) {
            keep(staging.path)
            return
        }
        let old = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).outcomes-old-\(getpid())")
        try? manager.removeItem(at: old)
        guard rename(target.path, old.path) == 0 else {
            try? manager.removeItem(at: staging)
            throw .io("cannot replace \(target.path): \(String(cString: strerror(errno)))")
        }
        guard rename(staging.path, target.path) == 0 else {
            _ = rename(old.path, target.path)
            try? manager.removeItem(at: staging)
            throw .io("cannot replace \(target.path): \(String(cString: strerror(errno)))")
        }
        keep(old.path)
    }

    /// Atomically exchanges two paths with Linux's renameat2, looked up at run time so the
    /// binary still runs where it is missing.
    private static func exchange(_ first: String, _ second: String) -> Bool {
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let atCurrentDirectory: Int32 = -100
        let renameExchange: UInt32 = 1 << 1
        return renameat2(atCurrentDirectory, first, atCurrentDirectory, second, renameExchange) == 0
    }

    /// Removes what killed builds of `output` left beside it.
    public static func removeAbandonedStaging(of output: String) {
        let target = URL(fileURLWithPath: output).standardizedFileURL
        removeAbandonedStaging(in: target.deletingLastPathComponent(), for: target.lastPathComponent)
    }

    /// Staging and old folders left by builds that were killed: their process is gone.
    private static func removeAbandonedStaging(in parent: URL, for name: String) {
        for entry in FileSystem.entries(of: parent.path) {
            for kind in ["tmp", "old"] {
                let prefix = ".\(name).outcomes-\(kind)-"
                guard entry.hasPrefix(prefix), let pid = Int32(entry.dropFirst(prefix.count)) else { continue }
                if pid == getpid() || (kill(pid, 0) != 0 && errno == ESRCH) {
                    try? FileManager.default.removeItem(at: parent.appendingPathComponent(entry))
                }
            }
        }
    }
}
