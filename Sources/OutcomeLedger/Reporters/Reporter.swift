/// Turns a compilation's diagnostics into one output format. Adding a format is adding
/// a reporter and listing it in `ReporterRegistry`.
public protocol Reporter: Sendable {
    /// The name `--format` selects it by.
    static var identifier: String { get }
    func report(_ compilation: Compilation, context: ReportContext) -> String
}

/// Every report format, by `--format` name.
public enum ReporterRegistry {
    public static let identifiers = [
        HumanReporter.identifier, JSONReporter.identifier, GitHubReporter.identifier,
        SARIFReporter.identifier, JUnitReporter.identifier, GitLabReporter.identifier,
    ]

    /// The reporter for a format; `color` only matters to the human one.
    public static func reporter(for identifier: String, color: Bool) -> (any Reporter)? {
        switch identifier {
        case HumanReporter.identifier: return HumanReporter(color: color)
        case JSONReporter.identifier: return JSONReporter()
        case GitHubReporter.identifier: return GitHubReporter()
        case SARIFReporter.identifier: return SARIFReporter()
        case JUnitReporter.identifier: return JUnitReporter()
        case GitLabReporter.identifier: return GitLabReporter()
        default: return nil
        }
    }
}
