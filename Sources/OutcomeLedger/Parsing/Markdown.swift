import CCmarkGFM

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The block-level shape of a markdown body: what the checker needs to find the
/// "Done when" and "How" sections. Lines are relative to the body (1-based) and columns
/// are cmark's, in UTF-8 bytes; the parsing stage turns them into file positions.
public struct MarkdownOutline: Sendable, Equatable {
    public var blocks: [MarkdownBlock]
    /// Every heading at any depth, in document order: what anchors are made of.
    public var headings: [MarkdownHeading] = []
    /// Every link and image, in document order.
    public var links: [MarkdownLink] = []
    /// The ids of anchors written as HTML (`<a id="…">`), in document order, each once.
    public var htmlAnchors: [String] = []
    /// Raw HTML of which the site leaves something out, where it is written.
    public var leftOutHTML: [MarkdownLeftOutHTML] = []
}

/// A piece of raw HTML (a block, or one inline tag) that loses something when published
/// (see `BodyHTML`), at the place of the first thing it loses.
public struct MarkdownLeftOutHTML: Sendable, Equatable {
    public var leftOut: [BodyHTML.LeftOut]
    public var line: Int
    public var byteColumn: Int
}

/// A heading at any depth, where it is written.
public struct MarkdownHeading: Sendable, Equatable {
    public var text: String
    public var level: Int
    public var line: Int
    public var byteColumn: Int
}

/// A link or an image of the body, where it is written.
public struct MarkdownLink: Sendable, Equatable {
    public var destination: String
    /// A link's text, or an image's alt text, as plain text (an image inside a link
    /// contributes its alt text).
    public var text: String
    public var isImage: Bool
    public var line: Int
    public var byteColumn: Int
}

/// A top-level block of the body.
public enum MarkdownBlock: Sendable, Equatable {
    case heading(level: Int, text: String, line: Int, byteColumn: Int)
    case list(items: [MarkdownListItem])
    /// Any other block (paragraph, code, table, quote…): content, but nothing to read out.
    case other(line: Int)
}

/// One item of a top-level list.
public struct MarkdownListItem: Sendable, Equatable {
    /// The item's own text, plain (markup and nested lists left out).
    public var text: String
    /// Whether it is a GFM task item (`- [ ]`, `- [x]`).
    public var isTask: Bool
    public var checked: Bool
    public var line: Int
    public var byteColumn: Int
    /// Task items (`- [ ]`) nested under this one, where they are: details by the
    /// format's rules, but usually meant as items of their own.
    public var nestedTasks: [NestedTask] = []

    public struct NestedTask: Sendable, Equatable {
        public var line: Int
        public var byteColumn: Int
        public var text: String
    }
}

/// The project's only door to libcmark-gfm. Every C object is freed before returning and
/// no pointer leaves this file: callers get Swift values.
public enum Markdown {
    /// The GitHub extensions every document is parsed with.
    package static let extensionNames = ["table", "strikethrough", "autolink", "tasklist", "tagfilter"]

