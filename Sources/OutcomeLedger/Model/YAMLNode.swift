/// A YAML value as written, with its position: the parsing stage's view of front matter
/// and configuration before any schema is applied.
///
/// Scalars stay strings; whether they were quoted is kept so the schema, not YAML 1.1's
/// implicit typing, decides what `no`, `on` or `1.10` mean.
public struct YAMLNode: Sendable, Equatable {
    public indirect enum Kind: Sendable, Equatable {
        case scalar(String, isPlain: Bool)
        case sequence([YAMLNode])
        case mapping([YAMLEntry])
    }

    public var kind: Kind
    public var location: SourceLocation

    public init(_ kind: Kind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
    }

    /// A plain scalar that YAML's core schema reads as null: empty, `~` or `null`.
    public var isNull: Bool {
        guard case .scalar(let text, true) = kind else { return false }
        return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }

    /// The text of a non-null scalar.
    public var scalar: String? {
        guard case .scalar(let text, _) = kind, !isNull else { return nil }
        return text
    }

    /// A short name for the node's kind, for messages such as "expected a list, found a mapping".
    public var kindDescription: String {
        switch kind {
        case .scalar: return isNull ? "nothing" : "a single value"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }
}

/// One `key: value` pair of a YAML mapping.
public struct YAMLEntry: Sendable, Equatable {
    public var key: YAMLNode
    public var value: YAMLNode

    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}
