/// Turns a compilation's diagnostics into one output format. Adding a format is adding
/// a reporter and listing it in `ReporterRegistry`.
public protocol Reporter: Sendable {
    /// The name `--format` selects it by.
    static var identifier: String { get }
    func report(_ compilation: Compilation) -> String
}

/// Every report format, by `--format` name.
public enum ReporterRegistry {
    public static let identifiers = ["human", "json"]

    /// The reporter for a format; `color` only matters to the human one.
    public static func reporter(for identifier: String, color: Bool) -> (any Reporter)? {
        switch identifier {
        case HumanReporter.identifier: return HumanReporter(color: color)
        case JSONReporter.identifier: return JSONReporter()
        default: return nil
        }
    }
}
