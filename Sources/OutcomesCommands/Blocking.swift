import Dispatch
import Synchronization

/// Waits for asynchronous work (reading git) from a command's main thread. Only the main
/// thread waits like this: it is not one of the concurrency pool's threads, which the work
/// itself needs.
enum Blocking {
    static func wait<Value: Sendable>(_ work: @escaping @Sendable () async -> Value) -> Value {
        let answer = Mutex<Value?>(nil)
        let finished = DispatchSemaphore(value: 0)
        Task.detached {
            let value = await work()
            answer.withLock { $0 = value }
            finished.signal()
        }
        finished.wait()
        return answer.withLock { $0! }
    }
}
