import Foundation
import Testing
@testable import OutcomeLedger

/// Markdown is parsed and rendered on every core at once. cmark-gfm keeps the characters
/// its extensions react to (`:` and `w` for autolinks, `~` for strikethrough) in a table
/// shared by all parsers and clears them when any parser finishes its inline pass, so a
/// parser still at work on another thread would lose its autolinks and strikethroughs —
/// and two builds of the same ledger could differ.
struct MarkdownConcurrencyTests {
    /// Long enough that inline passes on different threads overlap.
    static let document = (1...400).map {
        "- item \($0): see https://example.com/\($0) and www.example.org/\($0), ~~old~~ new, **bold**"
    }.joined(separator: "\n") + "\n"
    /// Short documents whose passes end while the long ones are still at work.
    static let short = "Plain text with a colon: and a tilde ~ only.\n"

    @Test func parsingOnEveryCoreGivesWhatParsingAloneGives() {
        let alone = Markdown.html(Self.document)
        #expect(alone.components(separatedBy: "<a href=\"https://example.com/").count == 401)
        #expect(alone.components(separatedBy: "<del>old</del>").count == 401)
        let results = Parallel.map(64) { index in
            index % 2 == 0 ? Markdown.html(Self.document) : Markdown.html(Self.short)
        }
        let differing = results.enumerated().filter { $0.offset % 2 == 0 && $0.element != alone }.count
        #expect(differing == 0, "\(differing) of 32 renderings lost links or strikethroughs")
    }
}
