import Foundation
import Testing
@testable import OutcomeLedger
@testable import OutcomeSite

/// `outcomes build` as a publishing pipeline runs it.
struct BuildTests {
    /// Builds a ledger into a fresh folder with the binary and returns the run and the folder.
    static func build(_ root: String, _ extra: [String] = []) throws -> (TestSupport.Run, URL) {
        let output = TestSupport.temporaryFolder().appendingPathComponent("site")
        // The examples live in this project's repository, whose history is not theirs.
        let history = root.hasPrefix(TestSupport.repositoryRoot.path) ? ["--no-history"] : []
        let run = try TestSupport.run(["build", root, "--output", output.path, "--today", "2026-11-21"] + history + extra)
        return (run, output)
    }

    static func files(in folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)!
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { files[path] = try Data(contentsOf: folder.appendingPathComponent(path)) }
        }
        return files
    }

    static func html(in folder: URL) throws -> [String: String] {
        try files(in: folder).filter { $0.key.hasSuffix(".html") }.mapValues { String(decoding: $0, as: UTF8.self) }
    }

    @Test(arguments: ["music-app", "ai-builder-pods"])
    func everyPageExists(example: String) throws {
        let (run, output) = try Self.build(TestSupport.example(example))
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("index.html"))
        let files = try Self.files(in: output)
        let compilation = try LedgerCompiler.compile(root: TestSupport.example(example), options: .init(today: TestSupport.today))
        var expected = ["index.html", "attention/index.html", "map/index.html", "people/index.html", "ledger.json",
                        "summary.json", "assets/style.css",
                        SiteWriter.markerName, BuildCache.fileName, Manifest.fileName, ParseCache.fileName]
        expected += compilation.ledger.outcomes.map { "outcomes/\($0.id.value)/index.html" }
        let handles = compilation.ledger.people?.map(\.handle.value)
            ?? compilation.ledger.outcomes.flatMap { $0.pod ?? [] }.map(\.handle.value)
        expected += handles.map { "people/\($0)/index.html" }
        let tags = Set(compilation.ledger.outcomes.flatMap(\.tags).map(\.value))
        if !tags.isEmpty { expected += ["tags/index.html"] + tags.map { "tags/\($0)/index.html" } }
        // Files the bodies link to, under files/ at their place in the ledger.
        for outcome in compilation.ledger.outcomes {
            for link in outcome.links { if case .asset(let path)? = link.target { expected.append("files/" + path) } }
        }
        #expect(Set(files.keys) == Set(expected))
    }

    @Test(arguments: ["music-app", "ai-builder-pods"])
    func everyInternalLinkResolves(example: String) throws {
        let (_, output) = try Self.build(TestSupport.example(example))
        let pages = try Self.html(in: output)
        var checked = 0
        for (page, html) in pages {
            for link in Self.references(in: html) {
                if link.hasPrefix("#") || link.hasPrefix("mailto:") || link.hasPrefix("https://") || link.hasPrefix("http://") { continue }
                let target = output.appendingPathComponent(page).deletingLastPathComponent()
                    .appendingPathComponent(String(link.split(separator: "#").first ?? "")).standardizedFileURL
                #expect(FileManager.default.fileExists(atPath: target.path), "\(page) links to \(link)")
                #expect(target.path.hasPrefix(output.standardizedFileURL.path), "\(page) links out of the site: \(link)")
                checked += 1
            }
        }
        #expect(checked > 50)
    }

    /// The values of every `href` and `src` attribute.
    static func references(in html: String) -> [String] {
        var found: [String] = []
        for attribute in ["href=\"", "src=\""] {
            var rest = html[...]
            while let start = rest.range(of: attribute) {
                rest = rest[start.upperBound...]
                guard let end = rest.firstIndex(of: "\"") else { break }
                found.append(String(rest[..<end]))
                rest = rest[end...]
            }
        }
        return found
    }

    @Test func noExternalRequestsAndNoScripts() throws {
        let (_, output) = try Self.build(TestSupport.example("music-app"), ["--base-url", "https://example.com/ledger"])
        for (page, html) in try Self.html(in: output) {
            #expect(!html.contains("<script"), "\(page)")
            #expect(!html.contains("src=\"http"), "\(page)")
            #expect(!html.contains("<link rel=\"stylesheet\" href=\"http"), "\(page)")
            #expect(html.contains("<html lang=\"en\">"))
            #expect(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"), "\(page)")
            #expect(html.components(separatedBy: "<h1").count == 2, "\(page) has one h1")
        }
        let index = try String(contentsOf: output.appendingPathComponent("outcomes/retain-users/index.html"), encoding: .utf8)
        #expect(index.contains("<link rel=\"canonical\" href=\"https://example.com/ledger/outcomes/retain-users/\">"))
    }

    @Test func canonicalLinksOnlyWithABaseURL() throws {
        let (_, output) = try Self.build(TestSupport.example("music-app"))
        for (_, html) in try Self.html(in: output) {
            #expect(!html.contains("rel=\"canonical\""))
        }
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let (_, first) = try Self.build(TestSupport.example("music-app"))
        let (_, second) = try Self.build(TestSupport.example("music-app"))
        #expect(try Self.files(in: first) == Self.files(in: second))
    }

    @Test func ledgerAndSummaryMatchTheirGoldens() throws {
        let (_, output) = try Self.build(TestSupport.example("music-app"))
        try TestSupport.expectGolden(String(contentsOf: output.appendingPathComponent("ledger.json"), encoding: .utf8),
                                     "music-app.ledger.json")
        try TestSupport.expectGolden(String(contentsOf: output.appendingPathComponent("summary.json"), encoding: .utf8),
                                     "music-app.summary.json")
    }

    @Test(arguments: ["music-app", "ai-builder-pods", "broken"])
    func jsonMatchesTheCommittedSchemas(example: String) throws {
        let (_, output) = try Self.build(TestSupport.example(example), ["--keep-going"])
        let schemas = TestSupport.repositoryRoot.appendingPathComponent("schemas")
        let script = """
            import json, sys, jsonschema
            for name in ("ledger", "summary"):
                schema = json.load(open(sys.argv[1] + "/" + name + ".schema.json"))
                jsonschema.Draft7Validator.check_schema(schema)
                jsonschema.Draft7Validator(schema).validate(json.load(open(sys.argv[2] + "/" + name + ".json")))
            print("valid")
            """
        let (status, text) = try TestSupport.python(script, schemas.path, output.path)
        #expect(status == 0, "\(text)")
        #expect(text == "valid\n")
    }

    /// The page with each inline `<svg>…</svg>` replaced by a `<span>`.
    static func removingPictures(from html: String) -> String {
        var output = ""
        var rest = html[...]
        while let start = rest.range(of: "<svg "), let end = rest[start.upperBound...].range(of: "</svg>") {
            output += rest[..<start.lowerBound] + "<span>picture</span>"
            rest = rest[end.upperBound...]
        }
        return output + rest
    }

    @Test(arguments: ["music-app", "ai-builder-pods"])
    func pagesAreValidHTML(example: String) throws {
        let (_, output) = try Self.build(TestSupport.example(example))
        let checked = TestSupport.temporaryFolder()
        for (page, html) in try Self.html(in: output) {
            // tidy knows no SVG links; the pictures are checked as XML by PictureTests.
            let copy = checked.appendingPathComponent(page.replacingOccurrences(of: "/", with: "-"))
            try Self.removingPictures(from: html).write(to: copy, atomically: true, encoding: .utf8)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["tidy", "-errors", "-quiet", copy.path]
            let pipe = Pipe()
            process.standardError = pipe
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let errors = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            // tidy exits 0 when clean, 1 with warnings, 2 with errors: hold pages to clean.
            #expect(process.terminationStatus == 0, "\(page): \(errors)")
            #expect(errors.isEmpty, "\(page): \(errors)")
        }
    }
}
