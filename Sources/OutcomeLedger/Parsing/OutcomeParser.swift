/// Turns one decoded outcome file into an `Outcome`: front matter by the schema, body
/// sections through the markdown outline. Problems become diagnostics; whatever could be
/// read is kept, so the rest of the ledger still resolves against this file.
public enum OutcomeParser {
    /// Every front-matter key the schema knows, in the order the docs list them.
    public static let knownKeys = [
        "title", "id", "owner", "pod", "status", "health", "health_note", "start", "due", "parent", "depends_on",
        "review_by", "tags",
    ]
    public static let requiredKeys = ["title", "owner", "pod"]

    public static func parse(_ source: SourceText, config: LedgerConfig) -> (Outcome, [Diagnostic]) {
        let file = source.path
        var outcome = Outcome(file: file, id: Located(idFromFileName(file), at: .start(of: file)))
        var diagnostics: [Diagnostic] = []

        let split: FrontMatterSplitter.Split
        switch FrontMatterSplitter.split(source) {
        case .success(let value): split = value
        case .failure(.missing): return (outcome, [FrontMatterMissing.missing(file)])
        case .failure(.unclosed): return (outcome, [FrontMatterMissing.unclosed(file)])
        }
        outcome.body = split.body
        outcome.bodyStartLine = split.bodyStartLine
        if let excess = MarkdownComplexity.check(split.body) {
            let line = split.bodyStartLine + excess.line - 1
            diagnostics.append(MarkdownTooComplex.refused(
                excess, at: source.location(line: line, column: source.scalarColumn(line: line, byteColumn: excess.byteColumn))))
            outcome.bodyIsParsed = false
        } else {
            diagnostics += readBody(of: &outcome, source: source, config: config)
        }

        switch YAMLReader.read(split.yaml, startLine: split.yamlStartLine, source: source) {
        case .failure(let problem):
            diagnostics.append(FrontMatterSyntax.problem(problem))
            outcome.frontMatterIsBroken = true
        case .success(let root):
            var reader = FrontMatterReader(outcome: outcome, file: file)
            reader.read(root)
            outcome = reader.outcome
            diagnostics += reader.diagnostics
        }
        return (outcome, diagnostics)
    }

    /// `outcomes/retain-users.md` → `retain-users`.
    public static func idFromFileName(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.hasSuffix(".md") ? String(name.dropLast(3)) : name
    }

    // MARK: - Body

    /// Reads the body's sections, headings and links; returns what it found left out.
    private static func readBody(of outcome: inout Outcome, source: SourceText, config: LedgerConfig) -> [Diagnostic] {
        let outline = Markdown.outline(String(outcome.body))
        let offset = outcome.bodyStartLine - 1
        func location(_ line: Int, _ byteColumn: Int) -> SourceLocation {
            let fileLine = line + offset
            return source.location(line: fileLine, column: source.scalarColumn(line: fileLine, byteColumn: byteColumn))
        }
        outcome.anchors = GitHubAnchors.ids(for: outline.headings.map(\.text))
        // An anchor with a heading's id is not written on the page (the heading has it).
        let headingIDs = Set(outcome.anchors)
        outcome.htmlAnchors = outline.htmlAnchors.filter { !headingIDs.contains($0) }
        outcome.headingLevels = outline.headings.map { Located($0.level, at: location($0.line, $0.byteColumn)) }
        outcome.links = outline.links.map {
            BodyLink(destination: $0.destination, text: $0.text, isImage: $0.isImage, location: location($0.line, $0.byteColumn))
        }
        outcome.done = section(config.doneHeading, in: outline, locate: location)
        outcome.how = section(config.howHeading, in: outline, locate: location)
        if outcome.done == nil { outcome.doneNearMiss = NearMissHeading.find(config.doneHeading, in: outcome.body) }
        if outcome.how == nil { outcome.howNearMiss = NearMissHeading.find(config.howHeading, in: outcome.body) }
        return outline.leftOutHTML.map { RawHTML.leftOut($0.leftOut, at: location($0.line, $0.byteColumn)) }
    }

