/// JSON Schemas (draft-07) for what people type: an outcome's front matter and
/// `ledger.yml`. Built from the same lists the parsers enforce, so an editor's
/// completions and `outcomes check` agree.
public enum EditorSchemas {
    public static let names = ["front-matter", "config"]

    public static func schema(named name: String) -> String? {
        switch name {
        case "front-matter": return frontMatter().rendered()
        case "config": return config().rendered()
        default: return nil
        }
    }

    static let slugPattern = "^[a-z0-9][a-z0-9-]*$"
    static let handlePattern = "^[A-Za-z0-9][A-Za-z0-9._-]*$"
    static let datePattern = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"

    static func frontMatter() -> JSONValue {
        // Any scalar is read as text (`title: 42` is the title "42").
        let text: JSONValue = .object([("type", .array([.string("string"), .string("number"), .string("boolean")])), ("minLength", .int(1))])
        let handle: JSONValue = .object([("type", .string("string")), ("pattern", .string(handlePattern))])
        let id: JSONValue = .object([("type", .string("string")), ("pattern", .string(slugPattern))])
        // A reference is any text: one that names no outcome is unresolved-reference.
        let reference: JSONValue = .object([("type", .string("string")), ("minLength", .int(1))])
        // The pattern for editors that ignore formats; `format: date` also rules out 2027-02-31.
        let date: JSONValue = .object([("type", .string("string")), ("pattern", .string(datePattern)), ("format", .string("date"))])
        let lens = text
        let properties: [String: (JSONValue, String)] = [
            "title": (text, "The outcome, phrased as a result."),
            "id": (id, "Defaults to the file name without .md; unique across the ledger."),
            "owner": (handle, "The one accountable person; must be in the pod."),
            "pod": (.object([
                ("type", .string("object")),
                ("minProperties", .int(1)),
                ("propertyNames", .object([("pattern", .string(handlePattern))])),
                ("additionalProperties", .object([("oneOf", .array([
                    lens,
                    .object([("type", .string("array")), ("items", lens), ("minItems", .int(1))]),
                ]))])),
            ]), "Each member's handle and the lens, or list of lenses, they cover."),
            "status": (.object([("enum", .array(OutcomeStatus.allCases.map { .string($0.rawValue) }))]),
                       "Defaults to proposed."),
            "health": (.object([("enum", .array(HealthLevel.allCases.map { .string($0.rawValue) }))]),
                       "The owner's own call on how it is going; say why in health_note."),
            "health_note": (text, "Why the owner reports the health they do."),
            "start": (date, "When the pod started on it (YYYY-MM-DD)."),
            "due": (date, "The date it should be achieved by (YYYY-MM-DD)."),
            "parent": (reference, "The id of the outcome this one rolls up to."),
            "depends_on": (.object([("anyOf", .array([.object([("type", .string("array")), ("items", reference)]), reference]))]),
                           "Ids of the outcomes this one depends on; a single id needs no brackets."),
            "review_by": (date, "When the owner next reviews the outcome (YYYY-MM-DD)."),
            "tags": (.object([("anyOf", .array([.object([("type", .string("array")), ("items", text)]), text]))]),
                     "Free-form tags; a single tag needs no brackets."),
        ]
        return .object([
            ("$schema", .string("http://json-schema.org/draft-07/schema#")),
            ("title", .string("outcomes front matter")),
            ("description", .string("The YAML front matter of an outcome file. Keys starting with x- are your own data.")),
            ("type", .string("object")),
            ("required", .array(OutcomeParser.requiredKeys.map(JSONValue.string))),
            ("properties", .object(OutcomeParser.knownKeys.map { key in
                let (schema, description) = properties[key]!
                return (key, OutcomeParser.requiredKeys.contains(key) ? described(schema, description) : optional(schema, description))
            })),
            ("patternProperties", .object([("^x-", .object([]))])),
            ("additionalProperties", .bool(false)),
        ])
    }

