import ArgumentParser
import OutcomeLedger

/// `outcomes schema front-matter|config`: JSON Schema for editors.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of outcome front matter or of ledger.yml, for editors.",
        discussion: "The same files are in the repository's schemas/ folder."
    )

    @Argument(help: ArgumentHelp("Which schema: \(EditorSchemas.names.joined(separator: " or ")).", valueName: "name"),
              completion: .list(EditorSchemas.names))
    var name: String

    func validate() throws {
        guard EditorSchemas.names.contains(name) else {
            throw ValidationError("unknown schema `\(name)`; schemas are \(EditorSchemas.names.joined(separator: ", "))")
        }
    }

    func run() throws {
        Terminal.standardOutput(EditorSchemas.schema(named: name)!)
    }
}
