/// How serious a diagnostic is once configuration has been applied.
public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
    case warning
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .warning && rhs == .error
    }
}

/// Diagnostics that stop a stage, carried as an error.
public struct DiagnosticsError: Error, Sendable {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }
}

/// One problem found in a ledger: where, how serious, which rule, and what would fix it.
public struct Diagnostic: Hashable, Sendable {
    public var location: SourceLocation
    public var severity: Severity
    /// The rule's stable kebab-case name, e.g. `pod-size`.
    public var rule: String
    public var message: String
    /// A fix-it suggestion ("did you mean `owner`?"), shown under the source line.
    public var hint: String?
    /// The offending source line, attached by the pipeline so reporters can show it.
    public var sourceLine: String?

    public init(
        location: SourceLocation, severity: Severity, rule: String, message: String,
        hint: String? = nil, sourceLine: String? = nil
    ) {
        self.location = location
        self.severity = severity
        self.rule = rule
        self.message = message
        self.hint = hint
        self.sourceLine = sourceLine
    }

    /// Hashes what tells problems apart and leaves out the hint and the source line, which
    /// follow from the rest (equality still compares them): `serve` hashes every problem
    /// of a ledger on each save, and source lines of long documents are long.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(location)
        hasher.combine(severity)
        hasher.combine(rule)
        hasher.combine(message)
    }

    /// The order every report uses: file, line, column, then rule, then message.
    public static func reportOrder(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        (lhs.location.file, lhs.location.line, lhs.location.column, lhs.rule, lhs.message)
            < (rhs.location.file, rhs.location.line, rhs.location.column, rhs.rule, rhs.message)
    }
}
