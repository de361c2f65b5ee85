import Dispatch
import Foundation

/// Ctrl-C (SIGINT) and SIGTERM taken by a handler instead of ending the process at once, so that a
/// command can leave its files as they should be first.
package enum TerminationSignals {
    /// From now on both signals call `handler` with their number, on a dispatch queue; keep the sources for
    /// as long as the handler should answer.
    package static func handle(_ handler: @escaping @Sendable (Int32) -> Void) -> [any DispatchSourceSignal] {
        // A queue of its own gets a thread of its own: on a global queue the handler waited for a thread of
        // the pool, which a build's renders hold until they are all done, and a Ctrl-C stopped nothing.
        let queue = DispatchQueue(label: "briefing.termination-signals")
        return [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { handler(number) }
            source.resume()
            return source
        }
    }
}
