import Dispatch

/// Work spread over every core: the machines this runs on in CI have two, and a ledger's
/// files and pages are independent of each other.
package enum Parallel {
    /// `transform(0..<count)` in parallel, results in index order.
    package static func map<T: Sendable>(_ count: Int, _ transform: @Sendable (Int) -> T) -> [T] {
        guard count > 1 else { return (0..<count).map(transform) }
        let results = Results<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            results.store(transform(index), at: index)
        }
        return results.collect()
    }

    /// Write-once slots, each written by exactly one iteration.
    private final class Results<T>: @unchecked Sendable {
        private let slots: UnsafeMutablePointer<T>
        private let count: Int

        init(count: Int) {
            self.count = count
            slots = .allocate(capacity: count)
        }

        func store(_ value: T, at index: Int) {
            (slots + index).initialize(to: value)
        }

        func collect() -> [T] {
            let values = Array(UnsafeBufferPointer(start: slots, count: count))
            slots.deinitialize(count: count)
            return values
        }

        deinit { slots.deallocate() }
    }
}
