import Foundation

/// `--format github`: GitHub Actions workflow commands, so problems appear as annotations
/// on the pull request's files.
///
/// GitHub shows at most 10 error and 10 warning annotations per step, so only the first
/// ones are annotations; the rest are printed as plain lines, followed by a count.
public struct GitHubReporter: Reporter {
    public static let identifier = "github"
    public static let annotationLimit = 10

    public init() {}

    public func report(_ compilation: Compilation, context: ReportContext) -> String {
        var output = ""
        var annotated: [Severity: Int] = [:]
        var skipped: [Severity: Int] = [:]
        for diagnostic in compilation.diagnostics {
            let location = diagnostic.location
            let file = context.path(location.file)
            if annotated[diagnostic.severity, default: 0] < Self.annotationLimit {
                annotated[diagnostic.severity, default: 0] += 1
                let properties = [
                    "file=\(Self.escapeProperty(file))", "line=\(location.line)", "col=\(location.column)",
                    "title=\(Self.escapeProperty(diagnostic.rule))",
                ].joined(separator: ",")
                // The help goes on a line of its own inside the annotation.
                let text = diagnostic.message + (diagnostic.hint.map { "\nhelp: \($0)" } ?? "")
                output += "::\(diagnostic.severity.rawValue) \(properties)::\(Self.escapeData(text))\n"
            } else {
                skipped[diagnostic.severity, default: 0] += 1
                output += "\(file):\(location.line):\(location.column): \(diagnostic.severity.rawValue): "
                    + "\(diagnostic.message) [\(diagnostic.rule)]\n"
                    + (diagnostic.hint.map { "  = help: \($0)\n" } ?? "")
            }
        }
        let more = [(Severity.error, "error"), (.warning, "warning")].compactMap { severity, noun -> String? in
            guard let count = skipped[severity], count > 0 else { return nil }
            return "\(count) more \(noun)\(count == 1 ? "" : "s")"
        }
        if !more.isEmpty {
            output += "\(more.joined(separator: " and ")) not annotated (GitHub shows \(Self.annotationLimit) of each per step); all are listed above.\n"
        }
        output += compilation.summary + "\n"
        return output
    }

    /// Message text: `%`, CR and LF are escaped (`%` first).
    public static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Property values: as messages, and also `:` and `,`.
    public static func escapeProperty(_ text: String) -> String {
        escapeData(text)
            .replacingOccurrences(of: ":", with: "%3A")
            .replacingOccurrences(of: ",", with: "%2C")
    }
}

/// The job summary GitHub shows on a run's page: a counts table, then the findings grouped
/// by file in collapsible sections. Kept under GitHub's 1 MiB limit.
public enum GitHubStepSummary {
    public static let byteLimit = 1_000_000

    public static func markdown(_ compilation: Compilation, context: ReportContext) -> String {
        var text = "### outcomes check\n\n| | |\n|---|---:|\n"
        text += "| errors | \(compilation.errorCount) |\n| warnings | \(compilation.warningCount) |\n"
        text += "| outcome files | \(compilation.fileCount) |\n\n"
        let byFile = Dictionary(grouping: compilation.diagnostics) { $0.location.file }
        let closing = "\n_Some findings were left out to keep this summary under 1 MiB; run `outcomes check` for all of them._\n"
        for file in byFile.keys.sorted() {
            let findings = byFile[file]!
            let errors = findings.count { $0.severity == .error }
            var section = "<details><summary><code>\(HTMLText.escape(context.path(file)))</code>: "
            section += "\(errors) error\(errors == 1 ? "" : "s"), \(findings.count - errors) warning\(findings.count - errors == 1 ? "" : "s")</summary>\n\n"
            for finding in findings {
                section += "- **\(finding.severity.rawValue)** \(finding.location.line):\(finding.location.column) "
                    + "\(HTMLText.escape(finding.message)) (`\(finding.rule)`)\n"
            }
            section += "\n</details>\n"
            if text.utf8.count + section.utf8.count + closing.utf8.count > byteLimit {
                return text + closing
            }
            text += section
        }
        return text
    }
}
