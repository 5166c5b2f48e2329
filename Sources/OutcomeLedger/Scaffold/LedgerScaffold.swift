import Foundation

/// The files `outcomes init` writes: a ledger that passes `outcomes check` as it is, with
/// every setting spelled out so people can see what there is to change.
public enum LedgerScaffold {
    public static let exampleOutcomePath = "outcomes/first-outcome.md"

    /// Path → text of each file a new ledger gets (`.gitignore` is handled separately:
    /// it may already exist and is appended to).
    public static func files(title: String, today: CalendarDate) -> [(path: String, text: String)] {
        [
            (LedgerConfig.fileName, config(title: title)),
            (LedgerConfig.peopleFileName, people),
            (exampleOutcomePath, exampleOutcome(start: today, due: today.adding(days: 90), review: today.adding(days: 30))),
        ]
    }

    /// `ledger.yml` with every key at its default and a one-line comment.
    public static func config(title: String) -> String {
        let defaults = LedgerConfig()
        let lines: [(String, String)] = [
            ("title: \(YAMLText.scalar(title))", "the ledger's name, shown on the site"),
            ("outcomes: \(defaults.outcomesFolder)", "the folder of outcome files, inside this one"),
            ("pod_size: {min: \(defaults.podSize.lowerBound), max: \(defaults.podSize.upperBound)}", "how many people a pod has"),
            ("lenses: [\(defaults.lenses.joined(separator: ", "))]", "the judgment every pod must cover"),
            ("done_heading: \(defaults.doneHeading)", "the heading of each outcome's done-definition"),
            ("how_heading: \(defaults.howHeading)", "the heading of each outcome's approach"),
            ("max_pods_per_person: \(defaults.maxPodsPerPerson)", "open pods per person before span-of-ownership warns"),
            ("rules: {}", "severity by rule name: error, warning or off (`outcomes rules` lists them)"),
            ("signals: {}", "health signals by name: at-risk, off-track or off (docs/health.md lists them)"),
            ("behind_margin: \(defaults.behindMargin)", "points done items may trail elapsed time before `behind` fires"),
            ("stale_after_days: \(defaults.staleAfterDays)", "days an open outcome may go unchanged in git before `stale` fires"),
            ("history_days: \(defaults.historyDays)", "how far back the dashboard's \"Changed in the last N days\" looks"),
            ("base_url:", "the address the site is published at, for canonical links"),
            ("max_file_size: 1 MiB", "larger outcome files are skipped"),
            ("max_asset_size: 10 MiB", "larger files that bodies link to are not published"),
        ]
        let width = lines.map(\.0.count).max()! + 2
        return "# Settings of this outcome ledger; every value shown is the default.\n"
            + lines.map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "# " + $0.1 + "\n" }.joined()
    }

    /// The roster: two people, because the default pod has at least two.
    public static let people = """
        # Everyone who owns or works on an outcome: handle → name (email and url optional).
        you:
          name: Your Name
          email: you@example.com
        teammate:
          name: Your Teammate

        """

    static func exampleOutcome(start: CalendarDate, due: CalendarDate, review: CalendarDate) -> String {
        """
        ---
        title: The team keeps its outcomes in one checked ledger
        owner: you
        pod:
          you: [builder, communicator]
          teammate: operator
        status: active
        start: \(start)
        due: \(due)
        review_by: \(review)
        tags: [example]
        ---
        This is an example outcome: rename it, or replace it with your first real one.
        `outcomes new "Title"` starts another.

        ## Done when
        - [ ] Every outcome of the team is in this ledger, with 0 errors from `outcomes check`
        - [ ] The site is published and linked from the team page by \(due)

        ## How
        Each pod writes its outcome here; CI runs `outcomes check` on every pull request and
        publishes the site with `outcomes build` from the main branch.

        """
    }
}

/// YAML text for values people type: plain where that reads back as the same text,
/// double-quoted otherwise.
public enum YAMLText {
    public static func scalar(_ text: String) -> String {
        let special = ":#'\"[]{}&*!|>%@,`"
        let plain = !text.isEmpty && text.first != " " && text.last != " "
            && !text.contains { special.contains($0) || $0.isNewline }
            && !["-", "?"].contains(text.first!)
            && !["null", "~", "true", "false", "yes", "no", "on", "off"].contains(text.lowercased())
        if plain { return text }
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
        return "\"\(escaped)\""
    }
}

extension CalendarDate {
    /// The date `days` later.
    public func adding(days: Int) -> CalendarDate {
        var date = self
        for _ in 0..<days {
            if date.day < CalendarDate.days(inMonth: date.month, year: date.year) {
                date.day += 1
            } else if date.month < 12 {
                date.month += 1
                date.day = 1
            } else {
                date.year += 1
                date.month = 1
                date.day = 1
            }
        }
        return date
    }
}
