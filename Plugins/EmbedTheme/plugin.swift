import Foundation
import PackagePlugin

/// Embeds the default theme (the top-level `templates/` folder) into the library as Swift
/// source, so an installed `outcomes` binary needs no files beside it — and the commit the
/// package was built from, for `outcomes --version`.
@main
struct EmbedTheme: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let theme = context.package.directoryURL.appending(path: "templates")
        let files = (FileManager.default.subpaths(atPath: theme.path) ?? [])
            .filter { !$0.hasPrefix(".") && $0 != "README.md" }
            .map { theme.appending(path: $0) }
            .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
            .sorted { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedTheme.swift")
        let commitOutput = context.pluginWorkDirectoryURL.appending(path: "BuildCommit.swift")
        let (commit, gitFiles) = Self.commit(of: context.package.directoryURL)
        return [.buildCommand(
            displayName: "Embedding the default theme",
            executable: try context.tool(named: "embed-theme").url,
            arguments: [theme.path, output.path, commit, commitOutput.path],
            inputFiles: files + gitFiles,
            outputFiles: [output, commitOutput]
        )]
    }

    /// The commit checked out in the package's git folder, read from its files (no `git`
    /// needed), and the files it was read from; "unknown" outside a git checkout.
    static func commit(of package: URL) -> (String, [URL]) {
        var gitDirectory = package.appending(path: ".git")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: gitDirectory.path, isDirectory: &isDirectory) else { return ("unknown", []) }
        if !isDirectory.boolValue {
            // A worktree: `.git` is a file naming the real folder.
            guard let text = try? String(contentsOf: gitDirectory, encoding: .utf8), text.hasPrefix("gitdir: ") else { return ("unknown", []) }
            let path = text.dropFirst(8).trimmingCharacters(in: .whitespacesAndNewlines)
            gitDirectory = path.hasPrefix("/") ? URL(fileURLWithPath: path) : package.appending(path: path)
        }
        let head = gitDirectory.appending(path: "HEAD")
        guard let headText = try? String(contentsOf: head, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines) else {
            return ("unknown", [])
        }
        guard headText.hasPrefix("ref: ") else { return (headText, [head]) }
        let reference = String(headText.dropFirst(5))
        var common = gitDirectory
        if let shared = try? String(contentsOf: gitDirectory.appending(path: "commondir"), encoding: .utf8) {
            let path = shared.trimmingCharacters(in: .whitespacesAndNewlines)
            common = path.hasPrefix("/") ? URL(fileURLWithPath: path) : gitDirectory.appending(path: path)
        }
        let loose = common.appending(path: reference)
        if let id = try? String(contentsOf: loose, encoding: .utf8) {
            return (id.trimmingCharacters(in: .whitespacesAndNewlines), [head, loose])
        }
        let packed = common.appending(path: "packed-refs")
        let lines = (try? String(contentsOf: packed, encoding: .utf8))?.split(separator: "\n") ?? []
        if let line = lines.first(where: { $0.hasSuffix(" " + reference) }) {
            return (String(line.prefix { $0 != " " }), [head, packed])
        }
        return ("unknown", [head])
    }
}
