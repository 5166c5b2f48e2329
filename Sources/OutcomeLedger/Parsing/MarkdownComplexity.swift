/// A linear pre-scan of a markdown body for the shapes that make the system's cmark-gfm
/// (0.29.0.gfm.6, without upstream's 2023 fixes) take seconds or minutes: deep block
/// quotes before emphasis, thousands of brackets (`![[]()` repeated), thousands of
/// `www.` autolink candidates, tables whose short rows are padded to a wide header, and
/// floods of emphasis delimiters. Each limit is far above what a real outcome file holds,
/// and was chosen so a refused file would still have rendered in well under a second.
public enum MarkdownComplexity {
    public struct Limits: Sendable {
        public var quoteDepth = 100
        public var brackets = 5_000
        public var autolinkCandidates = 2_000
        public var tableCells = 50_000
        public var emphasisDelimiters = 100_000
        /// List items and quotes opened on one line (`- - - - a`).
        public var containerDepth = 1_000
        /// Blank lines weighed by how deep the containers above them are: cmark-gfm's work
        /// for blank lines inside nested lists grows with both.
        public var blankLinesInNesting = 5_000_000

        public init() {}
    }

    /// The first limit a body exceeds: what, and where (1-based line and byte column in the body).
    public struct Excess: Sendable, Equatable {
        public var what: String
        public var line: Int
        public var byteColumn: Int
    }

    public static func check(_ body: String, limits: Limits = Limits()) -> Excess? {
        var body = body
        return body.withUTF8 { check($0, limits: limits) }
    }

    public static func check(_ body: Substring, limits: Limits = Limits()) -> Excess? {
        var body = body
        return body.withUTF8 { check($0, limits: limits) }
    }