    /// Parses a body and returns its top-level blocks.
    public static func outline(_ markdown: String) -> MarkdownOutline {
        withDocument(markdown) { document, _ in
            var blocks: [MarkdownBlock] = []
            var node = cmark_node_first_child(document)
            while let current = node {
                blocks.append(block(current))
                node = cmark_node_next(current)
            }
            var outline = MarkdownOutline(blocks: blocks)
            var htmlState = BodyHTML.State()
            forEachNode(in: document) { current in
                switch cmark_node_get_type(current) {
                case CMARK_NODE_HEADING:
                    outline.headings.append(MarkdownHeading(
                        text: plainText(of: current), level: Int(cmark_node_get_heading_level(current)),
                        line: Int(cmark_node_get_start_line(current)), byteColumn: Int(cmark_node_get_start_column(current))))
                case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                    let raw = cmark_node_get_literal(current).map { String(cString: $0) } ?? ""
                    let published = BodyHTML.publish(raw, links: [:], state: &htmlState, insideLink: isInLinkText(current))
                    outline.htmlAnchors += published.anchors
                    let start = (line: Int(cmark_node_get_start_line(current)), column: Int(cmark_node_get_start_column(current)))
                    for reference in published.references {
                        let (line, column) = position(of: reference.offset, in: raw, from: start)
                        var text = reference.text
                        if !reference.isImage, text.isEmpty, cmark_node_get_type(current) == CMARK_NODE_HTML_INLINE {
                            text = textOfInlineLink(after: current)
                        }
                        outline.links.append(MarkdownLink(destination: reference.destination, text: text,
                                                          isImage: reference.isImage, line: line, byteColumn: column))
                    }
                    guard let first = published.leftOut.first else { break }
                    let (line, column) = position(of: first.offset, in: raw, from: start)
                    outline.leftOutHTML.append(MarkdownLeftOutHTML(leftOut: published.leftOut, line: line, byteColumn: column))
                case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                    outline.links.append(MarkdownLink(
                        destination: cmark_node_get_url(current).map { String(cString: $0) } ?? "",
                        text: plainText(of: current),
                        isImage: cmark_node_get_type(current) == CMARK_NODE_IMAGE,
                        line: Int(cmark_node_get_start_line(current)), byteColumn: Int(cmark_node_get_start_column(current))))
                default:
                    break
                }
            }
            return outline
        }
    }

    /// Where a byte of a piece of raw HTML is, given where the piece starts: a later line's
    /// column is counted from its own start (the container's indent is not in the
    /// literal, and is taken as none).
    private static func position(of offset: Int, in raw: String, from start: (line: Int, column: Int)) -> (Int, Int) {
        let before = raw.utf8.prefix(offset)
        let lineOffset = before.count { $0 == UInt8(ascii: "\n") }
        guard lineOffset > 0, let newline = before.lastIndex(of: UInt8(ascii: "\n")) else { return (start.line, start.column + offset) }
        return (start.line + lineOffset, offset - before.distance(from: before.startIndex, to: newline))
    }

    /// The text between an inline `<a href>` and its `</a>`.
    private static func textOfInlineLink(after opening: OpaquePointer) -> String {
        var text = ""
        var node = cmark_node_next(opening)
        while let current = node {
            if cmark_node_get_type(current) == CMARK_NODE_HTML_INLINE,
               let literal = cmark_node_get_literal(current), String(cString: literal).lowercased().hasPrefix("</a") { break }
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: text += cmark_node_get_literal(current).map { String(cString: $0) } ?? ""
            default: text += " " + plainText(of: current) + " "
            }
            node = cmark_node_next(current)
        }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// A body rendered for a page, with the ids of its headings.
    public struct Rendered: Sendable, Equatable {
        public var html: String
        /// The GitHub-style id of each heading, in the order its `<hN>` tag appears in `html`.
        public var anchors: [String]
        /// The id of the leading `# title` heading left out, for the page's own `<h1>`.
        public var titleAnchor: String?
    }

