/// The dependency picture on an outcome's page: its parent chain above it, its children
/// below, what it depends on to the left and what depends on it to the right. Long lists
/// are cut with a "more" line; the page lists every link in full beside the picture.
struct NeighbourhoodPicture {
    var current: PictureNode
    /// Root-most first, ending with the parent.
    var ancestors: [PictureNode]
    var children: [PictureNode]
    var dependencies: [PictureNode]
    var dependents: [PictureNode]

    static let maximumAncestors = 3
    static let maximumPerList = 8

    private static let columnGap = 70
    private static let rowPitch = SVGCanvas.nodeHeight + 14
    private static let childIndent = 28
    private static let top = 26

    /// Nothing to draw: no parent, children or dependencies.
    var isEmpty: Bool { ancestors.isEmpty && children.isEmpty && dependencies.isEmpty && dependents.isEmpty }

    /// Everything the drawing is made from, for a page's key: the picture is drawn only
    /// when the page is rendered.
    func keyInputs(root: String) -> [String] {
        var inputs = [root]
        for (name, nodes) in [("current", [current]), ("ancestors", ancestors), ("children", children),
                              ("dependencies", dependencies), ("dependents", dependents)] {
            inputs.append("\(name) \(nodes.count)")
            for node in nodes { inputs += [node.id, node.title, node.path ?? "\u{0}", node.styleClass] }
        }
        return inputs
    }

    /// The SVG, or nil when the outcome has no parent, children or dependencies to show.
    func svg(root: String) -> String? {
        guard !isEmpty else { return nil }
        var canvas = SVGCanvas()
        let width = SVGCanvas.nodeWidth
        let height = SVGCanvas.nodeHeight
        let pitch = Self.rowPitch
        let shownAncestors = Array(ancestors.suffix(Self.maximumAncestors))
        let leftX = 0
        let centerX = dependencies.isEmpty ? 0 : width + Self.columnGap
        let rightX = centerX + width + Self.childIndent + Self.columnGap
        let selfY = Self.top + (shownAncestors.count + (ancestors.count > shownAncestors.count ? 1 : 0)) * pitch

        // The parent chain, then this outcome, then its children.
        var y = Self.top
        if ancestors.count > shownAncestors.count {
            canvas.label("↑ \(ancestors.count - shownAncestors.count) more above", x: centerX, y: y + 28)
            y += pitch
        }
        for (index, ancestor) in shownAncestors.enumerated() {
            canvas.box(ancestor, x: centerX, y: y, root: root)
            let nextY = index + 1 < shownAncestors.count ? y + pitch : selfY
            canvas.line([(centerX + width / 2, y + height), (centerX + width / 2, nextY)], styleClass: "edge-parent", arrow: true)
            y += pitch
        }
        canvas.box(current, x: centerX, y: selfY, root: root, current: true)
        let shownChildren = children.prefix(Self.maximumPerList)
        var lastChildMiddle = selfY + height
        for (index, child) in shownChildren.enumerated() {
            let childY = selfY + (index + 1) * pitch
            canvas.box(child, x: centerX + Self.childIndent, y: childY, root: root)
            lastChildMiddle = childY + height / 2
            canvas.line([(centerX + 12, childY + height / 2), (centerX + Self.childIndent, childY + height / 2)], styleClass: "edge-parent")
        }
        if !shownChildren.isEmpty {
            canvas.line([(centerX + 12, selfY + height), (centerX + 12, lastChildMiddle)], styleClass: "edge-parent")
        }
        if children.count > shownChildren.count {
            canvas.label("\(children.count - shownChildren.count) more below", x: centerX + Self.childIndent,
                         y: selfY + (shownChildren.count + 1) * pitch + 18)
        }

        // Dependencies to the left, dependents to the right, level with this outcome.
        let middle = selfY + height / 2
        func column(_ nodes: [PictureNode], x: Int) -> [Int] {
            let shown = Array(nodes.prefix(Self.maximumPerList))
            let firstY = max(Self.top, middle - (shown.count * pitch - 14) / 2)
            for (index, node) in shown.enumerated() { canvas.box(node, x: x, y: firstY + index * pitch, root: root) }
            if nodes.count > shown.count {
                canvas.label("\(nodes.count - shown.count) more", x: x, y: firstY + shown.count * pitch + 18)
            }
            return shown.indices.map { firstY + $0 * pitch + height / 2 }
        }
        if !dependencies.isEmpty {
            canvas.label("Depends on", x: leftX, y: 14)
            for nodeMiddle in column(dependencies, x: leftX) {
                canvas.curve(from: (centerX, middle), to: (leftX + width, nodeMiddle), styleClass: "edge-dependency", arrow: true)
            }
        }
        if !dependents.isEmpty {
            canvas.label("Depended on by", x: rightX, y: 14)
            for nodeMiddle in column(dependents, x: rightX) {
                canvas.curve(from: (rightX, nodeMiddle), to: (centerX + width, middle), styleClass: "edge-dependency", arrow: true)
            }
        }
        canvas.label(ancestors.isEmpty ? "This outcome" : "Rolls up to", x: centerX, y: 14)
        return canvas.svg(title: "How \(current.title) connects to other outcomes", description: description,
                          styleClass: "picture")
    }

    /// The picture in words, for assistive technology.
    private var description: String {
        var parts: [String] = []
        if let parent = ancestors.last { parts.append("rolls up to \(parent.title)") }
        if !children.isEmpty { parts.append("\(children.count) outcome\(children.count == 1 ? "" : "s") roll up to it") }
        if !dependencies.isEmpty { parts.append("depends on \(dependencies.count)") }
        if !dependents.isEmpty { parts.append("\(dependents.count) depend on it") }
        return "\(current.title), \(current.stateText): " + parts.joined(separator: "; ") + ". The links are listed beside the picture."
    }
}
