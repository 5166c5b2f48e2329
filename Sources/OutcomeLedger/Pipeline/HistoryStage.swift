extension Compilation {
    /// The compilation with the ledger's git history read, which health is then judged with
    /// (the `stale` signal; starts taken from first commits). Unchanged when the ledger is
    /// not in a git repository.
    /// `cache` spares parsing again the files that have not changed since the start of the
    /// "recently changed" window; `kept` spares reading git again when no commit was made
    /// since the last read (see `HistoryReader.Kept`).
    public func addingHistory(root: String, today: CalendarDate, cache: ParseCache? = nil,
                              kept: HistoryReader.Kept? = nil) async -> Compilation {
        guard let history = await HistoryReader.read(root: root, compilation: self, today: today, cache: cache, kept: kept) else {
            return self
        }
        var result = self
        result.history = history
        result.today = today
        return result
    }
}
