import OutcomeLedger

/// Gives every heading of a rendered body an `id`, so sections can be linked to
/// (`#done-when`). Safe mode guarantees every `<hN>` tag in the HTML is one of the body's
/// headings: raw HTML from authors never reaches the output.
enum HeadingAnchors {
    static func add(to rendered: Markdown.Rendered, reserved: Set<String> = []) -> String {
        var used = reserved
        var anchors = rendered.headings.map { text -> String in
            let base = Identifiers.slug(from: text).isEmpty ? "section" : Identifiers.slug(from: text)
            let anchor = Identifiers.unique(base, first: 1) { used.contains($0) }
            used.insert(anchor)
            return anchor
        }.makeIterator()

        // Every `<h2>`…`<h6>` opening tag gets the next anchor; levels are one digit.
        let bytes = Array(rendered.html.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + rendered.headings.count * 24)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "<"), index + 3 < bytes.count, bytes[index + 1] == UInt8(ascii: "h"),
               (UInt8(ascii: "2")...UInt8(ascii: "6")).contains(bytes[index + 2]), bytes[index + 3] == UInt8(ascii: ">"),
               let anchor = anchors.next() {
                output += Array("<h".utf8) + [bytes[index + 2]] + Array(" id=\"\(anchor)\">".utf8)
                index += 4
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
