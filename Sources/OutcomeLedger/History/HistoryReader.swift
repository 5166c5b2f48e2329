/// The history stage: reads the ledger's git history — one `git log` and one
/// `git cat-file --batch` for every version of every outcome file — and turns it into each
/// outcome's history and the changes of the last days. Versions are read for what history
/// shows (id, status, the owner's health call, due date), not compiled whole.
public enum HistoryReader {
    /// The history of the ledger at `root` as of `today`, or nil when the ledger is not in
    /// a git repository with commits (a site then simply has no history).
    public static func read(root: String, compilation: Compilation, today: CalendarDate, cache: ParseCache? = nil) async -> LedgerHistory? {
        let config = compilation.ledger.config
        guard let repository = try? await GitRepository.open(ledgerRoot: root), let head = try? await repository.commit("HEAD") else {
            return nil
        }
        if repository.isShallow {
            return LedgerHistory(head: head, outcomes: [:], recent: nil, recentDays: config.historyDays,
                                 note: "History is not shown: the site was built from a shallow clone. Fetch the whole history (for example `fetch-depth: 0` in actions/checkout) to see it.")
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
        let recent = await recentChanges(commits, in: repository, compilation: compilation, today: today, cache: cache)
        return LedgerHistory(head: head, outcomes: outcomes, recent: recent, recentDays: config.historyDays)
    }

    /// What history depends on besides the ledger's files and the date — the commit it is
    /// read up to — for the build's up-to-date check: a new commit means a new history.
    public static func identity(root: String) async -> String {
        guard let repository = try? await GitRepository.open(ledgerRoot: root), let head = try? await repository.commit("HEAD") else {
            return "no history"
        }
        return "history \(head)\(repository.isShallow ? " shallow" : "")"
    }

    /// From the last commit before the window to the ledger being built.
    private static func recentChanges(_ commits: [GitRepository.Commit], in repository: GitRepository,
                                      compilation: Compilation, today: CalendarDate, cache: ParseCache?) async -> LedgerChanges? {
        let start = CalendarDate(dayNumber: today.dayNumber - compilation.ledger.config.historyDays)
        let before = commits.last { CalendarDate(secondsSince1970: $0.time) < start }
        guard commits.contains(where: { CalendarDate(secondsSince1970: $0.time) >= start }) else {
            return LedgerChanges(outcomes: [], introduced: [], fixed: [])
        }
        let options = LedgerCompiler.Options(today: today, cache: cache)
        var base = Compilation(ledger: LedgerResolver.resolve(config: LedgerConfig(), outcomes: [], people: nil),
                               diagnostics: [], outcomeFiles: [])
        if let before, let snapshot = try? await repository.snapshot(at: before.id),
           let compiled = try? LedgerCompiler.compile(LedgerDiscovery(snapshot: snapshot, name: before.id), options: options) {
            base = compiled
        }
        return LedgerChanges.between(base, compilation)
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
