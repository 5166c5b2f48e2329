import OutcomeLedger

/// `ledger.json`: the normalized ledger for other tools. Outcomes by id, people by handle,
/// absent optional values as `null`, object keys sorted. Outcomes are made as they are
/// written, so the whole ledger never exists as one JSON tree in memory.
enum LedgerJSON {
    static func render(_ data: PageData) -> String {
        document(data).rendered()
    }

    static func document(_ data: PageData) -> JSONValue {
        let sorted = data.sortedOutcomes
        let outcomes = JSONValue.generated(count: sorted.count) { outcome(sorted[$0], data) }
        let people = data.people.map { person -> JSONValue in
            .object([
                ("handle", .string(person.handle)),
                ("name", .string(person.name)),
                ("outcomes", .array(person.pods.map { .string($0.id) })),
            ])
        }
        // Keys are written in byte order here and in every object below, rather than
        // sorted as the file is made: sorting was a tenth of a one-file rebuild. The
        // golden file of music-app's ledger.json holds them to it.
        return JSONValue.object([
            ("outcomes", outcomes),
            ("people", .array(people)),
            ("title", .optional(data.ledger.config.title)),
            ("version", .int(1)),
        ])
    }

    /// One outcome, keys in byte order.
    private static func outcome(_ outcome: Outcome, _ data: PageData) -> JSONValue {
        let id = outcome.id.value
        let items = outcome.done?.items ?? []
        let children: [JSONValue] = (data.ledger.children[id] ?? []).filter { data.isPublished($0) }.map(JSONValue.string)
        let dependents: [JSONValue] = (data.ledger.dependents[id] ?? []).filter { data.isPublished($0) }.map(JSONValue.string)
        let done: JSONValue = .object([
            ("checked", .int(items.count { $0.checked })),
            ("items", .array(items.map { .object([("checked", .bool($0.checked)), ("text", .string($0.text))]) })),
            ("total", .int(items.count)),
        ])
        let extraKeys = outcome.extra.keys.sorted { $0.precedesInByteOrder($1) }
        let extra: JSONValue = .object(extraKeys.map { ($0, json(outcome.extra[$0]!).sortingKeys()) })
        let health: JSONValue = data.judgement(id).map { judgement in
            .object([("level", .string(judgement.level.rawValue)),
                     ("signals", .array(judgement.signals.map { StatusJSONFormat.signal($0).sortingKeys() }))])
        } ?? .null
        let pod: [JSONValue] = (outcome.pod ?? []).map { member in
            .object([("lenses", .array(member.lenses.map { .string($0.value) })), ("person", .string(member.handle.value))])
        }
        let history: JSONValue = data.history(id).map { Self.history($0).sortingKeys() } ?? .null
        let rollup: JSONValue = data.rollup(id).map { Self.rollup($0).sortingKeys() } ?? .null
        return .object([
            ("children", .array(children)),
            ("dependents", .array(dependents)),
            ("depends_on", .array(outcome.dependsOn.map { .string($0.value) })),
            ("done", done),
            ("due", .optional(outcome.due?.value.description)),
            ("extra", extra),
            ("file", .string(outcome.file)),
            ("health", health),
            ("health_note", .optional(outcome.healthNote?.value)),
            ("history", history),
            ("id", .string(id)),
            ("owner", .optional(outcome.owner?.value)),
            ("parent", .optional(outcome.parent?.value)),
            ("pod", .array(pod)),
            ("reported_health", .optional(outcome.reportedHealth?.value.rawValue)),
            ("review_by", .optional(outcome.reviewBy?.value.description)),
            ("rollup", rollup),
            ("start", .optional(outcome.start?.value.description)),
            ("status", .string(outcome.effectiveStatus.rawValue)),
            ("tags", .array(outcome.tags.map { .string($0.value) })),
            ("title", .optional(outcome.title?.value)),
        ])
    }

