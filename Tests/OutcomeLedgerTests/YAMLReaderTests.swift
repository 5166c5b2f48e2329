import Testing
@testable import OutcomeLedger

/// The YAML reader builds its tree straight from libyaml's events: these pin the tree's
/// shape and positions, and which problem wins when a document has several.
@Suite struct YAMLReaderTests {
    private func read(_ yaml: String, startLine: Int = 1) -> Result<YAMLNode?, YAMLReader.Problem> {
        let padding = String(repeating: "\n", count: startLine - 1)
        return YAMLReader.read(yaml, startLine: startLine, source: SourceText(path: "a.md", text: padding + yaml))
    }

    /// A compact rendering of a tree: scalars as `text@line:column` (`'` marks quoted).
    private func shape(_ node: YAMLNode?) -> String {
        guard let node else { return "nil" }
        let at = "@\(node.location.line):\(node.location.column)"
        switch node.kind {
        case .scalar(let text, let isPlain): return (isPlain ? text : "'\(text)'") + at
        case .sequence(let items): return "[" + items.map(shape).joined(separator: " ") + "]" + at
        case .mapping(let entries):
            return "{" + entries.map { shape($0.key) + "=" + shape($0.value) }.joined(separator: " ") + "}" + at
        }
    }

    @Test func blockAndFlowCollectionsKeepOrderStyleAndPositions() throws {
        let yaml = "title: Grow\npod:\n  ana: [builder, 'operator']\n  li: {x: \"1\"}\nnotes: |\n  two\n  lines\n"
        let node = try read(yaml).get()
        #expect(shape(node) == "{title@1:1=Grow@1:8 pod@2:1={ana@3:3=[builder@3:9 'operator'@3:18]@3:8 "
            + "li@4:3={x@4:8='1'@4:11}@4:7}@3:3 notes@5:1='two\nlines\n'@5:8}@1:1")
    }

    @Test func positionsAreShiftedToTheFileLine() throws {
        let node = try read("title: Grow\n", startLine: 4).get()
        #expect(shape(node) == "{title@4:1=Grow@4:8}@4:1")
    }

    @Test func emptyDocumentIsNil() throws {
        #expect(try read("").get() == nil)
        #expect(try read("# only a comment\n").get() == nil)
    }

    @Test func scalarRootAndNestedSequences() throws {
        #expect(shape(try read("just text").get()) == "just text@1:1")
        #expect(shape(try read("- - a\n  - b\n- c\n").get()) == "[[a@1:5 b@2:5]@1:3 c@3:3]@1:1")
    }

    @Test func duplicateKeysAreNamedInOrderAndLocatedAtTheFirst() {
        guard case .failure(let problem) = read("b: 1\na: 1\nb: 2\na: 2\n") else { Issue.record("accepted"); return }
        #expect(problem.message == "duplicate keys `a`, `b` in the same mapping")
        #expect(problem.location.line == 2)
    }

    @Test func duplicateKeysInANestedMappingAreFound() {
        guard case .failure(let problem) = read("pod:\n  ana: [x]\n  ana: [y]\n") else { Issue.record("accepted"); return }
        #expect(problem.message == "duplicate key `ana` in the same mapping")
        #expect(problem.location.line == 2 && problem.location.column == 3)
    }

    @Test func anAnchorIsRefusedAtItsNode() {
        guard case .failure(let problem) = read("a: &x 1\nb: *x\n") else { Issue.record("accepted"); return }
        #expect(problem.message.hasPrefix("anchors and aliases"))
        #expect(problem.location.line == 1 && problem.location.column == 4)
    }

    @Test func aSyntaxErrorAfterAnAnchorWins() {
        guard case .failure(let problem) = read("a: &x 1\nb: [unclosed\n") else { Issue.record("accepted"); return }
        #expect(problem.message == "the list opened here with `[` is never closed")
        #expect(problem.location.line == 2 && problem.location.column == 4)
    }

    @Test func anUndefinedAliasIsInvalid() {
        guard case .failure(let problem) = read("b: *nowhere\n") else { Issue.record("accepted"); return }
        #expect(problem.message == "invalid YAML: found undefined alias")
        #expect(problem.location.column == 4)
    }

    @Test func aSecondDocumentIsRefused() {
        guard case .failure(let problem) = read("a: 1\n---\nb: 2\n") else { Issue.record("accepted"); return }
        #expect(problem.message == "invalid YAML: but found another document")
        #expect(problem.location.line == 2)
    }

    @Test func tabsGetAHint() {
        guard case .failure(let problem) = read("a:\n\tb: 1\n") else { Issue.record("accepted"); return }
        #expect(problem.message.hasPrefix("invalid YAML:"))
        #expect(problem.hint?.contains("tabs") == true)
    }
}
