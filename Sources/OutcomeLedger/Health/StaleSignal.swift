/// An open outcome nobody has touched for months is either done, dropped or forgotten;
/// the ledger should say which.
public enum StaleSignal: HealthSignal {
    public static let name = "stale"
    public static let defaultLevel = HealthLevel.atRisk
    public static let summary = "open, and its file has not changed in git for more than `stale_after_days` days (default 60)"
    public static let scope = SignalScope.outcome

    /// Examples need a git history, which text files alone can't give; HistoryTests holds
    /// this signal to firing and staying quiet on real repositories.
    public static let examples: [SignalExample] = []

    public static func evaluate(_ outcome: Outcome, at position: Int, in context: HealthContext) -> SignalFinding? {
        guard let last = context.history?.outcomes[outcome.id.value]?.lastChanged else { return nil }
        let days = context.today.days(since: last.date)
        guard days > context.ledger.config.staleAfterDays else { return nil }
        return SignalFinding("its file has not changed since \(last.date) (\(days) days), by \(last.author)")
    }
}
