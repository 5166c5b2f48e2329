import Foundation
import Testing
@testable import OutcomeLedger
@testable import OutcomeSite
import Mustache

/// The default theme's fast renderer gives the very bytes swift-mustache gives, page for
/// page, and steps aside for anything it does not handle.
struct ThemeRendererTests {
    static func expectSameAsMustache(_ compilation: Compilation, keepGoing: Bool = false) throws -> Int {
        let theme = Theme.load(overrides: [])
        let pages = try SiteBuilder.pages(for: compilation, theme: theme, options: .init(keepGoing: keepGoing)).get()
        let renderer = try #require(pages.renderer, "the default theme gets the fast renderer")
        var compared = 0
        for page in pages.pages() {
            let context = pages.context(for: page)
            let fast = renderer.render(context, withTemplate: page.template)
            let mustache = pages.library.render(context, withTemplate: page.template)
            #expect(fast == mustache, "\(page.path) differs")
            if fast != mustache, let fast, let mustache {
                let first = zip(fast, mustache).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(fast.count, mustache.count)
                Issue.record("first difference at \(first): \(fast.dropFirst(max(0, first - 80)).prefix(160)) vs \(mustache.dropFirst(max(0, first - 80)).prefix(160))")
            }
            compared += 1
        }
        return compared
    }

    @Test(arguments: ["music-app", "ai-builder-pods"])
    func everyPageOfTheExamplesIsByteIdentical(example: String) throws {
        let compilation = try LedgerCompiler.compile(root: TestSupport.example(example), options: .init(today: TestSupport.today))
        #expect(try Self.expectSameAsMustache(compilation) > 10)
    }

    @Test func everyPageOfTheBrokenExampleWithItsProblemsIsByteIdentical() throws {
        let compilation = try LedgerCompiler.compile(root: TestSupport.example("broken"), options: .init(today: TestSupport.today))
        #expect(try Self.expectSameAsMustache(compilation, keepGoing: true) > 10)
    }

    @Test func everyPageOfAGeneratedLedgerIsByteIdentical() throws {
        var files = PictureTests.generated(count: 450, fanOut: 5)
        // Text that needs escaping, in every place a template shows text.
        files["outcomes/o7.md"] = RuleExample.file(
            "title: Quotes \"here\" & <there> 'too'\nowner: ana\npod: {ana: [builder, communicator], li: operator}\nparent: o1\ntags: [a&b, \"x<y\"]\nhealth: at-risk\nhealth_note: It's <late> & \"slow\"\ndue: 2026-01-01",
            body: "## Done when\n- [ ] 5 <b>bold</b> & 'quoted'\n\n## How\nText with `code` & <em>html</em>.")
        let compilation = try LedgerCompiler.compile(root: TestSupport.ledger(files).path, options: .init(today: TestSupport.today))
        #expect(try Self.expectSameAsMustache(compilation) > 450)
    }

    @Test func overriddenTemplatesGoThroughMustache() throws {
        let folder = TestSupport.temporaryFolder()
        try "{{> header}}custom{{> footer}}".write(to: folder.appendingPathComponent("tags.mustache"), atomically: true, encoding: .utf8)
        #expect(Theme.load(overrides: [.init(directory: folder.path, displayName: "mine")]).renderer == nil)
        #expect(Theme.load(overrides: []).renderer != nil)
    }

    @Test func templatesOutsideItsGrammarAreLeftToMustache() {
        #expect(ThemeRenderer(templates: ["a": "{{=<% %>=}}"]) == nil)
        #expect(ThemeRenderer(templates: ["a": "{{$block}}x{{/block}}"]) == nil)
        #expect(ThemeRenderer(templates: ["a": "  {{> b}}\n", "b": "x"]) == nil)
        #expect(ThemeRenderer(templates: ["a": "{{#open}}never closed"]) == nil)
        #expect(ThemeRenderer(templates: ["a": "{{#a}}{{/b}}"]) == nil)
        #expect(ThemeRenderer(templates: ["a": "{{uppercased(name)}}"]) == nil)
    }

