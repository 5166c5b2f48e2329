/// Each front-matter key has a type; values outside it are errors, not guesses.
public enum FrontMatterType: Rule {
    public static let name = "front-matter-type"
    public static let defaultSeverity = Severity.error
    public static let summary = "a value has the wrong type or is not one of the allowed values"
    public static let rationale = "Each front-matter key has a type; values outside it are errors, not guesses."

    public static let examples: [RuleExample] = [
        .outcome(RuleExample.standardFrontMatter.replacingStatus(with: "done"), triggers: true,
                 at: "outcomes/example.md:7:9"),
        .outcome(RuleExample.standardFrontMatter + "\nreview_by: 2027-02-30", triggers: true,
                 at: "outcomes/example.md:8:12"),
        .outcome(RuleExample.standardFrontMatter + "\ndepends_on: {grow-artists: yes}", triggers: true),
        .outcome(RuleExample.standardFrontMatter + "\ntags: [retention, [nested]]", triggers: true),
        .outcome("title: [Grow, artists]\nowner: ana\npod: {ana: [builder, communicator], li: operator}",
                 triggers: true, at: "outcomes/example.md:2:8"),
        .outcome(RuleExample.standardFrontMatter + "\nreview_by: 2027-01-15\ntags: [no, on, 1.10]", triggers: false),
    ]

    static func expected(_ what: String, key: String, found node: YAMLNode) -> Diagnostic {
        diagnostic("`\(key)` must be \(what), found \(node.kindDescription)", at: node.location)
    }

    static func notAllowed(_ value: String, key: String, allowed: [String], at location: SourceLocation) -> Diagnostic {
        let list = allowed.map { "`\($0)`" }.joined(separator: ", ")
        return diagnostic("`\(value)` is not a valid `\(key)`; use one of \(list)", at: location,
                          hint: Suggestions.didYouMean(value, in: allowed))
    }

    static func notADate(_ value: String, key: String, at location: SourceLocation) -> Diagnostic {
        diagnostic("`\(key)` must be a date written YYYY-MM-DD, found `\(value)`", at: location)
    }

    static func notAHandle(_ value: String, at location: SourceLocation) -> Diagnostic {
        diagnostic("`\(value)` is not a valid handle", at: location,
                   hint: "handles use ASCII letters, digits, `-`, `_` and `.`, starting with a letter or digit")
    }

    static func empty(key: String, at location: SourceLocation) -> Diagnostic {
        diagnostic("`\(key)` must not be empty", at: location)
    }

    static func notAList(key: String, found node: YAMLNode) -> Diagnostic {
        let hint = node.scalar.map { "write it as a list: [\($0)]" }
        return diagnostic("`\(key)` must be a list, found \(node.kindDescription)", at: node.location, hint: hint)
    }
}

extension String {
    /// For examples: the standard front matter with another status.
    func replacingStatus(with status: String) -> String {
        split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("status:") ? "status: \(status)" : String($0) }
            .joined(separator: "\n")
    }
}
