import Foundation
import OutcomeLedger

/// Notices changes to a ledger by comparing snapshots of file sizes and modification
/// times: the ledger's settings, roster, outcome files and templates. The comparison is
/// what decides; `ChangeSignal` says when to look, and at which files.
struct LedgerWatcher {
    let root: String
    let extraFolders: [String]

    /// Path → size and modification time of every watched file.
    typealias Snapshot = [String: FileSystem.Stamp]

    /// `linked`: files bodies link to that the site could not publish (root-relative):
    /// wherever they are, one that appears or changes is a change, seen at the next look.
    func snapshot(outcomesFolder: String, linked: [String] = []) -> Snapshot {
        var snapshot: Snapshot = [:]
        for file in [LedgerConfig.fileName, LedgerConfig.peopleFileName] + linked {
            record("\(root)/\(file)", into: &snapshot)
        }
        for folder in folders(outcomesFolder: outcomesFolder) {
            for (path, stamp) in FileSystem.stampedFiles(under: folder) { snapshot["\(folder)/\(path)"] = stamp }
        }
        return snapshot
    }

    /// `snapshot` with `files` looked at again, when they are the only files that changed:
    /// each is what a full snapshot would now say of it — stamped if it is a file the
    /// snapshot lists, gone if it is gone. Other paths are left out, as a snapshot leaves
    /// them out.
    func updating(_ snapshot: Snapshot, files: Set<String>, outcomesFolder: String) -> Snapshot {
        let watched = watchedFiles(outcomesFolder: outcomesFolder)
        var updated = snapshot
        for path in files where watched(path) {
            var info = stat()
            if stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG {
                updated[path] = FileSystem.Stamp(info)
            } else {
                updated[path] = nil
            }
        }
        return updated
    }

    /// `snapshot` looking at the unpublished linked files `linked` instead of `before`: the
    /// ones no longer linked are left out (unless the snapshot lists them anyway), the new
    /// ones stamped as they are now. The rest of the snapshot is kept as it was taken, so a
    /// save it has not seen yet is still a change.
    func watching(linked: [String], insteadOf before: [String], in snapshot: Snapshot, outcomesFolder: String) -> Snapshot {
        var updated = snapshot
        let kept = Set(linked)
        let watched = watchedFiles(outcomesFolder: outcomesFolder)
        for relative in before where !kept.contains(relative) && !watched("\(root)/\(relative)") {
            updated["\(root)/\(relative)"] = nil
        }
        for path in linked { record("\(root)/\(path)", into: &updated) }
        return updated
    }

    /// Whether a snapshot lists a path whatever is linked: the settings, and the files of
    /// the watched folders.
    private func watchedFiles(outcomesFolder: String) -> (String) -> Bool {
        let settings = Set([LedgerConfig.fileName, LedgerConfig.peopleFileName].map { "\(root)/\($0)" })
        let trees = folders(outcomesFolder: outcomesFolder)
        return { path in settings.contains(path) || trees.contains { Self.lists(path, under: $0) } }
    }

    /// Whether a snapshot lists `path` among the files under `folder`.
    static func lists(_ path: String, under folder: String) -> Bool {
        path.hasPrefix(folder + "/") && FileSystem.listsFile(at: path.dropFirst(folder.count + 1))
    }

    /// The stamps of a snapshot's files under the root, by path relative to it, for the
    /// compiler (see `LedgerCompiler.Options.stamps`).
    func stamps(in snapshot: Snapshot) -> [String: FileSystem.Stamp] {
        let prefix = root + "/"
        var stamps: [String: FileSystem.Stamp] = [:]
        stamps.reserveCapacity(snapshot.count)
        for (path, stamp) in snapshot where path.hasPrefix(prefix) { stamps[String(path.dropFirst(prefix.count))] = stamp }
        return stamps
    }

    /// The folders whose files are watched, with their subfolders; the root's own files
    /// (`ledger.yml`, `people.yml`) are watched besides.
    func folders(outcomesFolder: String) -> [String] {
        ["\(root)/\(outcomesFolder)", "\(root)/templates"] + extraFolders
    }

    /// Something that wakes the watch loop when a watched folder changes; nil where the
    /// platform has none, and the loop then looks at its interval.
    func signal(outcomesFolder: String) -> ChangeSignal? {
        ChangeSignal(trees: folders(outcomesFolder: outcomesFolder), singles: [root])
    }

    private func record(_ path: String, into snapshot: inout Snapshot) {
        var info = stat()
        guard stat(path, &info) == 0 else { return }
        snapshot[path] = FileSystem.Stamp(info)
    }
}
