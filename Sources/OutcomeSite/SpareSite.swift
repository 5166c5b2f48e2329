import Foundation
import OutcomeLedger

#if canImport(Glibc)
import Glibc
#endif

/// The site a build replaced, kept beside the output (`.NAME.outcomes-spare`) so the next
/// build can write into it instead of into an empty folder. On a large ledger, creating
/// and deleting thousands of folders and files costs more than rendering them: in the
/// spare, the folders already exist and a file whose bytes have not changed is left alone.
/// The spare is claimed by renaming it to the build's staging folder, so a build that is
/// killed leaves an abandoned staging folder (removed by the next build), never a spare
/// in an unknown state.
struct SpareSite {
    /// What the claimed folder holds: every regular file with its size.
    let files: [String: Int]
    /// What the build that wrote it recorded.
    let manifest: Manifest.Contents

    static func path(in parent: String, for name: String) -> String { "\(parent)/.\(name).outcomes-spare" }

    /// Moves the spare to `staging` and reads what it holds, or nil when there is no
    /// usable spare (then `staging` does not exist). A spare holding anything but folders
    /// and regular files — a symbolic link, say — is not reused.
    static func claim(in parent: String, for name: String, as staging: String) -> SpareSite? {
        let spare = path(in: parent, for: name)
        guard let own = FileSystem.ownKind(of: spare), !own.isLink, own.kind == .directory,
              FileSystem.kind(of: "\(spare)/\(SiteWriter.markerName)") == .regularFile,
              rename(spare, staging) == 0 else { return nil }
        guard let files = FileSystem.fileSizesOnAllCores(under: staging, followingLinks: false) else {
            try? FileManager.default.removeItem(atPath: staging)
            return nil
        }
        let manifest = (try? FileSystem.read("\(staging)/\(Manifest.fileName)").get()).map(Manifest.parse) ?? Manifest.Contents()
        return SpareSite(files: Dictionary(files, uniquingKeysWith: { first, _ in first }), manifest: manifest)
    }

    /// What the manifest says of the file at `path`, if the file is there with that size.
    func line(for path: String) -> Manifest.Line? {
        guard let line = manifest.lines[path], files[path] == line.size else { return nil }
        return line
    }

    /// The page key recorded for `path`, when it was recorded under the same site key.
    func pageKey(for path: String, siteKey: UInt64) -> UInt64? {
        guard manifest.siteKey == siteKey else { return nil }
        return line(for: path)?.key
    }

    /// Whether the folder already holds exactly these bytes at `path`.
    func holds(_ path: String, hash: UInt64, size: Int) -> Bool {
        guard let line = line(for: path) else { return false }
        return line.hash == hash && line.size == size
    }

    /// Removes the files `keep` says no to, and the folders left empty.
    func removeFiles(from staging: String, keeping keep: (String) -> Bool) {
        var folders: Set<String> = []
        for path in files.keys where !keep(path) {
            unlink("\(staging)/\(path)")
            var folder = path
            while let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/")) {
                folder = String(folder[..<slash])
                folders.insert(folder)
            }
        }
        // Deepest first; a folder that still holds something stays.
        for folder in folders.sorted(by: { $0.utf8.count > $1.utf8.count }) {
            rmdir("\(staging)/\(folder)")
        }
    }
}

/// `.outcomes-manifest`: the site key, then one line per file the build wrote — content
/// hash, size, page key (`-` for files without one) and path — so the next build into
/// this folder knows what it holds without reading it.
enum Manifest {
    static let fileName = ".outcomes-manifest"

    struct Line: Equatable {
        var hash: UInt64
        var size: Int
        var key: UInt64?
    }

    struct Contents {
        var siteKey: UInt64?
        var lines: [String: Line] = [:]
    }

    static func render(siteKey: UInt64, _ files: [(path: String, line: Line)]) -> [UInt8] {
        var text = "site " + String(siteKey, radix: 16) + "\n"
        for (path, line) in files {
            text += String(line.hash, radix: 16) + " " + String(line.size) + " "
                + (line.key.map { String($0, radix: 16) } ?? "-") + " " + path + "\n"
        }
        return Array(text.utf8)
    }

    /// Read as bytes: a large site's manifest has tens of thousands of lines. A line that
    /// does not read as one is skipped (its file is then simply written again).
    static func parse(_ bytes: [UInt8]) -> Contents {
        var contents = Contents()
        contents.lines.reserveCapacity(bytes.count / 64)
        bytes.withUnsafeBufferPointer { text in
            var start = 0
            while start < text.count {
                var end = start
                while end < text.count && text[end] != 0x0A { end += 1 }
                defer { start = end + 1 }
                let line = UnsafeBufferPointer(rebasing: text[start..<end])
                if line.starts(with: "site ".utf8) {
                    contents.siteKey = number(line[5...], radix: 16)
                    continue
                }
                // hash, size, key (`-` for none) and the path, which may hold spaces.
                var fields: [Range<Int>] = []
                var field = line.startIndex
                for index in line.indices where line[index] == 0x20 && fields.count < 3 {
                    fields.append(field..<index)
                    field = index + 1
                }
                guard fields.count == 3, field < line.endIndex, let hash = number(line[fields[0]], radix: 16),
                      let size = number(line[fields[1]], radix: 10), size <= UInt64(Int.max) else { continue }
                let path = String(decoding: line[field...], as: UTF8.self)
                contents.lines[path] = Line(hash: hash, size: Int(size), key: number(line[fields[2]], radix: 16))
            }
        }
        return contents
    }

    /// A number in lowercase hexadecimal or decimal digits; nil for anything else or an overflow.
    private static func number(_ digits: Slice<UnsafeBufferPointer<UInt8>>, radix: UInt64) -> UInt64? {
        guard !digits.isEmpty, digits.count <= 20 else { return nil }
        var value: UInt64 = 0
        for byte in digits {
            let digit: UInt64
            switch byte {
            case 0x30...0x39: digit = UInt64(byte - 0x30)
            case 0x61...0x66 where radix == 16: digit = UInt64(byte - 0x61 + 10)
            default: return nil
            }
            let (shifted, overflow) = value.multipliedReportingOverflow(by: radix)
            guard !overflow else { return nil }
            let (sum, carried) = shifted.addingReportingOverflow(digit)
            guard !carried else { return nil }
            value = sum
        }
        return value
    }
}
