/// Renders the default theme's templates without swift-mustache's dynamic lookups.
///
/// swift-mustache finds every value through protocol casts (`MustacheParent`,
/// `MustacheCustomRepresentation`, `MustacheSequence`) and reflection, which is about half
/// of a clean build's time. The page data only ever holds a few concrete types —
/// dictionaries, arrays, strings, integers, booleans and `DeferredHTML` — so this renderer
/// casts to those directly and otherwise does exactly what swift-mustache does (a
/// differential test renders every page both ways). It is used only when no template is
/// overridden: templates people write keep the full Mustache of swift-mustache.
struct ThemeRenderer: Sendable {
    private let templates: [String: [Node]]

    /// Nil when a template uses something this renderer leaves to swift-mustache
    /// (delimiter changes, inheritance, lambdas' transforms, indented partials).
    init?(templates: [String: String]) {
        var parsed: [String: [Node]] = [:]
        for (name, text) in templates {
            guard let nodes = Parser(text).parse() else { return nil }
            parsed[name] = nodes
        }
        self.templates = parsed
    }

    func render(_ data: [String: Any], withTemplate name: String) -> String? {
        guard let nodes = templates[name] else { return nil }
        var output = ""
        output.reserveCapacity(16_384)
        var stack: [Frame] = [.object(data)]
        render(nodes, stack: &stack, into: &output)
        return output
    }

    // MARK: - Rendering

    indirect enum Node: Sendable {
        case text(String)
        case variable(path: [String], escaped: Bool)
        case section(path: [String], nodes: [Node])
        case invertedSection(path: [String], nodes: [Node])
        case partial(String)
    }

    /// A context on the stack, told apart once when it is pushed: looking a name up the
    /// stack then never casts. (Casts that fail one after another were a sixth of a clean
    /// build.)
    private enum Frame {
        case object([String: Any])
        case shared(SharedData)
        case strings([String: String])
        /// Anything else: it has no names to look up.
        case value(Any)

        init(_ value: Any) {
            switch ObjectIdentifier(type(of: value)) {
            case PageDataKind.object: self = .object(value as! [String: Any])
            case PageDataKind.shared: self = .shared(value as! SharedData)
            case PageDataKind.text: self = .value(value)
            default:
                if let object = value as? [String: Any] { self = .object(object) }
                else if let shared = value as? SharedData { self = .shared(shared) }
                else if let strings = value as? [String: String] { self = .strings(strings) }
                else { self = .value(value) }
            }
        }

        var value: Any {
            switch self {
            case .object(let object): return object
            case .shared(let shared): return shared
            case .strings(let strings): return strings
            case .value(let value): return value
            }
        }

        func child(_ name: String) -> Any? {
            switch self {
            case .object(let object): return object[name]
            case .shared(let shared): return shared.fields[name]
            case .strings(let strings): return strings[name]
            case .value: return nil
            }
        }
    }

    private func render(_ nodes: [Node], stack: inout [Frame], into output: inout String) {
        for node in nodes {
            switch node {
            case .text(let text):
                output += text
            case .variable(let path, let escaped):
                guard let value = lookup(path, in: stack) else { continue }
                let text = Self.text(of: value)
                if escaped { Self.escape(text, into: &output) } else { output += text }
            case .section(let path, let inner):
                guard let value = lookup(path, in: stack) else { continue }
                func each<Item>(_ items: some Sequence<Item>, _ frame: (Item) -> Frame) {
                    for item in items {
                        stack.append(frame(item))
                        render(inner, stack: &stack, into: &output)
                        stack.removeLast()
                    }
                }
                switch ObjectIdentifier(type(of: value)) {
                case PageDataKind.flag: if value as! Bool { render(inner, stack: &stack, into: &output) }
                case PageDataKind.objects: each(value as! [[String: Any]]) { .object($0) }
                case PageDataKind.shareds: each(value as! [SharedData]) { .shared($0) }
                case PageDataKind.texts: each(value as! [String]) { .value($0) }
                case PageDataKind.lazy: each(value as! LazyList) { Frame($0) }
                case PageDataKind.object: each(CollectionOfOne(value as! [String: Any])) { .object($0) }
                case PageDataKind.shared: each(CollectionOfOne(value as! SharedData)) { .shared($0) }
                default:
                    if let flag = value as? Bool {
                        if flag { render(inner, stack: &stack, into: &output) }
                    } else if let lazy = value as? LazyList {
                        each(lazy) { Frame($0) }
                    } else if let items = Self.sequence(value) {
                        each(items) { Frame($0) }
                    } else {
                        each(CollectionOfOne(value)) { Frame($0) }
                    }
                }
            case .invertedSection(let path, let inner):
                if Self.isEmpty(lookup(path, in: stack)) { render(inner, stack: &stack, into: &output) }
            case .partial(let name):
                if let partial = templates[name] { render(partial, stack: &stack, into: &output) }
            }
        }
    }

