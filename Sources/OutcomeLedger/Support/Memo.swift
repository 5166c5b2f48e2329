import Synchronization

/// A value made the first time it is asked for — once, whichever thread asks — and
/// forgotten on request when what it was made from changes.
package final class Memo<Value: Sendable>: Sendable {
    private let made = Mutex<Value?>(nil)

    package init() {}

    package func value(_ make: () -> Value) -> Value {
        made.withLock { made in
            if let made { return made }
            let value = make()
            made = value
            return value
        }
    }

    package func forget() {
        made.withLock { $0 = nil }
    }
}
