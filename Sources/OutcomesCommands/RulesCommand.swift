import ArgumentParser
import OutcomeLedger

/// `outcomes rules`: every rule with its default severity and what it fires on.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List every rule with its default severity and description."
    )

    func run() throws {
        Terminal.standardOutput(RulesListing.text())
    }
}

/// The rules table as plain text, aligned in columns.
enum RulesListing {
    static func text() -> String {
        let rules = RuleRegistry.all
        let width = rules.map { $0.name.count }.max() ?? 0
        return rules.map { rule in
            let name = rule.name.padding(toLength: width, withPad: " ", startingAt: 0)
            let severity = rule.defaultSeverity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
            return "\(name)  \(severity)  \(rule.summary)\n"
        }.joined()
    }
}
