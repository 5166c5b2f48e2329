import Synchronization
import Mustache
import OutcomeLedger

/// The templates and assets a site is built with: the default theme embedded in the
/// binary, overridden file by file by the ledger's `templates/` folder and then by
/// `--templates DIR`.
public struct Theme: Sendable {
    /// A folder whose files override the theme, and how diagnostics name it.
    public struct Override: Sendable {
        public var directory: String
        public var displayName: String

        public init(directory: String, displayName: String) {
            self.directory = directory
            self.displayName = displayName
        }
    }

    struct Template: Sendable {
        var text: String
        /// How diagnostics name the file: `<default theme>/index.mustache`, `templates/index.mustache`…
        var file: String
    }

    /// By name without `.mustache`.
    var templates: [String: Template] = [:]
    /// Everything else, by path inside the theme (`assets/style.css`).
    var assets: [String: [UInt8]] = [:]

    /// The page templates the site needs.
    static let pageTemplates = ["index", "outcome", "people", "person", "tags", "tag", "attention", "map", "problems"]

    /// The folders that override the default theme, in order: the ledger's own
    /// `templates/`, then the one given on the command line.
    public static func overrides(root: String, templates: String?) -> [Override] {
        var overrides: [Override] = []
        if FileSystem.kind(of: "\(root)/templates") == .directory {
            overrides.append(Override(directory: "\(root)/templates", displayName: "templates"))
        }
        if let templates { overrides.append(Override(directory: templates, displayName: templates)) }
        return overrides
    }

    /// The fast renderer, when every template is the default theme's own.
    var renderer: ThemeRenderer? {
        guard templates.values.allSatisfy({ $0.file.hasPrefix(Self.defaultThemeName) }) else { return nil }
        return ThemeRenderer(templates: templates.mapValues(\.text))
    }

    static let defaultThemeName = "<default theme>"

    public static func load(overrides: [Override]) -> Theme {
        var theme = Theme()
        for (path, text) in EmbeddedTheme.files {
            theme.add(path: path, bytes: Array(text.utf8), file: "\(defaultThemeName)/\(path)")
        }
        for override in overrides {
            for path in FileSystem.files(under: override.directory) {
                guard let bytes = try? FileSystem.read("\(override.directory)/\(path)").get() else { continue }
                theme.add(path: path, bytes: bytes, file: "\(override.displayName)/\(path)")
            }
        }
        return theme
    }

    private mutating func add(path: String, bytes: [UInt8], file: String) {
        if path.hasSuffix(".mustache"), !path.contains("/") {
            templates[String(path.dropLast(9))] = Template(text: String(decoding: bytes, as: UTF8.self), file: file)
        } else {
            assets[path] = bytes
        }
    }

    /// The templates parsed for Mustache and for the default theme's renderer. `serve`
    /// builds with the same templates on every save: they are parsed again only when a
    /// template's text changed.
    func parsed() -> (library: Result<MustacheLibrary, DiagnosticsError>, renderer: ThemeRenderer?) {
        let texts = templates.mapValues { [$0.text, $0.file] }
        if let last = Self.lastParsed.withLock({ $0 }), last.texts == texts { return (last.library, last.renderer) }
        let made = (library: library(), renderer: renderer)
        Self.lastParsed.withLock { $0 = Parsed(texts: texts, library: made.library, renderer: made.renderer) }
        return made
    }

    private struct Parsed: @unchecked Sendable {
        var texts: [String: [String]]
        /// Never changed once made.
        var library: Result<MustacheLibrary, DiagnosticsError>
        var renderer: ThemeRenderer?
    }

    private static let lastParsed = Mutex<Parsed?>(nil)

    /// Parses every template and checks that each partial it includes exists.
    func library() -> Result<MustacheLibrary, DiagnosticsError> {
        var library = MustacheLibrary()
        var problems: [Diagnostic] = []
        for name in templates.keys.sorted() {
            let template = templates[name]!
            do {
                library.register(try MustacheTemplate(string: template.text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                var problem = TemplateProblem.syntax(
                    Self.describe(error.error),
                    at: SourceLocation(file: template.file, line: error.context.lineNumber, column: error.context.columnNumber))
                problem.sourceLine = error.context.line
                problems.append(problem)
            } catch {
                problems.append(TemplateProblem.syntax(String(describing: error), at: .start(of: template.file)))
            }
            let lines = template.text.split(separator: "\n", omittingEmptySubsequences: false)
            for partial in Self.partials(in: template.text) where templates[partial.name] == nil {
                var problem = TemplateProblem.missingPartial(
                    partial.name, at: SourceLocation(file: template.file, line: partial.line, column: partial.column),
                    known: templates.keys.sorted())
                problem.sourceLine = String(lines[partial.line - 1])
                problems.append(problem)
            }
        }
        for name in Self.pageTemplates where templates[name] == nil {
            problems.append(TemplateProblem.diagnostic("the page template `\(name).mustache` is missing",
                                                       at: .start(of: "<theme>/\(name).mustache")))
        }
        return problems.isEmpty ? .success(library) : .failure(DiagnosticsError(problems.sorted(by: Diagnostic.reportOrder)))
    }

    /// `{{> name}}` and `{{< name}}` tags with their positions (default delimiters).
    static func partials(in text: String) -> [(name: String, line: Int, column: Int)] {
        var found: [(String, Int, Int)] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                var tag = rest[open.upperBound...]
                guard let kind = tag.first, kind == ">" || kind == "<" else { rest = tag; continue }
                tag = tag.dropFirst()
                guard let close = tag.range(of: "}}") else { break }
                let name = String(tag[..<close.lowerBound]).trimming(" ")
                if !name.isEmpty { found.append((name, index + 1, column)) }
                rest = tag[close.upperBound...]
            }
        }
        return found
    }

    /// Mustache's parser errors, said in words.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return String(describing: error) }
        switch error {
        case .sectionCloseNameIncorrect: return "this closing tag does not match the section it closes"
        case .unfinishedName: return "a tag is not closed with `}}`"
        case .expectedSectionEnd: return "a section is never closed"
        case .invalidSetDelimiter: return "malformed set-delimiter tag"
        case .transformAppliedToInheritanceSection: return "a transform can't apply to an inheritance section"
        case .illegalTokenInsideInheritSection, .textInsideInheritSection:
            return "only blocks may appear inside an inheritance section"
        case .invalidConfigVariableSyntax, .unrecognisedConfigVariable: return "malformed configuration tag"
        @unknown default: return String(describing: error)
        }
    }

}