    /// Renders a body as HTML in safe mode: dangerous URLs (`javascript:`, `vbscript:`,
    /// `file:`, non-image `data:`) are removed, and of raw HTML only simple formatting
    /// elements are kept, without attributes (see `BodyHTML`).
    ///
    /// The page around the body owns the only `h1`: a leading `# heading` that repeats
    /// `title` is left out, and the body's headings are renumbered from `h2` by their depth
    /// in the outline, so levels never skip (`###` under `#` becomes `h3`), down to `h6`.
    /// Heading ids are those GitHub gives the whole file, left-out headings included.
    ///
    /// A section headed `droppingListSection` is left out too when it holds nothing but
    /// lists: the page shows those items as its checklist already. Link and image
    /// destinations found in `links` are replaced by the URL given there. `headingIDs`
    /// are the ids the parsing stage already made for this text (`Outcome.anchors`); they
    /// are made here only when not given.
    public static func render(
        _ markdown: String, droppingTitle title: String? = nil, droppingListSection section: String? = nil,
        links: [String: String] = [:], headingIDs: [String]? = nil
    ) -> Rendered {
        withDocument(markdown) { document, parser in
            var headingNodes: [OpaquePointer] = []
            forEachNode(in: document) { node in
                if cmark_node_get_type(node) == CMARK_NODE_HEADING { headingNodes.append(node) }
            }
            let ids = headingIDs.flatMap { $0.count == headingNodes.count ? $0 : nil }
                ?? GitHubAnchors.ids(for: headingNodes.map { plainText(of: $0) })
            var titleAnchor: String?
            if let title, let first = cmark_node_first_child(document),
               cmark_node_get_type(first) == CMARK_NODE_HEADING, cmark_node_get_heading_level(first) == 1,
               plainText(of: first).lowercased() == title.trimming(" ").lowercased() {
                titleAnchor = ids.first
                cmark_node_unlink(first)
                cmark_node_free(first)
            }
            if let section { removeListSection(section, from: document) }
            var kept: [OpaquePointer] = []
            forEachNode(in: document) { node in
                switch cmark_node_get_type(node) {
                case CMARK_NODE_HEADING: kept.append(node)
                case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                    if !links.isEmpty, let url = cmark_node_get_url(node), let replacement = links[String(cString: url)] {
                        cmark_node_set_url(node, replacement)
                    }
                default: break
                }
            }
            // Nodes left out were freed; the ones kept are still in the list made before.
            let idOf = Dictionary(zip(headingNodes, ids), uniquingKeysWith: { first, _ in first })
            let anchors = kept.map { idOf[$0] ?? "" }
            renumberHeadings(kept)
            makeAlerts(in: document)
            let inlineHTML = publishRawHTML(in: document, links: links, headingIDs: Set(ids))
            guard let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else {
                return Rendered(html: "", anchors: [], titleAnchor: titleAnchor)
            }
            defer { DocumentArena.allocator.pointee.free(rendered) }
            let html = String(cString: rendered)
            return Rendered(html: inlineHTML.isEmpty ? html : RawHTMLMark.fill(html, with: inlineHTML),
                            anchors: anchors, titleAnchor: titleAnchor)
        }
    }

    /// Plain rendering with the same parser and extensions and no page adjustments. The
    /// site never passes `unsafe`; it exists so the wrapper can be checked against the
    /// GFM spec, whose raw-HTML examples expect the HTML passed through.
    static func html(
        _ markdown: String, unsafe: Bool = false, alignmentAsStyle: Bool = true, extensions: [String] = extensionNames
    ) -> String {
        withDocument(markdown, extensions: extensions) { document, parser in
            var flags = options | (unsafe ? CMARK_OPT_UNSAFE : 0)
            if !alignmentAsStyle { flags &= ~CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES }
            guard let rendered = cmark_render_html(document, flags, cmark_parser_get_syntax_extensions(parser)) else {
                return ""
            }
            defer { DocumentArena.allocator.pointee.free(rendered) }
            return String(cString: rendered)
        }
    }

    // MARK: - C

    /// Safe mode is cmark-gfm's default: CMARK_OPT_UNSAFE is deliberately not set. Table
    /// alignment is written as `style`, since HTML5 has no `align` attribute. Footnotes
    /// (`[^1]`) are read as on GitHub.
    private static let options: Int32 = CMARK_OPT_DEFAULT | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES | CMARK_OPT_FOOTNOTES

    /// The alerts GitHub draws from a quote whose first line is `[!NOTE]`, `[!TIP]`,
    /// `[!IMPORTANT]`, `[!WARNING]` or `[!CAUTION]`, by the class and title each gets.
    static let alertKinds = ["NOTE": "Note", "TIP": "Tip", "IMPORTANT": "Important", "WARNING": "Warning", "CAUTION": "Caution"]

