import OutcomeLedger

/// Gives every heading of a rendered body the id GitHub would give it, so a table of
/// contents written for GitHub works on the site. Every `<hN>` tag in the HTML is one of
/// the body's headings: HTML from authors keeps no heading elements (`BodyHTML`).
/// The theme's own ids start with a capital letter, which GitHub's never do.
enum HeadingAnchors {
    static func add(to rendered: Markdown.Rendered) -> String {
        var anchors = rendered.anchors.makeIterator()
        // Every `<h2>`…`<h6>` opening tag gets the next anchor; levels are one digit.
        let bytes = Array(rendered.html.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + rendered.anchors.count * 24)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "<"), index + 3 < bytes.count, bytes[index + 1] == UInt8(ascii: "h"),
               (UInt8(ascii: "2")...UInt8(ascii: "6")).contains(bytes[index + 2]), bytes[index + 3] == UInt8(ascii: ">"),
               let anchor = anchors.next() {
                output += Array("<h".utf8) + [bytes[index + 2]]
                if !anchor.isEmpty { output += Array(" id=\"\(HTMLText.escape(anchor))\"".utf8) }
                output.append(UInt8(ascii: ">"))
                index += 4
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
