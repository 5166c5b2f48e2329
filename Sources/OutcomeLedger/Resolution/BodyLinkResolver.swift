import Synchronization
import Foundation

/// Resolves the links and images of every body against the ledger: a file path to another
/// outcome file becomes that outcome (and its fragment one of its headings), any other
/// file under the root becomes an asset the site publishes, and what leads nowhere is
/// recorded as broken for the `broken-link` rule. Absolute URLs are left alone: nothing is
/// fetched.
public enum BodyLinkResolver {
    public static func resolve(_ outcomes: inout [Outcome], outcomesFolder: String, discovery: LedgerDiscovery,
                               maxAssetSize: Int) {
        var byFile: [String: Outcome] = [:]
        for outcome in outcomes where byFile[outcome.file] == nil { byFile[outcome.file] = outcome }
        let files = byFile
        // Each body on whichever core is free (long documents have hundreds of links);
        // a file looked up once is not looked up again. Links are read in place, not
        // copied: copying each (its strings counted again) was much of the time this took.
        let lookups = Mutex<[String: BodyLink.Target]>([:])
        let linking = outcomes.indices.filter { !outcomes[$0].links.isEmpty }
        let all = outcomes
        let targets = Parallel.map(linking.count) { position -> [BodyLink.Target]? in
            let outcome = all[linking[position]]
            let links = outcome.links
            var found: [BodyLink.Target] = []
            found.reserveCapacity(links.count)
            var changed = false
            for index in links.indices {
                let destination = links[index].destination
                // An outcome from the parse cache comes resolved. A link within the page
                // or to a URL depends on nothing but the outcome's own headings, which
                // never change after parsing: it is not worked out again.
                if let known = links[index].target, dependsOnlyOnItsOutcome(destination) {
                    found.append(known)
                    continue
                }
                let target = target(of: destination, from: outcome, byFile: files, outcomesFolder: outcomesFolder) { path in
                    if let known = lookups.withLock({ $0[path] }) { return known }
                    let found = asset(path, discovery: discovery, maxAssetSize: maxAssetSize)
                    lookups.withLock { $0[path] = found }
                    return found
                }
                if target != links[index].target { changed = true }
                found.append(target)
            }
            return changed ? found : nil
        }
        // An outcome whose links still lead where they did stays shared with the cache.
        for (position, index) in linking.enumerated() {
            guard let found = targets[position] else { continue }
            for (linkIndex, target) in found.enumerated() { outcomes[index].links[linkIndex].target = target }
        }
    }

    /// A destination with no path: empty, only a fragment (or query), or an external URL.
    static func dependsOnlyOnItsOutcome(_ destination: String) -> Bool {
        guard let first = destination.utf8.first else { return true }
        return first == UInt8(ascii: "#") || first == UInt8(ascii: "?") || isExternal(destination)
    }

    /// Where a link written in `source` leads. Another file that holds outcomes leads to
    /// the first of them, as the site publishes it.
    static func target(
        of destination: String, from source: Outcome, byFile: [String: Outcome], outcomesFolder: String,
        asset: (String) -> BodyLink.Target
    ) -> BodyLink.Target {
        guard !destination.isEmpty, !isExternal(destination) else { return .external }
        let (pathPart, fragment) = split(destination)
        let file = source.file
        guard let path = pathPart else {
            guard let fragment, !fragment.isEmpty else { return .external }
            return source.anchor(matching: fragment).map { .sameDocument(fragment: $0) }
                ?? .broken(.unknownFragment(fragment: fragment, file: file))
        }
        guard let resolved = normalize(path, from: file) else { return .broken(.outsideRoot) }
        if let outcome = byFile[resolved] {
            guard let fragment, !fragment.isEmpty else { return .outcome(id: outcome.id.value, fragment: nil) }
            guard let anchor = outcome.anchor(matching: fragment) else {
                return .broken(.unknownFragment(fragment: fragment, file: resolved))
            }
            return .outcome(id: outcome.id.value, fragment: anchor)
        }
        let prefix = outcomesFolder.isEmpty ? "" : outcomesFolder + "/"
        if resolved.lowercased().hasSuffix(".md") && resolved.hasPrefix(prefix) {
            if case .asset = asset(resolved) { return .broken(.skippedOutcomeFile(path: resolved)) }
        }
        return asset(resolved)
    }

    /// A URL with a scheme (`https:`, `mailto:`) or a network path (`//host`). Read as
    /// bytes: a scheme is ASCII, and searching characters costs grapheme breaking.
    static func isExternal(_ destination: String) -> Bool {
        let bytes = destination.utf8
        if bytes.starts(with: "//".utf8) { return true }
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return false }
        let scheme = bytes[..<colon]
        func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
        guard let first = scheme.first, isLetter(first) else { return false }
        return scheme.allSatisfy {
            isLetter($0) || (0x30...0x39).contains($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".")
        }
    }

    /// The path (percent-decoded, query dropped; nil when there is none) and the fragment
    /// (percent-decoded) of a relative reference.
    package static func split(_ destination: String) -> (path: String?, fragment: String?) {
        func decoded(_ text: Substring) -> String {
            text.utf8.contains(UInt8(ascii: "%")) ? (String(text).removingPercentEncoding ?? String(text)) : String(text)
        }
        var rest = Substring(destination)
        var fragment: String?
        if let hash = rest.utf8.firstIndex(of: UInt8(ascii: "#")) {
            fragment = decoded(rest[rest.utf8.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let question = rest.utf8.firstIndex(of: UInt8(ascii: "?")) { rest = rest[..<question] }
        guard !rest.isEmpty else { return (nil, fragment) }
        return (decoded(rest), fragment)
    }

    /// The root-relative path a reference written in `file` names, or nil when it climbs
    /// out of the root. A leading `/` starts from the root, as on GitHub.
    static func normalize(_ path: String, from file: String) -> String? {
        var parts: [Substring] = path.hasPrefix("/") ? [] : file.split(separator: "/").dropLast()
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default:
                guard !part.utf8.contains(UInt8(ascii: "\\")), !part.utf8.contains(0) else { return nil }
                parts.append(part)
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "/")
    }

    static func asset(_ path: String, discovery: LedgerDiscovery, maxAssetSize: Int) -> BodyLink.Target {
        switch discovery.lookUp(path) {
        case .missing:
            let (folder, name) = FileSuggestion.split(path)
            return .broken(.missing(path: path, nearest: FileSuggestion.nearest(to: name, in: discovery.fileNames(in: folder))
                .map { folder.isEmpty ? $0 : "\(folder)/\($0)" }))
        case .outsideRoot: return .broken(.outsideRoot)
        case .notAFile:
            return .broken(.notAFile(path: path, nearest: FileSuggestion.readme(in: discovery.fileNames(in: path)).map { "\(path)/\($0)" }))
        case .file(let size):
            if size > maxAssetSize { return .broken(.tooLarge(path: path, size: size, limit: maxAssetSize)) }
            if path.lowercased().hasSuffix(".svg") {
                guard case .success(let bytes) = discovery.read(path, limit: maxAssetSize) else { return .broken(.missing(path: path)) }
                if let reason = ActiveSVG.reason(bytes) { return .broken(.activeSVG(path: path, reason: reason)) }
            }
            return .asset(path: path)
        }
    }
}