    /// Turns such quotes into a titled note (`<div class="alert alert-note" role="note">`),
    /// the marker line left out, as GitHub shows them.
    private static func makeAlerts(in document: OpaquePointer) {
        var quotes: [(OpaquePointer, String)] = []
        forEachNode(in: document) { node in
            guard cmark_node_get_type(node) == CMARK_NODE_BLOCK_QUOTE,
                  let paragraph = cmark_node_first_child(node), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
                  let marker = cmark_node_first_child(paragraph), cmark_node_get_type(marker) == CMARK_NODE_TEXT,
                  let literal = cmark_node_get_literal(marker) else { return }
            let text = String(cString: literal)
            guard text.hasPrefix("[!"), text.hasSuffix("]"), let kind = alertKinds[String(text.dropFirst(2).dropLast()).uppercased()] else { return }
            let after = cmark_node_next(marker).map(cmark_node_get_type)
            guard after == nil || after == CMARK_NODE_SOFTBREAK || after == CMARK_NODE_LINEBREAK else { return }
            quotes.append((node, kind))
        }
        for (quote, kind) in quotes {
            guard let alert = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_BLOCK, DocumentArena.allocator) else { continue }
            cmark_node_set_on_enter(alert, "<div class=\"alert alert-\(kind.lowercased())\" role=\"note\">\n<p class=\"alert-title\">\(kind)</p>")
            cmark_node_set_on_exit(alert, "</div>")
            guard cmark_node_insert_before(quote, alert) == 1 else {
                cmark_node_free(alert)
                continue
            }
            // The marker and the line break after it go; a paragraph left empty goes too.
            let paragraph = cmark_node_first_child(quote)!
            for _ in 0..<2 {
                guard let first = cmark_node_first_child(paragraph),
                      [CMARK_NODE_TEXT, CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK].contains(cmark_node_get_type(first)) else { break }
                let isMarker = cmark_node_get_type(first) == CMARK_NODE_TEXT
                cmark_node_unlink(first)
                cmark_node_free(first)
                if !isMarker { break }
            }
            if cmark_node_first_child(paragraph) == nil {
                cmark_node_unlink(paragraph)
                cmark_node_free(paragraph)
            }
            while let child = cmark_node_first_child(quote) {
                cmark_node_unlink(child)
                cmark_node_append_child(alert, child)
            }
            cmark_node_unlink(quote)
            cmark_node_free(quote)
        }
    }

    /// Puts in place of each piece of raw HTML what the site publishes of it (see
    /// `BodyHTML`): safe mode would leave all of it out. A block becomes a custom block
    /// holding it; an inline tag becomes a text mark (table cells take no custom inline),
    /// and the published HTML of each mark, in order, is returned for `RawHTMLMark.fill`.
    private static func publishRawHTML(in document: OpaquePointer, links: [String: String], headingIDs: Set<String>) -> [String] {
        var raw: [OpaquePointer] = []
        forEachNode(in: document) { node in
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE { raw.append(node) }
        }
        var inline: [String] = []
        var state = BodyHTML.State(ids: headingIDs)
        // Each piece's scope is the element holding it: what it leaves open is closed at
        // that element's end, as a block (in a list item, a quote, the body) or as a mark
        // (in a paragraph, an emphasis, a link, a cell).
        var scopes: [Int: (node: OpaquePointer, isBlock: Bool)] = [:]
        /// Puts published HTML in the document where `place` puts a node: as a block, or as
        /// a mark in the text that `RawHTMLMark.fill` replaces. False when it could not.
        func put(_ html: String, isBlock: Bool, _ place: (OpaquePointer) -> Int32) -> Bool {
            guard let node = cmark_node_new_with_mem(isBlock ? CMARK_NODE_CUSTOM_BLOCK : CMARK_NODE_TEXT,
                                                     DocumentArena.allocator) else { return false }
            if isBlock {
                cmark_node_set_on_enter(node, html)
            } else {
                cmark_node_set_literal(node, RawHTMLMark.mark(inline.count))
            }
            guard place(node) == 1 else {
                cmark_node_free(node)
                return false
            }
            if !isBlock { inline.append(html) }
            return true
        }
        func closeScopes(keeping: (Int) -> Bool) {
            for (scope, html) in BodyHTML.close(&state, keeping: keeping) {
                guard let (container, isBlock) = scopes[scope] else { continue }
                _ = put(html, isBlock: isBlock) { cmark_node_append_child(container, $0) }
            }
        }
        for node in raw {
            let isBlock = cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK
            guard let parent = cmark_node_parent(node) else { continue }
            let scope = Int(bitPattern: UnsafeRawPointer(parent))
            scopes[scope] = (parent, isBlock)
            // Scopes the piece is not inside have ended (nodes come in document order).
            var chain: Set<Int> = []
            var ancestor: OpaquePointer? = parent
            while let current = ancestor {
                chain.insert(Int(bitPattern: UnsafeRawPointer(current)))
                ancestor = cmark_node_parent(current)
            }
            closeScopes { chain.contains($0) }
            let published = BodyHTML.publish(cmark_node_get_literal(node).map { String(cString: $0) } ?? "", links: links,
                                             state: &state, scope: scope, insideLink: isInLinkText(node)).html
            guard put(published, isBlock: isBlock, { cmark_node_insert_before(node, $0) }) else { continue }
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
        closeScopes { _ in false }
        return inline
    }

    /// Whether a node is part of a markdown link's text, where HTML can't add a link.
    private static func isInLinkText(_ node: OpaquePointer) -> Bool {
        var ancestor = cmark_node_parent(node)
        while let current = ancestor {
            if cmark_node_get_type(current) == CMARK_NODE_LINK { return true }
            ancestor = cmark_node_parent(current)
        }
        return false
    }

    /// Unlinks the first top-level section with this heading when it holds only lists.
    private static func removeListSection(_ title: String, from document: OpaquePointer) {
        let wanted = title.lowercased()
        var node = cmark_node_first_child(document)
        while let heading = node {
            node = cmark_node_next(heading)
            guard cmark_node_get_type(heading) == CMARK_NODE_HEADING, plainText(of: heading).lowercased() == wanted else {
                continue
            }
            let level = cmark_node_get_heading_level(heading)
            var members = [heading]
            var next = node
            while let current = next {
                let type = cmark_node_get_type(current)
                if type == CMARK_NODE_HEADING && cmark_node_get_heading_level(current) <= level { break }
                guard type == CMARK_NODE_LIST else { return }
                members.append(current)
                next = cmark_node_next(current)
            }
            for member in members {
                cmark_node_unlink(member)
                cmark_node_free(member)
            }
            return
        }
    }

    /// Gives headings levels by their depth in the outline, from `h2`: a heading is one
    /// level below the nearest heading before it with a smaller written level.
    private static func renumberHeadings(_ nodes: [OpaquePointer]) {
        var open: [Int32] = []
        for node in nodes {
            let written = cmark_node_get_heading_level(node)
            while let last = open.last, last >= written { open.removeLast() }
            cmark_node_set_heading_level(node, Int32(min(6, 2 + open.count)))
            open.append(written)
        }
    }

    private static func forEachNode(in document: OpaquePointer, _ body: (OpaquePointer) -> Void) {
        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            body(node)
        }
    }

    private static let registerExtensions: Void = cmark_gfm_core_extensions_ensure_registered()

    /// Held while a document's inlines are parsed: cmark-gfm turns its extensions' special
    /// characters (`:` `w` `~`) on in a process-wide table when a parser's inline pass
    /// starts and off when it ends, so a pass ending on one thread would make another
    /// thread's document lose its autolinks and strikethroughs.
    nonisolated(unsafe) private static let inlinePass: UnsafeMutablePointer<pthread_mutex_t> = {
        let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
        return mutex
    }()

    private static func withDocument<T>(
        _ markdown: String, extensions: [String] = extensionNames, _ body: (OpaquePointer, OpaquePointer) -> T
    ) -> T {
        _ = registerExtensions
        // Everything cmark allocates for this document comes from this thread's arena and
        // is given back at once when the document is done.
        let arena = DocumentArena.ofThisThread
        let mark = DocumentArena.mark(arena)
        defer { DocumentArena.release(arena, to: mark) }
        // Source positions are tracked while parsing (inline nodes after a code span that
        // crosses a line are placed right only then) but never written into the HTML.
        let parser = cmark_parser_new_with_mem(options | CMARK_OPT_SOURCEPOS, DocumentArena.allocator)!
        defer { cmark_parser_free(parser) }
        for name in extensions {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        var text = markdown
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        // The inline pass switches the characters extensions react to on and off in a table
        // all parsers share: two at once would turn them off under each other.
        pthread_mutex_lock(inlinePass)
        let document = cmark_parser_finish(parser)!
        pthread_mutex_unlock(inlinePass)
        defer { cmark_node_free(document) }
        return body(document, parser)
    }

    private static func block(_ node: OpaquePointer) -> MarkdownBlock {
        let line = Int(cmark_node_get_start_line(node))
        switch cmark_node_get_type(node) {
        case CMARK_NODE_HEADING:
            return .heading(level: Int(cmark_node_get_heading_level(node)), text: plainText(of: node),
                            line: line, byteColumn: Int(cmark_node_get_start_column(node)))
        case CMARK_NODE_LIST:
            var items: [MarkdownListItem] = []
            var child = cmark_node_first_child(node)
            while let item = child {
                items.append(listItem(item))
                child = cmark_node_next(item)
            }
            return .list(items: items)
        default:
            return .other(line: line)
        }
    }

    private static func listItem(_ item: OpaquePointer) -> MarkdownListItem {
        let isTask = typeString(item) == "tasklist"
        var parts: [String] = []
        var nested: [MarkdownListItem.NestedTask] = []
        var child = cmark_node_first_child(item)
        while let current = child {
            if cmark_node_get_type(current) != CMARK_NODE_LIST {
                let text = plainText(of: current)
                if !text.isEmpty { parts.append(text) }
            } else {
                var inner = cmark_node_first_child(current)
                while let nestedItem = inner {
                    if typeString(nestedItem) == "tasklist" {
                        nested.append(.init(line: Int(cmark_node_get_start_line(nestedItem)),
                                            byteColumn: Int(cmark_node_get_start_column(nestedItem)), text: plainText(of: nestedItem)))
                    }
                    inner = cmark_node_next(nestedItem)
                }
            }
            child = cmark_node_next(current)
        }
        return MarkdownListItem(
            text: parts.joined(separator: " "),
            isTask: isTask,
            checked: isTask && cmark_gfm_extensions_get_tasklist_item_checked(item),
            line: Int(cmark_node_get_start_line(item)),
            byteColumn: Int(cmark_node_get_start_column(item)),
            nestedTasks: nested)
    }

    /// The text of a subtree with markup dropped, walked with cmark's iterator (no recursion).
    private static func plainText(of root: OpaquePointer) -> String {
        var text = ""
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(node) { text += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                break
            }
        }
        return text.trimming(" ")
    }

    private static func typeString(_ node: OpaquePointer) -> String {
        cmark_node_get_type_string(node).map { String(cString: $0) } ?? ""
    }
}

