/// `outcomes status --format json`: the counts and the attention list for tools
/// (schemas/status.schema.json).
public struct StatusJSONFormat: StatusFormat {
    public static let identifier = "json"

    public init() {}

    public func render(_ report: StatusReport) -> String {
        let entries = report.attention.map { entry -> JSONValue in
            .object([
                ("id", .string(entry.id)), ("title", .string(entry.title)), ("file", .string(entry.file)),
                ("owner", .optional(entry.owner)), ("due", .optional(entry.due?.description)),
                ("health", .string(entry.level.rawValue)),
                ("signals", .array(entry.signals.map(Self.signal))),
            ])
        }
        return JSONValue.object([
            ("version", .int(1)),
            ("title", .string(report.title)),
            ("today", .string(report.today.description)),
            ("health", .object(HealthLevel.allCases.map { ($0.rawValue, .int(report.byHealth[$0] ?? 0)) })),
            ("status", .object(OutcomeStatus.allCases.map { ($0.rawValue, .int(report.byStatus[$0] ?? 0)) })),
            ("attention", .array(entries)),
        ]).sortingKeys().rendered()
    }

    /// A signal as every JSON output writes it.
    public static func signal(_ signal: Signal) -> JSONValue {
        .object([("name", .string(signal.name)), ("level", .string(signal.level.rawValue)), ("message", .string(signal.message))])
    }
}
