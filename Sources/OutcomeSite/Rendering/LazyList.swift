import Mustache

/// A list whose items are made only when a template or the page key reaches them, one at
/// a time: the dashboard's tree of a 100,000-outcome ledger is never held whole.
struct LazyList: Sequence, MustacheSequence, Sendable {
    let count: Int
    let item: @Sendable (Int) -> [String: Any]

    init(count: Int, item: @escaping @Sendable (Int) -> [String: Any]) {
        self.count = count
        self.item = item
    }

    func makeIterator() -> AnyIterator<Any> {
        var index = 0
        return AnyIterator {
            guard index < count else { return nil }
            defer { index += 1 }
            return item(index)
        }
    }
}
