/// The parse cache as a file, so a `build` after an edit re-parses only the files that
/// changed, as `serve` does in memory.
///
/// The file is build state, not input: it is used only when everything about it checks
/// out — its magic line and format version, the binary that wrote it (version, size and
/// modification time), the parsing settings, and the checksum of its entries (written
/// after them) — and each entry only for a file whose text hashes to what was parsed. A file
/// that is truncated, corrupted, from another binary or another format is ignored whole
/// (the build parses everything, as without a cache) and replaced by the next build.
enum ParseCacheFile {
    static let magic = Array("outcomes parse cache\n".utf8)
    static let formatVersion = 3

    /// The file's bytes for the entries of the last compilation: the header, the entries,
    /// then the checksum of the entries — written last, so the file is built in one buffer
    /// without copying tens of megabytes to put the checksum first.
    static func encode(_ entries: [String: ParseCache.Entry], settings: String) -> [UInt8] {
        var file = CacheWriter()
        file.bytes = magic
        file.write(formatVersion)
        file.write(ToolVersion.executableIdentity)
        file.write(settings)
        let payloadStart = file.bytes.count
        file.write(entries.count)
        for path in entries.keys.sorted() {
            let entry = entries[path]!
            file.write(path)
            file.currentFile = path
            file.write(entry.digest)
            file.write(entry.outcome)
            file.write(entry.outcome.map { Self.bodyRange(of: $0.body) } ?? 0..<0)
            file.write(entry.diagnostics)
        }
        let checksum = TextDigest(file.bytes[payloadStart...])
        for word in [checksum.first, checksum.second, UInt64(checksum.count)] {
            withUnsafeBytes(of: word.littleEndian) { file.bytes += $0 }
        }
        return file.bytes
    }

    /// The entries a file holds, or nil when anything about it is not exactly what this
    /// binary writes for these settings.
    static func decode(_ bytes: [UInt8], settings: String) -> [String: ParseCache.Entry]? {
        guard bytes.starts(with: magic), bytes.count >= magic.count + trailerSize else { return nil }
        var header = CacheReader(bytes, from: magic.count, to: bytes.count - trailerSize)
        guard (try? header.read(Int.self)) == formatVersion,
              (try? header.read(String.self)) == ToolVersion.executableIdentity,
              (try? header.read(String.self)) == settings else { return nil }
        let payloadEnd = bytes.count - trailerSize
        let words = (0..<3).map { index in
            bytes[(payloadEnd + index * 8)..<(payloadEnd + index * 8 + 8)].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        }
        guard TextDigest(bytes[header.offset..<payloadEnd]) == TextDigest(first: words[0], second: words[1], count: Int(truncatingIfNeeded: words[2])) else {
            return nil
        }
        var reader = header
        do {
            let count = try reader.readCount()
            var entries: [String: ParseCache.Entry] = [:]
            entries.reserveCapacity(count)
            for _ in 0..<count {
                let path = try reader.read(String.self)
                reader.currentFile = path
                let digest = try reader.read(TextDigest.self)
                let outcome = try reader.read(Outcome?.self)
                let body = try reader.read(Range<Int>.self)
                let diagnostics = try reader.read([Diagnostic].self)
                entries[path] = ParseCache.Entry(text: nil, digest: digest, outcome: outcome, bodyRange: body,
                                                 diagnostics: diagnostics)
            }
            guard reader.isAtEnd else { return nil }
            return entries
        } catch {
            return nil
        }
    }

    /// The checksum after the entries: three little-endian 64-bit words.
    private static let trailerSize = 24

    /// Where the body is in its file, in UTF-8 bytes: a restored outcome's body is cut from
    /// the file's text again rather than stored twice.
    static func bodyRange(of body: Substring) -> Range<Int> {
        let base = body.base.utf8
        let start = base.distance(from: base.startIndex, to: body.startIndex)
        return start..<(start + body.utf8.count)
    }
}

/// Two 64-bit hashes of some bytes with different seeds, and their count: equal digests
/// mean equal bytes for every purpose a cache has.
struct TextDigest: Equatable, Sendable {
    var first: UInt64
    var second: UInt64
    var count: Int

    init(first: UInt64, second: UInt64, count: Int) {
        self.first = first
        self.second = second
        self.count = count
    }

    init(_ bytes: some Collection<UInt8>) {
        let digest = bytes.withContiguousStorageIfAvailable { buffer in
            let raw = UnsafeRawBufferPointer(buffer)
            let (first, second) = ContentHash.pair(of: raw, seeds: ContentHash.defaultSeed, ContentHash.secondSeed)
            return TextDigest(first: first, second: second, count: raw.count)
        }
        self = digest ?? TextDigest(Array(bytes))
    }

