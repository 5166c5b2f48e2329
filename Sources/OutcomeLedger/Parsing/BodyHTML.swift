/// The raw HTML of a body as the site publishes it. Like GitHub, the site keeps a short
/// list of harmless elements — `<br>` in a table cell, `<sup>`, `<kbd>`, `<details>` — and
/// leaves the rest out; unlike GitHub it keeps no attributes on them but `align` (as a
/// class) on paragraphs, blocks and cells, cells' spans and an abbreviation's title.
/// Links and pictures
/// (`<a href>`, `<img src alt width height>`) keep only those attributes, and their
/// addresses are resolved and published like markdown ones (a page passes the rewritten
/// addresses in). So what reaches a page is a listed tag, a link or picture with a web or
/// relative address, or escaped text: author HTML can carry no script, style or heading.
/// Comments are left out quietly, as on GitHub; anything else left out is named, for the
/// `raw-html` warning.
public enum BodyHTML {
    /// Elements kept (without attributes). Headings are not: the page owns its outline
    /// and its ids.
    static let keptElements: Set<String> = [
        "abbr", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite", "code", "dd", "del", "details", "dfn", "div",
        "dl", "dt", "em", "figcaption", "figure", "hr", "i", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "rp",
        "rt", "ruby", "s", "samp", "small", "span", "strike", "strong", "sub", "summary", "sup", "table", "tbody", "td",
        "tfoot", "th", "thead", "tr", "tt", "u", "ul", "var", "wbr",
    ]
    /// Kept elements whose `align` (left, center, right) is kept, as the class the page's
    /// style sheet aligns by (the pages' policy forbids inline style).
    static let alignedElements: Set<String> = ["p", "div", "td", "th", "caption", "figure", "figcaption"]
    /// Table cells, which keep `colspan` and `rowspan`.
    static let spannedElements: Set<String> = ["td", "th"]
    /// Kept elements that have no end tag.
    static let voidElements: Set<String> = ["br", "hr", "wbr"]
    /// Links and pictures, with the attributes each keeps.
    static let referenceAttributes: [String: Set<String>] = ["a": ["href", "id"], "img": ["src", "alt", "width", "height"]]
    /// Elements whose content is not text for a reader: left out with what they hold.
    static let hiddenContent: Set<String> = ["script", "style", "template", "textarea", "title", "iframe", "noscript", "xmp"]

