import Foundation
import PackagePlugin

/// Embeds the default theme (the top-level `templates/` folder) into the library as Swift
/// source, so an installed `outcomes` binary needs no files beside it.
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
        return [.buildCommand(
            displayName: "Embedding the default theme",
            executable: try context.tool(named: "embed-theme").url,
            arguments: [theme.path, output.path],
            inputFiles: files,
            outputFiles: [output]
        )]
    }
}