    @Test func sectionsBehaveAsSwiftMustachesDo() throws {
        let template = """
            {{#list}}[{{name}}]{{/list}}{{^list}}none{{/list}}
            {{#flag}}yes{{/flag}}{{^flag}}no{{/flag}}
            {{#text}}<{{.}}>{{/text}}{{#zero}}zero is shown{{/zero}}{{#missing}}x{{/missing}}{{^missing}}absent{{/missing}}
            {{#object}}{{inner}} {{outer}}{{/object}} {{object.inner}} {{{raw}}} {{escaped}}
              {{#flag}}
            standalone lines vanish
              {{/flag}}
            """
        let data: [String: Any] = [
            "list": [["name": "a"], ["name": "b"]] as [[String: Any]], "flag": false, "text": "", "zero": 0,
            "object": ["inner": "in"] as [String: Any], "outer": "out", "raw": "<b>", "escaped": "<'&\">",
        ]
        let fast = try #require(ThemeRenderer(templates: ["t": template])).render(data, withTemplate: "t")
        var library = MustacheLibrary()
        try library.register(MustacheTemplate(string: template), named: "t")
        #expect(fast == library.render(data, withTemplate: "t"))
        #expect(fast == "[a][b]\nno\n<>zero is shownabsent\nin out in <b> &lt;&#39;&amp;&quot;&gt;\n")
    }

    /// Every kind of value the page data holds, in sections, inverted sections and dotted
    /// names, rendered as swift-mustache renders it.
    @Test func everyKindOfPageDataRendersAsSwiftMustacheDoes() throws {
        let template = """
            {{#summaries}}({{title}}{{#owner}} by {{name}}{{/owner}}){{/summaries}}{{^summaries}}no summaries{{/summaries}}
            {{#none}}x{{/none}}{{^none}}no items{{/none}}
            {{#parent}}parent {{title}} {{outer}}{{/parent}} {{parent.title}} {{parent.owner.name}} {{^parent}}orphan{{/parent}}
            {{#tags}}<{{.}}>{{/tags}}{{^tags}}untagged{{/tags}} {{#words}}<{{.}}>{{/words}}{{^words}}no words{{/words}}
            {{#rows}}{{n}}{{#children}}[{{n}}]{{/children}};{{/rows}}{{^rows}}no rows{{/rows}} {{#empty_rows}}x{{/empty_rows}}{{^empty_rows}}no empty rows{{/empty_rows}}
            {{#strings}}{{key}}{{/strings}} {{strings.key}} {{number}} {{#number}}n={{.}}{{/number}} {{html}} {{{html}}}
            {{#mixed}}{{.}},{{/mixed}} {{missing.deeper}} {{title.deeper}}
            """
        let owner: [String: Any] = ["name": "Ana"]
        let rows = LazyList(count: 2) { index in
            ["n": index, "children": index == 0 ? [["n": 9] as [String: Any]] : [] as [[String: Any]]]
        }
        let data: [String: Any] = [
            "summaries": [SharedData(["title": "A", "owner": owner]), SharedData(["title": "B", "owner": false])],
            "none": [SharedData](),
            "parent": SharedData(["title": "P", "owner": owner]),
            "outer": "out", "title": "page",
            "tags": ["x", "<y>"], "words": [String](),
            "rows": rows, "empty_rows": LazyList(count: 0) { _ in [:] },
            "strings": ["key": "value"] as [String: String],
            "number": 7,
            "html": DeferredHTML(inputs: []) { "<em>made</em>" },
            "mixed": [1, "two", true] as [Any],
        ]
        let fast = try #require(ThemeRenderer(templates: ["t": template])).render(data, withTemplate: "t")
        var library = MustacheLibrary()
        try library.register(MustacheTemplate(string: template), named: "t")
        #expect(fast == library.render(data, withTemplate: "t"))
        #expect(fast?.hasPrefix("(A by Ana)(B)\nno items\nparent P out P Ana \n<x><&lt;y&gt;> no words\n0[9];1; no empty rows\n") == true)
    }

    /// Parsed templates are kept between builds (serve) only while their text and origin
    /// are the same.
    @Test func parsedTemplatesFollowTheirText() {
        var theme = Theme()
        theme.templates = ["t": .init(text: "one {{x}}", file: "<default theme>/t.mustache")]
        #expect(theme.parsed().renderer?.render(["x": "1"], withTemplate: "t") == "one 1")
        #expect(theme.parsed().renderer?.render(["x": "2"], withTemplate: "t") == "one 2")
        theme.templates["t"]!.text = "two {{x}}"
        #expect(theme.parsed().renderer?.render(["x": "1"], withTemplate: "t") == "two 1")
        theme.templates["t"]!.file = "templates/t.mustache"
        #expect(theme.parsed().renderer == nil)
        if case .success(let library) = theme.parsed().library {
            Issue.record("a theme without the page templates must fail: \(library)")
        }
    }
}