    private static func check(_ body: UnsafeBufferPointer<UInt8>, limits: Limits) -> Excess? {
        var brackets = 0
        var autolinks = 0
        var delimiters = 0
        var tableCells = 0
        var table: (columns: Int, open: Bool) = (0, false)
        var openDepth = 0
        var nestedBlankWork = 0
        var deepest = (depth: 0, line: 0)
        var lineNumber = 0
        var lineStart = 0
        while lineStart <= body.count {
            lineNumber += 1
            let lineEnd = SourceText.offset(of: UInt8(ascii: "\n"), in: UnsafeRawBufferPointer(body), from: lineStart) ?? body.count
            let bytes = UnsafeBufferPointer(rebasing: body[lineStart..<lineEnd])
            lineStart = lineEnd + 1
            if let depth = quoteDepth(bytes), depth.depth > limits.quoteDepth {
                return Excess(what: "block quotes nested \(depth.depth) deep (the limit is \(limits.quoteDepth))",
                              line: lineNumber, byteColumn: depth.column)
            }
            if let containers = containerDepth(bytes) {
                if containers.depth > limits.containerDepth {
                    return Excess(what: "lists nested \(containers.depth) deep on one line (the limit is \(limits.containerDepth))",
                                  line: lineNumber, byteColumn: containers.column)
                }
                openDepth = containers.depth
                if containers.depth > deepest.depth { deepest = (containers.depth, lineNumber) }
            } else if openDepth > 1 && bytes.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) {
                nestedBlankWork += openDepth
                if nestedBlankWork > limits.blankLinesInNesting {
                    return Excess(what: "lists nested \(deepest.depth) deep followed by too many blank lines (depth × blank lines over \(limits.blankLinesInNesting))",
                                  line: deepest.line, byteColumn: 1)
                }
            }
            // Tables: a delimiter row opens one with as many columns as it has cells; every
            // row until a blank line is padded to that width.
            if bytes.allSatisfy({ $0 == 32 || $0 == 9 }) {
                table.open = false
            } else if table.open {
                tableCells += table.columns
                if tableCells > limits.tableCells {
                    return Excess(what: "tables with more than \(limits.tableCells) cells", line: lineNumber, byteColumn: 1)
                }
            } else if let columns = delimiterRowColumns(bytes), lineNumber > 1 {
                table = (columns, true)
                tableCells += columns * 2
            }
            for index in bytes.indices where Self.counted[Int(bytes[index])] {
                switch bytes[index] {
                case UInt8(ascii: "["):
                    brackets += 1
                    if brackets > limits.brackets {
                        return Excess(what: "more than \(limits.brackets) `[`", line: lineNumber, byteColumn: index + 1)
                    }
                case UInt8(ascii: "*"), UInt8(ascii: "_"):
                    delimiters += 1
                    if delimiters > limits.emphasisDelimiters {
                        return Excess(what: "more than \(limits.emphasisDelimiters) `*` and `_`", line: lineNumber, byteColumn: index + 1)
                    }
                case UInt8(ascii: "w"), UInt8(ascii: "W"):
                    if index + 3 < bytes.count, bytes[index + 1] | 0x20 == UInt8(ascii: "w"),
                       bytes[index + 2] | 0x20 == UInt8(ascii: "w"), bytes[index + 3] == UInt8(ascii: ".") {
                        autolinks += 1
                        if autolinks > limits.autolinkCandidates {
                            return Excess(what: "more than \(limits.autolinkCandidates) `www.` links",
                                          line: lineNumber, byteColumn: index + 1)
                        }
                    }
                default:
                    break
                }
            }
        }
        return nil
    }

    /// The bytes the scan counts: `[`, `*`, `_`, `w` and `W`; every other byte is passed over
    /// with one look-up.
    private static let counted: [Bool] = (0...255).map { byte in
        [UInt8(ascii: "["), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "w"), UInt8(ascii: "W")].contains(UInt8(byte))
    }

    /// How many `>` open the line (each optionally followed by a space), and the column of
    /// the one past the limit's worth of them — the first character of the quotes.
    private static func quoteDepth(_ line: UnsafeBufferPointer<UInt8>) -> (depth: Int, column: Int)? {
        var index = 0
        while index < line.count, index < 3, line[index] == 32 { index += 1 }
        let start = index
        var depth = 0
        while index < line.count {
            if line[index] == UInt8(ascii: ">") {
                depth += 1
            } else if line[index] != 32 && line[index] != 9 {
                break
            }
            index += 1
        }
        return depth == 0 ? nil : (depth, start + 1)
    }

    /// How many list items and quotes the line opens (`- 1. > * a`), counting its
    /// indentation as one level per two spaces; nil when it opens none.
    private static func containerDepth(_ line: UnsafeBufferPointer<UInt8>) -> (depth: Int, column: Int)? {
        var index = 0
        var indent = 0
        while index < line.count, line[index] == 32 || line[index] == 9 {
            indent += line[index] == 9 ? 4 : 1
            index += 1
        }
        let start = index
        var depth = 0
        while index < line.count {
            let byte = line[index]
            var end = index
            if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "+") {
                end = index + 1
            } else if byte == UInt8(ascii: ">") {
                depth += 1
                index += 1
                while index < line.count, line[index] == 32 || line[index] == 9 { index += 1 }
                continue
            } else if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                var digits = index
                while digits < line.count, digits - index < 9, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(line[digits]) { digits += 1 }
                guard digits < line.count, line[digits] == UInt8(ascii: ".") || line[digits] == UInt8(ascii: ")") else { break }
                end = digits + 1
            } else {
                break
            }
            // A list marker is followed by a space, a tab or the end of the line.
            guard end == line.count || line[end] == 32 || line[end] == 9 else { break }
            depth += 1
            index = end
            while index < line.count, line[index] == 32 || line[index] == 9 { index += 1 }
        }
        return depth == 0 ? nil : (depth + indent / 2, start + 1)
    }

    /// The number of cells of a GFM table delimiter row (`|---|:-:|`), or nil.
    private static func delimiterRowColumns(_ line: UnsafeBufferPointer<UInt8>) -> Int? {
        var cells = 0
        var inCell = false
        var sawDash = false
        for byte in line {
            switch byte {
            case UInt8(ascii: "|"):
                if inCell { guard sawDash else { return nil }; cells += 1 }
                inCell = false
                sawDash = false
            case UInt8(ascii: "-"):
                inCell = true
                sawDash = true
            case UInt8(ascii: ":"), 32, 9:
                if byte == UInt8(ascii: ":") { inCell = true }
            default:
                return nil
            }
        }
        if inCell { guard sawDash else { return nil }; cells += 1 }
        return cells > 0 && line.contains(UInt8(ascii: "|")) ? cells : nil
    }
}
