/// Adjusts a rendered body so everyone can use it, within the site's Content-Security-Policy.
/// cmark-gfm renders in safe mode, so each spelling below only occurs as markup it wrote
/// (text `<` is always escaped):
/// - task-list checkboxes get a name;
/// - table column alignment becomes a class (the policy forbids inline `style`);
/// - empty header cells become data cells (a header must name something);
/// - code blocks and tables, which may scroll sideways, can be reached and scrolled with
///   the keyboard;
/// - a link with no text shows its address, and a link around an image without alt text
///   is named by its address (`link-text` and `image-alt` warn about both).
enum AccessibleBody {
    private static let replacements: [(String, String)] = [
        (#"<input type="checkbox" disabled="" />"#, #"<input type="checkbox" disabled="" aria-label="task not done" />"#),
        (#"<input type="checkbox" checked="" disabled="" />"#, #"<input type="checkbox" checked="" disabled="" aria-label="task done" />"#),
        (#" style="text-align: left""#, #" class="align-left""#),
        (#" style="text-align: center""#, #" class="align-center""#),
        (#" style="text-align: right""#, #" class="align-right""#),
        ("<th></th>", "<td></td>"),
        (#"<th class="align-left"></th>"#, #"<td class="align-left"></td>"#),
        (#"<th class="align-center"></th>"#, #"<td class="align-center"></td>"#),
        (#"<th class="align-right"></th>"#, #"<td class="align-right"></td>"#),
        ("<pre>", #"<pre tabindex="0">"#),
        ("<table>", #"<div class="table-frame" tabindex="0"><table>"#),
        ("</table>", "</table></div>"),
    ]

    static func adjust(_ html: String) -> String {
        guard html.contains("<") else { return html }
        var result = html
        for (from, to) in replacements where result.contains(from) {
            result = result.replacingOccurrences(of: from, with: to)
        }
        if result.contains("\"></a>") {
            result = result.replacing(/<a href="([^"]*)"><\/a>/) { "<a href=\"\($0.1)\">\($0.1)</a>" }
        }
        if result.contains(#"alt="" /></a>"#) {
            result = result.replacing(/<a href="([^"]*)">(<img src="[^"]*" alt="" \/>)<\/a>/) {
                "<a href=\"\($0.1)\" aria-label=\"\($0.1)\">\($0.2)</a>"
            }
        }
        return result
    }
}
