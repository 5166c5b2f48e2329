import Foundation
import OutcomeLedger

/// Skips a build whose inputs are exactly those of the site already in the output folder.
///
/// The fingerprint covers every byte the build reads — `ledger.yml`, `people.yml`, each
/// outcome file and its path, every template override — plus the options, the date rules
/// compare with, and the running binary (so a new version or theme means a rebuild). It is
/// all or nothing: on any difference the whole site is rebuilt, so the output is always
/// byte-identical to a clean build. The output itself is checked too: a file added, removed
/// or resized since the build also means a rebuild. So are the files bodies link to that
/// were not published (missing, a folder, too large, a refused SVG): one that appears or
/// changes means a rebuild. The fingerprint, the output's listing, those files' state and
/// the build's report are kept in the output as `.outcomes-cache`, written with the site
/// and swapped in with it.
public enum BuildCache {
    public static let fileName = ".outcomes-cache"

    /// The fingerprint of a build's inputs, or nil when they can't all be read (then build).
    public static func fingerprint(
        root: String, overrides: [Theme.Override], options: [String]
    ) -> String? {
        guard let discovery = try? LedgerDiscovery(root: root) else { return nil }
        var hasher = Hasher128()
        hasher.add(ToolVersion.current)
        hasher.add(options.joined(separator: "\u{1F}"))
        hasher.add(ToolVersion.executableIdentity)
        for file in [LedgerConfig.fileName, LedgerConfig.peopleFileName] where discovery.exists(file) {
            guard let bytes = try? discovery.read(file).get() else { return nil }
            hasher.add(file)
            hasher.add(bytes)
        }
        let config = LedgerCompiler.settings(of: discovery)
        guard let found = discovery.outcomeFiles(in: config.outcomesFolder) else { return nil }
        for diagnostic in found.diagnostics { hasher.add(diagnostic.location.file + diagnostic.message) }
        // Read and hash on every core; combined in path order.
        let files = found.outcomeFiles
        let limit = config.maxFileSize
        let digests = Parallel.map(files.count) { index -> String in
            switch discovery.read(files[index], limit: limit) {
            case .success(let bytes):
                return bytes.withUnsafeBytes {
                    let (first, second) = ContentHash.pair(of: $0, seeds: ContentHash.defaultSeed, ContentHash.secondSeed)
                    return "\(first) \(second) \(bytes.count)"
                }
            case .failure(let failure): return "unreadable \(failure.reason) \(failure.size ?? -1)"
            }
        }
        for (path, digest) in zip(files, digests) {
            hasher.add(path)
            hasher.add(digest)
        }
        for override in overrides {
            hasher.add(override.directory)
            for path in FileSystem.files(under: override.directory) {
                hasher.add(path)
                hasher.add((try? FileSystem.read("\(override.directory)/\(path)").get()) ?? [])
            }
        }
        return hasher.hex
    }

    /// The report of the build already in `output`, when its fingerprint is `fingerprint`
    /// and its files are still those it wrote.
    /// Files bodies link to are not in the fingerprint (finding them means parsing every
    /// body): each published copy under `files/` is compared with its source in `root`.
    public static func report(in output: String, matching fingerprint: String, root: String) -> String? {
        guard FileSystem.kind(of: "\(output)/\(SiteWriter.markerName)") == .regularFile,
              let bytes = try? FileSystem.read("\(output)/\(fileName)").get() else { return nil }
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", maxSplits: 3, omittingEmptySubsequences: false)
        guard lines.count == 4, lines[0] == fingerprint else { return nil }
        guard let files = FileSystem.fileSizesOnAllCores(under: output, followingLinks: true), lines[1] == listing(files) else { return nil }
        guard let space = lines[2].firstIndex(of: " "),
              let unpublished = try? JSONDecoder().decode([String].self, from: Data(lines[2][lines[2].index(after: space)...].utf8)),
              lines[2] == unpublishedLine(unpublished, root: root) else { return nil }
        let prefix = SiteBuilder.assetPath("")
        for (path, _) in files where path.hasPrefix(prefix) {
            guard let published = try? FileSystem.read("\(output)/\(path)").get(),
                  let source = try? FileSystem.read("\(root)/\(path.dropFirst(prefix.count))").get(),
                  published == source else { return nil }
        }
        return String(lines[3])
    }

