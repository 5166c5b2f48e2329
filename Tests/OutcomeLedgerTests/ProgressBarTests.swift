import Testing
@testable import OutcomesCommands

/// The build's progress bar: when it shows, how often it redraws, and what it says.
@Suite struct ProgressBarTests {
    /// A clock the test moves by hand, and everything the bar drew.
    final class Recorder: @unchecked Sendable {
        var time = ContinuousClock.now
        var drawn: [String] = []
    }

    private func bar(_ recorder: Recorder) -> ProgressBar {
        ProgressBar(label: "files", now: { recorder.time }, draw: { recorder.drawn.append($0) })
    }

    @Test func staysHiddenForTheFirstSecond() {
        let recorder = Recorder()
        let progress = bar(recorder)
        recorder.time += .milliseconds(900)
        progress.update(10, of: 100)
        progress.finish()
        #expect(recorder.drawn.isEmpty)
    }

    @Test func drawsAfterASecondAtMostTenTimesASecondAndErasesItself() {
        let recorder = Recorder()
        let progress = bar(recorder)
        recorder.time += .milliseconds(1_100)
        progress.update(10, of: 100)
        recorder.time += .milliseconds(50)
        progress.update(11, of: 100)
        recorder.time += .milliseconds(60)
        progress.update(12, of: 100)
        progress.finish()
        #expect(recorder.drawn.count == 3)
        #expect(recorder.drawn[0].hasPrefix("\r[") && recorder.drawn[0].hasSuffix(" 10/100 files"))
        #expect(recorder.drawn[1].hasSuffix(" 12/100 files"))
        #expect(recorder.drawn[2] == "\r\u{1B}[2K")
    }

    @Test func lineShowsTheBarThePercentageAndTheCounts() {
        #expect(ProgressBar.line(done: 0, total: 200, label: "files")
            == "[>                             ]   0% 0/200 files")
        #expect(ProgressBar.line(done: 100, total: 200, label: "files")
            == "[===============>              ]  50% 100/200 files")
        #expect(ProgressBar.line(done: 15_028, total: 15_028, label: "files")
            == "[==============================] 100% 15,028/15,028 files")
    }

    @Test func onlyATerminalThatCanRedrawGetsOne() {
        #expect(ProgressBar.wanted(isTerminal: true, environment: ["TERM": "xterm-256color"]))
        #expect(!ProgressBar.wanted(isTerminal: false, environment: ["TERM": "xterm-256color"]))
        #expect(!ProgressBar.wanted(isTerminal: true, environment: ["TERM": "dumb"]))
    }
}