extension String {
    package func trimming(_ character: Character) -> String {
        var slice = Substring(self)
        while slice.first == character { slice = slice.dropFirst() }
        while slice.last == character { slice = slice.dropLast() }
        return String(slice)
    }
}

/// Where cmark-gfm's memory for a document comes from: blocks of a thread's own, handed out
/// in order and taken back all at once when the document is done.
///
/// cmark allocates every node, string and list with `calloc` and gives each back with
/// `free`: a fifth of `check`'s time went to the C allocator. cmark takes an allocator per
/// parser (`cmark_mem`, used for everything it makes for that parser's document), but its
/// callbacks carry no context, so each thread finds its own arena through a thread-local
/// key; documents on other threads never share one. Marks nest, so a document opened while
/// another is open on the same thread (never done today) is released first.
///
/// Written with raw pointers: this runs for every node cmark makes, and Swift objects and
/// arrays here cost more in reference counting and access checks than the C allocator did.
private enum DocumentArena {
    /// A thread's arena. Blocks are chained through their first bytes: the next block and
    /// the block's capacity.
    struct State {
        var first: UnsafeMutableRawPointer?
        /// The block allocations come from; nil before the first.
        var block: UnsafeMutableRawPointer?
        var top: UnsafeMutableRawPointer?
        var end: UnsafeMutableRawPointer?
    }

