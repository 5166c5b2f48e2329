import Foundation
import Testing
@testable import OutcomeLedger

/// The markdown stage passes cmark-gfm's options and extensions through faithfully: every
/// example of the GitHub Flavored Markdown spec that Debian's cmark-gfm package ships
/// renders to the spec's HTML.
struct SpecConformanceTests {
    struct Example: Sendable {
        var number: Int
        var section: String
        var markdown: String
        var html: String
        /// The extension the example is about (`table`, `autolink`…), or nil for core CommonMark.
        var fileExtension: String?
    }

    static let specPath = "/usr/share/doc/cmark-gfm/spec.txt.gz"

    /// The spec's examples: a fence of 32 backticks and `example`, the markdown, a line
    /// holding `.`, the HTML, and the closing fence. `→` stands for a tab.
    static func examples() throws -> [Example] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-dc", specPath]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let fence = String(repeating: "`", count: 32)
        var examples: [Example] = []
        var section = ""
        var current: (markdown: [Substring], html: [Substring], inHTML: Bool, disabled: Bool, fileExtension: String?)?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line.hasPrefix("#"), !line.hasPrefix("#!") { section = String(line.drop { $0 == "#" || $0 == " " }) }
            if line.hasPrefix(fence + " example") {
                let named = line.dropFirst(fence.count + 8).trimmingCharacters(in: .whitespaces)
                current = ([], [], false, named == "disabled", named.isEmpty ? nil : named)
            } else if line == fence, let example = current {
                if !example.disabled {
                    func join(_ lines: [Substring]) -> String {
                        lines.map { $0 + "\n" }.joined().replacingOccurrences(of: "→", with: "\t")
                    }
                    examples.append(Example(number: examples.count + 1, section: section,
                                            markdown: join(example.markdown), html: join(example.html),
                                            fileExtension: example.fileExtension))
                }
                current = nil
            } else if current != nil {
                if line == "." && !current!.inHTML { current!.inHTML = true }
                else if current!.inHTML { current!.html.append(line) } else { current!.markdown.append(line) }
            }
        }
        return examples
    }

    /// As cmark-gfm's own spec runner does, each example gets the extension it is about
    /// and core examples get none: the extensions rightly change some core examples (the
    /// tag filter escapes `<script>`, autolinking links bare URLs).
    @Test func everySpecExampleRendersAsSpecified() throws {
        let examples = try Self.examples()
        #expect(examples.count == 671)
        #expect(Set(examples.compactMap(\.fileExtension)).isSubset(of: Set(Markdown.extensionNames)))
        var failures: [String] = []
        for example in examples
        where Markdown.html(example.markdown, unsafe: true, alignmentAsStyle: false,
                            extensions: example.fileExtension.map { [$0] } ?? []) != example.html {
            failures.append("#\(example.number) (\(example.section))")
        }
        let passed = examples.count - failures.count
        print("GFM spec conformance: \(passed) of \(examples.count) examples pass")
        #expect(failures.isEmpty, "\(failures.count) failing: \(failures.prefix(20).joined(separator: ", "))")
    }

    /// The site's own configuration (all five extensions) passes every extension example.
    @Test func theSitesExtensionsPassEveryExtensionExample() throws {
        for example in try Self.examples() where example.fileExtension != nil {
            #expect(Markdown.html(example.markdown, unsafe: true, alignmentAsStyle: false) == example.html, "#\(example.number)")
            // The site differs in one chosen way: alignment as `style`, valid in HTML5.
            let site = Markdown.html(example.markdown, unsafe: true)
            #expect(site == example.html.replacingOccurrences(of: #" align="(\w+)""#, with: #" style="text-align: $1""#,
                                                               options: .regularExpression), "#\(example.number)")
        }
    }

    @Test func safeModeOmitsRawHTMLThatTheSpecPassesThrough() throws {
        let raw = try #require(try Self.examples().first { $0.markdown.contains("<table>") && $0.html.contains("<table>") })
        #expect(!Markdown.html(raw.markdown).contains("<table>"))
        #expect(Markdown.html(raw.markdown).contains("<!-- raw HTML omitted -->"))
    }
}