    /// Whether an inverted section shows: nothing, false and empty lists.
    private static func isEmpty(_ value: Any?) -> Bool {
        guard let value else { return true }
        switch ObjectIdentifier(type(of: value)) {
        case PageDataKind.flag: return !(value as! Bool)
        case PageDataKind.objects: return (value as! [[String: Any]]).isEmpty
        case PageDataKind.shareds: return (value as! [SharedData]).isEmpty
        case PageDataKind.texts: return (value as! [String]).isEmpty
        case PageDataKind.lazy: return (value as! LazyList).count == 0
        case PageDataKind.object, PageDataKind.shared, PageDataKind.text, PageDataKind.number, PageDataKind.html: return false
        default:
            switch value {
            case let flag as Bool: return !flag
            case let lazy as LazyList: return lazy.count == 0
            default: return sequence(value)?.isEmpty ?? false
            }
        }
    }

    /// The value a tag names: `.` is the top of the stack; otherwise the first name is
    /// looked for from the top of the stack down, and the rest of a dotted name only
    /// inside what it found.
    private func lookup(_ path: [String], in stack: [Frame]) -> Any? {
        guard let first = path.first else { return stack.last?.value }
        var found: Any?
        for frame in stack.reversed() {
            if let child = frame.child(first) {
                found = child
                break
            }
        }
        for name in path.dropFirst() {
            guard let object = found else { return nil }
            found = Frame(object).child(name)
        }
        return found
    }

    /// The items of a list, whatever its element type; nil for anything else.
    private static func sequence(_ value: Any) -> [Any]? {
        if let items = value as? [[String: Any]] { return items }
        if let items = value as? [SharedData] { return items }
        if let items = value as? [String] { return items }
        if let items = value as? [[String: String]] { return items }
        if value is [String: Any] || value is String || value is SharedData { return nil }
        return value as? [Any]
    }

    private static func text(of value: Any) -> String {
        switch ObjectIdentifier(type(of: value)) {
        case PageDataKind.text: return value as! String
        case PageDataKind.number: return String(value as! Int)
        case PageDataKind.html: return (value as! DeferredHTML).renderText
        default:
            switch value {
            case let text as String: return text
            case let number as Int: return String(number)
            case let html as DeferredHTML: return html.renderText
            default: return String(describing: value)
            }
        }
    }

