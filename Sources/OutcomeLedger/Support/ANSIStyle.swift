/// Terminal colours (SGR codes) for the human reports, applied only when colour is on.
public enum ANSIStyle: String, Sendable {
    case error = "1;31", warning = "1;33", bold = "1", dim = "2", caret = "1;32", help = "1;36", good = "32"

    public func paint(_ text: String, if enabled: Bool) -> String {
        enabled ? "\u{1B}[\(rawValue)m\(text)\u{1B}[0m" : text
    }
}
