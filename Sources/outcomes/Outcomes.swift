import Foundation
import OutcomesCommands

/// The `outcomes` executable: everything lives in OutcomesCommands; this only turns its
/// result into the process's exit status.
@main
enum Outcomes {
    static func main() {
        exit(OutcomesCLI.run(arguments: Array(CommandLine.arguments.dropFirst())))
    }
}
