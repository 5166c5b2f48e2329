import CYaml
// Linked for the libyaml it builds (`CYaml`); its node tree is not used.
import Yams

/// Reads a YAML document into `YAMLNode`s with file positions, refusing what a ledger
/// never needs and an attacker could abuse: anchors and aliases (alias expansion is the
/// "billion laughs" denial of service), duplicate keys, and deep nesting (libyaml stops
/// at 1,000 levels).
///
/// The tree is built straight from libyaml's parser events: front matter is most of a
/// check's work, and composing a generic node tree first cost several times more than
/// the parse itself. This file is the only one that speaks to libyaml.
public enum YAMLReader {
    /// A problem with the YAML itself, located in the file.
    public struct Problem: Error, Equatable, Sendable {
        public var message: String
        public var location: SourceLocation
        public var hint: String?
    }

    /// Parses `yaml`, whose first line is line `startLine` of `source`. Returns nil for an
    /// empty document.
    public static func read(_ yaml: String, startLine: Int, source: SourceText) -> Result<YAMLNode?, Problem> {
        var yaml = yaml
        return yaml.withUTF8 { bytes in
            var events = EventReader(bytes: bytes, startLine: startLine, source: source)
            defer { events.close() }
            do throws(Problem) {
                let root = try events.document()
                // Syntax errors and duplicate keys anywhere are reported before anchors.
                if let anchor = events.firstAnchor { return .failure(anchor) }
                return .success(root)
            } catch {
                return .failure(error)
            }
        }
    }

    /// Pulls libyaml's events and assembles them into nodes, depth first.
    private struct EventReader {
        private var parser = yaml_parser_t()
        private let startLine: Int
        private let source: SourceText
        /// The first anchor or alias met, reported if nothing worse is found.
        private(set) var firstAnchor: Problem?

        init(bytes: UnsafeBufferPointer<UInt8>, startLine: Int, source: SourceText) {
            self.startLine = startLine
            self.source = source
            yaml_parser_initialize(&parser)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
        }

        mutating func close() { yaml_parser_delete(&parser) }

        /// The single document of the stream, or nil when there is none.
        mutating func document() throws(Problem) -> YAMLNode? {
            var event = try next()
            defer { yaml_event_delete(&event) }
            guard event.type == YAML_STREAM_START_EVENT else { throw unexpected(event) }
            var start = try next()
            defer { yaml_event_delete(&start) }
            if start.type == YAML_STREAM_END_EVENT { return nil }
            guard start.type == YAML_DOCUMENT_START_EVENT else { throw unexpected(start) }
            let root = try node(from: try next())
            var end = try next()
            yaml_event_delete(&end)
            var after = try next()
            defer { yaml_event_delete(&after) }
            if after.type != YAML_STREAM_END_EVENT {
                throw Problem(message: "invalid YAML: but found another document", location: locate(after.start_mark))
            }
            return root
        }

        /// A collection whose end event has not come yet.
        private struct Open {
            var isMapping: Bool
            var location: SourceLocation
            var items: [YAMLNode] = []
            var entries: [YAMLEntry] = []
            /// A mapping's key whose value has not come yet.
            var key: YAMLNode?

            /// Adds a finished node: an item, a key, or the value of the pending key.
            mutating func add(_ node: YAMLNode) {
                if !isMapping {
                    items.append(node)
                } else if let key {
                    entries.append(YAMLEntry(key: key, value: node))
                    self.key = nil
                } else {
                    key = node
                }
            }
        }

        /// The node that `first` starts, with everything nested in it. Iterative, with its
        /// own stack: nesting is bounded by libyaml, not by the thread's stack.
        private mutating func node(from first: yaml_event_t) throws(Problem) -> YAMLNode {
            var open: [Open] = []
            var event = first
            while true {
                let finished: YAMLNode?
                do {
                    defer { yaml_event_delete(&event) }
                    finished = try read(event, open: &open)
                }
                if let node = finished {
                    if open.isEmpty { return node }
                    open[open.count - 1].add(node)
                }
                event = try next()
            }
        }