    /// An outcome's life in git.
    private static func history(_ history: OutcomeHistory) -> JSONValue {
        func mark(_ mark: HistoryMark) -> [(String, JSONValue)] {
            [("date", .string(mark.date.description)), ("author", .string(mark.author)), ("commit", .string(mark.commit))]
        }
        return .object([
            ("created", .object(mark(history.created))),
            ("last_changed", .object(mark(history.lastChanged))),
            ("events", .array(history.events.map { event in
                .object(mark(event.mark) + [("aspect", .string(event.change.aspect.rawValue)), ("before", .optional(event.change.before)),
                                            ("after", .optional(event.change.after)), ("sentence", .string(event.change.sentence))])
            })),
        ])
    }

    /// What rolls up to an outcome, summed.
    private static func rollup(_ rollup: Rollup) -> JSONValue {
        .object([
            ("done", .object([("checked", .int(rollup.progress.checked)), ("total", .int(rollup.progress.total))])),
            ("descendants", .int(rollup.descendants)),
            ("status", .object(OutcomeStatus.allCases.map { ($0.rawValue, .int(rollup.byStatus[$0] ?? 0)) })),
            ("health", .object(HealthLevel.allCases.map { ($0.rawValue, .int(rollup.byHealth[$0] ?? 0)) })),
            ("worst", .optional(rollup.worst?.rawValue)),
        ])
    }

    /// User data as written: scalars stay strings (no YAML 1.1 guessing), empty is null.
    static func json(_ node: YAMLNode) -> JSONValue {
        switch node.kind {
        case .scalar(let text, _): return node.isNull ? .null : .string(text)
        case .sequence(let items): return .array(items.map(json))
        case .mapping(let entries):
            return .object(entries.map { (($0.key.scalar ?? ""), json($0.value)) })
        }
    }
}

/// `summary.json`: the numbers a dashboard or a CI step wants without reading every outcome.
enum SummaryJSON {
    static func render(_ data: PageData, compilation: Compilation) -> String {
        let outcomes = data.sortedOutcomes
        let statuses = OutcomeStatus.allCases.map { status in
            (status.rawValue, JSONValue.int(outcomes.count { $0.effectiveStatus == status }))
        }
        var podSizes: [Int: Int] = [:]
        for outcome in outcomes { podSizes[outcome.pod?.count ?? 0, default: 0] += 1 }
        let missing = data.ledger.config.lenses.map { lens in
            (lens, JSONValue.array(outcomes.filter { data.missingLenses($0).contains(lens) }.map { .string($0.id.value) }))
        }
        let checked = outcomes.reduce(0) { $0 + ($1.done?.checkedCount ?? 0) }
        let total = outcomes.reduce(0) { $0 + ($1.done?.items.count ?? 0) }
        var byHealth: [HealthLevel: Int] = [:]
        var bySignal: [String: Int] = [:]
        for outcome in outcomes {
            guard let judgement = data.judgement(outcome.id.value) else { continue }
            byHealth[judgement.level, default: 0] += 1
            for signal in judgement.signals { bySignal[signal.name, default: 0] += 1 }
        }
        let overCapacity = data.ledger.load.overCapacity(limit: data.ledger.config.maxPodsPerPerson).sorted()
        var byRule: [String: Int] = [:]
        for diagnostic in compilation.diagnostics { byRule[diagnostic.rule, default: 0] += 1 }
        return JSONValue.object([
            ("version", .int(1)),
            ("outcomes", .int(outcomes.count)),
            ("status", .object(statuses)),
            ("pod_sizes", .object(podSizes.keys.sorted().map { (String($0), .int(podSizes[$0]!)) })),
            ("missing_lenses", .object(missing)),
            ("done", .object([("checked", .int(checked)), ("total", .int(total))])),
            ("health", .object(HealthLevel.allCases.map { ($0.rawValue, .int(byHealth[$0] ?? 0)) })),
            ("signals", .object(SignalRegistry.names.map { ($0, .int(bySignal[$0] ?? 0)) })),
            ("over_capacity", .array(overCapacity.map(JSONValue.string))),
            ("diagnostics", .object([
                ("errors", .int(compilation.errorCount)),
                ("warnings", .int(compilation.warningCount)),
                ("by_rule", .object(byRule.keys.sorted().map { ($0, .int(byRule[$0]!)) })),
            ])),
        ]).sortingKeys().rendered()
    }
}
