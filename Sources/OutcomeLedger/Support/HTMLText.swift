/// Text made safe to put into HTML, in element content and in double-quoted attributes,
/// and HTML attribute text read back as a browser reads it.
public enum HTMLText {
    public static func escape(_ text: String) -> String {
        // Most text has nothing to escape: hand it back without copying.
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }) else { return text }
        var output = ""
        output.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// Decimal and hexadecimal character references and the named ones that matter in an
    /// address or a short text (`&amp;`, `&colon;`, `&tab;`, `&nbsp;`…), decoded; anything
    /// else stays as written.
    public static func decode(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        var output = String.UnicodeScalarView()
        var scalars = Array(text.unicodeScalars)[...]
        while let first = scalars.first {
            guard first == "&", let end = scalars.prefix(12).firstIndex(of: ";") else {
                output.append(first)
                scalars = scalars.dropFirst()
                continue
            }
            let name = String(String.UnicodeScalarView(scalars[(scalars.startIndex + 1)..<end]))
            if let scalar = numericReference(name) ?? namedReferences[name.lowercased()].flatMap(Unicode.Scalar.init) {
                output.append(scalar)
                scalars = scalars[(end + 1)...]
            } else {
                output.append(first)
                scalars = scalars.dropFirst()
            }
        }
        return String(output)
    }

    /// The character a numeric reference stands for, by its name: `#106` or `#x6A` is `j`.
    public static func numericReference(_ name: String) -> Unicode.Scalar? {
        let value: UInt32?
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            value = UInt32(name.dropFirst(2), radix: 16)
        } else if name.hasPrefix("#") {
            value = UInt32(name.dropFirst())
        } else {
            return nil
        }
        return value.flatMap(Unicode.Scalar.init)
    }

    private static let namedReferences: [String: UInt32] = [
        "colon": 58, "tab": 9, "newline": 10, "amp": 38, "quot": 34, "lt": 60, "gt": 62, "apos": 39, "nbsp": 0xA0,
    ]
}