    /// Where the next allocation goes.
    struct Mark {
        fileprivate let block: UnsafeMutableRawPointer?
        fileprivate let top: UnsafeMutableRawPointer?
    }

    static let blockSize = 256 * 1024
    /// Blocks start with their link and capacity; each allocation with its size. Every
    /// address handed out is 16-byte aligned.
    private static let blockHeader = 16
    private static let header = 16

    private static func rounded(_ size: Int) -> Int { (size + 15) & ~15 }
    private static func next(of block: UnsafeMutableRawPointer) -> UnsafeMutableRawPointer? {
        block.load(as: UnsafeMutableRawPointer?.self)
    }
    private static func capacity(of block: UnsafeMutableRawPointer) -> Int {
        block.load(fromByteOffset: 8, as: Int.self)
    }

    static func mark(_ arena: UnsafeMutablePointer<State>) -> Mark {
        Mark(block: arena.pointee.block, top: arena.pointee.top)
    }

    /// `size` bytes, zeroed when asked (cmark's `calloc`).
    static func allocate(_ arena: UnsafeMutablePointer<State>, _ size: Int, zeroed: Bool) -> UnsafeMutableRawPointer {
        let needed = header + rounded(size)
        if arena.pointee.block == nil || arena.pointee.end! - arena.pointee.top! < needed { advance(arena, toFit: needed) }
        let start = arena.pointee.top!
        start.storeBytes(of: size, as: Int.self)
        arena.pointee.top = start + needed
        let payload = start + header
        if zeroed { memset(payload, 0, size) }
        return payload
    }

