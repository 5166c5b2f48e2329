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

    /// What `outcomes new` is asked to write, beyond the title.
    public struct Request: Sendable {
        public var title: String
        public var owner: String?
        public var pod: [Member] = []
        public var parent: String?
        public var dependsOn: [String] = []
        public var status: String?
        public var due: String?
        public var id: String?

        public init(title: String, owner: String? = nil, pod: [Member] = [], parent: String? = nil,
                    dependsOn: [String] = [], status: String? = nil, due: String? = nil, id: String? = nil) {
            self.title = title
            self.owner = owner
            self.pod = pod
            self.parent = parent
            self.dependsOn = dependsOn
            self.status = status
            self.due = due
            self.id = id
        }
    }

    /// What is certainly wrong in a request, each with the fix: `new` writes nothing then.
    /// (What is merely unfinished — no done items yet — is listed after writing.)
    public static func problems(_ request: Request, ledger: Ledger) -> [String] {
        let config = ledger.config
        var problems: [String] = []
        let ids = ledger.outcomes.map(\.id.value)
        let handles = ledger.people?.map(\.handle.value)
        func didYouMean(_ word: String, _ candidates: [String]) -> String {
            Suggestions.didYouMean(word, in: candidates).map { "; \($0)" } ?? ""
        }
        func checkPerson(_ handle: String, as role: String) {
            guard Identifiers.isHandle(handle) else {
                problems.append("\(role) `\(handle)` is not a handle: use ASCII letters, digits, `-`, `_` and `.`")
                return
            }
            if let handles, !handles.contains(handle) {
                problems.append("\(role) `\(handle)` is not in people.yml\(didYouMean(handle, handles))")
            }
        }
        for member in request.pod {
            if member.lenses.isEmpty, config.lenses.contains(member.handle) {
                problems.append("`\(member.handle)` is a lens, not a person: join a member's lenses with `+`, as in `ana:builder+\(member.handle)`")
                continue
            }
            checkPerson(member.handle, as: "pod member")
            for lens in member.lenses where !config.lenses.contains(lens) {
                problems.append("unknown lens `\(lens)` for `\(member.handle)`: lenses are \(config.lenses.joined(separator: ", "))\(didYouMean(lens, config.lenses))")
            }
        }
        if let owner = request.owner { checkPerson(owner, as: "owner") }
        var size = Set(request.pod.map(\.handle)).count
        if let owner = request.owner, !request.pod.contains(where: { $0.handle == owner }) { size += 1 }
        if !request.pod.isEmpty, !config.podSize.contains(size) {
            problems.append("the pod would have \(size) members; pods have \(config.podSize.lowerBound) to \(config.podSize.upperBound) (`pod_size` in ledger.yml)")
        }
        for (key, reference) in (request.parent.map { [("--parent", $0)] } ?? []) + request.dependsOn.map({ ("--depends-on", $0) })
        where !ids.contains(reference) {
            problems.append("\(key) `\(reference)` names no outcome\(didYouMean(reference, ids))")
        }
        if let status = request.status, OutcomeStatus(rawValue: status) == nil {
            let names = OutcomeStatus.allCases.map(\.rawValue)
            problems.append("--status `\(status)` is not a status\(didYouMean(status, names)); statuses are \(names.joined(separator: ", "))")
        }
        if let due = request.due, CalendarDate(due) == nil {
            problems.append("--due `\(due)` is not a date written YYYY-MM-DD" + (CalendarDate.nonexistent(due).map { ": \($0)" } ?? ""))
        }
        if let id = request.id {
            if !Identifiers.isSlug(id) {
                problems.append("--id `\(id)` is not an id: use lowercase letters, digits and `-`, e.g. `\(Identifiers.slug(from: id))`")
            } else if let taken = ledger.outcomes.first(where: { $0.id.value == id }) {
                problems.append("--id `\(id)` is taken by \(taken.file)")
            }
        } else if let same = ledger.outcomes.first(where: {
            $0.title?.value.lowercased().trimmingCharacters(in: .whitespaces) == request.title.lowercased().trimmingCharacters(in: .whitespaces)
        }) {
            problems.append("an outcome with this title exists: \(same.file); give --id to make another one anyway")
        }
        return problems
    }

    /// The file `new` writes: what was asked for, and comments where the rest goes.
    public static func text(_ request: Request, config: LedgerConfig) -> String {
        var members = request.pod
        if let owner = request.owner, !members.contains(where: { $0.handle == owner }) {
            members.insert(Member(handle: owner), at: 0)
        }
        var lines = ["---", "title: \(YAMLText.scalar(request.title))"]
        if let id = request.id { lines.append("id: \(id)") }
        lines.append("owner: \(request.owner ?? members.first?.handle ?? "")")
        if members.isEmpty {
            lines.append("pod:")
        } else {
            lines.append("pod:  # each member's lenses: \(config.lenses.joined(separator: ", "))")
            for member in members {
                lines.append("  \(member.handle): [\(member.lenses.joined(separator: ", "))]")
            }
        }
        lines.append("status: \(request.status ?? OutcomeStatus.proposed.rawValue)")
        lines.append(request.due.map { "due: \($0)" } ?? "due:  # YYYY-MM-DD: when it should be achieved")
        if let parent = request.parent { lines.append("parent: \(parent)") }
        if !request.dependsOn.isEmpty { lines.append("depends_on: [\(request.dependsOn.joined(separator: ", "))]") }
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
