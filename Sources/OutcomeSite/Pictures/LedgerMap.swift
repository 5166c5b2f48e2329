/// The map: outcomes drawn as the parent tree, roots on the left and each generation one
/// column further right, with dependencies as dashed arrows between the boxes. The layout
/// is a tidy tree: leaves take successive rows, and a parent sits level with the middle of
/// its children.
struct LedgerMap: Sendable {
    /// One box of the map and the boxes under it.
    struct Branch: Sendable {
        var node: PictureNode
        var children: [Branch]
        /// Children left out to keep the map readable.
        var hiddenChildren: Int = 0
    }

    var roots: [Branch]
    /// Dependency links as (dependent id, dependency id); links to outcomes not on this map are skipped.
    var dependencies: [(from: String, to: String)]

    private static let columnPitch = SVGCanvas.nodeWidth + 60
    private static let rowPitch = SVGCanvas.nodeHeight + 12

    /// How many boxes a map draws.
    var nodeCount: Int {
        var count = 0
        var stack = roots
        while let branch = stack.popLast() {
            count += 1
            stack += branch.children
        }
        return count
    }

    /// Everything the drawing is made from, for its page's key: the SVG itself is drawn
    /// only when the page is rendered, not for every page key a rebuild compares.
    func keyInputs(root: String, title: String) -> [String] {
        var inputs = [root, title, "\(roots.count) roots"]
        // Trees are at most `OutcomeTree.maximumDepth` deep, so this recursion is bounded.
        func add(_ branch: Branch) {
            let node = branch.node
            inputs += [node.id, node.title, node.path ?? "\u{0}", node.styleClass,
                       "\(branch.children.count) \(branch.hiddenChildren)"]
            for child in branch.children { add(child) }
        }
        for root in roots { add(root) }
        inputs.append("\(dependencies.count) links")
        for link in dependencies { inputs += [link.from, link.to] }
        return inputs
    }

    func svg(root: String, title: String) -> String {
        var canvas = SVGCanvas()
        var positions: [String: (x: Int, y: Int)] = [:]
        var nextRow = 0

        // Rows and columns, computed without recursion: a branch is placed after its children.
        struct Frame { var branch: Branch; var depth: Int; var next: Int; var rows: [Int] }
        for rootBranch in roots {
            var stack = [Frame(branch: rootBranch, depth: 0, next: 0, rows: [])]
            while !stack.isEmpty {
                let top = stack[stack.count - 1]
                if top.next < top.branch.children.count {
                    stack[stack.count - 1].next += 1
                    stack.append(Frame(branch: top.branch.children[top.next], depth: top.depth + 1, next: 0, rows: []))
                    continue
                }
                stack.removeLast()
                var row: Int
                if top.rows.isEmpty {
                    row = nextRow * 2
                    nextRow += top.branch.hiddenChildren > 0 ? 2 : 1
                } else {
                    row = (top.rows.first! + top.rows.last!) / 2
                }
                // Rows are kept in halves so a parent can sit between two children.
                let x = top.depth * Self.columnPitch
                let y = row * Self.rowPitch / 2
                positions[top.branch.node.id] = (x, y)
                canvas.box(top.branch.node, x: x, y: y, root: root)
                if top.branch.hiddenChildren > 0 {
                    canvas.label("→ \(top.branch.hiddenChildren) more on its page", x: x + 8, y: y + SVGCanvas.nodeHeight + 16)
                }
                for child in top.branch.children {
                    guard let end = positions[child.node.id] else { continue }
                    let start = (x + SVGCanvas.nodeWidth, y + SVGCanvas.nodeHeight / 2)
                    let middleX = x + SVGCanvas.nodeWidth + 30
                    canvas.line([start, (middleX, start.1), (middleX, end.y + SVGCanvas.nodeHeight / 2),
                                 (end.x, end.y + SVGCanvas.nodeHeight / 2)], styleClass: "edge-parent")
                }
                if !stack.isEmpty { stack[stack.count - 1].rows.append(row) }
            }
        }
        for link in dependencies {
            guard let from = positions[link.from], let to = positions[link.to] else { continue }
            let height = SVGCanvas.nodeHeight
            if from.x == to.x {
                // Same column: loop out to the right and back.
                canvas.sideLoop(from: (from.x + SVGCanvas.nodeWidth, from.y + height / 2 + 6),
                                to: (to.x + SVGCanvas.nodeWidth, to.y + height / 2 - 6), styleClass: "edge-dependency")
            } else if from.x < to.x {
                canvas.curve(from: (from.x + SVGCanvas.nodeWidth, from.y + height / 2 + 6), to: (to.x, to.y + height / 2 + 6),
                             styleClass: "edge-dependency", arrow: true)
            } else {
                canvas.curve(from: (from.x, from.y + height / 2 + 6), to: (to.x + SVGCanvas.nodeWidth, to.y + height / 2 + 6),
                             styleClass: "edge-dependency", arrow: true)
            }
        }
        let count = positions.count
        return canvas.svg(title: title,
                          description: "\(count) outcome\(count == 1 ? "" : "s") by parent, left to right, with dependencies as dashed arrows. The same outcomes are listed below the picture.",
                          styleClass: "map")
    }
}
