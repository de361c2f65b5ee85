import Dispatch

/// Maps on all cores, keeping the order of the input. The work items must be independent.
package func parallelMap<Element: Sendable, Result: Sendable>(
    _ items: [Element], _ transform: @Sendable (Element) -> Result
) -> [Result] {
    guard items.count > 1 else { return items.map(transform) }
    let results = ResultSlots<Result>(count: items.count)
    DispatchQueue.concurrentPerform(iterations: items.count) { index in
        results.store(transform(items[index]), at: index)
    }
    return results.collect()
}

/// One slot per work item; each slot is written by exactly one iteration, so no lock is needed.
private final class ResultSlots<Result>: @unchecked Sendable {
    private let buffer: UnsafeMutablePointer<Result?>
    private let count: Int

    package init(count: Int) {
        self.count = count
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil, count: count)
    }

    deinit {
        buffer.deinitialize(count: count)
        buffer.deallocate()
    }

    package func store(_ result: Result, at index: Int) {
        buffer[index] = result
    }

    /// Moves the results out, leaving nil behind: a copy would retain every field of every result, and
    /// the slots' release of theirs would follow, all on one thread.
    package func collect() -> [Result] {
        (0..<count).map { buffer[$0].take()! }
    }
}

/// Work started on another thread now, whose result is waited for when asked.
package final class Background<Value: Sendable>: @unchecked Sendable {
    // Written once by the work, read only after `done` is waited for.
    private var value: Value?
    private let done = DispatchGroup()

    package init(_ work: @escaping @Sendable () -> Value) {
        done.enter()
        DispatchQueue.global().async { [self] in
            value = work()
            done.leave()
        }
    }

    /// Waits for the work and returns what it gave.
    package func result() -> Value {
        done.wait()
        return value!
    }
}
