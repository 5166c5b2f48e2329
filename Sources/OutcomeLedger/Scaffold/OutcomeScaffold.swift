/// A new outcome file for `outcomes new`: the front matter filled from what is known and
/// stubs for the rest, so `outcomes check` lists exactly what is left to write.
public enum OutcomeScaffold {
    /// A pod member as given on the command line: `ana`, or `ana:builder+operator`.
    public struct Member: Equatable, Sendable {
        public var handle: String
        public var lenses: [String]

        public init(handle: String, lenses: [String] = []) {
            self.handle = handle
            self.lenses = lenses
        }

        public init(parsing text: String) {
            let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
            handle = parts.first ?? ""
            lenses = parts.count > 1 ? parts[1].split(separator: "+").map(String.init) : []
        }
    }

    /// A slug for the title that no existing id uses: `grow-artists`, `grow-artists-2`…
    public static func uniqueID(for title: String, taken: Set<String>) -> String {
        let base = Identifiers.slug(from: title).isEmpty ? "outcome" : Identifiers.slug(from: title)
        return Identifiers.unique(base) { taken.contains($0) }
    }

    public static func text(
        title: String, owner: String?, pod: [Member], parent: String?, config: LedgerConfig
    ) -> String {
        var members = pod
        if let owner, !members.contains(where: { $0.handle == owner }) {
            members.insert(Member(handle: owner), at: 0)
        }
        var lines = ["---", "title: \(YAMLText.scalar(title))", "owner: \(owner ?? members.first?.handle ?? "")"]
        if members.isEmpty {
            lines.append("pod:")
        } else {
            lines.append("pod:  # each member's lenses: \(config.lenses.joined(separator: ", "))")
            for member in members {
                lines.append("  \(member.handle): [\(member.lenses.joined(separator: ", "))]")
            }
        }
        lines.append("status: proposed")
        lines.append("due:  # YYYY-MM-DD: when it should be achieved")
        if let parent { lines.append("parent: \(parent)") }
        lines += [
            "---", "",
            "## \(config.doneHeading)",
            "- [ ] What done looks like, checkable: a number, a date or a threshold",
            "",
            "## \(config.howHeading)",
            "",
        ]
        return lines.joined(separator: "\n")
    }
}
