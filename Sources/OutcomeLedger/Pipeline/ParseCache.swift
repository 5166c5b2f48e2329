import Synchronization

/// Outcome files already parsed: `serve` re-parses only the files an edit changed, `diff`
/// parses a file that is the same on both sides once, and `build` keeps them in a file
/// in the site it writes (see `ParseCacheFile`) for the next build. An entry is used
/// only for the same path, the same text and the same settings, so a hit gives exactly
/// what parsing again would.
public final class ParseCache: Sendable {
    /// The name of the cache file in a site's folder.
    public static let fileName = ".outcomes-parsed"

    struct Entry: Sendable {
        /// The text parsed; nil for an entry read from a cache file, which is matched by
        /// the digest of the text instead.
        var text: SourceText?
        var digest: TextDigest
        /// The digest of the file's bytes before decoding, when this process read them:
        /// the next compilation then need not decode a file that did not change.
        var raw: TextDigest?
        var outcome: Outcome?
        /// The file's stamp when it was read, when the compilation was given stamps.
        var stamp: FileSystem.Stamp?
        /// Where the outcome's body is in the text, in UTF-8 bytes.
        var bodyRange: Range<Int>
        var diagnostics: [Diagnostic]

        init(text: SourceText?, digest: TextDigest, outcome: Outcome?, bodyRange: Range<Int>, diagnostics: [Diagnostic]) {
            self.text = text
            self.digest = digest
            self.outcome = outcome
            self.bodyRange = bodyRange
            self.diagnostics = diagnostics
        }

        /// What parsing `text`, decoded from bytes with the digest `raw`, gave.
        init(parsed text: SourceText, raw: TextDigest, outcome: Outcome?, diagnostics: [Diagnostic]) {
            self.init(text: text, digest: TextDigest(text.text), outcome: outcome,
                      bodyRange: outcome.map { ParseCacheFile.bodyRange(of: $0.body) } ?? 0..<0, diagnostics: diagnostics)
            self.raw = raw
        }
    }

    private struct State {
        var settings: String?
        var entries: [String: Entry] = [:]
        /// `people.yml` as last parsed: its text and what parsing it gave.
        var people: (text: String, parsed: ([Person]?, [Diagnostic]))?
        /// A cache file's bytes, read when the settings it must match are known.
        var file: [UInt8]?
    }

    private let state = Mutex(State())

    public init() {}

    /// How many files the last compilation took from the cache, for tests and logs.
    public var hits: Int { hitCount.load(ordering: .relaxed) }
    private let hitCount = Atomic<Int>(0)

    /// Takes the entries of a cache file written by `fileContents()`, if it turns out to
    /// be exactly right for the next compilation; otherwise it is ignored.
    public func restore(from bytes: [UInt8]) {
        state.withLock { $0.file = bytes }
    }

    /// The cache file for what the last compilation parsed; nil before any compilation.
    public func fileContents() -> [UInt8]? {
        saved()?.fileContents()
    }

    /// What the last compilation parsed, to be written as a cache file later: holding it
    /// costs nothing (the compilation holds the same outcomes), while the file's bytes
    /// would be tens of megabytes held while a large site is written.
    public func saved() -> Saved? {
        state.withLock { state in state.settings.map { Saved(entries: state.entries, settings: $0) } }
    }

    public struct Saved: Sendable {
        let entries: [String: Entry]
        let settings: String

        public func fileContents() -> [UInt8] {
            ParseCacheFile.encode(entries, settings: settings)
        }
    }

    /// Forgets everything parsed under other settings, then counts hits afresh.
    func begin(config: LedgerConfig) {
        let settings = StableDescription.of(config)
        state.withLock { state in
            if state.settings != settings {
                state.settings = settings
                state.entries = [:]
            }
            if let file = state.file {
                state.file = nil
                if state.entries.isEmpty { state.entries = ParseCacheFile.decode(file, settings: settings) ?? [:] }
            }
        }
        hitCount.store(0, ordering: .relaxed)
    }

    /// What parsing the file at `path` gives, if its bytes are those parsed before.
    func entry(path: String, raw: TextDigest) -> Entry? {
        guard let found = state.withLock({ $0.entries[path] }), found.text != nil, found.raw == raw else { return nil }
        hitCount.add(1, ordering: .relaxed)
        return found
    }

    /// What parsing the file at `path` gives, if it was read with this stamp.
    func entry(path: String, stamp: FileSystem.Stamp) -> Entry? {
        guard let found = state.withLock({ $0.entries[path] }), found.text != nil, found.stamp == stamp else { return nil }
        hitCount.add(1, ordering: .relaxed)
        return found
    }

    /// What parsing `text` gives, if it was parsed before.
    func entry(for text: SourceText) -> Entry? {
        guard let found = state.withLock({ $0.entries[text.path] }) else { return nil }
        var entry: Entry
        if let parsed = found.text {
            guard parsed.text == text.text else { return nil }
            entry = found
        } else {
            // From a cache file: the same bytes, and the body is cut from this text again.
            guard found.digest == TextDigest(text.text) else { return nil }
            entry = found
            entry.text = text
            if entry.outcome != nil {
                let utf8 = text.text.utf8
                guard let start = utf8.index(utf8.startIndex, offsetBy: found.bodyRange.lowerBound, limitedBy: utf8.endIndex),
                      let end = utf8.index(start, offsetBy: found.bodyRange.count, limitedBy: utf8.endIndex),
                      start.samePosition(in: text.text.unicodeScalars) != nil,
                      end.samePosition(in: text.text.unicodeScalars) != nil else { return nil }
                entry.outcome?.body = text.text[start..<end]
            }
        }
        hitCount.add(1, ordering: .relaxed)
        return entry
    }

    /// What parsing `people.yml` gives: taken from the last compilation when its text is the
    /// same (a roster of thousands is parsed once, not on every save in `serve`).
    func people(in text: SourceText) -> ([Person]?, [Diagnostic]) {
        if let kept = state.withLock({ $0.people }), kept.text == text.text { return kept.parsed }
        let parsed = PeopleParser.parse(text)
        state.withLock { $0.people = (text.text, parsed) }
        return parsed
    }

    /// Keeps exactly the files of this compilation, so removed files do not linger.
    func replace(with entries: [String: Entry]) {
        state.withLock { $0.entries = entries }
    }
}

/// A description of a value that is the same in every run: struct fields in declaration
/// order and dictionaries and sets sorted (Swift's own descriptions follow hash order,
/// which changes from run to run). Used to tell whether settings are the same as when a
/// cache was written.
enum StableDescription {
    static func of(_ value: Any) -> String {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .dictionary:
            let pairs = mirror.children.map { pair -> String in
                let parts = Array(Mirror(reflecting: pair.value).children)
                return parts.count == 2 ? "\(of(parts[0].value)): \(of(parts[1].value))" : of(pair.value)
            }
            return "[" + pairs.sorted().joined(separator: ", ") + "]"
        case .set:
            return "{" + mirror.children.map { of($0.value) }.sorted().joined(separator: ", ") + "}"
        case .struct, .class, .tuple, .collection, .optional:
            let fields = mirror.children.map { ($0.label.map { "\($0): " } ?? "") + of($0.value) }
            return "\(type(of: value))(" + fields.joined(separator: ", ") + ")"
        case .enum where !mirror.children.isEmpty:
            let payload = mirror.children.map { ($0.label.map { "\($0): " } ?? "") + of($0.value) }
            return "\(type(of: value)).(" + payload.joined(separator: ", ") + ")"
        default:
            return String(reflecting: value)
        }
    }
}
