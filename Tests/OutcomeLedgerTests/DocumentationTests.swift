import Foundation
import Testing
@testable import OutcomeLedger

/// The README's rules table is the registry's: a rule added or reworded without updating
/// the documentation fails here.
struct DocumentationTests {
    @Test func readmeListsEveryRuleAsTheRegistryDescribesIt() throws {
        let readme = try String(contentsOf: TestSupport.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let rows = readme.split(separator: "\n").filter { $0.hasPrefix("| `") && $0.contains(" | error | ") || $0.contains(" | warning | ") }
        #expect(rows.count == RuleRegistry.all.count)
        for rule in RuleRegistry.all {
            #expect(readme.contains("| `\(rule.name)` | \(rule.defaultSeverity.rawValue) | \(rule.summary) |"), "\(rule.name)")
        }
    }

    @Test func healthReferenceListsEverySignalAsTheRegistryDescribesIt() throws {
        let health = try String(contentsOf: TestSupport.repositoryRoot.appendingPathComponent("docs/health.md"), encoding: .utf8)
        for signal in SignalRegistry.all {
            let level = signal.name == ReportedSignal.name ? "the owner's" : signal.defaultLevel.rawValue
            #expect(health.contains("| `\(signal.name)` | \(level) | \(signal.summary) |"), "\(signal.name)")
        }
    }

    @Test func formatReferenceNamesEveryKey() throws {
        let format = try String(contentsOf: TestSupport.repositoryRoot.appendingPathComponent("docs/format.md"), encoding: .utf8)
        for key in OutcomeParser.knownKeys {
            #expect(format.contains("| `\(key)` |"), "\(key)")
        }
        for key in ConfigParser.knownKeys {
            #expect(format.contains("\n\(key):"), "\(key)")
        }
    }
}
