/// Finds the nearest known word to a misspelled one, for "did you mean …?" hints.
public enum Suggestions {
    /// The candidate closest to `word` by edit distance, when it is close enough to be a
    /// plausible typo: at most a third of the word's length, and at least one edit for
    /// words of three letters or more (shorter words have too many neighbours).
    public static func nearest(to word: String, in candidates: [String]) -> String? {
        guard word.count >= 3 else { return nil }
        let limit = max(1, word.count / 3)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(word.lowercased(), candidate.lowercased())
            if distance <= limit, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// Edit distance over Unicode scalars where swapping two neighbours counts as one edit
    /// (`titel` is one edit from `title`), with two rows of memory.
    public static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs.unicodeScalars)
        let b = Array(rhs.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(repeating: 0, count: b.count + 1)
        var row = Array(0...b.count)
        for i in 1...a.count {
            let twoBack = previous
            previous = row
            row = Array(repeating: 0, count: b.count + 1)
            row[0] = i
            for j in 1...b.count {
                row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    row[j] = min(row[j], twoBack[j - 2] + 1)
                }
            }
        }
        return row[b.count]
    }

    /// For a setting: the nearest allowed value, or the one it abbreviates (`warn`).
    public static func setting(_ word: String, in allowed: [String]) -> String? {
        let lower = word.lowercased()
        if let value = nearest(to: word, in: allowed) ?? allowed.first(where: { !lower.isEmpty && $0.hasPrefix(lower) }) {
            return "did you mean `\(value)`?"
        }
        return nil
    }

    /// "did you mean `x`?" when a near candidate exists.
    public static func didYouMean(_ word: String, in candidates: [String]) -> String? {
        nearest(to: word, in: candidates).map { "did you mean `\($0)`?" }
    }
}