    init(_ text: String) {
        var text = text
        self = text.withUTF8 { TextDigest($0) }
    }
}

// MARK: - Reading and writing values

/// A value the cache file can hold, written field by field in a fixed order.
protocol CacheCodable {
    func write(to writer: inout CacheWriter)
    init(from reader: inout CacheReader) throws(CacheReader.Malformed)
}

struct CacheWriter {
    var bytes: [UInt8] = []
    /// The file of the entry being written: locations in it are written without their file.
    var currentFile = ""

    mutating func write<Value: CacheCodable>(_ value: Value) {
        value.write(to: &self)
    }

    /// Integers as LEB128 of their zigzag form: small numbers, which nearly all are, take one byte.
    mutating func writeInteger(_ value: Int) {
        var rest = UInt64(bitPattern: Int64(value << 1) ^ Int64(value >> 63))
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }
}

/// Reads what `CacheWriter` wrote; any read past the end or out of shape throws, so bytes
/// from anywhere can only ever be refused.
struct CacheReader {
    struct Malformed: Error {}

    private let bytes: [UInt8]
    private(set) var offset: Int
    /// Where reading stops: the end of the bytes, or of the part that holds values.
    private let end: Int
    /// The file of the entry being read, for locations written without theirs.
    var currentFile = ""

    init(_ bytes: [UInt8], from offset: Int, to end: Int? = nil) {
        self.bytes = bytes
        self.offset = offset
        self.end = min(end ?? bytes.count, bytes.count)
    }

    var isAtEnd: Bool { offset == end }

    mutating func read<Value: CacheCodable>(_ type: Value.Type) throws(Malformed) -> Value {
        try Value(from: &self)
    }

    mutating func readInteger() throws(Malformed) -> Int {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < end, shift < 64 else { throw Malformed() }
            let byte = bytes[offset]
            offset += 1
            // The tenth byte holds the 64th bit only: anything more is not what was written.
            guard shift < 63 || byte <= 1 else { throw Malformed() }
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        return Int(Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1))
    }

    /// A count of things that follow: each takes at least one byte, so a count larger than
    /// what is left is malformed (and never becomes a huge allocation).
    mutating func readCount() throws(Malformed) -> Int {
        let count = try readInteger()
        guard count >= 0, count <= end - offset else { throw Malformed() }
        return count
    }

    mutating func readBytes(_ count: Int) throws(Malformed) -> ArraySlice<UInt8> {
        guard count >= 0, count <= end - offset else { throw Malformed() }
        defer { offset += count }
        return bytes[offset..<(offset + count)]
    }

    mutating func readTag(below limit: UInt8) throws(Malformed) -> UInt8 {
        let tag = try readBytes(1).first!
        guard tag < limit else { throw Malformed() }
        return tag
    }
}

extension Int: CacheCodable {
    func write(to writer: inout CacheWriter) { writer.writeInteger(self) }
    init(from reader: inout CacheReader) throws(CacheReader.Malformed) { self = try reader.readInteger() }
}

extension UInt64: CacheCodable {
    func write(to writer: inout CacheWriter) { writer.writeInteger(Int(bitPattern: UInt(self))) }
    init(from reader: inout CacheReader) throws(CacheReader.Malformed) { self = UInt64(UInt(bitPattern: try reader.readInteger())) }
}

extension Bool: CacheCodable {
    func write(to writer: inout CacheWriter) { writer.bytes.append(self ? 1 : 0) }
    init(from reader: inout CacheReader) throws(CacheReader.Malformed) { self = try reader.readTag(below: 2) == 1 }
}

extension String: CacheCodable {
    func write(to writer: inout CacheWriter) {
        writer.writeInteger(utf8.count)
        writer.bytes += utf8
    }

    init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
        let bytes = try reader.readBytes(try reader.readCount())
        guard let text = String(validating: bytes, as: UTF8.self) else { throw CacheReader.Malformed() }
        self = text
    }
}

extension Optional: CacheCodable where Wrapped: CacheCodable {
    func write(to writer: inout CacheWriter) {
        switch self {
        case nil: writer.bytes.append(0)
        case let value?: writer.bytes.append(1); value.write(to: &writer)
        }
    }

    init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
        self = try reader.readTag(below: 2) == 0 ? nil : try Wrapped(from: &reader)
    }
}

