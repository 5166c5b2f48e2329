import Foundation
import Testing
@testable import OutcomeLedger

/// The JSON every report and `ledger.json` are written with: escaping, layout, and the
/// pieces a large document is streamed in.
struct JSONValueTests {
    /// Every kind of character the writer treats apart, in one string.
    static let awkward = "plain \"quoted\" back\\slash\nline\rreturn\ttab \u{01}\u{1F}\u{7F} <b>&amp;</b> "
        + "\u{2028}\u{2029} \u{2027}\u{202A} é 中文 🎵 ≥ 35 %"

    @Test func stringsAreEscapedForJSONAndForScriptBlocks() {
        let written = JSONValue.string(Self.awkward).rendered()
        #expect(written == #""plain \"quoted\" back\\slash\nline\rreturn\ttab \u0001\u001f"#
            + "\u{7F}" + #" \u003cb\u003e\u0026amp;\u003c/b\u003e \u2028\u2029 "#
            + "\u{2027}\u{202A} é 中文 🎵 ≥ 35 %\"\n")
        // Nothing that ends a script block or a line in JavaScript is left as it was.
        for raw in ["<", ">", "&", "\u{2028}", "\u{2029}", "\n", "\u{01}"] { #expect(!written.dropLast().contains(raw)) }
    }

    @Test func everyDocumentReadsBackAsWritten() throws {
        let value = JSONValue.object([
            ("text", .string(Self.awkward)),
            ("number", .int(-42)),
            ("flags", .array([.bool(true), .bool(false), .null])),
            ("empty", .object([])),
            ("none", .array([])),
            ("nested", .object([("list", .generated(count: 3) { .object([("index", .int($0))]) })])),
        ])
        let text = value.rendered()
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(parsed["text"] as? String == Self.awkward)
        #expect(parsed["number"] as? Int == -42)
        #expect((parsed["nested"] as? [String: Any])?["list"] as? [[String: Int]] == [["index": 0], ["index": 1], ["index": 2]])
        #expect(text.hasPrefix("{\n  \"text\": "))
        #expect(text.contains("\"empty\": {},\n  \"none\": []"))
        #expect(text.hasSuffix("\n}\n"))
    }

    /// A streamed document is the rendered one, cut between array items once a piece is
    /// long enough — at the same places every time.
    @Test func piecesMakeUpTheDocument() {
        let value = JSONValue.generated(count: 500) { .string("item \($0) " + Self.awkward) }
        var pieces: [[UInt8]] = []
        value.render(inPiecesOf: 4096) { pieces.append(Array($0)) }
        #expect(pieces.count > 5)
        #expect(pieces.dropLast().allSatisfy { $0.count >= 4096 && $0.last == 0x0A })
        #expect(String(decoding: pieces.joined(), as: UTF8.self) == value.rendered())
        var again: [[UInt8]] = []
        value.render(inPiecesOf: 4096) { again.append(Array($0)) }
        #expect(again == pieces)
    }
}
