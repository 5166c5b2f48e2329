import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import OutcomeLedger
@testable import OutcomeSite

/// The dependency pictures and the maps: well-formed XML, the same bytes on every build,
/// nothing fetched from elsewhere, and maps that stay within their limit at any size.
struct PictureTests {
    /// Every `<svg>…</svg>` in an HTML page.
    static func pictures(in html: String) -> [String] {
        var found: [String] = []
        var rest = html[...]
        while let start = rest.range(of: "<svg "), let end = rest[start.upperBound...].range(of: "</svg>") {
            found.append(String(rest[start.lowerBound..<end.upperBound]))
            rest = rest[end.upperBound...]
        }
        return found
    }

    /// Parses a picture as XML and returns every attribute value in it.
    static func parse(_ svg: String) throws -> (XMLDocument, [String]) {
        let document = try XMLDocument(xmlString: svg, options: [])
        var values: [String] = []
        var stack: [XMLNode] = [document.rootElement()!]
        while let node = stack.popLast() {
            if let element = node as? XMLElement {
                values += (element.attributes ?? []).compactMap(\.stringValue)
            }
            stack += node.children ?? []
        }
        return (document, values)
    }

    static func expectSelfContained(_ svg: String, root: String = "", sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let (document, values) = try parse(svg)
        #expect(document.rootElement()?.name == "svg", sourceLocation: sourceLocation)
        let openingTag = svg.prefix { $0 != ">" }
        #expect(openingTag.contains(" role=\"group\" aria-label=\"") && !openingTag.contains("aria-label=\"\""),
                sourceLocation: sourceLocation)
        #expect(try document.nodes(forXPath: "/*[local-name()='svg']/*[local-name()='title']").count == 1, sourceLocation: sourceLocation)
        for value in values where value.contains("://") || value.hasPrefix("//") || value.contains("url(") {
            #expect(value == "http://www.w3.org/2000/svg", "external reference \(value)", sourceLocation: sourceLocation)
        }
        #expect(!svg.contains("<script") && !svg.contains("style=") && !svg.contains("<image"), sourceLocation: sourceLocation)
    }

    @Test func musicAppPicturesAreWellFormedSelfContainedAndStable() throws {
        let (first, output) = try BuildTests.build(TestSupport.example("music-app"))
        #expect(first.status == 0)
        let pages = try BuildTests.html(in: output)
        var pictures = 0
        for (page, html) in pages.sorted(by: { $0.key < $1.key }) {
            for svg in Self.pictures(in: html) {
                try Self.expectSelfContained(svg)
                pictures += 1
                // Every box that links goes to a page of the site.
                let (_, values) = try Self.parse(svg)
                for link in values where link.hasSuffix("index.html") {
                    let target = output.appendingPathComponent(page).deletingLastPathComponent().appendingPathComponent(link)
                    #expect(FileManager.default.fileExists(atPath: target.standardizedFileURL.path), "\(page) → \(link)")
                }
            }
        }
        #expect(pictures == 10, "9 outcome pages with links and the map")
        let (_, again) = try BuildTests.build(TestSupport.example("music-app"))
        #expect(try BuildTests.html(in: again) == pages)
    }

    @Test func aPictureShowsEachKindOfNeighbour() throws {
        let (_, output) = try BuildTests.build(TestSupport.example("music-app"))
        let html = try String(contentsOf: output.appendingPathComponent("outcomes/retain-users/index.html"), encoding: .utf8)
        let svg = try #require(Self.pictures(in: html).first)
        for text in ["Depends on", "Depended on by", "Rolls up to", "New listeners hear something", "Free-tier ads pay for",
                     "The music app earns its place", "Listeners keep listening", "▲ at risk", "● on track"] {
            #expect(svg.contains(text), "\(text)")
        }
        #expect(svg.contains("href=\"../../outcomes/grow-ad-revenue/index.html\""))
        #expect(!svg.contains("href=\"../../outcomes/retain-users/index.html\""), "the outcome itself is not a link")
    }

    /// A generated ledger: `count` outcomes under `roots` roots, `fanOut` children each,
    /// every third depending on the one before.
    static func generated(count: Int, fanOut: Int) -> [String: String] {
        var files: [String: String] = [:]
        for index in 0..<count {
            var matter = "title: Outcome number \(index)\nowner: ana\npod: {ana: [builder, communicator], li: operator}\nstatus: active"
            if index > 0 { matter += "\nparent: o\((index - 1) / fanOut)" }
            if index % 3 == 2 { matter += "\ndepends_on: [o\(index - 1)]" }
            files["outcomes/o\(index).md"] = RuleExample.file(matter)
        }
        files["ledger.yml"] = "max_pods_per_person: 100000\n"
        return files
    }

    @Test func aMapOf500OutcomesIsCutToItsLimitAndStillRenders() throws {
        let (run, output) = try BuildTests.build(TestSupport.ledger(Self.generated(count: 500, fanOut: 4)).path)
        #expect(run.status == 0, "\(run.standardError)")
        // 500 outcomes are more than one map holds: the one root gets a map of its own.
        let index = try String(contentsOf: output.appendingPathComponent("map/index.html"), encoding: .utf8)
        #expect(index.contains("map/o0/index.html"))
        let map = try String(contentsOf: output.appendingPathComponent("map/o0/index.html"), encoding: .utf8)
        let svg = try #require(Self.pictures(in: map).first)
        try Self.expectSelfContained(svg)
        let boxes = svg.components(separatedBy: "<rect ").count - 1
        // Generations of 1, 4, 16, 64, 256 and 159: the first five (341 boxes) fit in 400.
        #expect(boxes == 341)
        #expect(svg.contains("→ 4 more on its page"))
        #expect(map.contains("Only the first 5 generations fit in 400 boxes"))
    }

    @Test func aSmallLedgerHasOneMapOfEverything() throws {
        let (_, output) = try BuildTests.build(TestSupport.ledger(Self.generated(count: 40, fanOut: 3)).path)
        let map = try String(contentsOf: output.appendingPathComponent("map/index.html"), encoding: .utf8)
        let svg = try #require(Self.pictures(in: map).first)
        #expect(svg.components(separatedBy: "<rect ").count - 1 == 40)
        #expect(svg.components(separatedBy: "class=\"edge-dependency\"").count - 1 == 13, "every third outcome depends on another")
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("map/o0").path))
    }

    @Test func generationsAreCountedWithinTheLimit() {
        func chain(_ widths: [Int]) -> [OutcomeTree.Node] {
            guard let first = widths.first else { return [] }
            return (0..<first).map { OutcomeTree.Node(id: "n\($0)", children: chain(Array(widths.dropFirst()))) }
        }
        // 1 + 3 + 9 + 27 = 40 boxes: everything fits in 40, three generations in 39.
        #expect(SitePages.deepestGeneration(of: chain([1, 3, 3, 3]), within: 40) == Int.max)
        #expect(SitePages.deepestGeneration(of: chain([1, 3, 3, 3]), within: 39) == 2)
        #expect(SitePages.deepestGeneration(of: chain([1, 3, 3, 3]), within: 4) == 1)
    }
}