extension Array: CacheCodable where Element: CacheCodable {
    func write(to writer: inout CacheWriter) {
        writer.writeInteger(count)
        for element in self { element.write(to: &writer) }
    }

    init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
        let count = try reader.readCount()
        self = []
        reserveCapacity(count)
        for _ in 0..<count { append(try Element(from: &reader)) }
    }
}

extension Range: CacheCodable where Bound == Int {
    func write(to writer: inout CacheWriter) {
        writer.write(lowerBound)
        writer.write(count)
    }

    init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
        let start = try reader.readInteger()
        let count = try reader.readInteger()
        guard start >= 0, count >= 0, start <= Int.max - count else { throw CacheReader.Malformed() }
        self = start..<(start + count)
    }
}

/// Enumerations with a raw text value: written as that text, refused when it names no case.
protocol RawCacheCodable: CacheCodable, RawRepresentable where RawValue == String {}

extension RawCacheCodable {
    func write(to writer: inout CacheWriter) { writer.write(rawValue) }
    init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
        guard let value = Self(rawValue: try reader.read(String.self)) else { throw CacheReader.Malformed() }
        self = value
    }
}

extension OutcomeStatus: RawCacheCodable {}
extension HealthLevel: RawCacheCodable {}
extension Severity: RawCacheCodable {}

extension TextDigest: CacheCodable {
    func write(to writer: inout CacheWriter) {
        writer.write(first)
        writer.write(second)
        writer.write(count)
    }

    init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
        self.init(first: try reader.read(UInt64.self), second: try reader.read(UInt64.self), count: try reader.readInteger())
    }
}

extension SourceLocation: CacheCodable {
    func write(to writer: inout CacheWriter) {
        if file == writer.currentFile {
            writer.bytes.append(0)
        } else {
            writer.bytes.append(1)
            writer.write(file)
        }
        writer.write(line)
        writer.write(column)
    }

    init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
        let file = try reader.readTag(below: 2) == 0 ? reader.currentFile : try reader.read(String.self)
        self.init(file: file, line: try reader.readInteger(), column: try reader.readInteger())
    }
}

extension Located: CacheCodable where Value: CacheCodable {
    func write(to writer: inout CacheWriter) {
        writer.write(value)
        writer.write(location)
    }

    init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
        self.init(try reader.read(Value.self), at: try reader.read(SourceLocation.self))
    }
}

extension CalendarDate: CacheCodable {
    func write(to writer: inout CacheWriter) { writer.write(description) }
    init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
        guard let date = CalendarDate(try reader.read(String.self)) else { throw CacheReader.Malformed() }
        self = date
    }
}

extension PodMember: CacheCodable {
    func write(to writer: inout CacheWriter) {
        writer.write(handle)
        writer.write(lenses)
    }

    init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
        self.init(handle: try reader.read(Located<String>.self), lenses: try reader.read([Located<String>].self))
    }
}

extension DoneItem: CacheCodable {
    func write(to writer: inout CacheWriter) {
        writer.write(text)
        writer.write(checked)
        writer.write(location)
    }

    init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
        self.init(text: try reader.read(String.self), checked: try reader.read(Bool.self), location: try reader.read(SourceLocation.self))
    }
}

extension BodySection: CacheCodable {
    func write(to writer: inout CacheWriter) {
        writer.write(heading)
        writer.write(items)
        writer.write(nestedTasks)
        writer.write(hasContent)
    }

    init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
        self.init(heading: try reader.read(SourceLocation.self), items: try reader.read([DoneItem].self),
                  hasContent: false)
        nestedTasks = try reader.read([Located<String>].self)
        hasContent = try reader.read(Bool.self)
    }
}

extension NearMissHeading: CacheCodable {
    func write(to writer: inout CacheWriter) {
        writer.write(written)
        writer.write(line)
        writer.write(column)
        writer.write(unclosedFenceLine)
    }

    init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
        self.init(written: try reader.read(String.self), line: try reader.readInteger(), column: try reader.readInteger(),
                  unclosedFenceLine: try reader.read(Int?.self))
    }
}

extension YAMLNode: CacheCodable {
    func write(to writer: inout CacheWriter) {
        switch kind {
        case .scalar(let text, let isPlain):
            writer.bytes.append(0)
            writer.write(text)
            writer.write(isPlain)
        case .sequence(let items):
            writer.bytes.append(1)
            writer.write(items)
        case .mapping(let entries):
            writer.bytes.append(2)
            writer.writeInteger(entries.count)
            for entry in entries {
                writer.write(entry.key)
                writer.write(entry.value)
            }
        }
        writer.write(location)
    }