    /// Takes back the newest allocation (cmark often frees what it just made); anything
    /// else waits for the document's release.
    static func free(_ arena: UnsafeMutablePointer<State>, _ pointer: UnsafeMutableRawPointer) {
        let start = pointer - header
        if pointer + rounded(start.load(as: Int.self)) == arena.pointee.top { arena.pointee.top = start }
    }

    /// cmark's `realloc`: grown in place when it is the newest allocation and there is room.
    static func reallocate(_ arena: UnsafeMutablePointer<State>, _ pointer: UnsafeMutableRawPointer?, to size: Int) -> UnsafeMutableRawPointer {
        guard let pointer else { return allocate(arena, size, zeroed: false) }
        let start = pointer - header
        let old = start.load(as: Int.self)
        if pointer + rounded(old) == arena.pointee.top, arena.pointee.end! - pointer >= rounded(size) {
            start.storeBytes(of: size, as: Int.self)
            arena.pointee.top = pointer + rounded(size)
            return pointer
        }
        let moved = allocate(arena, size, zeroed: false)
        moved.copyMemory(from: pointer, byteCount: min(old, size))
        return moved
    }

    /// Gives back everything allocated since `mark`. Blocks are kept for the next document,
    /// except that once no document is open, blocks beyond the first are freed, so one huge
    /// document does not keep its memory for the life of the thread.
    static func release(_ arena: UnsafeMutablePointer<State>, to mark: Mark) {
        arena.pointee.block = mark.block
        arena.pointee.top = mark.top
        arena.pointee.end = mark.block.map { $0 + capacity(of: $0) }
        guard mark.block == nil, let first = arena.pointee.first else { return }
        var block = next(of: first)
        while let current = block {
            block = next(of: current)
            Glibc.free(current)
        }
        first.storeBytes(of: nil, as: UnsafeMutableRawPointer?.self)
    }

