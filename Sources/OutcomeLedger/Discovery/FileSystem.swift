#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few file-system calls the compiler makes, on POSIX directly: errors come back as
/// values with the system's reason, and nothing blocks on special files.
package enum FileSystem {
    package enum Kind { case directory, regularFile, other, missing }

    /// What is at a path, following symbolic links.
    package static func kind(of path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFREG: return .regularFile
        default: return .other
        }
    }

    /// The size of a regular file, following symbolic links.
    package static func size(of path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    /// What is at a path itself, without following a link: nil when nothing is there.
    package static func ownKind(of path: String) -> (isLink: Bool, kind: Kind)? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFLNK: return (true, .other)
        case S_IFDIR: return (false, .directory)
        case S_IFREG: return (false, .regularFile)
        default: return (false, .other)
        }
    }

    package static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The names in an open folder (without `.` and `..`), in the order `readdir` gives
    /// them, each with its `d_type` (`DT_REG`, `DT_DIR`, `DT_LNK`, `DT_UNKNOWN`…). Names are
    /// read where they lie, never by copying a whole `dirent`: records are only as long as
    /// their name, and may end at the end of a mapped page.
    private static func names(in folder: OpaquePointer) -> [(name: String, type: Int32)] {
        let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        let typeOffset = MemoryLayout<dirent>.offset(of: \dirent.d_type)!
        var names: [(name: String, type: Int32)] = []
        while let entry = readdir(folder) {
            let raw = UnsafeRawPointer(entry)
            let name = String(cString: raw.advanced(by: nameOffset).assumingMemoryBound(to: CChar.self))
            if name != "." && name != ".." { names.append((name, Int32(raw.load(fromByteOffset: typeOffset, as: UInt8.self)))) }
        }
        return names
    }

    /// `names(in:)` of a folder by path, in byte order.
    private static func sortedNames(of directory: String) -> [(name: String, type: Int32)] {
        guard let handle = opendir(directory) else { return [] }
        defer { closedir(handle) }
        return names(in: handle).sorted { $0.name.precedesInByteOrder($1.name) }
    }

    /// Names in a folder (without `.` and `..`), in byte order, each with what it is
    /// itself (a link is not followed) when `readdir` says so; nil when it does not, or
    /// when it is a symbolic link — what the link leads to takes a look of its own.
    /// Most entries are plain files and folders, so most need no `lstat`.
    package static func typedEntries(of directory: String) -> [(name: String, kind: Kind?)] {
        sortedNames(of: directory).map { entry in
            switch entry.type {
            case Int32(DT_REG): return (entry.name, .regularFile)
            case Int32(DT_DIR): return (entry.name, .directory)
            case Int32(DT_LNK), Int32(DT_UNKNOWN): return (entry.name, nil)
            default: return (entry.name, .other)
            }
        }
    }

    /// Names in a folder (without `.` and `..`), in byte order.
    package static func entries(of directory: String) -> [String] {
        sortedNames(of: directory).map(\.name)
    }

    package struct ReadFailure: Error, Equatable, Sendable {
        package var reason: String
        /// Set when the file was not read because it is larger than asked for.
        package var size: Int?

        package init(reason: String, size: Int? = nil) {
            self.reason = reason
            self.size = size
        }
        package init(_ code: Int32) { self.reason = String(cString: strerror(code)) }
    }

    /// A regular file's bytes, unless it is larger than `limit`. Opened non-blocking so a
    /// FIFO can't stall the build; the size is checked before anything is read.
    package static func read(_ path: String, limit: Int = .max) -> Result<[UInt8], ReadFailure> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return .failure(ReadFailure(errno)) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(ReadFailure(errno)) }
        guard info.st_mode & S_IFMT == S_IFREG else { return .failure(ReadFailure(reason: "not a regular file")) }
        guard Int(info.st_size) <= limit else { return .failure(ReadFailure(reason: "too large", size: Int(info.st_size))) }
        // Read straight into the array, in room for one byte more than the file's size so
        // that a file which grows while being read is noticed (and held to the limit too).
        // A read that stops short exactly at the size `fstat` gave has reached the end: no
        // second read is needed to hear it say so (one call fewer for every file read).
        let size = Int(info.st_size)
        var bytes: [UInt8] = []
        var room = size + 1
        while true {
            var failure: Int32?
            let start = bytes.count
            bytes.append(contentsOf: repeatElement(0, count: room))
            let filled = bytes.withUnsafeMutableBytes { buffer -> Int in
                var filled = start
                while filled < buffer.count {
                    let count = Glibc.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
                    if count < 0 {
                        if errno == EINTR { continue }
                        failure = errno
                        break
                    }
                    if count == 0 { break }
                    filled += count
                    if filled == size && filled < buffer.count { break }
                }
                return filled
            }
            if let failure { return .failure(ReadFailure(failure)) }
            let full = filled == bytes.count
            bytes.removeLast(bytes.count - filled)
            if bytes.count > limit { return .failure(ReadFailure(reason: "too large", size: bytes.count)) }
            if !full { return .success(bytes) }
            room = 65_536
        }
    }

    /// Writes a whole file, replacing what was there. No fsync: the site is made durable
    /// by being swapped in whole, and a crash leaves the previous site, not a torn one.
    package static func write(_ bytes: [UInt8], to path: String) throws(ReadFailure) {
        try bytes.withUnsafeBytes { writing($0, to: path) }.get()
    }

    /// Writes text as UTF-8 without copying it first.
    package static func write(_ text: String, to path: String) throws(ReadFailure) {
        var text = text
        try text.withUTF8 { writing(UnsafeRawBufferPointer($0), to: path) }.get()
    }

    package static func write(_ buffer: UnsafeRawBufferPointer, to path: String) throws(ReadFailure) {
        try writing(buffer, to: path).get()
    }

    private static func writing(_ buffer: UnsafeRawBufferPointer, to path: String) -> Result<Void, ReadFailure> {
        do throws(ReadFailure) {
            let file = try OutputFile(path)
            defer { file.close() }
            try file.write(buffer)
            return .success(())
        } catch {
            return .failure(error)
        }
    }

    /// A file being written piece by piece. Never opened through a link: a file is only
    /// ever written where the build put it.
    package final class OutputFile {
        private let descriptor: Int32

        package init(_ path: String) throws(ReadFailure) {
            descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
            guard descriptor >= 0 else { throw ReadFailure(errno) }
        }

        package func write(_ buffer: UnsafeRawBufferPointer) throws(ReadFailure) {
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw ReadFailure(errno)
                }
                offset += written
            }
        }

        package func close() { _ = Glibc.close(descriptor) }
    }

    /// Creates a folder and any missing parents; an existing folder is fine. Safe to call
    /// from several threads for overlapping paths.
    package static func makeDirectories(_ path: String) throws(ReadFailure) {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT, let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")), slash != path.utf8.startIndex else {
            throw ReadFailure(errno)
        }
        try makeDirectories(String(path[..<slash]))
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else { throw ReadFailure(errno) }
    }

    /// Every regular file under a folder with its size, hidden ones included, in no
    /// particular order; the folders two levels down (where a site's pages sit, thousands
    /// of them) are shared among the cores. Following symbolic links (what cannot be read
    /// is left out), or not — then nil when anything but folders and regular files is
    /// found, or when folders nest deeper than 16. Every folder is read through its own
    /// descriptor and the type `readdir` gives: no path is resolved again from the top,
    /// and only regular files are asked for their size.
    package static func fileSizesOnAllCores(under directory: String, followingLinks: Bool) -> [(String, Int)]? {
        let top = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard top >= 0 else { return [] }
        defer { close(top) }
        var walk = FolderWalk(followingLinks: followingLinks, handOverDepth: 2)
        guard walk.read(parent: top, name: ".", prefix: "", depth: 0) else { return nil }
        let folders = walk.handedOver
        let found = Parallel.map(folders.count) { index -> [(String, Int)]? in
            var inner = FolderWalk(followingLinks: followingLinks, handOverDepth: nil)
            return inner.read(parent: top, name: folders[index], prefix: folders[index] + "/", depth: 2) ? inner.files : nil
        }
        var files = walk.files
        for part in found {
            guard let part else { return nil }
            files += part
        }
        return files
    }

    /// One walk down a folder for `fileSizesOnAllCores`.
    private struct FolderWalk {
        let followingLinks: Bool
        /// Folders this deep are listed in `handedOver` instead of read.
        let handOverDepth: Int?
        var files: [(String, Int)] = []
        var handedOver: [String] = []

        static let deepest = 16

        /// Reads the folder `name` of the folder open at `parent`; false when the walk
        /// must give up (see `fileSizesOnAllCores`).
        mutating func read(parent: Int32, name: String, prefix: String, depth: Int) -> Bool {
            guard depth < Self.deepest else { return followingLinks }
            let descriptor = openat(parent, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC | (followingLinks ? 0 : O_NOFOLLOW))
            guard descriptor >= 0 else { return followingLinks }
            guard let folder = fdopendir(descriptor) else {
                close(descriptor)
                return followingLinks
            }
            defer { closedir(folder) }
            let here = dirfd(folder)
            for (child, listed) in FileSystem.names(in: folder) {
                var type = listed
                var size: Int?
                if type != Int32(DT_DIR) {
                    var info = stat()
                    guard fstatat(here, child, &info, followingLinks ? 0 : AT_SYMLINK_NOFOLLOW) == 0 else {
                        if followingLinks { continue }
                        return false
                    }
                    let mode = info.st_mode & S_IFMT
                    type = mode == S_IFDIR ? Int32(DT_DIR) : mode == S_IFREG ? Int32(DT_REG) : Int32(DT_UNKNOWN)
                    size = Int(info.st_size)
                }
                if type == Int32(DT_REG), let size {
                    files.append((prefix + child, size))
                } else if type == Int32(DT_DIR) {
                    if depth + 1 == handOverDepth {
                        handedOver.append(prefix + child)
                    } else if !read(parent: here, name: child, prefix: prefix + child + "/", depth: depth + 1) {
                        return false
                    }
                } else if !followingLinks {
                    return false
                }
            }
            return true
        }
    }

    /// Regular files under a folder as relative paths, following no link out of sight:
    /// hidden names and READMEs are skipped, and depth is bounded.
    package static func files(under directory: String) -> [String] {
        stampedFiles(under: directory, stamping: false).map(\.path)
    }

    /// How many names deep `files(under:)` lists: a file in at most seven nested folders.
    private static let listedDepth = 8

    /// Whether `files(under:)` walks past a name, file or folder.
    private static func isListed(_ name: some StringProtocol) -> Bool {
        !name.hasPrefix(".") && name != "README.md"
    }

    /// Whether `files(under:)` lists a regular file at `path` (relative to the folder it
    /// walks): what a watch that hears of one file must decide without walking.
    package static func listsFile(at path: some StringProtocol) -> Bool {
        let names = path.split(separator: "/", omittingEmptySubsequences: false)
        return names.count <= listedDepth && names.allSatisfy { !$0.isEmpty && isListed($0) }
    }

    /// A file's size and modification time (nanoseconds), for noticing that it changed.
    package struct Stamp: Equatable, Sendable {
        package var size: Int
        package var modified: Int

        package init(size: Int, modified: Int) {
            self.size = size
            self.modified = modified
        }

        package init(_ info: stat) {
            self.init(size: Int(info.st_size), modified: Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec))
        }
    }

    /// What `files(under:)` lists, each with its stamp.
    package static func stampedFiles(under directory: String) -> [(path: String, stamp: Stamp)] {
        stampedFiles(under: directory, stamping: true).map { ($0.path, $0.stamp!) }
    }

    /// The walk behind `files(under:)`: each folder is read through its own descriptor,
    /// the type `readdir` gives decides for plain files and folders, and only links, or
    /// files whose stamp is wanted, are looked at with `fstatat` beside them — no path is
    /// resolved again from the top. Links are followed; folders nest at most 8 deep.
    private static func stampedFiles(under directory: String, stamping: Bool) -> [(path: String, stamp: Stamp?)] {
        var found: [(path: String, stamp: Stamp?)] = []
        /// Reads the folder open at `descriptor` (closed here) and, in name order, each
        /// folder in it while it is open: at most one descriptor per level.
        func read(_ descriptor: Int32, prefix: String, depth: Int) {
            guard let folder = fdopendir(descriptor) else {
                close(descriptor)
                return
            }
            defer { closedir(folder) }
            let here = dirfd(folder)
            let names = FileSystem.names(in: folder).filter { isListed($0.name) }
            for (name, type) in names.sorted(by: { $0.name.precedesInByteOrder($1.name) }) {
                var info = stat()
                var isFolder = type == Int32(DT_DIR)
                var stamp: Stamp?
                if type != Int32(DT_DIR) && (type != Int32(DT_REG) || stamping) {
                    guard fstatat(here, name, &info, 0) == 0 else { continue }
                    let mode = info.st_mode & S_IFMT
                    guard mode == S_IFDIR || mode == S_IFREG else { continue }
                    isFolder = mode == S_IFDIR
                    stamp = Stamp(info)
                }
                if !isFolder {
                    found.append((prefix + name, stamp))
                } else if depth + 1 < listedDepth {
                    let inner = openat(here, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
                    if inner >= 0 { read(inner, prefix: prefix + name + "/", depth: depth + 1) }
                }
            }
        }
        let top = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if top >= 0 { read(top, prefix: "", depth: 0) }
        return found
    }

    /// The folders under `directory` that `files(under:)` descends into, relative to it.
    package static func folders(under directory: String, depth: Int = 0) -> [String] {
        guard depth < 8 else { return [] }
        var paths: [String] = []
        for name in entries(of: directory) where !name.hasPrefix(".") && kind(of: "\(directory)/\(name)") == .directory {
            paths.append(name)
            paths += folders(under: "\(directory)/\(name)", depth: depth + 1).map { "\(name)/\($0)" }
        }
        return paths
    }
}
