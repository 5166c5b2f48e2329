import Yams

/// Reads a YAML document into `YAMLNode`s with file positions, refusing what a ledger
/// never needs and an attacker could abuse: anchors and aliases (alias expansion is the
/// "billion laughs" denial of service), duplicate keys, and deep nesting (libyaml stops
/// at 1,000 levels).
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
        let offset = startLine - 1
        func locate(_ mark: Mark?) -> SourceLocation {
            guard let mark else { return source.location(line: startLine, column: 1) }
            return source.location(line: mark.line + offset, column: max(1, mark.column))
        }
        do {
            // Yams holds anchors weakly, through the parser: keep it alive while converting.
            let parser = try Yams.Parser(yaml: yaml, resolver: .basic, constructor: .default, encoding: .utf8)
            return try withExtendedLifetime(parser) {
                guard let root = try parser.singleRoot() else { return .success(nil) }
                return convert(root, locate: locate).map { Optional($0) }
            }
        } catch let error as YamlError {
            return .failure(problem(from: error, yaml: yaml, locate: locate, source: source))
        } catch {
            return .failure(Problem(message: "the YAML could not be read", location: locate(nil)))
        }
    }

    /// Copies Yams' tree into ours, stopping at the first anchor before anything could be
    /// expanded. Depth is bounded by libyaml's nesting limit.
    private static func convert(_ node: Node, locate: (Mark?) -> SourceLocation) -> Result<YAMLNode, Problem> {
        if node.anchor != nil || isAlias(node) {
            return .failure(Problem(
                message: "anchors and aliases (`&name`, `*name`) are not allowed",
                location: locate(node.mark),
                hint: "write the value out in full"))
        }
        let location = locate(node.mark)
        switch node {
        case .scalar(let scalar):
            return .success(YAMLNode(.scalar(scalar.string, isPlain: scalar.style == .plain), at: location))
        case .sequence(let sequence):
            var items: [YAMLNode] = []
            items.reserveCapacity(sequence.count)
            for item in sequence {
                switch convert(item, locate: locate) {
                case .success(let converted): items.append(converted)
                case .failure(let problem): return .failure(problem)
                }
            }
            return .success(YAMLNode(.sequence(items), at: location))
        case .mapping(let mapping):
            var entries: [YAMLEntry] = []
            entries.reserveCapacity(mapping.count)
            for (key, value) in mapping {
                let convertedKey = convert(key, locate: locate)
                let convertedValue = convert(value, locate: locate)
                switch (convertedKey, convertedValue) {
                case (.success(let key), .success(let value)): entries.append(YAMLEntry(key: key, value: value))
                case (.failure(let problem), _), (_, .failure(let problem)): return .failure(problem)
                }
            }
            return .success(YAMLNode(.mapping(entries), at: location))
        case .alias:
            return .failure(Problem(message: "aliases are not allowed", location: location))
        }
    }

    private static func isAlias(_ node: Node) -> Bool {
        if case .alias = node { return true }
        return false
    }

    private static func problem(
        from error: YamlError, yaml: String, locate: (Mark?) -> SourceLocation, source: SourceText
    ) -> Problem {
        switch error {
        case .scanner(_, let problem, let mark, _),
             .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            let location = locate(mark)
            if problem.hasPrefix("Maximum nesting level") {
                return Problem(message: "the YAML is nested more than 1,000 levels deep", location: location)
            }
            return Problem(message: "invalid YAML: \(problem)", location: location,
                           hint: tabHint(source.line(location.line)))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "`\($0)`" }.joined(separator: ", ")
            let noun = duplicates.count == 1 ? "key" : "keys"
            return Problem(message: "duplicate \(noun) \(keys) in the same mapping",
                           location: locate(context.mark), hint: "keep one of them")
        case .reader(let problem, _, _, _):
            return Problem(message: "invalid YAML: \(problem)", location: locate(nil))
        default:
            return Problem(message: "invalid YAML", location: locate(nil))
        }
    }

    private static func tabHint(_ line: String?) -> String? {
        guard let line, line.contains("\t") else { return nil }
        return "YAML does not allow tabs for indentation; indent with spaces"
    }
}
