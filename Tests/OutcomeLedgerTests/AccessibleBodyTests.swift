import Foundation
import Testing
@testable import OutcomeLedger

/// What authors write in bodies reaches everyone: named checkboxes, alignment without
/// inline style, no empty header cells, keyboard-scrollable code and tables, named links,
/// and heading levels without gaps.
struct AccessibleBodyTests {
    @Test func renderedBodiesAreAdjusted() throws {
        let body = RuleExample.standardBody + """


            ### Steps
            - [ ] open step
            - [x] finished step

            ##### Deep detail

            | | Left | Centre | Right |
            |-|:-----|:------:|------:|
            | a | 1 | 2 | 3 |

            ```
            let x = 1
            ```

            See [](https://example.com/empty) and [![](https://example.com/logo.png)](https://example.com/home).

            <a href="https://example.com/shot.png"><img src="https://example.com/shot.png" width="750" height="200"></a>

            [![Logo](https://example.com/logo.png)](https://example.com/about) and
            <a href="https://example.com/team"><img src="https://example.com/team.png" alt="The team" width="75"></a>
            """
        let root = TestSupport.ledger([RuleExample.mainFile: RuleExample.file(body: body)])
        let (run, output) = try BuildTests.build(root.path)
        #expect(run.status == 0, "\(run.standardError)")
        let page = try String(contentsOf: output.appendingPathComponent("outcomes/example/index.html"), encoding: .utf8)
        #expect(page.contains(#"<input type="checkbox" disabled="" aria-label="task not done" />"#))
        #expect(page.contains(#"<input type="checkbox" checked="" disabled="" aria-label="task done" />"#))
        #expect(!page.contains("style=\""))
        #expect(page.contains(#"<th class="align-center">Centre</th>"#))
        #expect(page.contains(#"<td class="align-right">3</td>"#))
        #expect(!page.contains("<th></th>") && page.contains("<td></td>"))
        #expect(page.contains(#"<div class="table-frame" tabindex="0"><table>"#))
        #expect(page.contains(#"<pre tabindex="0">"#))
        #expect(page.contains(#"<a href="https://example.com/empty">https://example.com/empty</a>"#))
        #expect(page.contains(#"<a href="https://example.com/home" aria-label="https://example.com/home"><img"#))
        #expect(page.contains(#"<a href="https://example.com/shot.png" aria-label="https://example.com/shot.png"><img src="https://example.com/shot.png" alt="" width="750" height="200" /></a>"#))
        // A picture with alt text names its link itself.
        #expect(page.contains(#"<a href="https://example.com/about"><img src="https://example.com/logo.png" alt="Logo" /></a>"#))
        #expect(page.contains(#"<a href="https://example.com/team"><img src="https://example.com/team.png" alt="The team" width="75" /></a>"#))
        // `##`, `###`, `#####` in the file: h2, h3, h4 on the page, no level skipped.
        #expect(page.contains(#"<h3 id="steps">Steps</h3>"#))
        #expect(page.contains(#"<h4 id="deep-detail">Deep detail</h4>"#))
        #expect(!page.contains("<h5"))
        let style = try String(contentsOf: output.appendingPathComponent("assets/style.css"), encoding: .utf8)
        for name in ["align-left", "align-center", "align-right"] { #expect(style.contains(".body .\(name)")) }
    }
}
