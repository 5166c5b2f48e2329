// libFuzzer entry point: `make fuzz SECONDS=N`. Feeds arbitrary bytes to the stages that
// read untrusted input: decoding and front-matter splitting, YAML into the model (outcome
// files, people.yml, ledger.yml), the markdown pre-scan and outline, path handling, and
// the reading of SVG files before they are published.
import OutcomeLedger

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    FuzzHarness.run(bytes)
    return 0
}

/// libFuzzer's own driver, which parses its flags and runs the fuzzing loop.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// SwiftPM links executables with `main` renamed to `<module>_main` (so tests can import
/// them), which keeps libFuzzer's `main` out: this is that entry, handing over to libFuzzer.
@_cdecl("outcomes_fuzz_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { data, size in fuzzOneInput(data, size) }
}
#else
/// Without the fuzzer there is nothing to run; say how to.
@main
enum FuzzUsage {
    static func main() {
        print("outcomes-fuzz: build and run it with `make fuzz SECONDS=N`.")
    }
}
#endif

/// One input through every untrusted-input stage. Any crash, sanitizer report or hang is
/// a finding; results are not checked here (the test suite does that).
enum FuzzHarness {
    static func run(_ bytes: [UInt8]) {
        // A picture a body links to: an SVG is read as XML before it is published.
        _ = ActiveSVG.reason(bytes)
        let config = LedgerConfig()
        guard case .success(let text) = SourceText.decode(path: "outcomes/fuzz.md", bytes: bytes) else { return }
        _ = FrontMatterSplitter.split(text)
        let (outcome, _) = OutcomeParser.parse(text, config: config)
        // The whole markdown path behind the guard, as the site takes it: the body, and the
        // input itself as a body. A slow input here is a finding (-timeout=1).
        if outcome.bodyIsParsed { _ = Markdown.render(String(outcome.body), droppingTitle: outcome.title?.value, droppingListSection: config.doneHeading) }
        if MarkdownComplexity.check(text.text) == nil { _ = Markdown.render(text.text) }
        _ = PeopleParser.parse(SourceText(path: "people.yml", text: text.text))
        _ = ConfigParser.parse(SourceText(path: "ledger.yml", text: text.text), ruleNames: RuleRegistry.names)
        // Path handling: whatever an author writes as an id or handle, or a file name.
        for candidate in [outcome.id.value, outcome.owner?.value ?? "", text.text] {
            _ = Identifiers.isSlug(candidate)
            _ = Identifiers.isHandle(candidate)
            _ = Identifiers.slug(from: candidate)
            _ = Identifiers.isSafeRelativePath(candidate)
            _ = OutcomeParser.idFromFileName(candidate)
        }
    }
}
