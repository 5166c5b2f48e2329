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
        var writer = Writer(flushing: nil)
        write(to: &writer, indent: 0)
        writer.bytes.append(0x0A)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// The same text as bytes, handed to `emit` in pieces of about `size` bytes (cut
    /// between array items, so the same document is always cut in the same places), so a
    /// large document is written without ever being held whole.
    public func render(inPiecesOf size: Int, _ emit: (UnsafeRawBufferPointer) -> Void) {
        withoutActuallyEscaping(emit) { emit in
            var writer = Writer(flushing: (size, emit))
            write(to: &writer, indent: 0)
            writer.bytes.append(0x0A)
            writer.bytes.withUnsafeBytes(emit)
        }
    }

    /// JSON text written straight into bytes: a string-building writer spent most of
    /// `ledger.json`'s time growing and copying strings.
    private struct Writer {
        var bytes: [UInt8] = []
        let flushing: (size: Int, emit: (UnsafeRawBufferPointer) -> Void)?

        init(flushing: (size: Int, emit: (UnsafeRawBufferPointer) -> Void)?) {
            self.flushing = flushing
            bytes.reserveCapacity(flushing.map { $0.size + 4096 } ?? 1024)
        }

        mutating func append(_ text: StaticString) {
            text.withUTF8Buffer { bytes.append(contentsOf: $0) }
        }

        mutating func indent(_ depth: Int) {
            bytes.append(contentsOf: repeatElement(0x20, count: 2 * depth))
        }

        /// Hands the bytes written so far over once there are enough of them.
        mutating func flushIfFull() {
            guard let flushing, bytes.count >= flushing.size else { return }
            bytes.withUnsafeBytes(flushing.emit)
            bytes.removeAll(keepingCapacity: true)
        }

        /// Escapes as RFC 8259 requires, plus `<`, `>`, `&` and U+2028/2029 so the text is
        /// also safe inside an HTML `<script>` block. Works on UTF-8 bytes: every byte that
        /// needs escaping is ASCII, except the two line separators' three-byte sequences.
        mutating func string(_ value: String) {
            var value = value
            value.withUTF8 { text in
                bytes.append(0x22)
                var copiedUpTo = 0
                var index = 0
                while index < text.count {
                    let byte = text[index]
                    let escape: StaticString?
                    var length = 1
                    switch byte {
                    case 0x22: escape = "\\\""
                    case 0x5C: escape = "\\\\"
                    case 0x0A: escape = "\\n"
                    case 0x0D: escape = "\\r"
                    case 0x09: escape = "\\t"
                    case 0x3C: escape = "\\u003c"
                    case 0x3E: escape = "\\u003e"
                    case 0x26: escape = "\\u0026"
                    case 0xE2 where index + 2 < text.count && text[index + 1] == 0x80 && (text[index + 2] == 0xA8 || text[index + 2] == 0xA9):
                        escape = text[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                        length = 3
                    case ..<0x20: escape = nil
                    default:
                        index += 1
                        continue
                    }
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[copiedUpTo..<index]))
                    if let escape {
                        append(escape)
                    } else {
                        let hex: StaticString = "0123456789abcdef"
                        append("\\u00")
                        bytes.append(hex.utf8Start[Int(byte >> 4)])
                        bytes.append(hex.utf8Start[Int(byte & 0xF)])
                    }
                    index += length
                    copiedUpTo = index
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[copiedUpTo...]))
                bytes.append(0x22)
            }
        }
    }

    private func write(to writer: inout Writer, indent: Int) {
        switch self {
        case .null: writer.append("null")
        case .bool(let value): writer.append(value ? "true" : "false")
        case .int(let value):
            var text = String(value)
            text.withUTF8 { writer.bytes.append(contentsOf: $0) }
        case .string(let value): writer.string(value)
        case .array(let items):
            JSONValue.writeArray(count: items.count, { items[$0] }, to: &writer, indent: indent)
        case .generated(let count, let item):
            JSONValue.writeArray(count: count, item, to: &writer, indent: indent)
        case .object(let members):
            guard !members.isEmpty else { writer.append("{}"); return }
            writer.append("{\n")
            for (index, (key, value)) in members.enumerated() {
                writer.indent(indent + 1)
                writer.string(key)
                writer.append(": ")
                value.write(to: &writer, indent: indent + 1)
                writer.append(index == members.count - 1 ? "\n" : ",\n")
            }
            writer.indent(indent)
            writer.append("}")
        }
    }

    private static func writeArray(count: Int, _ item: (Int) -> JSONValue, to writer: inout Writer, indent: Int) {
        guard count > 0 else { writer.append("[]"); return }
        writer.append("[\n")
        for index in 0..<count {
            writer.indent(indent + 1)
            item(index).write(to: &writer, indent: indent + 1)
            writer.append(index == count - 1 ? "\n" : ",\n")
            writer.flushIfFull()
        }
        writer.indent(indent)
        writer.append("]")
    }
}
