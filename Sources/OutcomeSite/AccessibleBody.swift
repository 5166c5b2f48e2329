/// Adjusts a rendered body so everyone can use it, within the site's Content-Security-Policy.
/// cmark-gfm renders in safe mode and HTML from authors keeps no attributes (`BodyHTML`),
/// so each spelling below only occurs as markup cmark wrote (text `<` is always escaped):
/// - task-list checkboxes get a name;
/// - table column alignment becomes a class (the policy forbids inline `style`);
/// - empty header cells become data cells (a header must name something);
/// - code blocks and tables, which may scroll sideways, can be reached and scrolled with
///   the keyboard;
/// - the footnotes are a named region;
/// - a link with no text shows its address, and a link around an image without alt text
///   is named by its address (`link-text` and `image-alt` warn about both).
///
/// One pass over the bytes: every page of a large site goes through here.
enum AccessibleBody {
    private static let replacements: [([UInt8], [UInt8])] = [
        (#"<input type="checkbox" disabled="" />"#, #"<input type="checkbox" disabled="" aria-label="task not done" />"#),
        (#"<input type="checkbox" checked="" disabled="" />"#, #"<input type="checkbox" checked="" disabled="" aria-label="task done" />"#),
        (#"<th style="text-align: left"></th>"#, #"<td class="align-left"></td>"#),
        (#"<th style="text-align: center"></th>"#, #"<td class="align-center"></td>"#),
        (#"<th style="text-align: right"></th>"#, #"<td class="align-right"></td>"#),
        (#" style="text-align: left""#, #" class="align-left""#),
        (#" style="text-align: center""#, #" class="align-center""#),
        (#" style="text-align: right""#, #" class="align-right""#),
        ("<th></th>", "<td></td>"),
        ("<pre>", #"<pre tabindex="0">"#),
        (#"<section class="footnotes" data-footnotes>"#, #"<section class="footnotes" data-footnotes aria-label="Footnotes">"#),
        ("<table>", #"<div class="table-frame" tabindex="0"><table>"#),
        ("</table>", "</table></div>"),
    ].map { (Array($0.0.utf8), Array($0.1.utf8)) }

    private static let linkStart = Array(#"<a href=""#.utf8)
    private static let emptyLinkEnd = Array(#""></a>"#.utf8)
    private static let imageStart = Array(#""><img src=""#.utf8)
    private static let emptyAlt = Array(#"" alt="""#.utf8)
    private static let imageEnd = Array(" /></a>".utf8)

    static func adjust(_ html: String) -> String {
        let bytes = Array(html.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 256)
        var index = 0
        scanning: while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "<") || byte == UInt8(ascii: " ") else {
                output.append(byte)
                index += 1
                continue
            }
            for (pattern, replacement) in replacements where matches(pattern, in: bytes, at: index) {
                output += replacement
                index += pattern.count
                continue scanning
            }
            if matches(linkStart, in: bytes, at: index), let quote = firstIndex(of: UInt8(ascii: "\""), in: bytes, from: index + linkStart.count) {
                let href = bytes[(index + linkStart.count)..<quote]
                if matches(emptyLinkEnd, in: bytes, at: quote) {
                    output += linkStart + href + Array(#"">"#.utf8) + href + Array("</a>".utf8)
                    index = quote + emptyLinkEnd.count
                    continue
                }
                // The picture may carry its size after the alt text (`width="750"`).
                if matches(imageStart, in: bytes, at: quote),
                   let source = firstIndex(of: UInt8(ascii: "\""), in: bytes, from: quote + imageStart.count),
                   matches(emptyAlt, in: bytes, at: source),
                   let close = firstIndex(of: UInt8(ascii: ">"), in: bytes, from: source + emptyAlt.count),
                   matches(imageEnd, in: bytes, at: close - 2) {
                    let end = close - 2 + imageEnd.count
                    output += linkStart + href + Array(#"" aria-label=""#.utf8) + href
                    output += bytes[quote..<end]
                    index = end
                    continue
                }
            }
            output.append(byte)
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func matches(_ pattern: [UInt8], in bytes: [UInt8], at index: Int) -> Bool {
        guard index + pattern.count <= bytes.count else { return false }
        for offset in 0..<pattern.count where bytes[index + offset] != pattern[offset] { return false }
        return true
    }

    private static func firstIndex(of byte: UInt8, in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            if bytes[index] == byte { return index }
            index += 1
        }
        return nil
    }
}
