/// Lays out a ledger's changes in one format. Adding a format is adding a file and listing
/// it in `DiffFormats`.
public protocol DiffFormat: Sendable {
    static var identifier: String { get }
    /// `base` and `head` name the two sides ("HEAD", "the working tree", a folder).
    func render(_ changes: LedgerChanges, base: String, head: String) -> String
}

public enum DiffFormats {
    public static let identifiers = [DiffHumanFormat.identifier, DiffMarkdownFormat.identifier, DiffJSONFormat.identifier]

    public static func format(_ identifier: String, color: Bool) -> (any DiffFormat)? {
        switch identifier {
        case DiffHumanFormat.identifier: return DiffHumanFormat(color: color)
        case DiffMarkdownFormat.identifier: return DiffMarkdownFormat()
        case DiffJSONFormat.identifier: return DiffJSONFormat()
        default: return nil
        }
    }
}
