import BriefingSupport
import Foundation
import Synchronization

/// Ctrl-C or SIGTERM during `briefing build`. Before the commit, the build's staging folder and the
/// files it writes beside it go, and the command stops (status 128 + the signal's number, as a shell
/// reports a command a signal ended); during the commit, which moves files into place behind a journal,
/// the commit is let finish first, so the site is one version or the other, never a mix.
public enum BuildInterruption {
    private enum State {
        case idle
        /// Files are being staged; `cleanup` removes them.
        case staging(cleanup: @Sendable () -> Void)
        case committing
        /// A signal came during the commit: the command stops once it is done.
        case interrupted(Int32)
        /// A signal's cleanup is running: nothing more is staged, and no commit begins.
        case stopping
    }

    private static let state = Mutex<State>(.idle)
    private static let stopping = Atomic<Bool>(false)
    /// Staged writes begun and not yet done (`writing(_:)`): the cleanup waits for them, or a file or
    /// folder they make after it passed would be left behind.
    private static let writesUnderWay = Atomic<Int>(0)

    /// Runs `write` unless the build is being stopped (then nil): a file staged now would be left behind.
    static func writing<T>(_ write: () -> T) -> T? {
        // Counted before the flag is read, the cleanup after setting it: one of the two sees the other.
        writesUnderWay.add(1, ordering: .sequentiallyConsistent)
        defer { writesUnderWay.subtract(1, ordering: .sequentiallyConsistent) }
        guard !stopping.load(ordering: .sequentiallyConsistent) else { return nil }
        return write()
    }

    /// From now on SIGINT and SIGTERM end the build as above; keep the sources for as long as the build runs.
    public static func install() -> [any DispatchSourceSignal] {
        TerminationSignals.handle(received)
    }

    private static func received(_ number: Int32) {
        let cleanup: (@Sendable () -> Void)? = state.withLock { state in
            switch state {
            case .staging(let cleanup):
                state = .stopping
                stopping.store(true, ordering: .sequentiallyConsistent)
                return cleanup
            case .committing:
                state = .interrupted(number)
                return nil
            case .interrupted, .stopping:
                return nil
            case .idle:
                return {}
            }
        }
        guard let cleanup else { return }
        // The writes begun before the flag was set finish first (a page's file takes well under a millisecond);
        // a write stuck in the kernel (a full disk, a hung network folder) is waited for no more than a second.
        for _ in 0..<1_000 where writesUnderWay.load(ordering: .sequentiallyConsistent) > 0 { usleep(1_000) }
        cleanup()
        say(number, "nothing in the output folder was changed")
        _exit(128 + number)
    }

    /// A stopped build says so, and what became of the output folder: it ended with no word.
    private static func say(_ number: Int32, _ outcome: String) {
        let how = number == SIGINT ? "interrupted" : number == SIGTERM ? "terminated" : "stopped by signal \(number)"
        FileHandle.standardError.write(Data("build \(how): \(outcome)\n".utf8))
    }

    static func staging(cleanup: @escaping @Sendable () -> Void) {
        state.withLock { $0 = .staging(cleanup: cleanup) }
    }

    /// The commit begins, unless a signal's cleanup is under way (then this thread waits for the end).
    static func committing() {
        let proceeds = state.withLock { state in
            if case .stopping = state { return false }
            state = .committing
            return true
        }
        if !proceeds { settle() }
    }

    /// The build is over, however it ended: while a signal's cleanup runs, the command waits for it to
    /// end the process, rather than exit with the staging folder half removed.
    public static func settle() {
        let isStopping = state.withLock { state in
            if case .stopping = state { return true }
            return false
        }
        while isStopping { pause() }
    }

    /// The commit is over (done, or failed with the output folder as it was): a signal that came during
    /// it stops the command now.
    static func committed() {
        let signal: Int32? = state.withLock { state in
            defer { state = .idle }
            if case .interrupted(let number) = state { return number }
            return nil
        }
        if let signal {
            say(signal, "it stopped once the new version was wholly in place")
            _exit(128 + signal)
        }
    }
}