    /// The cache file to write with a site, given the files written and their sizes, and the
    /// compilation they were built from.
    public static func file(fingerprint: String, report: String, written: [(path: String, size: Int)],
                            compilation: Compilation) -> SiteFile {
        let listed = written + [(SiteWriter.markerName, SiteWriter.markerText.utf8.count)]
        let unpublished = unpublishedLine(compilation.unpublishedLinkedFiles, root: compilation.root ?? ".")
        return SiteFile(path: fileName, contents: Array((fingerprint + "\n" + listing(listed) + "\n" + unpublished + "\n" + report).utf8))
    }

    /// A digest of what is at each path now (nothing, a folder, or a file of some size and
    /// contents), then the paths as JSON, on one line. The same line later means none changed.
    /// The names beside a missing file, and in a folder, count too: `broken-link` suggests one.
    static func unpublishedLine(_ paths: [String], root: String) -> String {
        var hasher = Hasher128()
        for path in paths {
            hasher.add(path)
            let full = "\(root)/\(path)"
            switch FileSystem.kind(of: full) {
            case .missing:
                hasher.add("missing")
                let folder = full.lastIndex(of: "/").map { String(full[..<$0]) } ?? root
                hasher.add(FileSystem.entries(of: folder).joined(separator: "/"))
            case .regularFile:
                // What decides whether it is published is its size, and for an SVG its contents.
                hasher.add("file \(FileSystem.size(of: full) ?? -1)")
                if path.lowercased().hasSuffix(".svg") { hasher.add((try? FileSystem.read(full, limit: 64 << 20).get()) ?? []) }
            case .directory:
                hasher.add("folder")
                hasher.add(FileSystem.entries(of: full).joined(separator: "/"))
            case .other: hasher.add("other")
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        let json = (try? encoder.encode(paths)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
        return hasher.hex + " " + json
    }

    /// A digest of paths and sizes, the cache files and the manifest (written after it) left
    /// out. The files' hashes are added up, so the order a walk lists them in does not
    /// matter and nothing is sorted (sorting 15,000 paths was a twentieth of an up-to-date
    /// build).
    static func listing(_ files: [(String, Int)]) -> String {
        let bookkeeping: Set = [fileName, Manifest.fileName, ParseCache.fileName]
        var sums: (UInt64, UInt64) = (0, 0)
        var count = 0
        for (path, size) in files where !bookkeeping.contains(path) {
            var entry = "\(path) \(size)"
            let (first, second) = entry.withUTF8 {
                ContentHash.pair(of: UnsafeRawBufferPointer($0), seeds: ContentHash.defaultSeed, ContentHash.secondSeed)
            }
            sums = (sums.0 &+ first, sums.1 &+ second)
            count += 1
        }
        var hasher = Hasher128()
        hasher.add("\(sums.0) \(sums.1) \(count)")
        return hasher.hex
    }
}

/// Two FNV-1a streams with different offsets: 128 bits, stable across runs and platforms.
struct Hasher128 {
    private var first: UInt64 = 0xcbf2_9ce4_8422_2325
    private var second: UInt64 = 0x6c62_272e_07bb_0142

    mutating func add(_ text: String) {
        add(Array(text.utf8))
        add([0xFF])
    }

    mutating func add(_ bytes: [UInt8]) {
        var a = first
        var b = second
        for byte in bytes {
            a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            b = (b ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        first = a
        second = b &+ 0x9E37_79B9_7F4A_7C15
    }

    var hex: String {
        [first, second].map { String($0, radix: 16).leftPadded(to: 16) }.joined()
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
