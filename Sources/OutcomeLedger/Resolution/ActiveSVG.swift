/// SVG is a document that can run script on the site's origin when opened by itself.
/// The site publishes an SVG only when none of its elements and attributes has a way to
/// run script or pull in another document; anything else is refused with `broken-link`.
///
/// The file is read as a browser's XML parser reads it — elements, attributes with their
/// character references decoded, comments, CDATA — so what diagram tools write (draw.io's
/// text in `<foreignObject>`, its source kept in an attribute with `&#xA;`, pictures as
/// `data:image/png`) passes, while the same words used to run script do not. Whatever
/// this reader does not follow exactly (another encoding, an entity it does not know, a
/// tag it cannot read to its end) is refused: a browser would read such a file
/// differently, or not at all.
public enum ActiveSVG {
    /// Elements that run script, load another document, or change attributes over time.
    static let forbiddenElements: Set<String> = [
        "script", "iframe", "frame", "frameset", "embed", "object", "applet", "portal", "handler", "listener",
        "animate", "animatemotion", "animatetransform", "animatecolor", "set", "meta", "base", "link", "include",
    ]
    /// Attributes whose value is an address the browser follows or loads.
    static let addressAttributes: Set<String> = ["href", "src", "action", "formaction", "data", "codebase"]
    /// The only `data:` addresses kept: raster pictures, which never run script.
    static let pictureData = ["data:image/png", "data:image/jpeg", "data:image/jpg", "data:image/gif", "data:image/webp"]
    /// What style (an attribute or a `<style>` element) may not hold: ways old browsers ran
    /// script from CSS, and imports of other style sheets. Looked for once escapes are
    /// decoded and comments, spaces and control characters taken out, so none can hide them.
    static let forbiddenInStyle = ["javascript:", "vbscript:", "@import", "expression(", "-moz-binding", "behavior"]

    /// Reasons that are about how the file is written rather than what it does, for the hint.
    static let notUTF8 = "it is not UTF-8 text"
    static let unreadable = "it has markup the site cannot read to its end"
    static let unknownReference = "it has a character reference the site cannot read (`&…;`)"

    /// What to do about a refused SVG: save it again, or export it without what could run.
    public static func hint(for reason: String) -> String {
        if reason.hasPrefix(notUTF8) { return "save the picture as UTF-8 (most editors offer it when saving), or export it as PNG" }
        if reason == unreadable || reason == unknownReference {
            return "the file is not well-formed XML, which browsers do not show: export the picture again, or as PNG"
        }
        return "export the picture as PNG, or as SVG without scripts, event attributes or embedded documents"
    }

    /// Why the SVG is refused, or nil when it is inert.
    public static func reason(_ bytes: [UInt8]) -> String? {
        var reader = Reader(bytes: bytes)
        return reader.read()
    }

    private struct Reader {
        let bytes: [UInt8]
        var index = 0
        /// Inside a `<style>` element: its text, decoded, to check at its end.
        var style: [UInt8]?

        init(bytes: [UInt8]) {
            self.bytes = bytes
        }