    /// The section under the first heading with this text (any level, any case), up to
    /// the next heading of the same or a higher level.
    static func section(
        _ title: String, in outline: MarkdownOutline, locate: (Int, Int) -> SourceLocation
    ) -> BodySection? {
        let wanted = title.lowercased()
        var found: (level: Int, section: BodySection)?
        for block in outline.blocks {
            if var current = found {
                if case .heading(let level, _, _, _) = block, level <= current.level { break }
                current.section.hasContent = true
                if case .list(let items) = block {
                    current.section.items += items.map {
                        DoneItem(text: $0.text, checked: $0.checked, location: locate($0.line, $0.byteColumn))
                    }
                    current.section.nestedTasks += items.flatMap(\.nestedTasks).map {
                        Located($0.text, at: locate($0.line, $0.byteColumn))
                    }
                }
                found = current
            } else if case .heading(let level, let text, let line, let column) = block,
                      text.lowercased() == wanted {
                found = (level, BodySection(heading: locate(line, column), items: [], hasContent: false))
            }
        }
        return found?.section
    }
}

/// Reads the front matter mapping key by key into an `Outcome`.
private struct FrontMatterReader {
    var outcome: Outcome
    let file: String
    var diagnostics: [Diagnostic] = []
    /// Every key written, so a typo can say which required key it leaves missing.
    var presentKeys: Set<String> = []

    init(outcome: Outcome, file: String) {
        self.outcome = outcome
        self.file = file
    }

    mutating func read(_ root: YAMLNode?) {
        let entries: [YAMLEntry]
        switch root?.kind {
        case nil:
            entries = []
        case .mapping(let mapping):
            entries = mapping
        case .some:
            diagnostics.append(FrontMatterType.diagnostic(
                "the front matter must be a mapping of keys to values, found \(root!.kindDescription)",
                at: root!.location))
            return
        }
        outcome.hasFrontMatter = true
        var seen: Set<String> = []
        presentKeys = Set(entries.compactMap(\.key.scalar))
        for entry in entries {
            guard let key = entry.key.scalar else {
                diagnostics.append(FrontMatterType.diagnostic("front-matter keys must be plain words", at: entry.key.location))
                continue
            }
            seen.insert(key)
            read(key: key, entry.value, keyLocation: entry.key.location)
        }
        // A required key whose misspelling is in the file is reported once, at the typo.
        let typos = seen.filter { !OutcomeParser.knownKeys.contains($0) && !$0.hasPrefix("x-") }
        for key in OutcomeParser.requiredKeys where !seen.contains(key) {
            guard !typos.contains(where: { Suggestions.nearest(to: $0, in: OutcomeParser.knownKeys) == key }) else { continue }
            diagnostics.append(MissingKey.missing(key, file: file))
        }
    }

    private mutating func read(key: String, _ value: YAMLNode, keyLocation: SourceLocation) {
        // An optional key written with nothing after it was not given (docs/format.md).
        if value.isNull && OutcomeParser.knownKeys.contains(key) && !OutcomeParser.requiredKeys.contains(key) { return }
        switch key {
        case "title": outcome.title = nonEmptyText(value, key: key)
        case "id":
            if let id = text(value, key: key) {
                outcome.id = id
                outcome.hasExplicitID = true
            }
        case "owner": outcome.owner = handle(value, key: key)
        case "pod":
            outcome.podLocation = keyLocation
            outcome.pod = pod(value)
        case "status":
            guard let status = text(value, key: key) else { return }
            if let known = OutcomeStatus(rawValue: status.value) {
                outcome.status = Located(known, at: status.location)
            } else {
                diagnostics.append(FrontMatterType.notAllowed(
                    status.value, key: key, allowed: OutcomeStatus.allCases.map(\.rawValue), at: status.location))
            }
        case "health":
            guard let health = text(value, key: key) else { return }
            if let level = HealthLevel(rawValue: health.value) {
                outcome.reportedHealth = Located(level, at: health.location)
            } else {
                diagnostics.append(FrontMatterType.notAllowed(
                    health.value, key: key, allowed: HealthLevel.allCases.map(\.rawValue), at: health.location))
            }
        case "health_note": outcome.healthNote = nonEmptyText(value, key: key)
        case "start": outcome.start = date(value, key: key)
        case "due": outcome.due = date(value, key: key)
        case "parent": outcome.parent = text(value, key: key)
        case "depends_on": outcome.dependsOn = list(value, key: key) ?? []
        case "review_by": outcome.reviewBy = date(value, key: key)
        case "tags": outcome.tags = list(value, key: key) ?? []
        default:
            if key.hasPrefix("x-") {
                outcome.extra[key] = value
            } else {
                diagnostics.append(UnknownKey.unknown(key, known: OutcomeParser.knownKeys, at: keyLocation,
                                                      missing: OutcomeParser.requiredKeys.filter { !presentKeys.contains($0) }))
            }
        }
    }

