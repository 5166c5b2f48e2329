/// A small ledger that shows a rule firing or staying quiet. The rules reference prints
/// them; the rule-examples test compiles each one and holds the rule to it.
public struct RuleExample: Sendable {
    public var triggers: Bool
    /// Files of the example ledger, by path relative to its root.
    public var files: [String: String]
    /// Where the rule's first diagnostic must be, as `path:line:column`, when given.
    public var expectedLocation: String?

    /// The file most examples are about.
    public static let mainFile = "outcomes/example.md"

    /// A done section and a How section that satisfy every rule, for examples about
    /// the front matter.
    public static let standardBody = """
        ## Done when
        - [ ] 500 artists upload a first track by 2027-03-31

        ## How
        Invite artists from the waiting list in weekly batches.
        """

    /// A front matter that satisfies every rule, for examples about the body.
    public static let standardFrontMatter = """
        title: Grow artists on the platform
        owner: ana
        pod:
          ana: [builder, communicator]
          li: operator
        status: active
        """

    /// An example whose main file is `frontMatter` fenced by `---`, then `body`.
    public static func outcome(
        _ frontMatter: String = standardFrontMatter, body: String = standardBody,
        triggers: Bool, at location: String? = nil, also files: [String: String] = [:]
    ) -> RuleExample {
        var all = files
        all[mainFile] = file(frontMatter, body: body)
        return RuleExample(triggers: triggers, files: all, expectedLocation: location)
    }

    /// The text of an outcome file.
    public static func file(_ frontMatter: String = standardFrontMatter, body: String = standardBody) -> String {
        "---\n\(frontMatter)\n---\n\(body)\n"
    }
}
