import Foundation

/// A one-line progress bar on standard error for builds long enough to wonder about: it
/// appears only after a second, only on a terminal (CI logs get nothing), is redrawn at most
/// ten times a second, and is erased when the work is done. Safe to update from any thread.
final class ProgressBar: @unchecked Sendable {
    private let label: String
    private let draw: (String) -> Void
    private let now: () -> ContinuousClock.Instant
    private let started: ContinuousClock.Instant
    private let lock = NSLock()
    private var lastDrawn: ContinuousClock.Instant?

    static let delay = Duration.seconds(1)
    static let interval = Duration.milliseconds(100)
    static let width = 30

    /// A bar for standard error, or nil when standard error is not a terminal.
    static func forStandardError(label: String) -> ProgressBar? {
        guard wanted(isTerminal: Terminal.isTerminal(STDERR_FILENO), environment: ProcessInfo.processInfo.environment) else {
            return nil
        }
        return ProgressBar(label: label) { FileHandle.standardError.write(Data($0.utf8)) }
    }

    /// Only an interactive terminal that can move the cursor back gets a bar.
    static func wanted(isTerminal: Bool, environment: [String: String]) -> Bool {
        isTerminal && environment["TERM"] != "dumb"
    }

    init(label: String, now: @escaping () -> ContinuousClock.Instant = { .now }, draw: @escaping (String) -> Void) {
        self.label = label
        self.draw = draw
        self.now = now
        started = now()
    }

    func update(_ done: Int, of total: Int) {
        let time = now()
        lock.lock()
        defer { lock.unlock() }
        guard time - started >= Self.delay else { return }
        if let lastDrawn, time - lastDrawn < Self.interval { return }
        lastDrawn = time
        draw("\r" + Self.line(done: done, total: total, label: label))
    }

    /// Erases the bar, if it was ever drawn, so what follows starts on a clean line.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if lastDrawn != nil { draw("\r\u{1B}[2K") }
        lastDrawn = nil
    }

    /// `[=========>          ]  45% 6,750/15,000 pages`
    static func line(done: Int, total: Int, label: String) -> String {
        let fraction = total == 0 ? 1 : min(1, Double(done) / Double(total))
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "=", count: filled) + (filled < width ? ">" + String(repeating: " ", count: width - filled - 1) : "")
        let percent = String(Int(fraction * 100))
        return "[\(bar)] \(String(repeating: " ", count: 3 - percent.count))\(percent)% \(grouped(done))/\(grouped(total)) \(label)"
    }

    /// 15028 → "15,028", whatever the locale, so the line is the same everywhere.
    static func grouped(_ number: Int) -> String {
        var digits = String(number)
        var index = digits.endIndex
        while digits.distance(from: digits.startIndex, to: index) > 3 {
            index = digits.index(index, offsetBy: -3)
            digits.insert(",", at: index)
        }
        return digits
    }
}
