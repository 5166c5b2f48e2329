import Testing
@testable import OutcomeLedger

/// HTML in a body: simple formatting is published without attributes, links and pictures
/// with their address, everything else is left out and named, and nothing an author writes
/// can put script or style on a page.
struct BodyHTMLTests {
    @Test func simpleFormattingIsKeptWithoutAttributes() {
        let cases: [(String, String, [BodyHTML.LeftOut.Kind])] = [
            ("first<br>then<BR/>", "first<br />then<br />", []),
            ("<kbd>Ctrl</kbd>+<kbd>S</kbd>", "<kbd>Ctrl</kbd>+<kbd>S</kbd>", []),
            ("<details>\n<summary>More</summary>\n", "<details>\n<summary>More</summary>\n", []),
            (#"<p align="center">Hi</p>"#, #"<p class="align-center">Hi</p>"#, []),
            (#"<td ALIGN=Right class="x">1</td>"#, #"<td class="align-right">1</td>"#, [.attributes(["class"], of: "td")]),
            (#"<p align="justify">Hi</p>"#, "<p>Hi</p>", [.attributes(["align"], of: "p")]),
            (#"<span align="center">Hi</span>"#, "<span>Hi</span>", [.attributes(["align"], of: "span")]),
            (#"<b title="x>y" data-a='1'>bold</b>"#, "<b>bold</b>", [.attributes(["title", "data-a"], of: "b")]),
            (#"<b/onclick="x">"#, "<b>", [.attributes(["onclick"], of: "b")]),
            ("<!-- a note -->text", "text", []),
            ("<!DOCTYPE html>", "", [.declaration]),
            // A table's shape: cells keep their spans, as plain numbers.
            (#"<td colspan="2" rowspan=3 align=center>a</td>"#, #"<td class="align-center" colspan="2" rowspan="3">a</td>"#, []),
            (#"<th colspan="two" rowspan="0">b</th>"#, "<th>b</th>", [.attributes(["colspan", "rowspan"], of: "th")]),
            (#"<tr colspan="2">"#, "<tr>", [.attributes(["colspan"], of: "tr")]),
            (#"<abbr title="Service &amp; level <objective>">SLO</abbr>"#,
             #"<abbr title="Service &amp; level &lt;objective&gt;">SLO</abbr>"#, []),
        ]
        for (raw, html, leftOut) in cases {
            let published = BodyHTML.publish(raw)
            #expect(published.html == html, "\(raw)")
            #expect(published.leftOut.map(\.kind) == leftOut, "\(raw)")
        }
    }

    @Test func otherElementsAreLeftOutAndNamed() {
        let cases: [(String, String, [BodyHTML.LeftOut.Kind])] = [
            ("<script>alert(1)</script>after", "after", [.element("script")]),
            ("<STYLE>body { display: none }</STYLE>", "", [.element("STYLE")]),
            ("<img onerror=alert(1)>", "", [.element("img")]),
            ("<img src=\"java&#x09;script:alert(1)\">", "", [.element("img")]),
            (#"<a href="javascript:alert(1)">x</a>"#, "x", [.element("a")]),
            ("<svg onload=alert(1)><circle/></svg>", "", [.element("svg"), .element("circle")]),
            ("<h1>Title</h1>", "Title", [.element("h1")]),
            ("a <memberName> b", "a  b", [.element("memberName")]),
        ]
        for (raw, html, leftOut) in cases {
            let published = BodyHTML.publish(raw)
            #expect(published.html == html, "\(raw)")
            #expect(published.leftOut.map(\.kind) == leftOut, "\(raw)")
        }
        #expect(BodyHTML.publish("ab<script>x</script>").leftOut.map(\.offset) == [2])
    }

    @Test func textIsEscapedAndCharacterReferencesKept() {
        #expect(BodyHTML.publish("a < b && c > d \"q\"").html == "a &lt; b &amp;&amp; c &gt; d &quot;q&quot;")
        #expect(BodyHTML.publish("&amp; &#169; &#x1F600; &nosuch &#;").html == "&amp; &#169; &#x1F600; &amp;nosuch &amp;#;")
        // A tag that never closes is text.
        #expect(BodyHTML.publish("<b class=\"x").html == "&lt;b class=&quot;x")
        #expect(BodyHTML.publish("<b").html == "&lt;b")
    }

    @Test func linksAndPicturesKeepTheirAddressAndAreReported() {
        let raw = #"<p align="center"><img src="flow.png" alt="The &amp; flow" width="400" height="50%" onerror="x()"></p> "#
            + #"<a href="https://example.com/?a=1&amp;b=2">the <b>guide</b></a> <a href="payouts.md#timeline">payouts</a></a>"#
        let published = BodyHTML.publish(raw, links: ["flow.png": "../../files/outcomes/flow.png"])
        #expect(published.html == #"<p class="align-center"><img src="../../files/outcomes/flow.png" alt="The &amp; flow" width="400" /></p> "#
            + #"<a href="https://example.com/?a=1&amp;b=2">the <b>guide</b></a> <a href="payouts.md#timeline">payouts</a>"#)
        #expect(published.references.map { "\($0.isImage ? "image" : "link") \($0.destination) [\($0.text)] @\($0.offset)" } == [
            "image flow.png [The & flow] @18",
            "link https://example.com/?a=1&b=2 [the guide] @103",
            "link payouts.md#timeline [payouts] @167",
        ])
        #expect(published.leftOut.map(\.kind) == [.attributes(["height", "onerror"], of: "img")])
        for unsafe in ["javascript:alert(1)", " JaVaScRiPt:alert(1)", "java\tscript:x", "data:text/html,x", "vbscript:x", "file:///etc/passwd"] {
            #expect(!BodyHTML.isSafe(unsafe), "\(unsafe)")
        }
        for safe in ["https://a.b", "mailto:a@b.c", "x.png", "../a/b.md#c", "/docs/plan.pdf", "a/b:c.png", "#how"] {
            #expect(BodyHTML.isSafe(safe), "\(safe)")
        }
    }

    /// `<a id>` and `<a name>` are anchors links can land on, once each, with an id in
    /// lower case (so never the theme's, which start with a capital), not a footnote's
    /// and not a heading's.
    @Test func anchorsKeepTheirIDOnce() {
        var state = BodyHTML.State(ids: ["how"])
        let published = BodyHTML.publish(
            #"<a id="milestone-1"></a><a name="old.style">x</a><a id="how"></a><a id="Health"></a><a id="milestone-1"></a><a id="fn-1"></a>"#
                + #"<a name="Directions"></a><a id="MILESTONE-1"></a><a id="Ärger"></a><a id="-x"></a>"#,
            links: [:], state: &state)
        // An anchor without an address is written empty: one left open wraps nothing.
        #expect(published.html == #"<a id="milestone-1"></a><a id="old.style"></a>x<a id="health"></a><a id="directions"></a>"#)
        #expect(published.anchors == ["milestone-1", "old.style", "health", "directions"])
        #expect(published.leftOut.map(\.kind) == Array(repeating: .attributes(["id"], of: "a"), count: 6))
        #expect(state.ids == ["how", "milestone-1", "old.style", "health", "directions"])
        let withOthers = BodyHTML.publish(#"<a href="x.md" id="here" class="c" src="z">y</a>"#)
        #expect(withOthers.html == #"<a href="x.md" id="here">y</a>"#)
        #expect(withOthers.leftOut.map(\.kind) == [.attributes(["class", "src"], of: "a")])
    }

    /// Any kept element's id marks a place to link to, as an anchor's does (GitHub keeps
    /// them): `<span id="orphan"></span>` before a paragraph, an id on a cell or a block.
    @Test func keptElementsKeepAnIDToLinkTo() throws {
        var state = BodyHTML.State(ids: ["how"])
        let published = BodyHTML.publish(
            #"<span id="Orphan"></span><p align="center" id="intro">x</p><br id="b"><div id="how"></div><td id="a b" name="n">"#,
            links: [:], state: &state)
        #expect(published.html == #"<span id="orphan"></span><p id="intro" class="align-center">x</p><br id="b" /><div></div><td>"#)
        #expect(published.anchors == ["orphan", "intro", "b"])
        #expect(published.leftOut.map(\.kind) == [.attributes(["id"], of: "div"), .attributes(["id", "name"], of: "td")])
        let compilation = try TestSupport.compile([RuleExample.mainFile: RuleExample.file(body: RuleExample.standardBody
                + "\n\n<span id=\"orphan\"></span>\nThe rule.\n\nSee [the rule](#orphan) and [it](#Orphan) and [not](#orphans).")])
        #expect(compilation.diagnostics("raw-html").isEmpty)
        #expect(compilation.diagnostics("broken-link").map(\.message) == ["link to `#orphans`: `outcomes/example.md` has no heading with the id `orphans`"])
    }

    /// Author HTML is balanced as browsers read it: an end tag closes what was opened
    /// inside its element, a stray one is left out, a cell ends the cell before it, links
    /// do not nest, and what is left open is closed at the end of the body — so a body
    /// can neither close the page's elements nor leave its own open around them.
    @Test func elementsAreBalanced() {
        let cases: [(String, String)] = [
            ("<table>\n<tr>\n<th>Term</td>\n<th>Count</td>\n</tr>\n</table>",
             "<table>\n<tr>\n<th>Term\n</th><th>Count\n</th></tr>\n</table>"),
            ("<div><b>bold</div> after</div></section>", "<div><b>bold</b></div> after"),
            ("<ul><li>one<li>two</ul>", "<ul><li>one</li><li>two</li></ul>"),
            (#"<a name="x"><a href="y.md">text</a></a>"#, #"<a id="x"></a><a href="y.md">text</a>"#),
            ("</p></td></details>", ""),
        ]
        for (raw, html) in cases {
            var state = BodyHTML.State()
            let published = BodyHTML.publish(raw, links: [:], state: &state)
            #expect(published.html + BodyHTML.closing(&state) == html, "\(raw)")
            #expect(state.open.isEmpty)
        }
        var state = BodyHTML.State()
        let link = BodyHTML.publish(#"<a href="plan.md">the plan<a href="b.md">b</a>"#, links: [:], state: &state)
        #expect(link.references.map(\.text) == ["the plan", "b"])
        // Left open across the body: closed after its last block, inside the body.
        let rendered = Markdown.render("<details>\n<summary>More</summary>\n\nHidden *text*.\n\n<div>\n\nMore.\n")
        #expect(rendered.html.hasSuffix("<p>More.</p>\n</div></details>\n"), "\(rendered.html)")
    }

    /// A link written as HTML in a markdown link's text (a table of contents repeating a
    /// heading that holds a link) would nest links, which browsers split: its address is
    /// left out and named, its text stays in the outer link, and an anchor keeps its id.
    @Test func linksInALinksTextDoNotNest() throws {
        let body = ##"See [Use it (<a href="https://example.com/kep">KEP-1</a>)](#use-it) and <a href="https://example.com/b">b</a>."##
        let rendered = Markdown.render(body)
        #expect(rendered.html == ##"<p>See <a href="#use-it">Use it (KEP-1)</a> and <a href="https://example.com/b">b</a>.</p>"## + "\n",
                "\(rendered.html)")
        let outline = Markdown.outline(body)
        #expect(outline.links.map(\.destination) == ["#use-it", "https://example.com/b"])
        let leftOut = try #require(outline.leftOutHTML.first)
        #expect(leftOut.leftOut.map(\.kind) == [.nestedLink])
        #expect(leftOut.byteColumn == 14)
        var state = BodyHTML.State()
        let anchor = BodyHTML.publish(#"<a href="https://example.com" id="here">x</a>"#, links: [:], state: &state, insideLink: true)
        #expect(anchor.html == #"<a id="here"></a>x"#)
        #expect(anchor.references.isEmpty && anchor.leftOut.map(\.kind) == [.nestedLink])
    }

    /// An element is closed at the end of the markdown element its HTML is written in — a
    /// list item, a paragraph, an emphasis — and an end tag outside that is left out, so
    /// author HTML never breaks the markdown's own nesting (a list holds only items).
    @Test func elementsCloseWithTheMarkdownAroundThem() {
        let list = Markdown.render("""
            1. An item

               <small>

               Small print.

            [ref]: https://example.com

               </small>

            2. Another
            """).html
        #expect(list.components(separatedBy: "</small>").count == 2, "\(list)")
        let item = list.range(of: "</li>")
        #expect(item != nil && list.range(of: "</small>").map { $0.upperBound <= item!.lowerBound } == true, "\(list)")
        #expect(!list[list.range(of: "</ol>")!.upperBound...].contains("small"), "\(list)")
        #expect(Markdown.render("*<b>bold* after</b> and <i>open").html == "<p><em><b>bold</b></em> after and <i>open</i></p>\n")
        #expect(Markdown.render("> <kbd>in a quote\n\nOutside</kbd>.").html
                == "<blockquote>\n<p><kbd>in a quote</kbd></p>\n</blockquote>\n<p>Outside.</p>\n")
    }

    /// A link to an anchor, from the same body or another outcome, lands; one to an id
    /// that is nowhere is still reported.
    @Test func linksLandOnAnchors() throws {
        let compilation = try TestSupport.compile(TestSupport.ledger([
            RuleExample.mainFile: RuleExample.file(body: RuleExample.standardBody + """


                See [the milestone](#milestone), [elsewhere](other.md#their-step) and [nowhere](#nope).
                As GitHub does, a fragment finds its id whatever its case: [here](#Milestone),
                [there](other.md#Their-Step), [done](#DONE-WHEN).

                <a id="milestone"></a>
                Reached in March.
                """),
            "outcomes/other.md": RuleExample.file(body: RuleExample.standardBody + "\n\n<a name=\"Their-Step\"></a>Step."),
        ]))
        #expect(compilation.diagnostics("broken-link").map(\.message) == ["link to `#nope`: `outcomes/example.md` has no heading with the id `nope`"])
        let example = try #require(compilation.ledger.outcomes.first { $0.file == RuleExample.mainFile })
        let targets = Dictionary(example.links.map { ($0.destination, $0.target) }) { first, _ in first }
        #expect(targets["#Milestone"] == .sameDocument(fragment: "milestone"))
        #expect(targets["other.md#Their-Step"] == .outcome(id: "other", fragment: "their-step"))
        #expect(targets["#DONE-WHEN"] == .sameDocument(fragment: "done-when"))
        #expect(compilation.ledger.outcomes.first { $0.file == "outcomes/other.md" }?.htmlAnchors == ["their-step"])
    }

    /// On the page, a fragment written in another case points at the id itself: browsers
    /// match ids exactly.
    @Test func fragmentsInAnotherCaseArePublishedAsTheID() throws {
        let root = TestSupport.ledger([
            RuleExample.mainFile: RuleExample.file(body: RuleExample.standardBody + """


                See [how](#How), [the step](other.md#Their-Step), [as written](#how) and <a href="#Done-When">done</a>.
                """),
            "outcomes/other.md": RuleExample.file(body: RuleExample.standardBody + "\n\n<a name=\"Their-Step\"></a>Step."),
        ])
        let (run, site) = try BuildTests.build(root.path)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(!run.standardError.contains("broken-link"), "\(run.standardError)")
        let page = try String(contentsOf: site.appendingPathComponent("outcomes/example/index.html"), encoding: .utf8)
        #expect(page.contains(##"<a href="#how">how</a>"##))
        #expect(page.contains(##"<a href="#how">as written</a>"##))
        #expect(page.contains(##"<a href="../other/index.html#their-step">the step</a>"##))
        #expect(page.contains(##"<a href="#done-when">done</a>"##))
        let other = try String(contentsOf: site.appendingPathComponent("outcomes/other/index.html"), encoding: .utf8)
        #expect(other.contains(#"<a id="their-step"></a>"#))
    }

    /// Whatever the input, every `<` of the output opens a tag of the kept list, bare.
    @Test(arguments: [
        "<scr<script>ipt>alert(1)</script>", "<<img src=x>img>", "<b <script>>", "<iframe src=x></iframe><b>",
        "<a href=x>y</a><br onload=1>", "<div style=\"x\"><span/style=x>", "<![CDATA[<script>]]>", "<?php echo 1 ?>",
        "<textarea><b>not bold</b></textarea>", "</b foo=bar>", "<b\nonclick=\"1\"\n>", "<<<>>>", "<!--><script>-->",
        "<a href=\"javascript:alert(1)\">x</a>", "<img src=\"x\" alt=\"\\\" onerror=alert(1) x=\">",
        "<a href='x\" onclick=\"y'>z</a>", "<img src=x width=\"1 onerror=y\">", "<a href=JAVASCRIPT:x>y</a>",
        "<a id='x\" onclick=\"y'>z</a>", "<a name=\"a b\">c</a>", "<a id=\"a&quot;b\">c</a>",
        "<p align=\"center\\\" onclick=\\\"x\">y</p>", "<div align='right\" x=\"'>z</div>",
        "<td colspan=\"2 onclick=x\">a</td>", "<th rowspan='3\" onclick=\"x'>b</th>", "<td colspan=-1 rowspan=99999>c</td>",
        "<abbr title='\"><script>alert(1)</script>'>x</abbr>", "<abbr title=\"a\" onclick=\"b\">c</abbr>",
    ])
    func nothingButBareKeptTagsReachesThePage(raw: String) {
        let html = BodyHTML.publish(raw).html
        for match in html.matches(of: /<(\/?)([^ >\/]*)((?: [a-z]+="[^"<>]*")*)( \/)?>?/) {
            let name = String(match.2)
            #expect(BodyHTML.keptElements.contains(name) || BodyHTML.referenceAttributes[name] != nil, "\(raw) → \(html)")
            #expect(html[match.range].hasSuffix(">"), "\(raw) → \(html)")
            let attributes = match.3.matches(of: /\ ([a-z]+)="[^"]*"/).map { String($0.1) }
            let allowed = (BodyHTML.referenceAttributes[name] ?? []).union(BodyHTML.alignedElements.contains(name) ? ["class"] : [])
                .union(BodyHTML.spannedElements.contains(name) ? ["colspan", "rowspan"] : []).union(name == "abbr" ? ["title"] : [])
            #expect(Set(attributes).isSubset(of: allowed), "\(raw) → \(html)")
            if let value = match.3.firstMatch(of: /class="([^"]*)"/)?.1 {
                #expect(["align-left", "align-center", "align-right"].contains(String(value)), "\(raw) → \(html)")
            }
            for span in match.3.matches(of: /span="([^"]*)"/) {
                #expect(Int(span.1).map { (1...1000).contains($0) } == true, "\(raw) → \(html)")
            }
            if let id = match.3.firstMatch(of: /id="([^"]*)"/)?.1 {
                #expect(id.allSatisfy { $0.isLowercase || $0.isNumber || "-_.".contains($0) }, "\(raw) → \(html)")
            }
        }
        #expect(!html.lowercased().contains("javascript:"), "\(raw) → \(html)")
    }

    @Test func pagesShowKeptHTMLFootnotesAndNoPlaceholders() {
        let body = """
            | Step | Notes |
            |---|---|
            | 1 | first<br>then |

            <details>
            <summary>More</summary>

            Hidden **text**.

            </details>

            A claim.[^1] <img src="x.png" onload="y()">

            [^1]: The source.
            """
        let html = Markdown.render(body).html
        #expect(html.contains("<td>first<br />then</td>"))
        #expect(html.contains("<details>\n<summary>More</summary>"))
        #expect(html.contains("<p>Hidden <strong>text</strong>.</p>\n</details>"))
        #expect(html.contains(##"<sup class="footnote-ref"><a href="#fn-1" id="fnref-1" data-footnote-ref>1</a></sup>"##))
        #expect(html.contains(#"<li id="fn-1">"#) && html.contains("The source."))
        #expect(!html.contains("raw HTML omitted") && html.contains(#"<img src="x.png" alt="" />"#) && !html.contains("onload"))
        #expect(!html.contains("data-sourcepos"))
        // Text that looks like a mark but names no piece stays as written.
        #expect(RawHTMLMark.fill("a\u{E000}7\u{E001}b\u{E000}0\u{E001}", with: ["<br />"]) == "a\u{E000}7\u{E001}b<br />")
    }

    /// Positions after a code span that crosses a line are right (cmark places inline nodes
    /// there only when it tracks source positions).
    @Test func leftOutHTMLIsPlacedWhereItIsWritten() {
        let outline = Markdown.outline("Some `code\nspan` and <tag> here.\n\n<div align=\"middle\">\n<img src=\"a.png\">\n</div>\n")
        #expect(outline.leftOutHTML.map { "\($0.line):\($0.byteColumn)" } == ["2:11", "4:1"])
        #expect(outline.leftOutHTML.last?.leftOut.map(\.kind) == [.attributes(["align"], of: "div")])
        // The picture is a link of the body, where it is written.
        #expect(outline.links.map { "\($0.line):\($0.byteColumn) \($0.destination) [\($0.text)]" } == ["5:1 a.png []"])
        let inline = Markdown.outline("Read <a href=\"guide.md\">the *whole* guide</a> first.")
        #expect(inline.links.map { "\($0.line):\($0.byteColumn) \($0.destination) [\($0.text)]" } == ["1:6 guide.md [the whole guide]"])
    }
}