        mutating func read() -> String? {
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
            guard !bytes.contains(0), String(validating: bytes, as: UTF8.self) != nil else { return ActiveSVG.notUTF8 }
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "<") {
                    if let problem = markup() { return problem }
                } else if bytes[index] == UInt8(ascii: "&") {
                    guard let (decoded, end) = reference(at: index) else { return ActiveSVG.unknownReference }
                    style?.append(contentsOf: decoded)
                    index = end
                } else {
                    style?.append(bytes[index])
                    index += 1
                }
            }
            return style == nil ? nil : ActiveSVG.unreadable
        }

        /// A comment, CDATA section, declaration, processing instruction or tag.
        private mutating func markup() -> String? {
            if starts("<!--") {
                guard let end = find("-->", from: index + 4) else { return ActiveSVG.unreadable }
                index = end + 3
            } else if starts("<![CDATA[") {
                guard let end = find("]]>", from: index + 9) else { return ActiveSVG.unreadable }
                style?.append(contentsOf: bytes[(index + 9)..<end])
                index = end + 3
            } else if starts("<!DOCTYPE") {
                // A document type with an internal subset could declare entities.
                guard let end = find(">", from: index), !bytes[index..<end].contains(UInt8(ascii: "[")) else {
                    return "it declares entities (`<!DOCTYPE … [`)"
                }
                index = end + 1
            } else if starts("<!") {
                return "it has a declaration (`<!`)"
            } else if starts("<?") {
                guard let end = find("?>", from: index + 2) else { return ActiveSVG.unreadable }
                let instruction = String(decoding: bytes[(index + 2)..<end], as: UTF8.self)
                guard instruction.split(maxSplits: 1, whereSeparator: \.isWhitespace).first == "xml" else {
                    return "it has a processing instruction (`<?\(instruction.prefix { !$0.isWhitespace })`)"
                }
                if let encoding = ActiveSVG.encoding(in: instruction), !["utf-8", "utf8", "us-ascii"].contains(encoding.lowercased()) {
                    return "\(ActiveSVG.notUTF8) (`encoding=\"\(encoding)\"`)"
                }
                index = end + 2
            } else if starts("</") {
                index += 2
                let name = readName()
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ">") else { return ActiveSVG.unreadable }
                index += 1
                if ActiveSVG.localName(name) == "style", let text = style {
                    style = nil
                    return Self.styleProblem(text)
                }
            } else {
                return startTag()
            }
            return nil
        }

        /// An element's start tag and its attributes.
        private mutating func startTag() -> String? {
            index += 1
            let name = readName()
            guard !name.isEmpty else { return ActiveSVG.unreadable }
            let element = ActiveSVG.localName(name)
            if ActiveSVG.forbiddenElements.contains(element) { return "it has a `<\(element)>` element" }
            while true {
                let spaced = skipSpace()
                guard index < bytes.count else { return ActiveSVG.unreadable }
                if bytes[index] == UInt8(ascii: ">") {
                    index += 1
                    if element == "style" { style = [] }
                    return nil
                }
                if starts("/>") {
                    index += 2
                    return nil
                }
                guard spaced else { return ActiveSVG.unreadable }
                let attribute = readName()
                guard !attribute.isEmpty else { return ActiveSVG.unreadable }
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else { return ActiveSVG.unreadable }
                index += 1
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else {
                    return ActiveSVG.unreadable
                }
                let quote = bytes[index]
                index += 1
                var value: [UInt8] = []
                while index < bytes.count, bytes[index] != quote {
                    if bytes[index] == UInt8(ascii: "<") { return ActiveSVG.unreadable }
                    if bytes[index] == UInt8(ascii: "&") {
                        guard let (decoded, end) = reference(at: index) else { return ActiveSVG.unknownReference }
                        value += decoded
                        index = end
                    } else {
                        value.append(bytes[index])
                        index += 1
                    }
                }
                guard index < bytes.count else { return ActiveSVG.unreadable }
                index += 1
                if let problem = Self.attributeProblem(ActiveSVG.localName(attribute), value: value) { return problem }
            }
        }

        static func attributeProblem(_ name: String, value: [UInt8]) -> String? {
            if name.hasPrefix("on") { return "it has an event attribute (`\(name)`)" }
            // Browsers ignore spaces and control characters in a scheme, and its case.
            let address = String(decoding: value.filter { $0 > 0x20 && $0 != 0x7F }, as: UTF8.self).lowercased()
            for scheme in ["javascript:", "vbscript:"] where address.hasPrefix(scheme) {
                return "it has a `\(scheme)` address"
            }
            if ActiveSVG.addressAttributes.contains(name), address.hasPrefix("data:"),
               !ActiveSVG.pictureData.contains(where: { address.hasPrefix($0 + ";") || address.hasPrefix($0 + ",") }) {
                return "it has a `data:` address that is not a picture"
            }
            if name == "style" { return styleProblem(value) }
            return nil
        }

        static func styleProblem(_ text: [UInt8]) -> String? {
            let css = ActiveSVG.plainCSS(String(decoding: text, as: UTF8.self)).lowercased()
            return ActiveSVG.forbiddenInStyle.first { css.contains($0) }.map { "its style has `\($0)`" }
        }

        /// An XML name: anything up to a space, `/`, `>`, `=` or a quote.
        private mutating func readName() -> String {
            let start = index
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "/"), UInt8(ascii: ">"), UInt8(ascii: "="),
                     UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "<"):
                    return String(decoding: bytes[start..<index], as: UTF8.self)
                default:
                    index += 1
                }
            }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }

        @discardableResult
        private mutating func skipSpace() -> Bool {
            let start = index
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
            return index > start
        }

        /// A character reference (`&#106;`, `&#x6A;`) or one of XML's five named ones,
        /// decoded, and where it ends; nil for anything else (XML knows no other names).
        private func reference(at start: Int) -> ([UInt8], Int)? {
            guard let semicolon = find(";", from: start + 1), semicolon - start <= 12 else { return nil }
            let name = String(decoding: bytes[(start + 1)..<semicolon], as: UTF8.self)
            let named: [String: UInt8] = ["lt": 0x3C, "gt": 0x3E, "amp": 0x26, "quot": 0x22, "apos": 0x27]
            if let byte = named[name] { return ([byte], semicolon + 1) }
            guard let scalar = HTMLText.numericReference(name), scalar.value > 0 else { return nil }
            return (Array(String(Character(scalar)).utf8), semicolon + 1)
        }

        private func starts(_ text: String) -> Bool {
            let pattern = Array(text.utf8)
            return index + pattern.count <= bytes.count && bytes[index..<(index + pattern.count)].elementsEqual(pattern)
        }

        private func find(_ text: String, from start: Int) -> Int? {
            let pattern = Array(text.utf8)
            var position = start
            while position + pattern.count <= bytes.count {
                if bytes[position] == pattern[0], bytes[position..<(position + pattern.count)].elementsEqual(pattern) { return position }
                position += 1
            }
            return nil
        }
    }

    /// CSS as a browser reads its words: escapes decoded (`\6a` is `j`, `\:` is `:`),
    /// comments, spaces and control characters left out.
    static func plainCSS(_ css: String) -> String {
        var scalars = css.unicodeScalars[...]
        var plain = String.UnicodeScalarView()
        while let scalar = scalars.popFirst() {
            if scalar == "/", scalars.first == "*" {
                scalars = scalars.dropFirst()
                while let next = scalars.popFirst(), !(next == "*" && scalars.first == "/") {}
                _ = scalars.popFirst()
            } else if scalar == "\\" {
                var hex = ""
                while hex.count < 6, let next = scalars.first, next.properties.isASCIIHexDigit {
                    hex.unicodeScalars.append(next)
                    scalars = scalars.dropFirst()
                }
                if hex.isEmpty {
                    if let next = scalars.popFirst() { plain.append(next) }
                } else {
                    if let next = scalars.first, next == " " || next == "\t" || next == "\n" { scalars = scalars.dropFirst() }
                    plain.append(UInt32(hex, radix: 16).flatMap(Unicode.Scalar.init) ?? "\u{FFFD}")
                }
            } else {
                plain.append(scalar)
            }
        }
        return String(String.UnicodeScalarView(plain.filter { $0.value > 0x20 && $0.value != 0x7F }))
    }

    /// The name without its namespace prefix (`svg:script`, `xlink:href`), in lower case.
    static func localName(_ name: String) -> String {
        (name.split(separator: ":").last.map(String.init) ?? name).lowercased()
    }

    /// The `encoding` an XML declaration names, if any.
    static func encoding(in declaration: String) -> String? {
        guard let range = declaration.range(of: "encoding") else { return nil }
        let rest = declaration[range.upperBound...].drop { $0 == " " || $0 == "=" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        return String(rest.dropFirst().prefix { $0 != quote })
    }
}
