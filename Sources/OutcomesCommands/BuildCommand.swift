import ArgumentParser
import Foundation
import OutcomeLedger
import OutcomeSite

/// `outcomes build [ROOT]`: check the ledger, then publish it as a static site with
/// JSON summaries.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Check a ledger and publish it as a static HTML site with JSON summaries.",
        discussion: """
            With errors the build stops and the output folder is left as it was, unless --keep-going. \
            Exit status: 0 built, 1 errors in the ledger or its templates, 2 the tool could not run.
            """
    )

    @OptionGroup var ledger: LedgerRootArgument

    @Option(name: .shortAndLong, help: "The folder to write the site into (default: ROOT/_site).", completion: .directory)
    var output: String?

    @Option(help: "The absolute URL the site is published at, for canonical links (default: base_url in ledger.yml).")
    var baseURL: String?

    @Option(help: "A folder of templates overriding the default theme by file name.", completion: .directory)
    var templates: String?

    @Flag(help: "Build even when the ledger has errors, with a Problems page.")
    var keepGoing = false

    @Option(help: "The date review dates are compared with (YYYY-MM-DD); defaults to today.")
    var today: String?

    @Flag(help: "Leave out the git history (each outcome's changes, what changed lately, the stale signal).")
    var noHistory = false

    @Option(help: "Colour the report: auto, always or never.")
    var color: ColorChoice = .auto

    func validate() throws {
        if let today, CalendarDate(today) == nil {
            throw ValidationError("--today must be a date written YYYY-MM-DD, found `\(today)`")
        }
        if let templates, FileManager.default.fileExists(atPath: templates) == false {
            throw ValidationError("--templates: no such folder: \(templates)")
        }
    }

    func run() throws {
        let date = today.flatMap(CalendarDate.init) ?? CalendarDate.today()
        let destination = output ?? (ledger.root as NSString).appendingPathComponent("_site")
        let overrides = Theme.overrides(root: ledger.root, templates: templates)
        // Nothing changed since the site in the output was built: say so, and stop.
        let fingerprint = BuildCache.fingerprint(root: ledger.root, overrides: overrides, options: [
            "\(date)", baseURL ?? "", "\(keepGoing)", templates ?? "",
            noHistory ? "no history" : Blocking.wait { [root = ledger.root] in await HistoryReader.identity(root: root) },
        ])
        if let fingerprint, let report = BuildCache.report(in: destination, matching: fingerprint, root: ledger.root) {
            SiteWriter.removeAbandonedStaging(of: destination)
            if !report.isEmpty { Terminal.standardError(report) }
            Terminal.standardOutput("Up to date: nothing changed since \(destination) was built\n")
            return
        }
        var compilation: Compilation
        // Files parsed by the build that wrote the site in the output are not parsed again.
        let parseCache = ParseCache()
        if case .success(let bytes) = FileSystem.read("\(destination)/\(ParseCache.fileName)") { parseCache.restore(from: bytes) }
        do {
            compilation = try LedgerCompiler.compile(root: ledger.root, options: .init(today: date, cache: parseCache))
        } catch {
            Terminal.standardError("outcomes: \(error)")
            throw ExitCode(2)
        }
        // Taken now: history compiles older revisions with the same cache. Written last,
        // once the pages are.
        let parsed = parseCache.saved()
        let reporter = HumanReporter(color: color.enabled(for: STDERR_FILENO))
        if !compilation.diagnostics.isEmpty {
            Terminal.standardError(reporter.report(compilation))
        }
        if compilation.errorCount > 0 && !keepGoing {
            Terminal.standardError("outcomes: not building: fix the errors above, or build anyway with --keep-going")
            throw ExitCode(1)
        }

        if !noHistory {
            let (compiled, root) = (compilation, ledger.root)
            compilation = Blocking.wait { await compiled.addingHistory(root: root, today: date, cache: parseCache) }
        }
        let options = SiteBuilder.Options(baseURL: baseURL, overrides: overrides, keepGoing: keepGoing)

        let site: Site
        switch SiteBuilder.site(for: compilation, options: options) {
        case .success(let built): site = built
        case .failure(let problems):
            let count = problems.diagnostics.count
            Terminal.standardError(reporter.report(
                problems.diagnostics, summary: "\(count) template error\(count == 1 ? "" : "s"); nothing was built"))
            throw ExitCode(1)
        }

        let report = compilation.diagnostics.isEmpty ? "" : HumanReporter(color: false).report(compilation)
        let progress = ProgressBar.forStandardError(label: "files")
        var advance: (@Sendable (Int, Int) -> Void)?
        if let progress { advance = { done, total in progress.update(done, of: total) } }
        let cache = { (written: [(path: String, size: Int)]) -> [SiteFile] in
            let built = fingerprint.map { [BuildCache.file(fingerprint: $0, report: report, written: written, compilation: compilation)] } ?? []
            return built + (parsed.map { [SiteFile(path: ParseCache.fileName, contents: $0.fileContents())] } ?? [])
        }
        do {
            try SiteWriter.write(site, to: destination, progress: advance, finishing: cache)
            progress?.finish()
        } catch {
            progress?.finish()
            Terminal.standardError("outcomes: \(error)")
            throw ExitCode(2)
        }
        let pages = site.entries.count { $0.path.hasSuffix(".html") }
        let index = URL(fileURLWithPath: destination).standardizedFileURL.appendingPathComponent("index.html").path
        Terminal.standardOutput("Built \(pages) pages into \(destination)\nOpen \(index)\n")
        UntilExit.keep(compilation)
        UntilExit.keep(site)
    }
}
