import OutcomeLedger

/// Gives every heading of a rendered body an `id`, so sections can be linked to
/// (`#done-when`). Safe mode guarantees every `<hN>` tag in the HTML is one of the body's
/// headings: raw HTML from authors never reaches the output.
enum HeadingAnchors {
    static func add(to rendered: Markdown.Rendered, reserved: Set<String> = []) -> String {
        var used = reserved
        var anchors = rendered.headings.map { text -> String in
            let base = Identifiers.slug(from: text).isEmpty ? "section" : Identifiers.slug(from: text)
            var anchor = base
            var number = 1
            while used.contains(anchor) {
                anchor = "\(base)-\(number)"
                number += 1
            }
            used.insert(anchor)
            return anchor
        }.makeIterator()

        var output = ""
        output.reserveCapacity(rendered.html.utf8.count + rendered.headings.count * 24)
        var rest = Substring(rendered.html)
        while let open = rest.range(of: "<h") {
            output += rest[..<open.lowerBound]
            let after = rest[open.upperBound...]
            if let level = after.first, ("2"..."6").contains(level), after.dropFirst().first == ">",
               let anchor = anchors.next() {
                output += "<h\(level) id=\"\(anchor)\">"
                rest = after.dropFirst(2)
            } else {
                output += "<h"
                rest = after
            }
        }
        output += rest
        return output
    }
}
