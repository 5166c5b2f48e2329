// Writes the files of a theme folder as a Swift dictionary literal: file path → contents.
// Used by the EmbedTheme build plugin: `embed-theme THEME_FOLDER OUTPUT.swift`.
import Foundation

@main
enum EmbedThemeTool {
    static func main() throws {
        let arguments = CommandLine.arguments
        guard arguments.count == 3 else {
            FileHandle.standardError.write(Data("usage: embed-theme THEME_FOLDER OUTPUT.swift\n".utf8))
            exit(2)
        }
        let folder = URL(fileURLWithPath: arguments[1])
        let paths = (FileManager.default.subpaths(atPath: folder.path) ?? [])
            .filter { path in
                var isDirectory: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isDirectory)
                return !isDirectory.boolValue && !path.hasPrefix(".") && path != "README.md"
            }
            .sorted()
        var source = "// Generated from templates/ by the EmbedTheme plugin. Edit the files there.\n\n"
        source += "/// The default theme, by path inside `templates/`.\n"
        source += "enum EmbeddedTheme {\n    static let files: [String: String] = [\n"
        for path in paths {
            let text = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
            source += "        \"\(path)\": \(literal(text)),\n"
        }
        source += "    ]\n}\n"
        try source.write(to: URL(fileURLWithPath: arguments[2]), atomically: true, encoding: .utf8)
    }

    /// A raw string literal whose delimiter can't occur in the text.
    static func literal(_ text: String) -> String {
        var longest = 0
        var run = 0
        for character in text {
            run = character == "#" ? run + 1 : 0
            longest = max(longest, run)
        }
        let hashes = String(repeating: "#", count: longest + 1)
        return "\(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes)"
    }
}
