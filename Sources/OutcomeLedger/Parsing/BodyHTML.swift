/// The raw HTML of a body as the site publishes it. Like GitHub, the site keeps a short
/// list of harmless elements — `<br>` in a table cell, `<sup>`, `<kbd>`, `<details>` — and
/// leaves the rest out; unlike GitHub it keeps no attributes at all. So what reaches a page
/// is only a listed tag with nothing inside it, or escaped text: author HTML can carry no
/// script, style, link or heading. Comments are left out quietly, as on GitHub; anything
/// else left out is named, for the `raw-html` warning.
public enum BodyHTML {
    /// Elements kept (without attributes). Headings, links and images are not: the page
    /// owns its heading outline and ids, and links and pictures are resolved and published
    /// only when written in markdown.
    static let keptElements: Set<String> = [
        "abbr", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite", "code", "dd", "del", "details", "dfn", "div",
        "dl", "dt", "em", "figcaption", "figure", "hr", "i", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "rp",
        "rt", "ruby", "s", "samp", "small", "span", "strike", "strong", "sub", "summary", "sup", "table", "tbody", "td",
        "tfoot", "th", "thead", "tr", "tt", "u", "ul", "var", "wbr",
    ]
    /// Kept elements that have no end tag.
    static let voidElements: Set<String> = ["br", "hr", "wbr"]
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
        }
        public var kind: Kind
        public var offset: Int
    }

    public struct Published: Sendable, Equatable {
        public var html: String
        public var leftOut: [LeftOut]
    }

    public static func publish(_ raw: String) -> Published {
        let bytes = Array(raw.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var leftOut: [LeftOut] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "<"):
                if let tag = Tag.read(bytes, at: index) {
                    let name = tag.name
                    if keptElements.contains(name) {
                        if tag.isEnd {
                            if !voidElements.contains(name) { output += Array("</\(name)>".utf8) }
                        } else {
                            output += Array((voidElements.contains(name) ? "<\(name) />" : "<\(name)>").utf8)
                            if !tag.attributes.isEmpty { leftOut.append(LeftOut(kind: .attributes(tag.attributes, of: name), offset: index)) }
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
        return Published(html: String(decoding: output, as: UTF8.self), leftOut: leftOut)
    }

    /// A start or end tag: its lower-case name, the names of its attributes, and the
    /// offset just past its `>`.
    struct Tag {
        var name: String
        /// The name as the author spelled it, for messages.
        var writtenName: String
        var isEnd: Bool
        var attributes: [String]
        var end: Int

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
            var attributes: [String] = []
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
                if index > attributeStart {
                    attributes.append(String(decoding: bytes[attributeStart..<index], as: UTF8.self).lowercased())
                }
                while index < bytes.count, isSpace(bytes[index]) { index += 1 }
                guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else { continue }
                index += 1
                while index < bytes.count, isSpace(bytes[index]) { index += 1 }
                guard index < bytes.count else { break }
                if bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                    let quote = bytes[index]
                    index += 1
                    while index < bytes.count, bytes[index] != quote { index += 1 }
                    index += 1
                } else {
                    while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
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
