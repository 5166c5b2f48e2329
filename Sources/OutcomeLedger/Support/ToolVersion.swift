/// The version of `outcomes`, printed by `--version` and written into reports.
public enum ToolVersion {
    public static let current = "0.1.0"
}