    /// Something the site leaves out, and where it starts in the HTML (a byte offset).
    public struct LeftOut: Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            /// An element, by its name as written.
            case element(String)
            case attributes([String], of: String)
            /// `<!DOCTYPE …>`, `<?…?>`, `<![CDATA[…]]>`.
            case declaration
            /// A link written in the text of a markdown link: links do not nest, so its
            /// address is left out and its text stays in the outer link's.
            case nestedLink
        }
        public var kind: Kind
        public var offset: Int
    }

    /// A link or picture written as HTML: checked and published like a markdown one.
    public struct Reference: Sendable, Equatable {
        public var destination: String
        public var isImage: Bool
        /// An image's alt text; a link's text when it is in the same piece of HTML.
        public var text: String
        public var offset: Int
    }

    public struct Published: Sendable, Equatable {
        public var html: String
        public var leftOut: [LeftOut]
        public var references: [Reference] = []
        /// The ids of anchors (`<a id="…">`) it puts on the page, for links into it.
        public var anchors: [String] = []
    }

    /// What the pieces of one body's HTML share, published in order.
    public struct State: Sendable {
        /// The elements written and not yet closed, innermost last, each with the scope it
        /// was written in (the markdown element holding its piece of HTML, as the caller
        /// counts them). An end tag closes what was opened inside its element too, but
        /// only in its own scope; one with nothing to close is left out; and what is left
        /// open is closed at the end of its scope (see `close`). So an author's HTML never
        /// closes or leaves open an element of the page, or of the markdown, around it.
        var open: [(name: String, scope: Int)] = []
        /// The ids on the page so far (its headings', and anchors before): an anchor
        /// (`<a id>`, `<a name>`) that repeats one keeps no id.
        public var ids: Set<String>

        public init(ids: Set<String> = []) {
            self.ids = ids
        }
    }

    /// `links` maps a destination as written to the address the page uses for it.
    public static func publish(_ raw: String, links: [String: String] = [:]) -> Published {
        var state = State()
        return publish(raw, links: links, state: &state)
    }

    /// `insideLink`: the piece is in a markdown link's text, where a link of its own can't be.
    public static func publish(_ raw: String, links: [String: String], state: inout State, scope: Int = 0,
                               insideLink: Bool = false) -> Published {
        let bytes = Array(raw.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var leftOut: [LeftOut] = []
        var references: [Reference] = []
        var anchors: [String] = []
        // The link whose text is being read, and where its text starts.
        var openLink: (reference: Int, textStart: Int)?
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "<"):
                if let tag = Tag.read(bytes, at: index) {
                    let name = tag.name
                    // Closes `element` and what is open inside it; a link's text ends there.
                    func close(through element: String) {
                        guard let position = state.open.lastIndex(where: { $0 == (element, scope) }),
                              state.open[position...].allSatisfy({ $0.scope == scope }) else { return }
                        for (closed, _) in state.open[position...].reversed() {
                            output += Array("</\(closed)>".utf8)
                            if closed == "a", let link = openLink {
                                references[link.reference].text = plainText(bytes[link.textStart..<index])
                                openLink = nil
                            }
                        }
                        state.open.removeSubrange(position...)
                    }
                    if let kept = referenceAttributes[name] {
                        if tag.isEnd {
                            if name == "a" { close(through: "a") }
                        } else {
                            // Links do not nest: a new one ends the one open, as browsers read it.
                            if name == "a" { close(through: "a") }
                            var address = tag.value(of: name == "a" ? "href" : "src").flatMap { isSafe($0) ? $0 : nil }
                            let anchor = name == "a" ? anchorID(of: tag, taken: state.ids) : nil
                            let nested = name == "a" && insideLink && address != nil
                            if nested {
                                leftOut.append(LeftOut(kind: .nestedLink, offset: index))
                                address = nil
                                if anchor == nil {
                                    index = tag.end
                                    continue
                                }
                            }
                            if address == nil && anchor == nil {
                                // An anchor whose id can't be kept: the id is what is lost.
                                let id = name == "a" ? tag.attributes.map(\.name).filter { $0 == "id" || $0 == "name" } : []
                                leftOut.append(LeftOut(kind: id.isEmpty ? .element(tag.writtenName) : .attributes(id, of: name), offset: index))
                            } else {
                                if let address {
                                    references.append(Reference(destination: address, isImage: name == "img",
                                                                text: tag.value(of: "alt") ?? "", offset: index))
                                    if name == "a" { openLink = (references.count - 1, tag.end) }
                                }
                                if let anchor {
                                    state.ids.insert(anchor)
                                    anchors.append(anchor)
                                }
                                // An anchor without an address marks a place: written empty,
                                // so one left open (`## Title<a name="x">`) wraps nothing.
                                if name == "a" && address != nil { state.open.append(("a", scope)) }
                                output += Array(reference(tag, address: address.map { links[$0] ?? $0 }, anchor: anchor).utf8)
                                let dropped = tag.attributes.map(\.name).filter { attribute in
                                    switch attribute {
                                    case "href" where name == "a", "src" where name == "img": return address == nil && !nested
                                    case "id": return anchor == nil
                                    case "name" where name == "a": return anchor == nil
                                    default: return !kept.contains(attribute) || !isKept(attribute, of: tag)
                                    }
                                }
                                if !dropped.isEmpty { leftOut.append(LeftOut(kind: .attributes(dropped, of: name), offset: index)) }
                            }
                        }
                        index = tag.end
                    } else if keptElements.contains(name) {
                        if tag.isEnd {
                            close(through: name)
                        } else {
                            for implied in impliedEnds[name] ?? [] {
                                guard let last = state.open.last, last.scope == scope, implied.contains(last.name) else { continue }
                                close(through: last.name)
                            }
                            var (attributes, kept) = keptAttributes(of: tag)
                            // An id marks a place to link to, as an anchor's does (`<span id="x">`).
                            if tag.value(of: "id") != nil, let anchor = anchorID(of: tag, taken: state.ids) {
                                state.ids.insert(anchor)
                                anchors.append(anchor)
                                attributes = " id=\"\(anchor)\"" + attributes
                                kept.insert("id")
                            }
                            output += Array((voidElements.contains(name) ? "<\(name)\(attributes) />" : "<\(name)\(attributes)>").utf8)
                            if !voidElements.contains(name) { state.open.append((name, scope)) }
                            let dropped = tag.attributes.map(\.name).filter { !kept.contains($0) }
                            if !dropped.isEmpty { leftOut.append(LeftOut(kind: .attributes(dropped, of: name), offset: index)) }
                        }
                        index = tag.end
                    } else if tag.isEnd {
                        index = tag.end
                    } else {
                        leftOut.append(LeftOut(kind: .element(tag.writtenName), offset: index))
                        index = hiddenContent.contains(name) ? endOfContent(of: name, in: bytes, from: tag.end) : tag.end
                    }
                } else if let end = endOfMarkup(bytes, at: index) {
                    if !starts(bytes, at: index, with: "<!--") { leftOut.append(LeftOut(kind: .declaration, offset: index)) }
                    index = end
                } else {
                    output += Array("&lt;".utf8)
                    index += 1
                }
            case UInt8(ascii: "&"):
                let length = entityLength(bytes, at: index)
                if length > 0 {
                    output += bytes[index..<(index + length)]
                    index += length
                } else {
                    output += Array("&amp;".utf8)
                    index += 1
                }
            case UInt8(ascii: ">"):
                output += Array("&gt;".utf8)
                index += 1
            case UInt8(ascii: "\""):
                output += Array("&quot;".utf8)
                index += 1
            default:
                output.append(byte)
                index += 1
            }
        }
        return Published(html: String(decoding: output, as: UTF8.self), leftOut: leftOut, references: references, anchors: anchors)
    }

    /// A link's opening tag or a picture, with the attributes it keeps, escaped.
    private static func reference(_ tag: Tag, address: String?, anchor: String?) -> String {
        if tag.name == "a" {
            return "<a" + (address.map { " href=\"\(HTMLText.escape($0))\"" } ?? "") + (anchor.map { " id=\"\($0)\"" } ?? "")
                + (address == nil ? "></a>" : ">")
        }
        var html = "<img src=\"\(HTMLText.escape(address ?? ""))\" alt=\"\(HTMLText.escape(tag.value(of: "alt") ?? ""))\""
        for size in ["width", "height"] where isKept(size, of: tag) { html += " \(size)=\"\(tag.value(of: size)!)\"" }
        return html + " />"
    }

    /// Closes what is open in the scopes `keeping` lets go of — the ones the caller has
    /// left, or all of them at the end: the end tags, innermost first, with the scope each
    /// must be written at the end of.
    public static func close(_ state: inout State, keeping: (Int) -> Bool) -> [(scope: Int, html: String)] {
        var closed: [(scope: Int, html: String)] = []
        while let last = state.open.last, !keeping(last.scope) {
            state.open.removeLast()
            if closed.last?.scope == last.scope {
                closed[closed.count - 1].html += "</\(last.name)>"
            } else {
                closed.append((last.scope, "</\(last.name)>"))
            }
        }
        return closed
    }

    /// The end tags of everything left open, innermost first.
    public static func closing(_ state: inout State) -> String {
        close(&state) { _ in false }.map(\.html).joined()
    }

    /// Elements a start tag ends when one is the innermost open, checked in order, as
    /// browsers read them: a cell ends the cell before it, a row the cell and the row, an
    /// item the item before.
    static let impliedEnds: [String: [Set<String>]] = [
        "td": [["td", "th"]], "th": [["td", "th"]],
        "tr": [["td", "th"], ["tr"]],
        "thead": [["td", "th"], ["tr"], ["thead", "tbody", "tfoot"]],
        "tbody": [["td", "th"], ["tr"], ["thead", "tbody", "tfoot"]],
        "tfoot": [["td", "th"], ["tr"], ["thead", "tbody", "tfoot"]],
        "li": [["li"]], "dt": [["dt", "dd"]], "dd": [["dt", "dd"]], "p": [["p"]],
        "summary": [["summary"]],
    ]

    /// The attributes a kept element keeps, written out (escaped, each after a space), and
    /// their names: `align` as a class, a cell's spans as plain numbers (a table whose
    /// spans are dropped shifts its cells), an abbreviation's `title` (what it stands for).
    private static func keptAttributes(of tag: Tag) -> (html: String, names: Set<String>) {
        var html = ""
        var names: Set<String> = []
        if alignedElements.contains(tag.name), let value = tag.value(of: "align")?.lowercased(),
           ["left", "center", "right"].contains(value) {
            html += " class=\"align-\(value)\""
            names.insert("align")
        }
        if spannedElements.contains(tag.name) {
            for span in ["colspan", "rowspan"] {
                guard let value = tag.value(of: span), value.utf8.count <= 4, value.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
                      let number = Int(value), (1...1000).contains(number) else { continue }
                html += " \(span)=\"\(number)\""
                names.insert(span)
            }
        }
        if tag.name == "abbr", let title = tag.value(of: "title") {
            html += " title=\"\(HTMLText.escape(title))\""
            names.insert("title")
        }
        return (html, names)
    }

    /// The id an anchor (`<a id>`, or the older `<a name>`) keeps: letters, digits, `-`,
    /// `_` and `.`, starting with a letter or digit, written in lower case like headings'
    /// ids (the theme's own ids start with a capital; links find an id whatever its case);
    /// not a footnote's (`fn-…`, `fnref-…`), and not on the page already.
    private static func anchorID(of tag: Tag, taken: Set<String>) -> String? {
        guard let written = tag.value(of: "id") ?? tag.value(of: "name"), (1...100).contains(written.utf8.count),
              written.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        let id = written.lowercased()
        guard let first = id.unicodeScalars.first, ("a"..."z").contains(first) || ("0"..."9").contains(first),
              id.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0) }),
              !taken.contains(id), !id.hasPrefix("fn-"), !id.hasPrefix("fnref-") else { return nil }
        return id
    }

    /// Sizes are kept when they are plain numbers; the rest is decided by the element.
    private static func isKept(_ attribute: String, of tag: Tag) -> Bool {
        guard attribute == "width" || attribute == "height" else { return true }
        guard let value = tag.value(of: attribute), !value.isEmpty, value.count <= 5 else { return false }
        return value.allSatisfy(\.isASCII) && value.allSatisfy(\.isNumber)
    }

    /// A relative address, or a web or mail one: no other scheme reaches a page.
    static func isSafe(_ address: String) -> Bool {
        let trimmed = address.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }
        let lower = String(String.UnicodeScalarView(trimmed)).lowercased()
        guard let colon = lower.firstIndex(of: ":") else { return true }
        if lower[..<colon].contains(where: { "/?#".contains($0) }) { return true }
        return ["http", "https", "mailto"].contains(String(lower[..<colon]))
    }

    /// The text of some HTML, tags left out and space runs made one.
    private static func plainText(_ html: ArraySlice<UInt8>) -> String {
        let bytes = Array(html)
        var text: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "<"), let tag = Tag.read(bytes, at: index) {
                index = tag.end
                continue
            }
            text.append(bytes[index])
            index += 1
        }
        return HTMLText.decode(String(decoding: text, as: UTF8.self)).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// A start or end tag: its lower-case name, its attributes (lower-case names, values
    /// with character references decoded), and the offset just past its `>`.
    struct Tag {
        var name: String
        /// The name as the author spelled it, for messages.
        var writtenName: String
        var isEnd: Bool
        var attributes: [(name: String, value: String?)]
        var end: Int

        func value(of attribute: String) -> String? {
            attributes.first { $0.name == attribute }?.value.map(HTMLText.decode)
        }

        static func read(_ bytes: [UInt8], at start: Int) -> Tag? {
            var index = start + 1
            let isEnd = index < bytes.count && bytes[index] == UInt8(ascii: "/")
            if isEnd { index += 1 }
            guard index < bytes.count, isLetter(bytes[index]) else { return nil }
            let nameStart = index
            while index < bytes.count, isLetter(bytes[index]) || isDigit(bytes[index]) || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            let writtenName = String(decoding: bytes[nameStart..<index], as: UTF8.self)
            let name = writtenName.lowercased()
            var attributes: [(name: String, value: String?)] = []
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: ">") {
                    return Tag(name: name, writtenName: writtenName, isEnd: isEnd, attributes: attributes, end: index + 1)
                }
                if isSpace(byte) || byte == UInt8(ascii: "/") {
                    index += 1
                    continue
                }
                // An attribute: its name, then an optional `=` and value, quoted or not.
                let attributeStart = index
                while index < bytes.count, !isSpace(bytes[index]), ![UInt8(ascii: "="), UInt8(ascii: ">"), UInt8(ascii: "/")].contains(bytes[index]) {
                    index += 1
                }
                let attributeName = String(decoding: bytes[attributeStart..<index], as: UTF8.self).lowercased()
                if index > attributeStart { attributes.append((attributeName, nil)) }
                while index < bytes.count, isSpace(bytes[index]) { index += 1 }
                guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else { continue }
                index += 1
                while index < bytes.count, isSpace(bytes[index]) { index += 1 }
                guard index < bytes.count else { break }
                let valueStart: Int
                let valueEnd: Int
                if bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                    let quote = bytes[index]
                    index += 1
                    valueStart = index
                    while index < bytes.count, bytes[index] != quote { index += 1 }
                    valueEnd = min(index, bytes.count)
                    index += 1
                } else {
                    valueStart = index
                    while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
                    valueEnd = index
                }
                if index > attributeStart, !attributes.isEmpty, attributes[attributes.count - 1].name == attributeName {
                    attributes[attributes.count - 1].value = String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self)
                }
            }
            return nil
        }
    }

    /// Past a comment, declaration, processing instruction or CDATA section; nil when it
    /// is not one, or never ends.
    private static func endOfMarkup(_ bytes: [UInt8], at start: Int) -> Int? {
        let closing: String
        if starts(bytes, at: start, with: "<!--") {
            closing = "-->"
        } else if starts(bytes, at: start, with: "<![CDATA[") {
            closing = "]]>"
        } else if starts(bytes, at: start, with: "<?") {
            closing = "?>"
        } else if starts(bytes, at: start, with: "<!"), start + 2 < bytes.count, isLetter(bytes[start + 2]) {
            closing = ">"
        } else {
            return nil
        }
        var index = start + 2
        while index < bytes.count {
            if starts(bytes, at: index, with: closing) { return index + closing.utf8.count }
            index += 1
        }
        return nil
    }

    /// Past the end tag of a hidden-content element, or the end of the HTML.
    private static func endOfContent(of name: String, in bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "<"), let tag = Tag.read(bytes, at: index), tag.isEnd, tag.name == name { return tag.end }
            index += 1
        }
        return bytes.count
    }

    /// The length of a character reference (`&amp;`, `&#8212;`, `&#x2014;`) at `start`, or 0.
    private static func entityLength(_ bytes: [UInt8], at start: Int) -> Int {
        var index = start + 1
        if index < bytes.count, bytes[index] == UInt8(ascii: "#") {
            index += 1
            let hex = index < bytes.count && (bytes[index] | 0x20) == UInt8(ascii: "x")
            if hex { index += 1 }
            let digitsStart = index
            while index < bytes.count, index - digitsStart < 7,
                  isDigit(bytes[index]) || (hex && (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(bytes[index] | 0x20)) {
                index += 1
            }
            guard index > digitsStart else { return 0 }
        } else {
            let nameStart = index
            while index < bytes.count, index - nameStart < 32, isLetter(bytes[index]) || isDigit(bytes[index]) { index += 1 }
            guard index > nameStart, isLetter(bytes[nameStart]) else { return 0 }
        }
        return index < bytes.count && bytes[index] == UInt8(ascii: ";") ? index + 1 - start : 0
    }

    private static func starts(_ bytes: [UInt8], at start: Int, with text: String) -> Bool {
        let pattern = Array(text.utf8)
        guard start + pattern.count <= bytes.count else { return false }
        for offset in 0..<pattern.count where (bytes[start + offset] | (isLetter(pattern[offset]) ? 0x20 : 0)) != (pattern[offset] | (isLetter(pattern[offset]) ? 0x20 : 0)) {
            return false
        }
        return true
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) }
    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
    private static func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 10 || byte == 13 || byte == 12 }
}
