/// `--format gitlab`: GitLab's Code Quality report, shown in merge requests. An array of
/// findings; fingerprints are unique and stay the same when lines move.
public struct GitLabReporter: Reporter {
    public static let identifier = "gitlab"

    public init() {}

    public func report(_ compilation: Compilation, context: ReportContext) -> String {
        let fingerprints = Fingerprint.of(compilation.diagnostics)
        return JSONValue.array(zip(compilation.diagnostics, fingerprints).map { diagnostic, fingerprint in
            .object([
                ("description", .string(diagnostic.message)),
                ("check_name", .string(diagnostic.rule)),
                ("fingerprint", .string(fingerprint)),
                ("severity", .string(diagnostic.severity == .error ? "major" : "minor")),
                ("location", .object([
                    ("path", .string(context.path(diagnostic.location.file))),
                    ("lines", .object([("begin", .int(diagnostic.location.line))])),
                ])),
            ] + (diagnostic.hint.map { [("content", JSONValue.object([("body", .string("help: " + $0))]))] } ?? []))
        }).rendered()
    }
}
