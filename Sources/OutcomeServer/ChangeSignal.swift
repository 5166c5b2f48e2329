import Foundation
import OutcomeLedger

/// What the kernel said during a wait.
enum ReportedChanges: Equatable {
    /// Nothing: the wait ran its time.
    case none
    /// These files (full paths) were written, made, removed or renamed, and nothing else.
    case files(Set<String>)
    /// Something that needs a full look: a folder made, removed or renamed, a lost event
    /// (a full queue), a watch the kernel dropped.
    case anything
}

#if os(Linux)
import Glibc

/// Wakes `serve`'s watch loop as soon as the kernel says something changed in a watched
/// folder (Linux inotify), instead of at its next look, and says which files changed so
/// the loop looks at just those. Snapshot comparison still decides: when the kernel's
/// word is incomplete (a full queue, a folder made while the loop was busy, a link whose
/// target changed elsewhere) the loop's full look at its interval catches it.
/// Sendable because its descriptor and watches are only used on its own serial queue, one
/// wait at a time.
final class ChangeSignal: @unchecked Sendable {
    private let descriptor: Int32
    /// Each watch's folder, for the names events carry.
    private var folders: [Int32: String] = [:]
    /// Folders watched with their subfolders, and folders watched alone (the ledger root,
    /// whose `.git` and output must not wake the loop).
    private let trees: [String]
    private let singles: [String]
    private let queue = DispatchQueue(label: "outcomes.serve.changes")

    private static let mask = UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO
                                     | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF)

    /// Nil where inotify is not available (then the loop simply waits its interval).
    init?(trees: [String], singles: [String]) {
        let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        self.descriptor = descriptor
        self.trees = trees
        self.singles = singles
        watchFolders()
    }

    deinit {
        close(descriptor)
    }

    /// Waits until a change is reported or `limit` has passed; then watches any folder made
    /// since, when there may be one.
    @discardableResult
    func wait(upTo limit: Duration) async -> ReportedChanges {
        let milliseconds = Int32(clamping: limit.components.seconds * 1000 + limit.components.attoseconds / 1_000_000_000_000_000)
        return await withCheckedContinuation { (done: CheckedContinuation<ReportedChanges, Never>) in
            queue.async {
                var request = pollfd(fd: self.descriptor, events: Int16(POLLIN), revents: 0)
                guard poll(&request, 1, max(0, milliseconds)) > 0 else { return done.resume(returning: .none) }
                let changes = self.drain()
                if changes == .anything { self.watchFolders() }
                done.resume(returning: changes)
            }
        }
    }

    /// Reads the events queued: the files they name, or `.anything` when folders may have
    /// come or gone (an event about a folder, a watch removed, a lost event), so the watches
    /// must be looked at again. A save changes a file, not the folders: walking them all is
    /// left for when it may.
    private func drain() -> ReportedChanges {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var files: Set<String> = []
        var anything = false
        let header = MemoryLayout<inotify_event>.size
        let folderEvents = UInt32(IN_ISDIR | IN_Q_OVERFLOW | IN_IGNORED | IN_DELETE_SELF | IN_MOVE_SELF)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            buffer.withUnsafeBytes { bytes in
                var offset = 0
                while offset + header <= count {
                    let event = bytes.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    let nameBytes = UnsafeRawBufferPointer(rebasing: bytes[(offset + header)..<min(count, offset + header + Int(event.len))])
                    offset += header + Int(event.len)
                    guard !anything else { continue }
                    // The name is padded with NULs to the record's length.
                    let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                    if event.mask & folderEvents != 0 || name.isEmpty {
                        anything = true
                    } else if let folder = folders[event.wd] {
                        files.insert("\(folder)/\(name)")
                    } else {
                        anything = true
                    }
                }
            }
        }
        return anything ? .anything : files.isEmpty ? .none : .files(files)
    }

    /// Adds a watch for every folder (watching one already watched changes nothing).
    private func watchFolders() {
        func watch(_ folder: String) {
            let watch = inotify_add_watch(descriptor, folder, Self.mask)
            if watch >= 0 { folders[watch] = folder }
        }
        for folder in singles { watch(folder) }
        for tree in trees where FileSystem.kind(of: tree) == .directory {
            watch(tree)
            for folder in FileSystem.folders(under: tree) { watch("\(tree)/\(folder)") }
        }
    }
}
#else
/// Without inotify the watch loop looks at its interval.
final class ChangeSignal: Sendable {
    init?(trees: [String], singles: [String]) { return nil }
    @discardableResult
    func wait(upTo limit: Duration) async -> ReportedChanges { .none }
}
#endif
