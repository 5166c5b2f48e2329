/// Splits an outcome file into its YAML front matter and its markdown body.
///
/// The first line must be `---`; the front matter runs to the next line that is `---`.
/// Trailing spaces on either fence are forgiven, as editors add them unseen.
public enum FrontMatterSplitter {
    public struct Split: Sendable, Equatable {
        /// The YAML between the fences.
        public var yaml: String
        /// The file line on which the YAML starts (the line after the opening fence).
        public var yamlStartLine: Int
        /// A slice of the file's text: the body shares its storage instead of copying it.
        public var body: Substring
        /// The file line on which the body starts.
        public var bodyStartLine: Int
    }

    public enum Failure: Error, Equatable, Sendable {
        /// The first line is not `---` (or the file is empty).
        case missing
        /// The opening fence has no closing fence.
        case unclosed
    }

    public static func split(_ source: SourceText) -> Result<Split, Failure> {
        guard isFence(source.lineText(1)) else { return .failure(.missing) }
        guard let closing = (2...max(2, source.lineCount)).first(where: {
            $0 <= source.lineCount && isFence(source.lineText($0))
        }) else {
            return .failure(.unclosed)
        }
        let yaml = String(source.text(fromLine: 2, throughLine: closing - 1))
        let body = source.text(fromLine: closing + 1)
        return .success(Split(yaml: yaml, yamlStartLine: 2, body: body, bodyStartLine: closing + 1))
    }

    private static func isFence(_ line: Substring) -> Bool {
        guard line.hasPrefix("---") else { return false }
        return line.dropFirst(3).allSatisfy { $0 == " " || $0 == "\t" }
    }
}
