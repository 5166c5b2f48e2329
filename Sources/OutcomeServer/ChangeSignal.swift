import Foundation
import OutcomeLedger
#if os(Linux)
import Glibc

/// Wakes `serve`'s watch loop as soon as the kernel says something changed in a watched
/// folder (Linux inotify), instead of at its next look. It only ends a wait early: whether
/// anything really changed is still decided by comparing snapshots, so a missed or extra
/// event (a full queue, a folder made while the loop was busy) costs at most one interval.
/// Sendable because its descriptor is only read and watched on its own serial queue, one
/// wait at a time.
final class ChangeSignal: @unchecked Sendable {
    private let descriptor: Int32
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

    /// Waits until a change is reported or `limit` has passed, then forgets the events
    /// read so far and watches any folder made since.
    func wait(upTo limit: Duration) async {
        let milliseconds = Int32(clamping: limit.components.seconds * 1000 + limit.components.attoseconds / 1_000_000_000_000_000)
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            queue.async {
                var request = pollfd(fd: self.descriptor, events: Int16(POLLIN), revents: 0)
                if poll(&request, 1, max(0, milliseconds)) > 0, self.drain() {
                    self.watchFolders()
                }
                done.resume()
            }
        }
    }

    /// Reads the events queued; true when folders may have come or gone (an event about a
    /// folder, a watch removed, a lost event), so the watches must be looked at again.
    /// A save changes a file, not the folders: walking them all is left for when it may.
    private func drain() -> Bool {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var folders = false
        let header = MemoryLayout<inotify_event>.size
        let mask = UInt32(IN_ISDIR | IN_Q_OVERFLOW | IN_IGNORED | IN_DELETE_SELF | IN_MOVE_SELF)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { return folders }
            buffer.withUnsafeBytes { bytes in
                var offset = 0
                while offset + header <= count {
                    let event = bytes.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    if event.mask & mask != 0 { folders = true }
                    offset += header + Int(event.len)
                }
            }
        }
    }

    /// Adds a watch for every folder (watching one already watched changes nothing).
    private func watchFolders() {
        for folder in singles { _ = inotify_add_watch(descriptor, folder, Self.mask) }
        for tree in trees where FileSystem.kind(of: tree) == .directory {
            _ = inotify_add_watch(descriptor, tree, Self.mask)
            for folder in FileSystem.folders(under: tree) {
                _ = inotify_add_watch(descriptor, "\(tree)/\(folder)", Self.mask)
            }
        }
    }
}
#else
/// Without inotify the watch loop looks at its interval.
final class ChangeSignal: Sendable {
    init?(trees: [String], singles: [String]) { return nil }
    func wait(upTo limit: Duration) async {}
}
#endif
