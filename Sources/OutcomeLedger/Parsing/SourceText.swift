#if canImport(Glibc)
import Glibc
#endif

/// A ledger file decoded into text the later stages can trust: valid UTF-8, no BOM,
/// `\n` line endings, no NUL bytes. Knows where its lines start, for locating and
/// quoting problems.
public struct SourceText: Sendable {
    public var path: String
    /// The text with the BOM removed and CRLF turned into LF (line numbers are unchanged).
    public let text: String
    /// UTF-8 offset of the start of each line; a text ending in `\n` has an empty last line.
    private let lineStarts: [Int]

    public init(path: String, text: String) {
        self.path = path
        var text = text
        var starts = [0]
        text.withUTF8 { bytes in
            var from = 0
            while let newline = Self.offset(of: UInt8(ascii: "\n"), in: UnsafeRawBufferPointer(bytes), from: from) {
                starts.append(newline + 1)
                from = newline + 1
            }
        }
        self.text = text
        self.lineStarts = starts
    }

    public var lineCount: Int { lineStarts.count }

    /// The text of the line with the given 1-based number, without its line ending.
    public func lineText(_ number: Int) -> Substring {
        precondition(number >= 1 && number <= lineStarts.count, "line \(number) is outside the file")
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: lineStarts[number - 1])
        let end = number < lineStarts.count
            ? utf8.index(utf8.startIndex, offsetBy: lineStarts[number] - 1) : utf8.endIndex
        return text[start..<end]
    }

    /// The text from the start of line `first` to the end of line `last` (without its
    /// line ending), or to the end of the file when `last` is nil.
    public func text(fromLine first: Int, throughLine last: Int? = nil) -> Substring {
        guard first <= lineStarts.count else { return "" }
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: lineStarts[first - 1])
        guard let last, last < lineStarts.count else { return text[start...] }
        guard last >= first else { return "" }
        return text[start..<utf8.index(utf8.startIndex, offsetBy: lineStarts[last] - 1)]
    }

    /// The line with the given 1-based number, without its line ending.
    public func line(_ number: Int) -> String? {
        guard number >= 1, number <= lineStarts.count else { return nil }
        return String(lineText(number))
    }

    /// Converts a 1-based byte column (as cmark reports it) on a line into a 1-based
    /// column counted in Unicode scalars.
    public func scalarColumn(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, line <= lineStarts.count, byteColumn > 1 else { return max(1, byteColumn) }
        let lineText = lineText(line)
        let utf8 = lineText.utf8
        let end = utf8.index(utf8.startIndex, offsetBy: byteColumn - 1, limitedBy: utf8.endIndex) ?? utf8.endIndex
        return lineText.unicodeScalars[..<end].count + 1
    }

    public func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: path, line: line, column: column)
    }

    /// Why a file's bytes can't be taken as text.
    public struct DecodingFailure: Error, Equatable, Sendable {
        public var message: String
        public var line: Int
        public var column: Int
    }

    /// Decodes a file's bytes, or says where the first undecodable byte is.
    public static func decode(path: String, bytes: [UInt8]) -> Result<SourceText, DecodingFailure> {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        let content = bytes[start...]
        // The standard library's validation is the fast path; the byte-by-byte one only
        // says where a file that fails it goes wrong.
        guard var text = String(validating: content, as: UTF8.self) else {
            let bad = firstInvalidUTF8Offset(content) ?? content.startIndex
            let (line, column) = position(of: bad, in: content)
            return .failure(DecodingFailure(
                message: "the file is not valid UTF-8 (byte 0x\(hex(bytes[bad])))", line: line, column: column))
        }
        let (nul, carriageReturn) = content.withUnsafeBytes {
            (offset(of: 0, in: $0, from: 0), offset(of: UInt8(ascii: "\r"), in: $0, from: 0))
        }
        if let nul {
            let (line, column) = position(of: content.startIndex + nul, in: content)
            return .failure(DecodingFailure(
                message: "the file contains a NUL byte; is it a binary file?", line: line, column: column))
        }
        if carriageReturn != nil {
            text = text.replacingCRLF()
        }
        return .success(SourceText(path: path, text: text))
    }

    /// The offset of the first `byte` at or after `start` (memchr: files are searched
    /// whole, several times each, on every build).
    static func offset(of byte: UInt8, in bytes: UnsafeRawBufferPointer, from start: Int) -> Int? {
        guard start < bytes.count, let base = bytes.baseAddress,
              let found = memchr(base + start, Int32(byte), bytes.count - start) else { return nil }
        return UnsafeRawPointer(found) - base
    }

    /// Line and scalar column of a byte offset in valid UTF-8 that precedes it.
    private static func position(of offset: Int, in bytes: ArraySlice<UInt8>) -> (Int, Int) {
        var line = 1
        var column = 1
        var index = bytes.startIndex
        while index < offset {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return (line, column)
    }

    /// The offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, no
    /// surrogates, nothing past U+10FFFF), or nil when all is well.
    static func firstInvalidUTF8Offset(_ bytes: ArraySlice<UInt8>) -> Int? {
        var index = bytes.startIndex
        let end = bytes.endIndex
        while index < end {
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return index
            }
            guard index + length <= end else { return index }
            for offset in 1..<length {
                let byte = bytes[index + offset]
                let (low, high) = offset == 1 ? (lower, upper) : (0x80, 0xBF)
                if byte < low || byte > high { return index }
            }
            index += length
        }
        return nil
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }
}

extension String {
    /// Turns CRLF (and lone CR) line endings into LF, keeping the number of lines.
    func replacingCRLF() -> String {
        var scalars = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in unicodeScalars {
            if scalar == "\r" {
                scalars.append("\n")
                previousWasCR = true
                continue
            }
            if scalar == "\n" && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = false
            scalars.append(scalar)
        }
        return String(scalars)
    }
}
