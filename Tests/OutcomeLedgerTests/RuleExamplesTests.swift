import Foundation
import Testing
@testable import OutcomeLedger

/// Every rule's documented examples are executable: each one fires or stays quiet, at the
/// position it claims.
struct RuleExamplesTests {
    static let cases: [(String, Int)] = RuleRegistry.all.flatMap { rule in
        rule.examples.indices.map { (rule.name, $0) }
    }

    @Test("each rule example behaves as documented", arguments: cases)
    func example(rule name: String, index: Int) throws {
        let rule = try #require(RuleRegistry.rule(named: name))
        let example = rule.examples[index]
        let compilation = try TestSupport.compile(example.files)
        let found = compilation.diagnostics(name)
        if example.triggers {
            #expect(!found.isEmpty, "\(name) example \(index) should fire; got \(compilation.diagnostics.map(\.position))")
            if let expected = example.expectedLocation {
                #expect(found.first?.position == expected)
            }
        } else {
            #expect(found.isEmpty, "\(name) example \(index) should stay quiet; got \(found.map(\.message))")
        }
    }

    /// What counts as measurable: a digit, `<`, `>`, `=`, `≤` or `≥` anywhere — and
    /// nothing that merely shares bytes with them.
    @Test func measurableDoneItems() {
        for text in ["week-4 retention", "≥ half", "at most ≤ ten", "a < b", "x = y", "by March 2027", "> 99.9 %"] {
            #expect(DoneMeasurable.isMeasurable(text), "\(text)")
        }
        for text in ["Artists love it", "", "≠ worse", "≦ ten", "≪ slower", "¤ price", "€", "Ⅳ quarters", "—", "٣ (not an ASCII digit)"] {
            #expect(!DoneMeasurable.isMeasurable(text), "\(text)")
        }
    }

    @Test func everyRuleHasAFiringAndAQuietExample() {
        // Rules whose input can't be written as text are covered by their own tests instead.
        let coveredElsewhere: Set<String> = [LinkOutsideRoot.name, TemplateProblem.name]
        for rule in RuleRegistry.all where !coveredElsewhere.contains(rule.name) {
            #expect(rule.examples.contains { $0.triggers }, "\(rule.name) has no firing example")
            #expect(rule.examples.contains { !$0.triggers }, "\(rule.name) has no quiet example")
        }
    }

    @Test func registryListsEveryRuleFile() throws {
        let folder = TestSupport.repositoryRoot.appendingPathComponent("Sources/OutcomeLedger/Rules")
        let infrastructure: Set<String> = ["Rule", "RuleExample", "RuleRegistry"]
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".swift") }
            .map { String($0.dropLast(6)) }
            .filter { !infrastructure.contains($0) }
        let registered = Set(RuleRegistry.all.map { String(describing: $0) })
        #expect(Set(files) == registered)
    }

    @Test func ruleNamesAreUniqueKebabCase() {
        let names = RuleRegistry.names
        #expect(Set(names).count == names.count)
        for name in names {
            #expect(name.allSatisfy { $0.isLowercase || $0 == "-" }, "\(name)")
        }
    }
}

/// Messages that name things stay readable however many there are.
struct LongRuleMessageTests {
    /// A person in many pods: the message names the first few and counts the rest.
    @Test func spanOfOwnershipNamesTheFirstPods() throws {
        var files: [String: String] = [:]
        for index in 1...9 { files["outcomes/o\(index).md"] = SpanOfOwnership.pod("Outcome \(index)") }
        let compilation = try TestSupport.compile(TestSupport.ledger(files))
        let messages = compilation.diagnostics("span-of-ownership").map(\.message)
        #expect(messages.count == 2)
        #expect(messages.contains("`ana` is in 9 proposed or active pods (more than 3): `o1`, `o2`, `o3`, `o4`, `o5`, `o6` and 3 more"))
    }
}

extension LongRuleMessageTests {
    /// A picture written as HTML is told how to give it alt text in HTML, a markdown one in
    /// markdown.
    @Test func imageAltSpeaksTheLanguageThePictureIsWrittenIn() throws {
        let body = RuleExample.standardBody + "\n\nA chart: ![](funnel.png)\n\n<p>Also <img src=\"funnel.png\"> here</p>\n"
        let compilation = try TestSupport.compile(TestSupport.ledger([
            RuleExample.mainFile: RuleExample.file(body: body), "outcomes/funnel.png": "PNG",
        ]))
        let hints = compilation.diagnostics("image-alt").map { $0.hint ?? "" }
        #expect(hints == ["say what it shows: ![what the picture shows](funnel.png)",
                          "say what it shows: <img src=\"funnel.png\" alt=\"what the picture shows\">"])
    }
}

extension LongRuleMessageTests {
    /// A link written as HTML without text is told to take its text in HTML.
    @Test func linkTextSpeaksTheLanguageTheLinkIsWrittenIn() throws {
        let body = RuleExample.standardBody + "\n\nThe brief is [](https://example.com/brief) or <a href=\"https://example.com/b\"></a>.\n"
        let compilation = try TestSupport.compile(TestSupport.ledger([RuleExample.mainFile: RuleExample.file(body: body)]))
        let hints = compilation.diagnostics("link-text").map { $0.hint ?? "" }
        #expect(hints == ["write what the reader will find there: [what it is](https://example.com/brief)",
                          "write what the reader will find there: <a href=\"https://example.com/b\">what it is</a>"])
    }
}