    /// Mustache's HTML escaping: `<`, `>`, `&`, `"` and `'`.
    static func escape(_ text: String, into output: inout String) {
        guard text.utf8.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 }) else {
            output += text
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "&": output += "&amp;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.unicodeScalars.append(scalar)
            }
        }
    }

    // MARK: - Parsing

    /// Mustache's grammar with the default delimiters: text, `{{name}}`, `{{{name}}}`,
    /// `{{&name}}`, sections, inverted sections, partials and comments. A tag alone on its
    /// line (with only spaces around it) takes the whole line with it, as the spec says.
    private struct Parser {
        let lines: [Substring]

        init(_ text: String) {
            var lines: [Substring] = []
            var start = text.startIndex
            var index = text.startIndex
            while index < text.endIndex {
                let next = text.index(after: index)
                if text[index] == "\n" {
                    lines.append(text[start..<next])
                    start = next
                }
                index = next
            }
            if start < text.endIndex { lines.append(text[start...]) }
            self.lines = lines
        }

        enum Tag {
            case variable(String, escaped: Bool)
            case open(String, inverted: Bool)
            case close(String)
            case partial(String)
            case comment
        }

        enum Piece {
            case text(String)
            case tag(Tag)
        }

        /// Nil for anything outside the supported grammar.
        func parse() -> [Node]? {
            var pieces: [Piece] = []
            for line in lines {
                guard let linePieces = Self.pieces(of: line) else { return nil }
                guard let kept = Self.removingStandalone(linePieces, line: line) else { return nil }
                pieces += kept
            }
            var index = 0
            guard let nodes = Self.nodes(pieces, from: &index, closing: nil), index == pieces.count else { return nil }
            return nodes
        }

        /// A standalone section, close, partial or comment tag keeps none of its line; nil
        /// for an indented standalone partial, which indents every line it renders.
        private static func removingStandalone(_ pieces: [Piece], line: Substring) -> [Piece]? {
            let tags = pieces.compactMap { piece -> Tag? in if case .tag(let tag) = piece { return tag } else { return nil } }
            guard tags.count == 1 else { return pieces }
            switch tags[0] {
            case .variable: return pieces
            // An indented partial indents every line it renders; not needed by the theme.
            case .partial where line.first == " " || line.first == "\t": return nil
            default: break
            }
            for piece in pieces {
                if case .text(let text) = piece, !text.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r\n" }) {
                    return pieces
                }
            }
            return [.tag(tags[0])]
        }

        private static func pieces(of line: Substring) -> [Piece]? {
            var pieces: [Piece] = []
            var rest = line
            while let open = rest.range(of: "{{") {
                if open.lowerBound > rest.startIndex { pieces.append(.text(String(rest[..<open.lowerBound]))) }
                rest = rest[open.upperBound...]
                let triple = rest.first == "{"
                if triple { rest = rest.dropFirst() }
                guard let close = rest.range(of: triple ? "}}}" : "}}") else { return nil }
                let body = rest[..<close.lowerBound]
                rest = rest[close.upperBound...]
                guard let tag = tag(body, triple: triple) else { return nil }
                pieces.append(.tag(tag))
            }
            if !rest.isEmpty { pieces.append(.text(String(rest))) }
            return pieces
        }

        private static func tag(_ body: Substring, triple: Bool) -> Tag? {
            let name = { (text: Substring) -> String in String(text.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()) }
            if triple { return valid(name(body)).map { .variable($0, escaped: false) } }
            guard let sigil = body.first else { return nil }
            switch sigil {
            case "!": return .comment
            case "#": return valid(name(body.dropFirst())).map { .open($0, inverted: false) }
            case "^": return valid(name(body.dropFirst())).map { .open($0, inverted: true) }
            case "/": return valid(name(body.dropFirst())).map { .close($0) }
            case ">": return valid(name(body.dropFirst())).map { .partial($0) }
            case "&": return valid(name(body.dropFirst())).map { .variable($0, escaped: false) }
            case "=", "<", "$", "%", "{": return nil
            default: return valid(name(body)).map { .variable($0, escaped: true) }
            }
        }

        /// Plain names only: letters, digits, `_`, `-` and dots, or `.` alone.
        private static func valid(_ name: String) -> String? {
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." }) else { return nil }
            return name
        }

        private static func nodes(_ pieces: [Piece], from index: inout Int, closing: String?) -> [Node]? {
            var nodes: [Node] = []
            while index < pieces.count {
                let piece = pieces[index]
                index += 1
                switch piece {
                case .text(let text):
                    if case .text(let previous)? = nodes.last {
                        nodes[nodes.count - 1] = .text(previous + text)
                    } else {
                        nodes.append(.text(text))
                    }
                case .tag(.comment): continue
                case .tag(.variable(let name, let escaped)): nodes.append(.variable(path: path(name), escaped: escaped))
                case .tag(.partial(let name)): nodes.append(.partial(name))
                case .tag(.open(let name, let inverted)):
                    guard let inner = Self.nodes(pieces, from: &index, closing: name) else { return nil }
                    nodes.append(inverted ? .invertedSection(path: path(name), nodes: inner) : .section(path: path(name), nodes: inner))
                case .tag(.close(let name)):
                    return name == closing ? nodes : nil
                }
            }
            return closing == nil ? nodes : nil
        }

        private static func path(_ name: String) -> [String] {
            name == "." ? [] : name.split(separator: ".").map(String.init)
        }
    }
}
