import Synchronization

/// Outcome files already parsed, kept between compilations in one process: `serve`
/// re-parses only the files an edit changed, and `diff` parses a file that is the same on
/// both sides once. An entry is used only for the same path, the same text and the same
/// settings, so a hit gives exactly what parsing again would.
public final class ParseCache: Sendable {
    struct Entry: Sendable {
        var text: SourceText
        var outcome: Outcome?
        var diagnostics: [Diagnostic]
    }

    private struct State {
        var config: LedgerConfig?
        var entries: [String: Entry] = [:]
    }

    private let state = Mutex(State())

    public init() {}

    /// How many files the last compilation took from the cache, for tests and logs.
    public var hits: Int { hitCount.load(ordering: .relaxed) }
    private let hitCount = Atomic<Int>(0)

    /// Forgets everything parsed under other settings, then counts hits afresh.
    func begin(config: LedgerConfig) {
        state.withLock { state in
            if state.config != config {
                state.config = config
                state.entries = [:]
            }
        }
        hitCount.store(0, ordering: .relaxed)
    }

    func entry(for text: SourceText) -> Entry? {
        let found = state.withLock { $0.entries[text.path] }
        guard let found, found.text.text == text.text else { return nil }
        hitCount.add(1, ordering: .relaxed)
        return found
    }

    /// Keeps exactly the files of this compilation, so removed files do not linger.
    func replace(with entries: [String: Entry]) {
        state.withLock { $0.entries = entries }
    }
}
