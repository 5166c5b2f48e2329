import Synchronization

/// The history stage: reads the ledger's git history — one `git log` and one
/// `git cat-file --batch` for every version of every outcome file — and turns it into each
/// outcome's history and the changes of the last days. Versions are read for what history
/// shows (id, status, the owner's health call, due date), not compiled whole.
public enum HistoryReader {
    /// What a read took from git, kept for the next read up to the same commit: `serve`
    /// reads history after every save, and a save changes the files, not the commits. Only
    /// what compares the commits with the files being built is worked out again.
    public final class Kept: Sendable {
        fileprivate struct Read: Sendable {
            /// The commit, the settings history depends on and the date.
            var key: String
            var outcomes: [String: OutcomeHistory]
            var recentBase: RecentBase
        }
        fileprivate let last = Mutex<Read?>(nil)

        public init() {}
    }

    /// What recent changes are measured from: the ledger at the last commit before the
    /// window, or nothing when no commit falls in the window.
    fileprivate enum RecentBase: Sendable {
        case nothingCommitted
        case since(Compilation)

        func changes(to compilation: Compilation) -> LedgerChanges {
            switch self {
            case .nothingCommitted: return LedgerChanges(outcomes: [], introduced: [], fixed: [])
            case .since(let base): return LedgerChanges.between(base, compilation)
            }
        }
    }

    /// The history of the ledger at `root` as of `today`, or nil when the ledger is not in
    /// a git repository with commits (a site then simply has no history). With `kept`, a
    /// read up to the commit of the read before takes what that one read from git.
    public static func read(root: String, compilation: Compilation, today: CalendarDate, cache: ParseCache? = nil,
                            kept: Kept? = nil) async -> LedgerHistory? {
        let config = compilation.ledger.config
        guard let repository = try? await GitRepository.open(ledgerRoot: root), let head = repository.head else {
            return nil
        }
        if repository.isShallow {
            return LedgerHistory(head: head, outcomes: [:], recent: nil, recentDays: config.historyDays,
                                 note: "History is not shown: the site was built from a shallow clone. Fetch the whole history (for example `fetch-depth: 0` in actions/checkout) to see it.")
        }
        let key = [root, head, config.outcomesFolder, "\(config.historyDays)", today.description].joined(separator: "\u{1F}")
        if let kept, let read = kept.last.withLock({ $0 }), read.key == key {
            return LedgerHistory(head: head, outcomes: read.outcomes, recent: read.recentBase.changes(to: compilation),
                                 recentDays: config.historyDays)
        }
        guard let commits = try? await repository.log(to: head) else { return nil }
        let folder = config.outcomesFolder + "/"
        func isOutcomeFile(_ path: String) -> Bool {
            path.hasPrefix(folder) && path.hasSuffix(".md")
                && !path.dropFirst(folder.count).split(separator: "/").contains { $0.hasPrefix(".") || $0.hasPrefix("_") }
        }
        let objects = Array(Set(commits.flatMap(\.files).filter { isOutcomeFile($0.path) }.compactMap(\.object))).sorted()
        let contents = (try? await repository.contents(of: objects)) ?? [:]
        let facts = Parallel.map(objects.count) { Facts(path: "", bytes: contents[objects[$0]] ?? []) }
        var factsByObject: [String: Facts] = [:]
        for (object, fact) in zip(objects, facts) { factsByObject[object] = fact }

        var idAtPath: [String: String] = [:]
        var state: [String: Facts] = [:]
        var outcomes: [String: OutcomeHistory] = [:]
        for commit in commits {
            let mark = HistoryMark(date: CalendarDate(secondsSince1970: commit.time), author: commit.author, commit: commit.id)
            for file in commit.files where isOutcomeFile(file.path) {
                guard let object = file.object else {
                    idAtPath[file.path] = nil
                    continue
                }
                let version = factsByObject[object] ?? Facts(path: file.path, bytes: [])
                let id = version.id ?? OutcomeParser.idFromFileName(file.path)
                idAtPath[file.path] = id
                if var history = outcomes[id], let previous = state[id] {
                    history.events += previous.changes(to: version).map { OutcomeHistory.Event(mark: mark, change: $0) }
                    history.lastChanged = mark
                    outcomes[id] = history
                } else {
                    outcomes[id] = OutcomeHistory(created: mark, lastChanged: mark, events: [])
                }
                state[id] = version
            }
        }
        let base = await recentBase(commits, in: repository, config: config, today: today, cache: cache)
        kept?.last.withLock { $0 = Kept.Read(key: key, outcomes: outcomes, recentBase: base) }
        return LedgerHistory(head: head, outcomes: outcomes, recent: base.changes(to: compilation), recentDays: config.historyDays)
    }

    /// What history depends on besides the ledger's files and the date — the commit it is
    /// read up to — for the build's up-to-date check: a new commit means a new history.
    public static func identity(root: String) async -> String {
        guard let repository = try? await GitRepository.open(ledgerRoot: root), let head = repository.head else {
            return "no history"
        }
        return "history \(head)\(repository.isShallow ? " shallow" : "")"
    }

    /// The ledger at the last commit before the window, which recent changes lead from to
    /// the ledger being built.
    private static func recentBase(_ commits: [GitRepository.Commit], in repository: GitRepository,
                                   config: LedgerConfig, today: CalendarDate, cache: ParseCache?) async -> RecentBase {
        let start = CalendarDate(dayNumber: today.dayNumber - config.historyDays)
        let before = commits.last { CalendarDate(secondsSince1970: $0.time) < start }
        guard commits.contains(where: { CalendarDate(secondsSince1970: $0.time) >= start }) else { return .nothingCommitted }
        let options = LedgerCompiler.Options(today: today, cache: cache)
        var base = Compilation(ledger: LedgerResolver.resolve(config: LedgerConfig(), outcomes: [], people: nil),
                               diagnostics: [], outcomeFiles: [])
        if let before, let snapshot = try? await repository.snapshot(at: before.id),
           let compiled = try? LedgerCompiler.compile(LedgerDiscovery(snapshot: snapshot, name: before.id), options: options) {
            base = compiled
        }
        return .since(base)
    }

    /// What history follows of one version of an outcome file.
    struct Facts {
        var id: String?
        var status: OutcomeStatus = .proposed
        var health: HealthLevel?
        var due: CalendarDate?

        init(path: String, bytes: [UInt8]) {
            guard case .success(let source) = SourceText.decode(path: path, bytes: bytes),
                  case .success(let split) = FrontMatterSplitter.split(source),
                  case .success(let root?) = YAMLReader.read(split.yaml, startLine: split.yamlStartLine, source: source),
                  case .mapping(let entries) = root.kind else { return }
            for entry in entries {
                guard let key = entry.key.scalar, let value = entry.value.scalar else { continue }
                switch key {
                case "id": id = value.isEmpty ? nil : value
                case "status": status = OutcomeStatus(rawValue: value) ?? status
                case "health": health = HealthLevel(rawValue: value)
                case "due": due = CalendarDate(value)
                default: continue
                }
            }
        }

        func changes(to next: Facts) -> [Change] {
            var changes: [Change] = []
            if status != next.status { changes.append(Change(aspect: .status, before: status.rawValue, after: next.status.rawValue)) }
            if health != next.health {
                changes.append(Change(aspect: .reportedHealth, before: health?.words, after: next.health?.words))
            }
            if due != next.due { changes.append(Change(aspect: .due, before: due?.description, after: next.due?.description)) }
            return changes
        }
    }
}