    // MARK: - Typed values

    /// A single value; anything else (a list, a mapping, nothing) is reported.
    private mutating func text(_ node: YAMLNode, key: String) -> Located<String>? {
        if let scalar = node.scalar { return Located(scalar, at: node.location) }
        diagnostics.append(FrontMatterType.expected("a single value", key: key, found: node))
        return nil
    }

    /// A date written `YYYY-MM-DD`.
    private mutating func date(_ node: YAMLNode, key: String) -> Located<CalendarDate>? {
        guard let text = text(node, key: key) else { return nil }
        guard let date = CalendarDate(text.value) else {
            diagnostics.append(CalendarDate.nonexistent(text.value).map {
                FrontMatterType.diagnostic("`\(key)` is `\(text.value)`, a date that does not exist: \($0)", at: text.location,
                                           hint: "correct the day or the month")
            } ?? FrontMatterType.notADate(text.value, key: key, at: text.location))
            return nil
        }
        return Located(date, at: text.location)
    }

    private mutating func nonEmptyText(_ node: YAMLNode, key: String) -> Located<String>? {
        guard let value = text(node, key: key) else { return nil }
        if value.value.allSatisfy(\.isWhitespace) {
            diagnostics.append(FrontMatterType.empty(key: key, at: node.location))
            return nil
        }
        return value
    }

    private mutating func handle(_ node: YAMLNode, key: String) -> Located<String>? {
        guard let value = text(node, key: key) else { return nil }
        guard Identifiers.isHandle(value.value) else {
            diagnostics.append(FrontMatterType.notAHandle(value.value, at: value.location))
            return nil
        }
        return value
    }

    /// A list; a single value is a list of one (`depends_on: billing`).
    private mutating func list(_ node: YAMLNode, key: String) -> [Located<String>]? {
        guard case .sequence(let items) = node.kind else {
            if node.isNull { return [] }
            if let scalar = node.scalar, key != "pod" { return [Located(scalar, at: node.location)] }
            diagnostics.append(FrontMatterType.notAList(key: key, found: node))
            return nil
        }
        return items.compactMap { text($0, key: key) }
    }

    /// `handle: lens` or `handle: [lens, …]` for each member.
    private mutating func pod(_ node: YAMLNode) -> [PodMember]? {
        guard case .mapping(let entries) = node.kind else {
            diagnostics.append(FrontMatterType.expected("a mapping of handles to lenses", key: "pod", found: node))
            return nil
        }
        var members: [PodMember] = []
        for entry in entries {
            guard let member = handle(entry.key, key: "pod") else { continue }
            let lenses: [Located<String>]?
            if entry.value.isNull {
                lenses = []
            } else if case .sequence = entry.value.kind {
                lenses = list(entry.value, key: "pod")
            } else {
                lenses = text(entry.value, key: "pod").map { [$0] }
            }
            if lenses?.isEmpty == true {
                diagnostics.append(FrontMatterType.diagnostic(
                    "pod member `\(member.value)` covers no lens", at: entry.value.location,
                    hint: "name the lenses they cover, e.g. `\(member.value): [builder]`"))
            }
            members.append(PodMember(handle: member, lenses: lenses ?? []))
        }
        return members
    }
}
