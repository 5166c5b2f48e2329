import Foundation
import OutcomesCommands

exit(OutcomesCLI.run(arguments: Array(CommandLine.arguments.dropFirst())))
