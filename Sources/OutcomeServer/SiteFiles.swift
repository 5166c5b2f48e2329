import Foundation
import OutcomeLedger

/// Maps request paths to files of the built site, never outside it.
enum SiteFiles {
    /// The relative file a request path names, or nil when it tries to leave the site (any
    /// `..` segment, raw or percent-encoded) or is malformed. Folders mean their index.html.
    static func relativePath(forRequestPath raw: String) -> String? {
        guard let decoded = raw.removingPercentEncoding, !decoded.contains("\0"), !decoded.contains("\\") else { return nil }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard !segments.contains("..") else { return nil }
        let kept = segments.filter { $0 != "." }
        if kept.isEmpty || decoded.hasSuffix("/") { return (kept + ["index.html"]).joined(separator: "/") }
        let path = kept.joined(separator: "/")
        return Identifiers.isSafeRelativePath(path) ? path : nil
    }

    static func contentType(of path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "ico": return "image/x-icon"
        case "txt", "md": return "text/plain; charset=utf-8"
        case "xml": return "application/xml"
        default: return "application/octet-stream"
        }
    }
}
