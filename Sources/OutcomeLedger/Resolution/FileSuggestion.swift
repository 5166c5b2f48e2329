/// The file a link most likely meant when the one it names is not there: the same name
/// with `.md` or another extension added (`./eip-150` for `eip-150.md`, as a site that
/// hides extensions lets authors write), the same name in other capitals, or a name a
/// few letters away with the same numbers. For a folder, its README, which GitHub shows
/// for the folder.
enum FileSuggestion {
    /// The folder and the name of a root-relative path ("" for a file at the root).
    static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        return (String(path[..<slash]), String(path[path.index(after: slash)...]))
    }

    /// The name in `names` most likely meant by `name`, or nil when none stands out.
    static func nearest(to name: String, in names: [String]) -> String? {
        guard !name.isEmpty, !names.isEmpty else { return nil }
        if names.contains(name + ".md") { return name + ".md" }
        let extended = names.filter { $0.hasPrefix(name + ".") }
        if extended.count == 1 { return extended[0] }
        let lowered = name.lowercased()
        let sameLetters = names.filter { $0.lowercased() == lowered }
        if sameLetters.count == 1 { return sameLetters[0] }
        // Names that differ in their numbers are other documents (`eip-7623.md` is not a
        // slip for `eip-7683.md`), however few letters apart.
        let digits = name.filter(\.isNumber)
        return Suggestions.nearest(to: name, in: names.filter { $0.filter(\.isNumber) == digits })
    }

    /// The README of a folder, by the names of its files (`README.md`, `readme.md`…).
    static func readme(in names: [String]) -> String? {
        names.first { $0.lowercased() == "readme.md" } ?? names.first { $0.lowercased().hasPrefix("readme.") }
    }
}
