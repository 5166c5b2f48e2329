/// `--format junit`: JUnit XML, which most CI systems show as test results. Each outcome
/// file is a test case that fails once per error in it; warnings are recorded as output
/// and don't fail it. Problems in `ledger.yml` or `people.yml` get test cases of their own.
public struct JUnitReporter: Reporter {
    public static let identifier = "junit"

    public init() {}

    public func report(_ compilation: Compilation, context: ReportContext) -> String {
        let byFile = Dictionary(grouping: compilation.diagnostics) { $0.location.file }
        let files = Set(compilation.outcomeFiles).union(byFile.keys).sorted { $0.precedesInByteOrder($1) }
        // A test case fails once however many errors its file has.
        let failures = Set(compilation.diagnostics.filter { $0.severity == .error }.map(\.location.file)).count
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"outcomes check\" tests=\"\(files.count)\" failures=\"\(failures)\" errors=\"0\">\n"
        xml += "  <testsuite name=\"outcomes\" tests=\"\(files.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"0\">\n"
        for file in files {
            let path = Self.escape(context.path(file))
            let findings = byFile[file] ?? []
            xml += "    <testcase classname=\"outcomes\" name=\"\(path)\" file=\"\(path)\""
            if findings.isEmpty {
                xml += "/>\n"
                continue
            }
            xml += ">\n"
            for error in findings where error.severity == .error {
                xml += "      <failure type=\"\(Self.escape(error.rule))\" message=\"\(Self.escape(error.message))\">"
                xml += Self.escape(line(error, context: context)) + "</failure>\n"
            }
            let warnings = findings.filter { $0.severity == .warning }
            if !warnings.isEmpty {
                xml += "      <system-out>" + Self.escape(warnings.map { line($0, context: context) }.joined(separator: "\n"))
                xml += "</system-out>\n"
            }
            xml += "    </testcase>\n"
        }
        xml += "  </testsuite>\n</testsuites>\n"
        return xml
    }

    private func line(_ diagnostic: Diagnostic, context: ReportContext) -> String {
        let location = diagnostic.location
        return "\(context.path(location.file)):\(location.line):\(location.column): "
            + "\(diagnostic.severity.rawValue): \(diagnostic.message) [\(diagnostic.rule)]"
            + (diagnostic.hint.map { "\n  = help: \($0)" } ?? "")
    }

    /// Escapes for text and attributes, and replaces characters XML 1.0 can't carry.
    static func escape(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&apos;"
            case "\n": output += "&#10;"
            case "\t", "\r": output += "&#\(scalar.value);"
            default:
                let allowed = scalar.value >= 0x20 && !(0xFFFE...0xFFFF).contains(scalar.value)
                output.unicodeScalars.append(allowed ? scalar : "\u{FFFD}")
            }
        }
        return output
    }
}
