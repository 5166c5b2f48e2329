import Foundation
import OutcomeLedger

/// Notices changes to a ledger by comparing snapshots of file sizes and modification
/// times: the ledger's settings, roster, outcome files and templates. Polling needs no
/// platform API and costs little at a few ledgers' worth of files.
struct LedgerWatcher {
    let root: String
    let extraFolders: [String]

    /// Path → (size, modification time in nanoseconds) of every watched file.
    typealias Snapshot = [String: [Int]]

    func snapshot(outcomesFolder: String) -> Snapshot {
        var snapshot: Snapshot = [:]
        for file in [LedgerConfig.fileName, LedgerConfig.peopleFileName] {
            record("\(root)/\(file)", into: &snapshot)
        }
        for folder in ["\(root)/\(outcomesFolder)", "\(root)/templates"] + extraFolders {
            for path in FileSystem.files(under: folder) { record("\(folder)/\(path)", into: &snapshot) }
        }
        return snapshot
    }

    private func record(_ path: String, into snapshot: inout Snapshot) {
        var info = stat()
        guard stat(path, &info) == 0 else { return }
        snapshot[path] = [Int(info.st_size), Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)]
    }
}
