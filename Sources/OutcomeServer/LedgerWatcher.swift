import Foundation
import OutcomeLedger

/// Notices changes to a ledger by comparing snapshots of file sizes and modification
/// times: the ledger's settings, roster, outcome files and templates. The comparison is
/// what decides; `ChangeSignal` only says when to look.
struct LedgerWatcher {
    let root: String
    let extraFolders: [String]

    /// Path → size and modification time of every watched file.
    typealias Snapshot = [String: FileSystem.Stamp]

    func snapshot(outcomesFolder: String) -> Snapshot {
        var snapshot: Snapshot = [:]
        for file in [LedgerConfig.fileName, LedgerConfig.peopleFileName] {
            record("\(root)/\(file)", into: &snapshot)
        }
        for folder in folders(outcomesFolder: outcomesFolder) {
            for (path, stamp) in FileSystem.stampedFiles(under: folder) { snapshot["\(folder)/\(path)"] = stamp }
        }
        return snapshot
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
