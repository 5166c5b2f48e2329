extension Compilation {
    /// The compilation with the ledger's git history read and health judged again with it
    /// (the `stale` signal; starts taken from first commits). Unchanged when the ledger is
    /// not in a git repository.
    public func addingHistory(root: String, today: CalendarDate) async -> Compilation {
        guard let history = await HistoryReader.read(root: root, compilation: self, today: today) else { return self }
        var result = self
        result.history = history
        if history.note == nil {
            result.health = HealthJudge.judge(ledger, today: today, history: history)
        }
        return result
    }
}