    /// Moves on to the next block, kept from an earlier document when it is large enough.
    private static func advance(_ arena: UnsafeMutablePointer<State>, toFit needed: Int) {
        let following = arena.pointee.block.map(next(of:)) ?? arena.pointee.first
        var chosen: UnsafeMutableRawPointer
        if let following, capacity(of: following) - blockHeader >= needed {
            chosen = following
        } else {
            let capacity = max(blockSize, blockHeader + needed)
            guard let made = malloc(capacity) else { fatalError("out of memory: \(capacity) bytes for markdown") }
            chosen = made
            chosen.storeBytes(of: following, as: UnsafeMutableRawPointer?.self)
            chosen.storeBytes(of: capacity, toByteOffset: 8, as: Int.self)
            if let block = arena.pointee.block {
                block.storeBytes(of: chosen, as: UnsafeMutableRawPointer?.self)
            } else {
                arena.pointee.first = chosen
            }
        }
        arena.pointee.block = chosen
        arena.pointee.top = chosen + blockHeader
        arena.pointee.end = chosen + capacity(of: chosen)
    }

    // MARK: - The thread's arena, and the allocator cmark calls

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { state in
            guard let arena = state?.assumingMemoryBound(to: State.self) else { return }
            var block = arena.pointee.first
            while let current = block {
                block = next(of: current)
                Glibc.free(current)
            }
            arena.deallocate()
        }
        return key
    }()

    static var ofThisThread: UnsafeMutablePointer<State> {
        if let existing = pthread_getspecific(key) { return existing.assumingMemoryBound(to: State.self) }
        let arena = UnsafeMutablePointer<State>.allocate(capacity: 1)
        arena.initialize(to: State())
        pthread_setspecific(key, arena)
        return arena
    }

    /// cmark's view of the thread's arena. Sizes past what cmark ever asks for stop the
    /// process, as cmark's own allocator does when memory runs out.
    nonisolated(unsafe) static let allocator: UnsafeMutablePointer<cmark_mem> = {
        let allocator = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
        allocator.initialize(to: cmark_mem(
            calloc: { count, size in
                let (total, overflow) = Int(count).multipliedReportingOverflow(by: Int(size))
                guard !overflow, total <= Int(Int32.max) else { fatalError("markdown allocation too large") }
                return DocumentArena.allocate(DocumentArena.ofThisThread, total, zeroed: true)
            },
            realloc: { pointer, size in
                guard Int(size) <= Int(Int32.max) else { fatalError("markdown allocation too large") }
                return DocumentArena.reallocate(DocumentArena.ofThisThread, pointer, to: Int(size))
            },
            free: { pointer in
                if let pointer { DocumentArena.free(DocumentArena.ofThisThread, pointer) }
            }))
        return allocator
    }()
}

/// Where an inline piece of raw HTML goes in rendered text: a number between two
/// private-use characters, which cmark passes through unescaped.
enum RawHTMLMark {
    static let open: Character = "\u{E000}"
    static let close: Character = "\u{E001}"

    static func mark(_ index: Int) -> String { "\(open)\(index)\(close)" }

    /// The rendered HTML with each mark replaced by its piece; anything else that looks
    /// like a mark (an author's private-use characters) stays as it is.
    static func fill(_ html: String, with pieces: [String]) -> String {
        var output = ""
        output.reserveCapacity(html.utf8.count + pieces.reduce(0) { $0 + $1.utf8.count })
        var rest = Substring(html)
        while let start = rest.firstIndex(of: open) {
            output += rest[..<start]
            let afterOpen = rest.index(after: start)
            if let end = rest[afterOpen...].firstIndex(of: close), let index = Int(rest[afterOpen..<end]),
               pieces.indices.contains(index) {
                output += pieces[index]
                rest = rest[rest.index(after: end)...]
            } else {
                output.append(open)
                rest = rest[afterOpen...]
            }
        }
        output += rest
        return output
    }
}
