/// Compares one outcome's two versions field by field: scalar fields as before → after,
/// the pod by member, done items by text (so reordering them is no change) and
/// dependencies as sets.
struct OutcomeComparison {
    let base: Outcome
    let head: Outcome
    let baseHealth: Judgement?
    let headHealth: Judgement?

    var changes: [Change] {
        var changes: [Change] = []
        func field(_ aspect: Change.Aspect, _ before: String?, _ after: String?) {
            if before != after { changes.append(Change(aspect: aspect, before: before, after: after)) }
        }
        field(.file, base.file, head.file)
        field(.title, base.title?.value, head.title?.value)
        field(.owner, base.owner?.value, head.owner?.value)
        field(.status, base.effectiveStatus.rawValue, head.effectiveStatus.rawValue)
        // An outcome that closes stops being judged; its status change says so.
        if headHealth != nil || base.effectiveStatus.isOpen == head.effectiveStatus.isOpen {
            field(.health, baseHealth?.level.words, headHealth?.level.words)
        }
        field(.reportedHealth, base.reportedHealth?.value.words, head.reportedHealth?.value.words)
        field(.start, base.start?.value.description, head.start?.value.description)
        field(.due, base.due?.value.description, head.due?.value.description)
        field(.reviewBy, base.reviewBy?.value.description, head.reviewBy?.value.description)
        field(.parent, base.parent?.value, head.parent?.value)
        changes += podChanges + doneChanges + dependencyChanges
        return changes
    }

    /// The changes an added outcome brings: who is in it and how it stands.
    static func added(_ outcome: Outcome, health: Judgement?) -> [Change] {
        var changes = [Change(aspect: .status, before: nil, after: outcome.effectiveStatus.rawValue)]
        if let owner = outcome.owner?.value { changes.append(Change(aspect: .owner, before: nil, after: owner)) }
        if let health { changes.append(Change(aspect: .health, before: nil, after: health.level.words)) }
        if let due = outcome.due?.value { changes.append(Change(aspect: .due, before: nil, after: due.description)) }
        if let parent = outcome.parent?.value { changes.append(Change(aspect: .parent, before: nil, after: parent)) }
        return changes
    }

    private var podChanges: [Change] {
        func lenses(_ outcome: Outcome) -> [String: [String]] {
            Dictionary((outcome.pod ?? []).map { ($0.handle.value, $0.lenses.map(\.value)) }) { first, _ in first }
        }
        let before = lenses(base)
        let after = lenses(head)
        var changes: [Change] = []
        for handle in Set(before.keys).union(after.keys).sorted() {
            switch (before[handle], after[handle]) {
            case (nil, let new?):
                changes.append(Change(aspect: .memberJoined, subject: handle, after: new.joined(separator: ", ")))
            case (_?, nil):
                changes.append(Change(aspect: .memberLeft, subject: handle))
            case (let old?, let new?) where Set(old) != Set(new):
                changes.append(Change(aspect: .lenses, subject: handle, before: old.joined(separator: ", "), after: new.joined(separator: ", ")))
            default: continue
            }
        }
        return changes
    }

    private var doneChanges: [Change] {
        // Each text with how many times it is checked and open, on each side.
        func tally(_ outcome: Outcome) -> [String: (checked: Int, open: Int)] {
            var tally: [String: (checked: Int, open: Int)] = [:]
            for item in outcome.done?.items ?? [] {
                if item.checked { tally[item.text, default: (0, 0)].checked += 1 } else { tally[item.text, default: (0, 0)].open += 1 }
            }
            return tally
        }
        let before = tally(base)
        let after = tally(head)
        var changes: [Change] = []
        for text in Set(before.keys).union(after.keys).sorted() {
            let old = before[text] ?? (0, 0)
            let new = after[text] ?? (0, 0)
            let oldTotal = old.checked + old.open
            let newTotal = new.checked + new.open
            for _ in 0..<max(0, newTotal - oldTotal) { changes.append(Change(aspect: .doneAdded, subject: text)) }
            for _ in 0..<max(0, oldTotal - newTotal) { changes.append(Change(aspect: .doneRemoved, subject: text)) }
            // Of the items on both sides, those whose state moved.
            let kept = min(oldTotal, newTotal)
            let checkedAfter = min(new.checked, kept)
            let checkedBefore = min(old.checked, kept)
            for _ in 0..<max(0, checkedAfter - checkedBefore) { changes.append(Change(aspect: .doneChecked, subject: text)) }
            for _ in 0..<max(0, checkedBefore - checkedAfter) { changes.append(Change(aspect: .doneUnchecked, subject: text)) }
        }
        return changes
    }

    private var dependencyChanges: [Change] {
        let before = Set(base.dependsOn.map(\.value))
        let after = Set(head.dependsOn.map(\.value))
        return after.subtracting(before).sorted().map { Change(aspect: .dependencyAdded, subject: $0) }
            + before.subtracting(after).sorted().map { Change(aspect: .dependencyRemoved, subject: $0) }
    }
}
