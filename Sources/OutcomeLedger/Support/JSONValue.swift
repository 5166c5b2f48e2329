/// JSON with keys kept in the order they were written, so reports and summaries have a
/// documented, stable layout (byte-identical across runs).
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])
    /// An array whose items are made one at a time as it is written, so a large document
    /// never exists as one tree in memory.
    case generated(count: Int, item: @Sendable (Int) -> JSONValue)

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.rendered() == rhs.rendered()
    }

    /// `value` as a string, or null.
    public static func optional(_ value: String?) -> JSONValue {
        value.map(JSONValue.string) ?? .null
    }

    /// The same value with every object's keys in byte order, for files whose layout is
    /// "sorted keys" rather than a documented order.
    public func sortingKeys() -> JSONValue {
        switch self {
        case .array(let items): return .array(items.map { $0.sortingKeys() })
        case .generated(let count, let item): return .generated(count: count) { item($0).sortingKeys() }
        case .object(let members):
            let sorted = members.map { ($0.0, $0.1.sortingKeys()) }
            // Objects are often written in order already: then checking is all it takes.
            if zip(sorted, sorted.dropFirst()).allSatisfy({ $0.0.0.precedesInByteOrder($0.1.0) }) { return .object(sorted) }
            return .object(sorted.sorted { $0.0.precedesInByteOrder($1.0) })
        default: return self
        }
    }

    /// Pretty-printed with two-space indentation and a final newline.
    public func rendered() -> String {
        var output = ""
        write(to: &output, indent: 0, flush: nil)
        output.append("\n")
        return output
    }

    /// The same text, handed to `emit` in pieces of about `size` bytes (cut between array
    /// items), so a large document is written without ever being one string.
    public func render(inPiecesOf size: Int, _ emit: (String) -> Void) {
        withoutActuallyEscaping(emit) { emit in
            var output = ""
            write(to: &output, indent: 0) { pending in
                guard pending.utf8.count >= size else { return }
                emit(pending)
                pending = ""
            }
            output.append("\n")
            emit(output)
        }
    }

    private func write(to output: inout String, indent: Int, flush: ((inout String) -> Void)?) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .int(let value): output += String(value)
        case .string(let value): JSONValue.writeString(value, to: &output)
        case .array(let items):
            JSONValue.writeArray(count: items.count, { items[$0] }, to: &output, indent: indent, flush: flush)
        case .generated(let count, let item):
            JSONValue.writeArray(count: count, item, to: &output, indent: indent, flush: flush)
        case .object(let members):
            guard !members.isEmpty else { output += "{}"; return }
            output += "{\n"
            for (index, (key, value)) in members.enumerated() {
                output += String(repeating: "  ", count: indent + 1)
                JSONValue.writeString(key, to: &output)
                output += ": "
                value.write(to: &output, indent: indent + 1, flush: flush)
                output += index == members.count - 1 ? "\n" : ",\n"
            }
            output += String(repeating: "  ", count: indent) + "}"
        }
    }

    private static func writeArray(
        count: Int, _ item: (Int) -> JSONValue, to output: inout String, indent: Int, flush: ((inout String) -> Void)?
    ) {
        guard count > 0 else { output += "[]"; return }
        output += "[\n"
        for index in 0..<count {
            output += String(repeating: "  ", count: indent + 1)
            item(index).write(to: &output, indent: indent + 1, flush: flush)
            output += index == count - 1 ? "\n" : ",\n"
            flush?(&output)
        }
        output += String(repeating: "  ", count: indent) + "]"
    }

    /// Escapes as RFC 8259 requires, plus `<`, `>`, `&` and U+2028/2029 so the text is also
    /// safe inside an HTML `<script>` block.
    static func writeString(_ value: String, to output: inout String) {
        output += "\""
        // Most text needs no escaping at all: copy it whole.
        if value.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C && $0 != 0x3C && $0 != 0x3E && $0 != 0x26 && $0 != 0xE2 }) {
            output += value
            output += "\""
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "<", ">", "&", "\u{2028}", "\u{2029}":
                output += unicodeEscape(scalar.value)
            default:
                if scalar.value < 0x20 {
                    output += unicodeEscape(scalar.value)
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }

    private static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: false)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}
