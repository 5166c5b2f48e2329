/// Every rule the compiler knows, in the order `outcomes rules` lists them. A test fails
/// when a rule file is missing from here.
public enum RuleRegistry {
    public static let all: [any Rule.Type] = [
        FileUnreadable.self,
        FrontMatterMissing.self,
        FrontMatterSyntax.self,
        FrontMatterType.self,
        UnknownKey.self,
        MissingKey.self,
        InvalidID.self,
        DuplicateID.self,
        PodSize.self,
        OwnerInPod.self,
        UnknownLens.self,
        LensCoverage.self,
        UnknownPerson.self,
        DoneDefinition.self,
        DoneMeasurable.self,
        NestedDoneItem.self,
        UnresolvedReference.self,
        DependencyCycle.self,
        StatusMismatch.self,
        SpanOfOwnership.self,
        ReviewOverdue.self,
        DateOrder.self,
        HowDocumented.self,
        BrokenLink.self,
        HeadingLevels.self,
        ImageAlt.self,
        LinkText.self,
        RawHTML.self,
        Config.self,
        LinkOutsideRoot.self,
        SkippedFile.self,
        FileTooLarge.self,
        MarkdownTooComplex.self,
        TemplateProblem.self,
    ]

    /// The rules the validation stage runs over the resolved ledger.
    public static var ledgerRules: [any LedgerRule.Type] { all.compactMap { $0 as? any LedgerRule.Type } }

    public static var names: [String] { all.map { $0.name } }

    public static func rule(named name: String) -> (any Rule.Type)? {
        all.first { $0.name == name }
    }
}
