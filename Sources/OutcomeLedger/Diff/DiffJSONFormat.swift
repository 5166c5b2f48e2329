/// `outcomes diff --format json` (schemas/diff.schema.json).
public struct DiffJSONFormat: DiffFormat {
    public static let identifier = "json"

    public init() {}

    public func render(_ changes: LedgerChanges, base: String, head: String) -> String {
        let outcomes = changes.outcomes.map { outcome -> JSONValue in
            .object([
                ("id", .string(outcome.id)), ("kind", .string(outcome.kind.rawValue)), ("title", .string(outcome.title)),
                ("file", .string(outcome.file)),
                ("changes", .array(outcome.changes.map { change in
                    .object([("aspect", .string(change.aspect.rawValue)), ("subject", .optional(change.subject)),
                             ("before", .optional(change.before)), ("after", .optional(change.after)),
                             ("sentence", .string(change.sentence))])
                })),
            ])
        }
        return JSONValue.object([
            ("version", .int(1)),
            ("base", .string(base)),
            ("head", .string(head)),
            ("summary", .string(changes.summary)),
            ("counts", .object(OutcomeChange.Kind.allCases.map { ($0.rawValue, .int(changes.count($0))) }
                + [("introduced", .int(changes.introduced.count)), ("fixed", .int(changes.fixed.count))])),
            ("outcomes", .array(outcomes)),
            ("introduced", .array(changes.introduced.map(JSONReporter.entry))),
            ("fixed", .array(changes.fixed.map(JSONReporter.entry))),
        ]).sortingKeys().rendered()
    }
}
