import OutcomeLedger

/// One outcome as the pictures draw it: a box with its title and how it stands, linking
/// to its page.
struct PictureNode: Sendable {
    /// How the box is marked: by health while the outcome is open, by status once closed.
    enum State: Sendable, Equatable {
        case health(HealthLevel)
        case closed(OutcomeStatus)
        /// Named by a reference, but not in the ledger.
        case missing
    }

    var id: String
    var title: String
    /// From the site root; nil when the outcome has no page.
    var path: String?
    var state: State

    /// The CSS class that colours the box (its text says the same in words).
    var styleClass: String {
        switch state {
        case .health(let level): return "node-\(level.rawValue)"
        case .closed(let status): return "node-\(status.rawValue)"
        case .missing: return "node-missing"
        }
    }

    /// How it stands in words: "at risk", "achieved"…
    var stateWords: String {
        switch state {
        case .health(let level): return level.words
        case .closed(let status): return status.rawValue
        case .missing: return "not in the ledger"
        }
    }

    /// The second line of the box: "▲ at risk", "✓ achieved"…
    var stateText: String {
        switch state {
        case .health(let level): return "\(HealthSymbol.symbol(level)) \(level.words)"
        case .closed(.achieved): return "✓ achieved"
        case .closed, .missing: return stateWords
        }
    }
}

/// The shape that goes with each health level, so health is never told by colour alone.
enum HealthSymbol {
    static func symbol(_ level: HealthLevel) -> String {
        switch level {
        case .onTrack: return "●"
        case .atRisk: return "▲"
        case .offTrack: return "■"
        }
    }
}

/// SVG drawn as text: boxes, lines and arrowheads, sized in user units, styled only by
/// classes from the theme's stylesheet (the site's Content-Security-Policy allows no
/// inline styles) and with nothing that refers outside the page.
struct SVGCanvas {
    static let nodeWidth = 240
    static let nodeHeight = 46
    /// Characters of a title that fit on one line of a box.
    static let titleLength = 31

    private(set) var body = ""
    var width = 0
    var height = 0

    /// A box for `node` with its top-left corner at (x, y), linking to its page.
    mutating func box(_ node: PictureNode, x: Int, y: Int, root: String, current: Bool = false) {
        let title = HTMLText.escape(Self.shortened(node.title))
        let full = HTMLText.escape("\(node.title) — \(node.stateText)")
        let classes = "node \(node.styleClass)\(current ? " node-current" : "")"
        var shape = "<g class=\"\(classes)\"><title>\(full)</title>"
        shape += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(Self.nodeWidth)\" height=\"\(Self.nodeHeight)\" rx=\"6\"/>"
        shape += "<text x=\"\(x + 10)\" y=\"\(y + 19)\" class=\"node-title\">\(title)</text>"
        shape += "<text x=\"\(x + 10)\" y=\"\(y + 37)\" class=\"node-state\">\(HTMLText.escape(node.stateText))</text></g>"
        if let path = node.path, !current {
            // Named in full for screen readers; not a tab stop, since the same links are
            // listed beside the picture for keyboards.
            body += "<a href=\"\(HTMLText.escape(root + path))\" tabindex=\"-1\" aria-label=\"\(full)\">\(shape)</a>\n"
        } else {
            body += shape + "\n"
        }
        width = max(width, x + Self.nodeWidth)
        height = max(height, y + Self.nodeHeight)
    }

    /// A line through the points, with an arrowhead at the last one when `arrow`.
    mutating func line(_ points: [(Int, Int)], styleClass: String, arrow: Bool = false) {
        guard let first = points.first else { return }
        var path = "M\(first.0) \(first.1)"
        for point in points.dropFirst() { path += " L\(point.0) \(point.1)" }
        body += "<path class=\"\(styleClass)\" d=\"\(path)\"/>\n"
        if arrow, points.count >= 2 { arrowhead(from: points[points.count - 2], to: points[points.count - 1], styleClass: styleClass) }
    }

    /// A smooth curve from one point to another, leaving and arriving horizontally.
    mutating func curve(from start: (Int, Int), to end: (Int, Int), styleClass: String, arrow: Bool = false) {
        let bend = max(30, abs(end.0 - start.0) / 2)
        let direction = end.0 >= start.0 ? 1 : -1
        let path = "M\(start.0) \(start.1) C\(start.0 + direction * bend) \(start.1) \(end.0 - direction * bend) \(end.1) \(end.0) \(end.1)"
        body += "<path class=\"\(styleClass)\" d=\"\(path)\"/>\n"
        if arrow { arrowhead(from: (end.0 - direction * 10, end.1), to: end, styleClass: styleClass) }
    }

    /// A curve that leaves a box's right edge and comes back into another's in the same column.
    mutating func sideLoop(from start: (Int, Int), to end: (Int, Int), styleClass: String) {
        let reach = start.0 + 40 + min(60, abs(end.1 - start.1) / 8)
        body += "<path class=\"\(styleClass)\" d=\"M\(start.0) \(start.1) C\(reach) \(start.1) \(reach) \(end.1) \(end.0) \(end.1)\"/>\n"
        arrowhead(from: (end.0 + 10, end.1), to: end, styleClass: styleClass)
        width = max(width, reach)
    }

    /// A label in the picture's own words (column headings, "12 more below").
    mutating func label(_ text: String, x: Int, y: Int, anchor: String = "start") {
        body += "<text x=\"\(x)\" y=\"\(y)\" class=\"picture-label\" text-anchor=\"\(anchor)\">\(HTMLText.escape(text))</text>\n"
        height = max(height, y + 6)
    }

    private mutating func arrowhead(from: (Int, Int), to: (Int, Int), styleClass: String) {
        // Horizontal or vertical arrival only: that is all the layouts draw.
        let (dx, dy) = (to.0 - from.0, to.1 - from.1)
        let (ux, uy) = abs(dx) >= abs(dy) ? (dx >= 0 ? 1 : -1, 0) : (0, dy >= 0 ? 1 : -1)
        let back = (to.0 - ux * 8, to.1 - uy * 8)
        let left = (back.0 - uy * 4, back.1 + ux * 4)
        let right = (back.0 + uy * 4, back.1 - ux * 4)
        body += "<path class=\"\(styleClass)-head\" d=\"M\(to.0) \(to.1) L\(left.0) \(left.1) L\(right.0) \(right.1) Z\"/>\n"
    }

    /// The finished picture, named by `title` and described in words. It is a group, not
    /// an image, for assistive technology: an image can't hold the links its boxes are.
    func svg(title: String, description: String, styleClass: String) -> String {
        let (w, h) = (width + 8, height + 8)
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"\(styleClass)\" role=\"group\" aria-label=\"\(HTMLText.escape(title))\" width=\"\(w)\" height=\"\(h)\" viewBox=\"-4 -4 \(w) \(h)\">"
            + "<title>\(HTMLText.escape(title))</title><desc>\(HTMLText.escape(description))</desc>\n"
            + body + "</svg>"
    }

    /// The title cut to fit one line of a box.
    static func shortened(_ title: String) -> String {
        title.count <= titleLength ? title : String(title.prefix(titleLength - 1)).trimmingTrailingSpaces + "…"
    }
}

extension String {
    fileprivate var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
