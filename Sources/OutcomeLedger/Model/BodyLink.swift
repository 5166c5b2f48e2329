/// A link or image in an outcome's body, and what it leads to once resolved against the
/// ledger: another outcome's page, a file published with the site, a heading, or nothing.
public struct BodyLink: Sendable, Equatable {
    public enum Target: Sendable, Equatable {
        /// A URL with a scheme (`https:`, `mailto:`) or a network path: left as written,
        /// never fetched.
        case external
        /// `#fragment` alone: a heading or anchor of the same outcome, by its id (which may
        /// differ in case from the fragment as written).
        case sameDocument(fragment: String)
        /// Another outcome file, by the id of the outcome in it, and the id of the heading
        /// or anchor the fragment points at.
        case outcome(id: String, fragment: String?)
        /// Any other file under the root, published with the site at `path`.
        case asset(path: String)
        case broken(Broken)
    }

    /// Why a link leads nowhere.
    /// `nearest`: a file in the ledger the author most likely meant (`eip-150.md` for
    /// `eip-150`, `chart.png` for `Chart.png`, a folder's README for the folder).
    public enum Broken: Sendable, Equatable {
        case missing(path: String, nearest: String? = nil)
        case outsideRoot
        case skippedOutcomeFile(path: String)
        case notAFile(path: String, nearest: String? = nil)
        case tooLarge(path: String, size: Int, limit: Int)
        case activeSVG(path: String, reason: String)
        case unknownFragment(fragment: String, file: String)
    }

    /// The destination as the author wrote it (the key the page's links are rewritten by).
    public var destination: String
    /// The destination as messages quote it: a long one (a diagram editor's address can run
    /// to a thousand characters) keeps its beginning and end around a `…`.
    public var quotedDestination: String {
        let scalars = destination.unicodeScalars
        guard scalars.count > 80 else { return destination }
        return String(String.UnicodeScalarView(scalars.prefix(64))) + "…" + String(String.UnicodeScalarView(scalars.suffix(12)))
    }
    /// The link's text or the image's alt text, plain.
    public var text: String
    public var isImage: Bool
    public var location: SourceLocation
    /// Nil until the resolution stage has looked.
    public var target: Target?

    public init(destination: String, text: String = "", isImage: Bool, location: SourceLocation, target: Target? = nil) {
        self.destination = destination
        self.text = text
        self.isImage = isImage
        self.location = location
        self.target = target
    }
}

extension Outcome {
    /// Whether a link or picture of this body is written as HTML (`<a href>`, `<img>`)
    /// rather than markdown: its location is that of the tag's `<`. Hints then show the
    /// HTML way of mending it.
    public func writesInHTML(_ link: BodyLink) -> Bool {
        let lineIndex = link.location.line - bodyStartLine
        guard lineIndex >= 0 else { return false }
        let lines = body.split(separator: "\n", maxSplits: lineIndex + 1, omittingEmptySubsequences: false)
        guard lineIndex < lines.count else { return false }
        let scalars = lines[lineIndex].unicodeScalars
        let column = link.location.column - 1
        guard column >= 0, column < scalars.count else { return false }
        return scalars[scalars.index(scalars.startIndex, offsetBy: column)] == "<"
    }
}