        /// Applies one event: opens or closes a collection, or returns a finished node.
        private mutating func read(_ event: yaml_event_t, open: inout [Open]) throws(Problem) -> YAMLNode? {
            let location = locate(event.start_mark)
            switch event.type {
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                noteAnchor(scalar.anchor, at: location)
                let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                return YAMLNode(.scalar(text, isPlain: scalar.style == YAML_PLAIN_SCALAR_STYLE), at: location)
            case YAML_SEQUENCE_START_EVENT:
                noteAnchor(event.data.sequence_start.anchor, at: location)
                open.append(Open(isMapping: false, location: location))
                return nil
            case YAML_MAPPING_START_EVENT:
                noteAnchor(event.data.mapping_start.anchor, at: location)
                open.append(Open(isMapping: true, location: location))
                return nil
            case YAML_SEQUENCE_END_EVENT:
                guard let done = open.popLast(), !done.isMapping else { throw unexpected(event) }
                return YAMLNode(.sequence(done.items), at: done.location)
            case YAML_MAPPING_END_EVENT:
                guard let done = open.popLast(), done.isMapping else { throw unexpected(event) }
                try checkDuplicates(done.entries)
                return YAMLNode(.mapping(done.entries), at: done.location)
            case YAML_ALIAS_EVENT:
                // An alias always follows its anchor, which was noted first; an alias
                // without one is a composition error, as in any YAML loader.
                if firstAnchor == nil {
                    throw Problem(message: "invalid YAML: found undefined alias", location: location)
                }
                return YAMLNode(.scalar("", isPlain: true), at: location)
            default:
                throw unexpected(event)
            }
        }

        private mutating func noteAnchor(_ anchor: UnsafeMutablePointer<yaml_char_t>?, at location: SourceLocation) {
            guard anchor != nil, firstAnchor == nil else { return }
            firstAnchor = Problem(message: "anchors and aliases (`&name`, `*name`) are not allowed",
                                  location: location, hint: "write the value out in full")
        }

        /// Keys written twice, located at the first occurrence of the first such key (by
        /// name). Keys are compared as text, which is how the ledger's schema reads them.
        private func checkDuplicates(_ entries: [YAMLEntry]) throws(Problem) {
            guard entries.count > 1 else { return }
            // Front matter maps are small: compared pair by pair, they need no hashing
            // unless a key is in fact repeated.
            if entries.count <= 24 {
                var repeated = false
                for (index, entry) in entries.enumerated().dropFirst() {
                    guard case .scalar(let name, _) = entry.key.kind else { continue }
                    repeated = entries[..<index].contains {
                        if case .scalar(let other, _) = $0.key.kind { return other == name }
                        return false
                    }
                    if repeated { break }
                }
                guard repeated else { return }
            }
            var seen: [String: SourceLocation] = [:]
            var duplicated: [String: SourceLocation] = [:]
            for entry in entries {
                guard case .scalar(let name, _) = entry.key.kind else { continue }
                if let first = seen[name] {
                    duplicated[name] = first
                } else {
                    seen[name] = entry.key.location
                }
            }
            guard let firstName = duplicated.keys.min() else { return }
            let keys = duplicated.keys.sorted().map { "`\($0)`" }
            let noun = keys.count == 1 ? "key" : "keys"
            throw Problem(message: "duplicate \(noun) \(keys.joined(separator: ", ")) in the same mapping",
                          location: duplicated[firstName]!, hint: "keep one of them")
        }

        /// The next event; the caller deletes it (or hands it to `node(from:)`).
        private mutating func next() throws(Problem) -> yaml_event_t {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else { throw parserProblem() }
            return event
        }

        private func unexpected(_ event: yaml_event_t) -> Problem {
            Problem(message: "invalid YAML", location: locate(event.start_mark))
        }

        private func parserProblem() -> Problem {
            let problem = parser.problem.map { String(cString: $0) } ?? "the YAML could not be read"
            switch parser.error {
            case YAML_SCANNER_ERROR, YAML_PARSER_ERROR, YAML_COMPOSER_ERROR:
                let location = locate(line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1)
                if problem.hasPrefix("Maximum nesting level") {
                    return Problem(message: "the YAML is nested more than 1,000 levels deep", location: location)
                }
                if let clearer = YAMLErrorExplainer.explain(problem, at: location, source: source, firstLine: startLine) {
                    return clearer
                }
                return Problem(message: "invalid YAML: \(problem)", location: location,
                               hint: Self.tabHint(source.line(location.line)))
            case YAML_READER_ERROR:
                return Problem(message: "invalid YAML: \(problem)", location: locate(line: 1, column: 1))
            default:
                return Problem(message: "invalid YAML", location: locate(line: 1, column: 1))
            }
        }

        private func locate(_ mark: yaml_mark_t) -> SourceLocation {
            locate(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
        }

        private func locate(line: Int, column: Int) -> SourceLocation {
            source.location(line: line + startLine - 1, column: max(1, column))
        }

        private static func tabHint(_ line: String?) -> String? {
            guard let line, line.contains("\t") else { return nil }
            return "YAML does not allow tabs for indentation; indent with spaces"
        }
    }
}
