import OutcomeLedger

/// What the preview server adds to pages: a script that reloads the page when the site is
/// rebuilt, and a page listing the ledger's errors when it can't be built.
enum PreviewPages {
    static let versionPath = "/__outcomes/version"
    static let scriptPath = "/__outcomes/live-reload.js"

    /// Asks for the build number, then asks again with `after=` it: the server answers that
    /// only when a new build is ready (or after a while, to keep the connection fresh), so
    /// the page reloads as soon as a build ends rather than at the next poll.
    static let script = """
        (function () {
          var seen = null;
          function poll() {
            fetch("\(versionPath)" + (seen === null ? "" : "?after=" + encodeURIComponent(seen)), { cache: "no-store" })
              .then(function (response) { return response.text(); })
              .then(function (version) {
                if (seen !== null && version !== seen) { location.reload(); return; }
                seen = version;
                poll();
              })
              .catch(function () { setTimeout(poll, 1000); });
          }
          poll();
        })();

        """

    /// A built page, with the live-reload script and a policy that lets it run. Only the
    /// policy in the page's head is widened; the script goes before the last `</body>`.
    static func withLiveReload(_ html: [UInt8]) -> [UInt8] {
        var page = html
        let head = page.firstRange(of: Array("</head>".utf8))?.lowerBound ?? page.endIndex
        if let policy = page[..<head].firstRange(of: Array("default-src 'none';".utf8)) {
            page.replaceSubrange(policy, with: Array("default-src 'none'; script-src 'self'; connect-src 'self';".utf8))
        }
        let tag = Array("<script src=\"\(scriptPath)\"></script>\n".utf8)
        let body = Array("</body>".utf8)
        var start = page.count - body.count
        while start >= 0 && !page[start..<start + body.count].elementsEqual(body) { start -= 1 }
        if start >= 0 { page.insert(contentsOf: tag, at: start) } else { page += tag }
        return page
    }

    static func withLiveReload(_ html: String) -> String {
        String(decoding: withLiveReload(Array(html.utf8)), as: UTF8.self)
    }

    /// Text escaped for HTML, with `code` in backticks shown as code.
    static func codeSpans(_ text: String) -> String {
        let parts = text.split(separator: "`", omittingEmptySubsequences: false).map { HTMLText.escape(String($0)) }
        guard parts.count >= 3 else { return HTMLText.escape(text) }
        var html = ""
        for (index, part) in parts.enumerated() {
            // An odd count of backticks leaves the last one as written.
            if index % 2 == 1 && index < parts.count - (parts.count % 2 == 0 ? 1 : 0) {
                html += "<code>\(part)</code>"
            } else {
                html += (index % 2 == 1 ? "`" : "") + part
            }
        }
        return html
    }

    /// Shown for every page while the ledger has errors, instead of a stale site.
    static func errors(_ diagnostics: [Diagnostic], summary: String) -> String {
        let rows = diagnostics.map { diagnostic in
            let location = diagnostic.location
            // The kind is a word and a shape, not only a colour.
            let kind = diagnostic.severity == .error ? "<strong class=\"error\">■ error</strong>" : "<strong class=\"warning\">▲ warning</strong>"
            return "<li><code>\(HTMLText.escape("\(location.file):\(location.line):\(location.column)"))</code> "
                + "\(kind) \(codeSpans(diagnostic.message)) <code>[\(HTMLText.escape(diagnostic.rule))]</code>"
                + (diagnostic.hint.map { "<br><span class=\"help\">help: \(codeSpans($0))</span>" } ?? "") + "</li>"
        }.joined(separator: "\n")
        return withLiveReload("""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <title>The ledger has errors</title>
            <style>
            body { font: 16px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
            li { margin: .5rem 0; } code { font-size: .9em; } .error { color: #a40e26; } .warning { color: #7d4e00; }
            .help { color: #57606a; }
            @media (prefers-color-scheme: dark) { body { background: #0d1117; color: #e6edf3; } .error { color: #ff9492; } .warning { color: #e3b341; } .help { color: #9198a1; } }
            </style>
            </head>
            <body>
            <main>
            <h1>The ledger has errors</h1>
            <p>\(HTMLText.escape(summary)). Fix them and this page reloads by itself.</p>
            <ul>
            \(rows)
            </ul>
            </main>
            </body>
            </html>

            """)
    }

    static let notFound = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Not found</title></head>
        <body><main><h1>Not found</h1><p><a href="/index.html">Back to the dashboard</a></p></main></body></html>

        """
}
