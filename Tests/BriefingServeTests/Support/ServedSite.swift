import BriefingKit
import BriefingTestSupport
import Foundation
import Synchronization
@testable import BriefingServe

/// A site written as one string of files (`-- Content/a.md --` starts a file) in a fresh temporary
/// folder, served by a real `SiteServer` on a free port for as long as the test needs it.
final class ServedSite: Sendable {
    let root: URL
    let url: URL
    /// Whether the first build succeeded.
    let built: Bool
    let port: UInt16
    let session = TestHTTP.makeSession()
    private let task: Task<Void, any Error>

    /// Every test gives up after this many seconds rather than hang. Generous: in a full parallel test
    /// run on two cores, every server of the process builds on one queue and the heavy tests take the
    /// cores, and a first build that takes 0.1 s alone was seen to wait over 15 s.
    static let timeout: Double = 60

    static func start(
        _ files: String, templates: String = ServedSite.templates, host: String = "127.0.0.1", write: URL? = nil
    ) async throws -> ServedSite {
        let root = TemporaryFolder.url("briefing-serve-test")
        try DefaultTheme.copyPartials(to: root)
        try FileTree.write(templates + "\n" + files, to: root)
        return try await start(at: root, host: host, write: write)
    }

    /// Serves the site folder `root`, which the test made and `stop()` deletes.
    static func start(at root: URL, host: String = "127.0.0.1", write: URL? = nil) async throws -> ServedSite {
        var options = ServeOptions(source: root)
        options.write = write
        options.port = 0
        options.host = host
        let (events, continuation) = AsyncStream.makeStream(of: ServeEvent.self)
        let addresses = Addresses()
        let task = Task {
            defer { continuation.finish() }
            try await SiteServer(options: options).run { event in
                if case .serving(let url) = event { addresses.list.withLock { $0.append(url) } }
                continuation.yield(event)
            }
        }
        // The first build reports itself, then `serving` the address.
        let started = try await withTimeout(ServedSite.timeout) { () -> (url: URL, built: Bool)? in
            var built = false
            for await event in events {
                switch event {
                case .built: built = true
                case .serving(let url): return (url, built)
                default: continue
                }
            }
            return nil
        }
        guard let (url, built) = started, let port = url.port.map(UInt16.init) else {
            // The server stopped before serving: its error says why.
            try await task.value
            throw TestFailure("the server did not start")
        }
        return ServedSite(root: root, url: url, built: built, port: port, task: task, addresses: addresses)
    }

    private init(root: URL, url: URL, built: Bool, port: UInt16, task: Task<Void, any Error>, addresses: Addresses) {
        self.root = root
        self.url = url
        self.built = built
        self.port = port
        self.task = task
        self.addresses = addresses
    }

    /// Every address the server said it serves at, the first included, in order.
    final class Addresses: Sendable {
        let list = Mutex<[URL]>([])
    }

    let addresses: Addresses

    /// Serves `files` for the length of `body`, and stops the server however `body` ends.
    static func serve(_ files: String, host: String = "127.0.0.1", _ body: (ServedSite) async throws -> Void) async throws {
        let site = try await start(files, host: host)
        do {
            try await body(site)
        } catch {
            try? await site.stop()
            throw error
        }
        try await site.stop()
    }

    /// Stops the server the way Ctrl-C does and waits until it has cleaned up.
    func stop() async throws {
        session.invalidateAndCancel()
        task.cancel()
        try await withTimeout(ServedSite.timeout) { try await self.task.value }
        try? FileManager.default.removeItem(at: root)
    }

    /// Adds or replaces files, in the same `-- path --` form.
    func write(_ files: String) throws {
        try FileTree.write(files, to: root)
    }

    /// Small layouts in the shape of a real theme: a base with `</body>`, and page, section, home, 404.
    static let templates = """
    -- Templates/layouts/base.html --
    <!doctype html><html lang="{{site.language}}"><head><title>{{page.title}}</title><meta name="base" content="{{site.baseURL}}"><link rel="stylesheet" href="{{site.assets}}style.css"></head><body>{{$main}}{{/main}}</body></html>
    -- Templates/layouts/page.html --
    {{<base}}{{$main}}<h1>{{page.title}}</h1>{{{page.content}}}{{/main}}{{/base}}
    -- Templates/layouts/section.html --
    {{<base}}{{$main}}<h1>{{page.title}}</h1><ul>{{#pages}}<li><a href="{{url}}">{{title}}</a></li>{{/pages}}</ul>{{/main}}{{/base}}
    -- Templates/layouts/home.html --
    {{<base}}{{$main}}<h1>{{site.title}}</h1>{{{page.content}}}<nav>{{#site.sections}}<a href="{{url}}">{{title}}</a>{{/site.sections}}</nav>{{/main}}{{/base}}
    -- Templates/layouts/404.html --
    {{<base}}{{$main}}<h1>Lost in the briefing</h1><a href="{{site.homeURL}}">Home</a>{{/main}}{{/base}}
    -- Templates/assets/style.css --
    body { color: black; }
    """

    /// Content/site.yaml, a home page and a section with two pages.
    static let site = """
    -- Content/site.yaml --
    title: "Serve Test Briefing"
    baseURL: "https://example.org/"
    -- Content/_index.md --
    ---
    title: Home
    ---
    Welcome to the briefing.
    -- Content/notes/first.md --
    ---
    title: First note
    date: 2026-01-02
    ---
    The original text.
    -- Content/notes/second.md --
    ---
    title: Second note
    date: 2026-01-03
    ---
    More text.
    """
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Runs `operation`, or throws once `seconds` have passed, so that no test waits forever; also when
/// the operation ignores cancellation (waiting for a task's value does), it is left behind.
func withTimeout<T: Sendable>(_ seconds: Double, _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let outcome = FirstOutcome(continuation)
        let work = Task {
            do { outcome.resume(with: .success(try await operation())) } catch { outcome.resume(with: .failure(error)) }
        }
        Task {
            try? await Task.sleep(for: .seconds(seconds))
            work.cancel()
            outcome.resume(with: .failure(TestFailure("gave up after \(seconds) s")))
        }
    }
}

/// Resumes a continuation once, with whichever result comes first.
private final class FirstOutcome<T: Sendable>: @unchecked Sendable {
    // `@unchecked Sendable`: `continuation` is guarded by `lock`.
    private let lock = NSLock()
    private var continuation: CheckedContinuation<T, any Error>?

    init(_ continuation: CheckedContinuation<T, any Error>) {
        self.continuation = continuation
    }

    func resume(with result: Result<T, any Error>) {
        let first = lock.withLock {
            defer { continuation = nil }
            return continuation
        }
        first?.resume(with: result)
    }
}
