import Foundation
import Testing
@testable import OutcomeLedger
@testable import OutcomeSite

/// The dashboard's tree: everything on a small ledger; on a large one, whole generations
/// up to `SitePages.treeLimit` rows, each cut row saying how many outcomes its page lists,
/// and no outcome out of reach.
struct DashboardTreeTests {
    /// The tree section of a dashboard.
    static func tree(in dashboard: String) throws -> Substring {
        let start = try #require(dashboard.range(of: "<h2 id=\"tree\">"))
        let end = try #require(dashboard.range(of: "<h2 id=\"overview\">"))
        return dashboard[start.upperBound..<end.lowerBound]
    }

    static func count(_ text: some StringProtocol, _ part: String) -> Int {
        text.components(separatedBy: part).count - 1
    }

    @Test func aLargeLedgersTreeShowsTheGenerationsThatFit() throws {
        let (run, output) = try BuildTests.build(TestSupport.ledger(PictureTests.generated(count: 500, fanOut: 4)).path)
        #expect(run.status == 0, "\(run.standardError)")
        let dashboard = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        let tree = try Self.tree(in: dashboard)
        // Generations of 1, 4, 16, 64, 256 and 159: the first five (341 rows) fit in 400.
        #expect(Self.count(tree, "<div class=\"row\">") == 341)
        #expect(tree.contains("the tree shows the first 5 generations by parent: 341 of 500 outcomes"))
        // The fifth generation is o85…o340; o85…o124 have children (o124 only three).
        #expect(Self.count(tree, "class=\"below\"") == 40)
        #expect(tree.contains("<a class=\"below\" href=\"outcomes/o85/index.html#Links\">4 outcomes below<span class=\"visually-hidden\"> Outcome number 85</span></a>"))
        #expect(tree.contains("href=\"outcomes/o124/index.html#Links\">3 outcomes below<"))
        #expect(!tree.contains("href=\"outcomes/o341/index.html\""), "the sixth generation is not on the dashboard")
        // A page that the tree cuts below still lists what is below it.
        let page = try String(contentsOf: output.appendingPathComponent("outcomes/o85/index.html"), encoding: .utf8)
        for child in 341...344 { #expect(page.contains("href=\"../../outcomes/o\(child)/index.html\"")) }
        #expect(dashboard.utf8.count < 400_000, "the dashboard stays small: \(dashboard.utf8.count) bytes")
    }

    /// Following links from the dashboard reaches every outcome's page.
    @Test func everyOutcomeIsReachableFromTheDashboard() throws {
        let (_, output) = try BuildTests.build(TestSupport.ledger(PictureTests.generated(count: 500, fanOut: 4)).path)
        let link = /outcomes\/(o[0-9]+)\/index\.html/
        var reached: Set<String> = []
        var pending = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8).matches(of: link).map { String($0.1) }
        while let id = pending.popLast() {
            guard reached.insert(id).inserted else { continue }
            let page = try String(contentsOf: output.appendingPathComponent("outcomes/\(id)/index.html"), encoding: .utf8)
            pending += page.matches(of: link).map { String($0.1) }
        }
        #expect(reached.count == 500)
    }

    @Test func aSmallLedgersTreeShowsEveryOutcome() throws {
        let (_, output) = try BuildTests.build(TestSupport.ledger(PictureTests.generated(count: 40, fanOut: 3)).path)
        let dashboard = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        let tree = try Self.tree(in: dashboard)
        #expect(Self.count(tree, "<div class=\"row\">") == 40)
        #expect(!tree.contains("class=\"below\""))
        #expect(!tree.contains("The ledger is large"))
    }

    /// A ledger of nothing but top-level outcomes keeps all of them: the tree is the one
    /// list of every outcome, and there is no generation to cut.
    @Test func topLevelOutcomesAreNeverCut() throws {
        var files: [String: String] = [:]
        for index in 0..<450 {
            files["outcomes/o\(index).md"] = RuleExample.file("title: Outcome number \(index)\nowner: ana\npod: {ana: [builder, communicator], li: operator}")
        }
        files["ledger.yml"] = "max_pods_per_person: 100000\n"
        let (_, output) = try BuildTests.build(TestSupport.ledger(files).path)
        let tree = try Self.tree(in: String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8))
        #expect(Self.count(tree, "<div class=\"row\">") == 450)
        #expect(!tree.contains("class=\"below\""))
        #expect(!tree.contains("The ledger is large"))
    }

    @Test func generationsAreCountedFromTheTop() {
        let tree = [OutcomeTree.Node(id: "a", children: [
            OutcomeTree.Node(id: "b", children: [OutcomeTree.Node(id: "d", children: [])]),
            OutcomeTree.Node(id: "c", children: []),
        ])]
        #expect(SitePages.count(of: tree, generations: 0) == 0)
        #expect(SitePages.count(of: tree, generations: 1) == 1)
        #expect(SitePages.count(of: tree, generations: 2) == 3)
        #expect(SitePages.count(of: tree, generations: 9) == 4)
    }
}