    init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
        let kind: Kind
        switch try reader.readTag(below: 3) {
        case 0: kind = .scalar(try reader.read(String.self), isPlain: try reader.read(Bool.self))
        case 1: kind = .sequence(try reader.read([YAMLNode].self))
        default:
            let count = try reader.readCount()
            var entries: [YAMLEntry] = []
            for _ in 0..<count { entries.append(YAMLEntry(key: try reader.read(YAMLNode.self), value: try reader.read(YAMLNode.self))) }
            kind = .mapping(entries)
        }
        self.init(kind, at: try reader.read(SourceLocation.self))
    }
}

extension BodyLink: CacheCodable {
    func write(to writer: inout CacheWriter) {
        writer.write(destination)
        writer.write(text)
        writer.write(isImage)
        writer.write(location)
    }

    /// Links are cached as parsed: where they lead is resolved again on every compilation.
    init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
        self.init(destination: try reader.read(String.self), text: try reader.read(String.self),
                  isImage: try reader.read(Bool.self), location: try reader.read(SourceLocation.self))
    }
}

extension Diagnostic: CacheCodable {
    func write(to writer: inout CacheWriter) {
        writer.write(location)
        writer.write(severity)
        writer.write(rule)
        writer.write(message)
        writer.write(hint)
    }

    init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
        self.init(location: try reader.read(SourceLocation.self), severity: try reader.read(Severity.self),
                  rule: try reader.read(String.self), message: try reader.read(String.self), hint: try reader.read(String?.self))
    }
}

extension Outcome: CacheCodable {
    /// Every field but the body, which is kept as a range of the file (see `bodyRange`).
    func write(to writer: inout CacheWriter) {
        writer.write(file)
        writer.write(id)
        writer.write(hasExplicitID)
        writer.write(title)
        writer.write(owner)
        writer.write(pod)
        writer.write(podLocation)
        writer.write(status)
        writer.write(parent)
        writer.write(dependsOn)
        writer.write(reviewBy)
        writer.write(start)
        writer.write(due)
        writer.write(reportedHealth)
        writer.write(healthNote)
        writer.write(tags)
        writer.writeInteger(extra.count)
        for key in extra.keys.sorted() {
            writer.write(key)
            writer.write(extra[key]!)
        }
        writer.write(done)
        writer.write(how)
        writer.write(bodyStartLine)
        writer.write(anchors)
        writer.write(htmlAnchors)
        writer.write(frontMatterIsBroken)
        writer.write(doneNearMiss)
        writer.write(howNearMiss)
        writer.write(headingLevels)
        writer.write(links)
        writer.write(bodyIsParsed)
        writer.write(hasFrontMatter)
    }

    init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
        self.init(file: try reader.read(String.self), id: try reader.read(Located<String>.self))
        hasExplicitID = try reader.read(Bool.self)
        title = try reader.read(Located<String>?.self)
        owner = try reader.read(Located<String>?.self)
        pod = try reader.read([PodMember]?.self)
        podLocation = try reader.read(SourceLocation?.self)
        status = try reader.read(Located<OutcomeStatus>?.self)
        parent = try reader.read(Located<String>?.self)
        dependsOn = try reader.read([Located<String>].self)
        reviewBy = try reader.read(Located<CalendarDate>?.self)
        start = try reader.read(Located<CalendarDate>?.self)
        due = try reader.read(Located<CalendarDate>?.self)
        reportedHealth = try reader.read(Located<HealthLevel>?.self)
        healthNote = try reader.read(Located<String>?.self)
        tags = try reader.read([Located<String>].self)
        let extraCount = try reader.readCount()
        for _ in 0..<extraCount { extra[try reader.read(String.self)] = try reader.read(YAMLNode.self) }
        done = try reader.read(BodySection?.self)
        how = try reader.read(BodySection?.self)
        bodyStartLine = try reader.readInteger()
        anchors = try reader.read([String].self)
        htmlAnchors = try reader.read([String].self)
        frontMatterIsBroken = try reader.read(Bool.self)
        doneNearMiss = try reader.read(NearMissHeading?.self)
        howNearMiss = try reader.read(NearMissHeading?.self)
        headingLevels = try reader.read([Located<Int>].self)
        links = try reader.read([BodyLink].self)
        bodyIsParsed = try reader.read(Bool.self)
        hasFrontMatter = try reader.read(Bool.self)
    }
}
