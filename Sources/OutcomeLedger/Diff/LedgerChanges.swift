/// What changed between two compilations of a ledger, outcome by outcome — matched by id,
/// so a moved or renamed file is the same outcome — and the problems the change
/// introduces and fixes. A diff is a comparison of two `Compilation`s: both sides are
/// compiled by the same pipeline, then `LedgerChanges.between` turns the pair into changes.
public struct LedgerChanges: Sendable {
    /// Changed outcomes, by id.
    public var outcomes: [OutcomeChange]
    /// Problems the head has that the base did not.
    public var introduced: [Diagnostic]
    /// Problems the base had that the head does not.
    public var fixed: [Diagnostic]

    public var isEmpty: Bool { outcomes.isEmpty && introduced.isEmpty && fixed.isEmpty }

    public func count(_ kind: OutcomeChange.Kind) -> Int { outcomes.count { $0.kind == kind } }

    /// "3 outcomes changed (1 added, 1 removed, 1 changed); 1 problem introduced, 2 fixed".
    public var summary: String {
        guard !isEmpty else { return "No changes to outcomes" }
        func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
        let kinds = OutcomeChange.Kind.allCases.map { "\(self.count($0)) \($0.rawValue)" }.joined(separator: ", ")
        return "\(count(outcomes.count, "outcome")) changed (\(kinds)); \(count(introduced.count, "problem")) introduced, \(fixed.count) fixed"
    }
}

/// One outcome that was added, removed or changed, and how.
public struct OutcomeChange: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable { case added, removed, changed }

    public var id: String
    public var kind: Kind
    /// The title and file on the head side (the base side for a removed outcome).
    public var title: String
    public var file: String
    public var changes: [Change]
}

/// One way an outcome changed: what, about whom or which item, from what to what.
public struct Change: Sendable, Equatable {
    public enum Aspect: String, Sendable, CaseIterable {
        case file, title, owner, status, health, reportedHealth = "reported-health", start, due
        case reviewBy = "review-by", parent
        case memberJoined = "member-joined", memberLeft = "member-left", lenses
        case doneAdded = "done-added", doneRemoved = "done-removed", doneChecked = "done-checked", doneUnchecked = "done-unchecked"
        case dependencyAdded = "dependency-added", dependencyRemoved = "dependency-removed"
    }

    public var aspect: Aspect
    /// The member, done item or dependency the change is about.
    public var subject: String?
    public var before: String?
    public var after: String?

    /// In words: "status: active → achieved", "done item checked: 500 artists…".
    public var sentence: String {
        switch aspect {
        case .memberJoined: return "\(subject ?? "") joined the pod\(after.map { " (\($0))" } ?? "")"
        case .memberLeft: return "\(subject ?? "") left the pod"
        case .lenses: return "\(subject ?? "")'s lenses: \(before ?? "none") → \(after ?? "none")"
        case .doneAdded: return "done item added: \(subject ?? "")"
        case .doneRemoved: return "done item removed: \(subject ?? "")"
        case .doneChecked: return "done item checked: \(subject ?? "")"
        case .doneUnchecked: return "done item unchecked: \(subject ?? "")"
        case .dependencyAdded: return "now depends on \(subject ?? "")"
        case .dependencyRemoved: return "no longer depends on \(subject ?? "")"
        default: return "\(label): \(before ?? "—") → \(after ?? "—")"
        }
    }

    /// "review by", "reported health"…
    public var label: String {
        switch aspect {
        case .reviewBy: return "review by"
        case .reportedHealth: return "owner's health"
        default: return aspect.rawValue.replacingOccurrences(of: "-", with: " ")
        }
    }
}

extension LedgerChanges {
    /// The changes from `base` to `head`.
    public static func between(_ base: Compilation, _ head: Compilation) -> LedgerChanges {
        let baseIDs = Set(base.ledger.indexByID.keys)
        let headIDs = Set(head.ledger.indexByID.keys)
        var outcomes: [OutcomeChange] = []
        for id in baseIDs.union(headIDs).sorted() {
            let before = base.ledger.indexByID[id]
            let after = head.ledger.indexByID[id]
            switch (before, after) {
            case (nil, let position?):
                let outcome = head.ledger.outcomes[position]
                outcomes.append(OutcomeChange(id: id, kind: .added, title: outcome.title?.value ?? id, file: outcome.file,
                                              changes: OutcomeComparison.added(outcome, health: head.health.judgements[position])))
            case (let position?, nil):
                let outcome = base.ledger.outcomes[position]
                outcomes.append(OutcomeChange(id: id, kind: .removed, title: outcome.title?.value ?? id, file: outcome.file, changes: []))
            case (let old?, let new?):
                let changes = OutcomeComparison(
                    base: base.ledger.outcomes[old], head: head.ledger.outcomes[new],
                    baseHealth: base.health.judgements[old], headHealth: head.health.judgements[new]).changes
                guard !changes.isEmpty else { continue }
                let outcome = head.ledger.outcomes[new]
                outcomes.append(OutcomeChange(id: id, kind: .changed, title: outcome.title?.value ?? id, file: outcome.file, changes: changes))
            case (nil, nil): continue
            }
        }
        let (introduced, fixed) = Self.compare(base.diagnostics, head.diagnostics)
        return LedgerChanges(outcomes: outcomes, introduced: introduced, fixed: fixed)
    }

    /// Diagnostics on one side and not the other, matched by rule, file, message and the
    /// source line's text — not by line number, so a problem that only moved is neither.
    private static func compare(_ base: [Diagnostic], _ head: [Diagnostic]) -> ([Diagnostic], [Diagnostic]) {
        func key(_ diagnostic: Diagnostic) -> [String] {
            [diagnostic.rule, diagnostic.location.file, diagnostic.message, (diagnostic.sourceLine ?? "").trimmingSpaces]
        }
        var remaining: [[String]: Int] = [:]
        for diagnostic in base { remaining[key(diagnostic), default: 0] += 1 }
        var introduced: [Diagnostic] = []
        for diagnostic in head {
            if let count = remaining[key(diagnostic)], count > 0 {
                remaining[key(diagnostic)] = count - 1
            } else {
                introduced.append(diagnostic)
            }
        }
        var fixed: [Diagnostic] = []
        for diagnostic in base.reversed() {
            if let count = remaining[key(diagnostic)], count > 0 {
                remaining[key(diagnostic)] = count - 1
                fixed.append(diagnostic)
            }
        }
        return (introduced, fixed.reversed())
    }
}

extension String {
    var trimmingSpaces: String {
        var text = Substring(self)
        while text.first == " " || text.first == "\t" { text = text.dropFirst() }
        while text.last == " " || text.last == "\t" { text = text.dropLast() }
        return String(text)
    }
}