    static func config() -> JSONValue {
        let text: JSONValue = .object([("type", .string("string")), ("minLength", .int(1))])
        let count: JSONValue = .object([("type", .string("integer")), ("minimum", .int(1))])
        let defaults = LedgerConfig()
        // A size: bytes, or a number with a unit, as ConfigValues.byteCount reads it.
        func size(default value: String) -> JSONValue {
            .object([
                ("oneOf", .array([count, .object([("type", .string("string")), ("pattern", .string("^[0-9]+( (B|KB|KiB|MB|MiB))?$"))])])),
                ("default", .string(value)),
            ])
        }
        let properties: [String: (JSONValue, String)] = [
            "title": (text, "The ledger's name, shown on the site."),
            "outcomes": (text.adding("default", .string(defaults.outcomesFolder)), "The folder of outcome files, inside the root."),
            "pod_size": (.object([
                ("type", .string("object")),
                ("properties", .object([("min", count), ("max", count)])),
                ("additionalProperties", .bool(false)),
                ("default", .object([("min", .int(defaults.podSize.lowerBound)), ("max", .int(defaults.podSize.upperBound))])),
            ]), "How many people a pod has."),
            "lenses": (.object([
                ("type", .string("array")), ("items", text), ("minItems", .int(1)), ("uniqueItems", .bool(true)),
                ("default", .array(defaults.lenses.map(JSONValue.string))),
            ]), "The lenses every pod must cover."),
            "done_heading": (text.adding("default", .string(defaults.doneHeading)), "The heading of the done-definition."),
            "how_heading": (text.adding("default", .string(defaults.howHeading)), "The heading of the approach."),
            "max_pods_per_person": (count.adding("default", .int(defaults.maxPodsPerPerson)),
                                    "Proposed or active pods per person before span-of-ownership warns."),
            "rules": (.object([
                ("type", .string("object")),
                ("propertyNames", .object([("enum", .array(RuleRegistry.names.map(JSONValue.string)))])),
                ("additionalProperties", .object([("enum", .array(RuleSetting.allCases.map { .string($0.rawValue) }))])),
            ]), "Severity by rule name: error, warning or off."),
            "signals": (.object([
                ("type", .string("object")),
                ("propertyNames", .object([("enum", .array(SignalRegistry.names.map(JSONValue.string)))])),
                ("properties", .object([(ReportedSignal.name, .object([("enum", .array([.string(SignalSetting.off.rawValue)]))]))])),
                ("additionalProperties", .object([("enum", .array(SignalSetting.allCases.map { .string($0.rawValue) }))])),
            ]), "Level by health signal name: at-risk, off-track or off (reported can only be off)."),
            "behind_margin": (.object([
                ("type", .string("integer")), ("minimum", .int(0)), ("maximum", .int(100)), ("default", .int(defaults.behindMargin)),
            ]), "Percentage points by which done-item progress may trail elapsed time before the behind signal fires."),
            "stale_after_days": (count.adding("default", .int(defaults.staleAfterDays)),
                                 "Days an open outcome's file may go unchanged in git before the stale signal fires."),
            "history_days": (count.adding("default", .int(defaults.historyDays)),
                             "How many days the dashboard's \"Changed in the last N days\" looks back."),
            "base_url": (text, "The address the site is published at, for canonical links."),
            "max_file_size": (size(default: "1 MiB"), "Outcome files larger than this (people.yml: 32 times this) are skipped with file-too-large: bytes, or a size such as 512 KiB."),
            "max_asset_size": (size(default: "10 MiB"), "Files a body links to (images, PDFs…) larger than this are not published, with broken-link: bytes, or a size such as 2 MiB."),
        ]
        return .object([
            ("$schema", .string("http://json-schema.org/draft-07/schema#")),
            ("title", .string("outcomes ledger.yml")),
            ("description", .string("Settings of an outcome ledger. Every key is optional.")),
            ("type", .string("object")),
            ("properties", .object(ConfigParser.knownKeys.map { key in
                (key, optional(properties[key]!.0, properties[key]!.1))
            })),
            ("additionalProperties", .bool(false)),
        ])
    }

    private static func described(_ schema: JSONValue, _ description: String) -> JSONValue {
        schema.adding("description", .string(description), first: true)
    }

    /// An optional key may be written with no value (`parent:`): the tool reads that as not
    /// given, so the schema accepts null too.
    private static func optional(_ schema: JSONValue, _ description: String) -> JSONValue {
        .object([
            ("description", .string(description)),
            ("anyOf", .array([schema, .object([("type", .string("null"))])])),
        ])
    }
}

extension JSONValue {
    /// An object with one more member (at the front, or the end).
    func adding(_ key: String, _ value: JSONValue, first: Bool = false) -> JSONValue {
        guard case .object(let members) = self else { return self }
        return .object(first ? [(key, value)] + members : members + [(key, value)])
    }
}
