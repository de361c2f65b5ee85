import BriefingTestSupport
import Foundation
import Testing
@testable import BriefingServe

/// inotify watches: every folder below the roots, new folders included, bursts debounced. No test sleeps
/// to show that nothing happened: each waits for events, and shows silence by what the next event is.
@Suite(.timeLimit(.minutes(1)))
final class FolderWatcherTests {
    /// The changes a watcher reported, each recorded with the test's mark at the time it arrived.
    final class Events: @unchecked Sendable {
        // `@unchecked Sendable`: `marks` and `mark` are guarded by `lock`.
        private let lock = NSLock()
        private var seen: [String] = []
        private var current = ""
        private var task: Task<Void, Never>?

        init(_ changes: AsyncStream<Void>) {
            task = Task { [self] in
                for await _ in changes { lock.withLock { seen.append(current) } }
            }
        }

        /// What the test did last: events that arrive from now on are recorded with it.
        func mark(_ name: String) { lock.withLock { current = name } }

        var marks: [String] { lock.withLock { seen } }

        struct TimedOut: Error, CustomStringConvertible {
            var expected: Int
            var seen: [String]
            var description: String { "waited 15 s for change \(expected), saw \(seen)" }
        }

        /// Waits for the `number`th change (from 1) and returns the marks of every change so far; fails
        /// after 15 seconds (5 were too few for a machine busy with a whole test run and more: a change
        /// came late, not never).
        @discardableResult
        func waitFor(_ number: Int) async throws -> [String] {
            let deadline = ContinuousClock.now + .seconds(15)
            while marks.count < number {
                guard ContinuousClock.now < deadline else { throw TimedOut(expected: number, seen: marks) }
                try await Task.sleep(for: .milliseconds(5))
            }
            return marks
        }

        /// Ends the stream, which closes the inotify descriptor.
        func stop() {
            task?.cancel()
        }
    }

    let root = TemporaryFolder.url("briefing-watch")
    /// A folder watched by a second watcher with the same debounce: once it reports a change made after
    /// some writes to `root`, a change those writes caused would have been reported too.
    let elsewhere = TemporaryFolder.url("briefing-watch")

    init() throws {
        try FileManager.default.createDirectory(at: root.appendingPathComponent("old"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
        try? FileManager.default.removeItem(at: elsewhere)
    }

    func write(_ path: String, in folder: URL? = nil) throws {
        let url = (folder ?? root).appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: url)
    }

    /// Returns once a watcher of `elsewhere` with the same debounce reported a change made now.
    func barrier(debounce: DispatchTimeInterval) async throws {
        let other = Events(try FolderWatcher.changes(in: [elsewhere], debounce: debounce))
        defer { other.stop() }
        try write("barrier-\(UUID().uuidString).md", in: elsewhere)
        try await other.waitFor(1)
    }

    @Test func changesInFoldersCreatedWhileWatching() async throws {
        let changes = Events(try FolderWatcher.changes(in: [root], debounce: .milliseconds(50)))
        defer { changes.stop() }
        changes.mark("page in old/")
        try write("old/page.md")
        #expect(try await changes.waitFor(1) == ["page in old/"])

        changes.mark("new/deeper/")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("new/deeper"), withIntermediateDirectories: true)
        #expect(try await changes.waitFor(2) == ["page in old/", "new/deeper/"])
        changes.mark("page in new/deeper/")
        try write("new/deeper/page.md")
        #expect(try await changes.waitFor(3) == ["page in old/", "new/deeper/", "page in new/deeper/"])
    }

    @Test func aBurstOfSavesIsOneChange() async throws {
        let changes = Events(try FolderWatcher.changes(in: [root], debounce: .milliseconds(100)))
        defer { changes.stop() }
        changes.mark("burst")
        for index in 0..<30 { try write("old/page-\(index).md") }
        try await changes.waitFor(1)
        // Any second change of the burst comes before a change made later elsewhere is reported.
        try await barrier(debounce: .milliseconds(100))
        changes.mark("later")
        try write("old/later.md")
        #expect(try await changes.waitFor(2) == ["burst", "later"])
    }

    /// The paths of the changed files come with the change; a folder made says that anything may have.
    @Test func theChangedFilesAreListed() async throws {
        let (signals, paths) = try FolderWatcher.watch([root], debounce: .milliseconds(50))
        let changes = Events(signals)
        defer { changes.stop() }
        try write("old/page.md")
        try write("old/other.md")
        try await changes.waitFor(1)
        try await barrier(debounce: .milliseconds(50))
        let old = root.appendingPathComponent("old").path
        #expect(paths.take() == [old + "/page.md", old + "/other.md"])
        #expect(paths.take() == [], "taken once")

        try FileManager.default.createDirectory(at: root.appendingPathComponent("made"), withIntermediateDirectories: true)
        try await changes.waitFor(2)
        #expect(paths.take() == nil)
    }

    @Test func hiddenFilesAreIgnored() async throws {
        let changes = Events(try FolderWatcher.changes(in: [root], debounce: .milliseconds(50)))
        defer { changes.stop() }
        changes.mark("hidden")
        try write("old/.page.md.swp")
        try write("old/page.md~")
        try await barrier(debounce: .milliseconds(50))
        changes.mark("page")
        try write("old/page.md")
        // A loaded machine may split one save into two changes; none may come from the hidden files.
        let seen = try await changes.waitFor(1)
        #expect(!seen.isEmpty && seen.allSatisfy { $0 == "page" }, "\(seen)")
    }

    /// A folder moved out of the site stayed watched: each edit there rebuilt the site.
    @Test func aFolderMovedOutIsNoLongerWatched() async throws {
        let changes = Events(try FolderWatcher.changes(in: [root], debounce: .milliseconds(50)))
        defer { changes.stop() }
        changes.mark("moved out")
        let away = elsewhere.appendingPathComponent("away")
        try FileManager.default.moveItem(at: root.appendingPathComponent("old"), to: away)
        try await changes.waitFor(1)
        try await barrier(debounce: .milliseconds(50))
        changes.mark("edited away")
        try write("page.md", in: away)
        try await barrier(debounce: .milliseconds(50))
        changes.mark("page in the site")
        try write("page.md")
        let seen = try await changes.waitFor(2)
        #expect(!seen.contains("edited away"), "\(seen)")
        #expect(seen.last == "page in the site", "\(seen)")
    }
}
