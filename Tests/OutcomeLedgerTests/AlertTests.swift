import Testing
@testable import OutcomeLedger

/// GitHub's alerts: a quote whose first line is `[!NOTE]` (or TIP, IMPORTANT, WARNING,
/// CAUTION, in any case) is shown as a titled note; any other quote stays a quote.
struct AlertTests {
    @Test func markedQuotesBecomeTitledNotes() {
        let html = Markdown.render("""
            > [!NOTE]
            > Useful *information*.

            > [!caution]
            > Two paragraphs.
            >
            > The second.
            """).html
        #expect(html.contains("""
            <div class="alert alert-note" role="note">
            <p class="alert-title">Note</p>
            <p>Useful <em>information</em>.</p>
            </div>
            """))
        #expect(html.contains("""
            <div class="alert alert-caution" role="note">
            <p class="alert-title">Caution</p>
            <p>Two paragraphs.</p>
            <p>The second.</p>
            </div>
            """))
        #expect(!html.contains("[!") && !html.contains("<blockquote>"))
    }

    @Test func otherQuotesStayQuotes() {
        for body in ["> [!NOPE]\n> text", "> [!NOTE] on the same line", "> text\n> [!NOTE]", "> **[!NOTE]**\n> text"] {
            let html = Markdown.render(body).html
            #expect(html.hasPrefix("<blockquote>") && !html.contains("alert"), "\(body) → \(html)")
        }
    }
}
