import Foundation
import Testing
@testable import BriefingServe

/// inotify watches: every folder below the roots, new folders included, bursts debounced.
@Suite(.timeLimit(.minutes(1)))
final class FolderWatcherTests {
    /// Counts the changes a watcher reports, for as long as the test holds it.
    final class Counter: @unchecked Sendable {
        // `@unchecked Sendable`: `value` is guarded by `lock`.
        private let lock = NSLock()
        private var value = 0
        private var task: Task<Void, Never>?

        init(_ changes: AsyncStream<Void>) {
            task = Task { [self] in
                for await _ in changes { lock.withLock { value += 1 } }
            }
        }

        var count: Int { lock.withLock { value } }

        /// Waits until at least `expected` changes arrived, up to a few seconds.
        func wait(for expected: Int) async throws {
            for _ in 0..<400 where count < expected {
                try await Task.sleep(for: .milliseconds(25))
            }
        }

        /// Ends the stream, which closes the inotify descriptor.
        func stop() {
            task?.cancel()
        }
    }

    let root = FileManager.default.temporaryDirectory.appendingPathComponent("briefing-watch-\(UUID().uuidString)")

    init() throws {
        try FileManager.default.createDirectory(at: root.appendingPathComponent("old"), withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    func write(_ path: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: url)
    }

    @Test func changesInFoldersCreatedWhileWatching() async throws {
        let changes = Counter(try FolderWatcher.changes(in: [root], debounce: .milliseconds(50)))
        defer { changes.stop() }
        try write("old/page.md")
        try await changes.wait(for: 1)
        #expect(changes.count == 1)

        try FileManager.default.createDirectory(at: root.appendingPathComponent("new/deeper"), withIntermediateDirectories: true)
        try await changes.wait(for: 2)
        try write("new/deeper/page.md")
        try await changes.wait(for: 3)
        #expect(changes.count == 3)
    }

    @Test func aBurstOfSavesIsOneChange() async throws {
        let changes = Counter(try FolderWatcher.changes(in: [root], debounce: .milliseconds(100)))
        defer { changes.stop() }
        for index in 0..<30 { try write("old/page-\(index).md") }
        try await changes.wait(for: 1)
        try await Task.sleep(for: .milliseconds(400))
        #expect(changes.count == 1)
    }

    @Test func hiddenFilesAreIgnored() async throws {
        let changes = Counter(try FolderWatcher.changes(in: [root], debounce: .milliseconds(50)))
        defer { changes.stop() }
        try write("old/.page.md.swp")
        try write("old/page.md~")
        try await Task.sleep(for: .milliseconds(400))
        #expect(changes.count == 0)
        try write("old/page.md")
        try await changes.wait(for: 1)
        #expect(changes.count == 1)
    }
}
