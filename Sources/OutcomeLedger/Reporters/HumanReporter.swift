/// The default report, for people at a terminal: compiler-style lines, the source line
/// with a caret under the column, a fix-it hint, and a summary.
///
/// ```
/// outcomes/retain.md:4:1: error: the pod has 1 member; pods have 2 to 4 [pod-size]
///     4 | pod:
///       | ^
///       = help: add members, or change `pod_size` in ledger.yml
/// ```
public struct HumanReporter: Reporter {
    public static let identifier = "human"
    public var color: Bool

    public init(color: Bool) {
        self.color = color
    }

    public func report(_ compilation: Compilation, context: ReportContext = ReportContext()) -> String {
        report(compilation.diagnostics, summary: compilation.summary)
    }

    /// Diagnostics of any stage, closed by a summary line.
    public func report(_ diagnostics: [Diagnostic], summary: String) -> String {
        var output = ""
        for diagnostic in diagnostics {
            output += render(diagnostic)
            output += "\n"
        }
        let failed = diagnostics.contains { $0.severity == .error }
        output += paint(summary, failed ? .error : .bold) + "\n"
        return output
    }

    func render(_ diagnostic: Diagnostic) -> String {
        let location = diagnostic.location
        let style: ANSIStyle = diagnostic.severity == .error ? .error : .warning
        var lines = [
            paint("\(location.file):\(location.line):\(location.column):", .bold) + " "
                + paint("\(diagnostic.severity.rawValue):", style) + " "
                + paint(diagnostic.message, .bold) + " [\(diagnostic.rule)]",
        ]
        let number = String(location.line)
        let gutter = String(repeating: " ", count: max(4, number.count))
        if let line = diagnostic.sourceLine {
            let (source, column, caretCount) = excerpt(of: line, column: location.column)
            lines.append(paint("\(String(repeating: " ", count: gutter.count - number.count))\(number) |", .dim)
                         + " " + source)
            lines.append(paint("\(gutter) |", .dim) + " "
                         + paint(caretPrefix(source, column: column) + String(repeating: "^", count: caretCount), .caret))
        }
        if let hint = diagnostic.hint {
            lines.append(paint("\(gutter) =", .dim) + " " + paint("help:", .help) + " " + hint)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The widest source excerpt shown, in characters: a longer line (a pasted address of a
    /// thousand characters) is cut around the column, with `…` where text was left out.
    static let excerptWidth = 160

    /// The part of a source line to show, the column in it, and how many carets go under it.
    func excerpt(of source: String, column: Int) -> (text: String, column: Int, carets: Int) {
        let scalars = Array(source.unicodeScalars)
        let caretCount = carets(source, column: column).count
        let width = Self.excerptWidth
        guard scalars.count > width else { return (source, column, caretCount) }
        let start = max(0, column - 1)
        // The line's beginning is kept when the token starts within it; else the window
        // opens a little before the token.
        let first = start + 1 < width - 10 ? 0 : min(start - 10, scalars.count - (width - 1))
        let leadingMark = first > 0
        let end = min(scalars.count, first + width - (leadingMark ? 1 : 0) - 1)
        let trailingMark = end < scalars.count
        var text = String(String.UnicodeScalarView(scalars[first..<end]))
        if leadingMark { text = "…" + text }
        if trailingMark { text += "…" }
        let shownColumn = start - first + (leadingMark ? 1 : 0) + 1
        return (text, shownColumn, max(1, min(caretCount, end - start)))
    }

    /// One `^` under each character of the token at the column: a word or value up to the
    /// next space or YAML punctuation, or a whole markdown link `[…](…)` or image.
    func carets(_ source: String, column: Int) -> String {
        let scalars = Array(source.unicodeScalars.dropFirst(max(0, column - 1)))
        guard let first = scalars.first else { return "^" }
        if first == "[" || (first == "!" && scalars.dropFirst().first == "["),
           let close = scalars.firstIndex(of: ")"), scalars[..<close].contains("]") {
            return String(repeating: "^", count: close + 1)
        }
        let stops: Set<Unicode.Scalar> = [" ", "\t", ",", "[", "]", "{", "}", ":", "`"]
        let length = scalars.prefix { !stops.contains($0) }.count
        return String(repeating: "^", count: max(1, length))
    }

    /// Spaces up to the column, keeping tabs so the caret lines up with the source.
    private func caretPrefix(_ source: String, column: Int) -> String {
        String(source.unicodeScalars.prefix(max(0, column - 1)).map { $0 == "\t" ? "\t" : " " })
    }

    private func paint(_ text: String, _ style: ANSIStyle) -> String {
        style.paint(text, if: color)
    }
}
