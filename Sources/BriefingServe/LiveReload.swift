import BriefingKit
import BriefingSupport
import FlyingFox
import Foundation

/// The version of the site being served, and what open pages must know: which build it comes from,
/// whether the latest build failed, and the event streams to tell them when either changes. Each
/// stream knows the page it was opened from, so a build can render the pages on screen first.
actor LiveReload {
    /// Names the last good build; a page carries the one it was served with, so a page that connects
    /// after a rebuild it missed still reloads. The names differ from one run of the server to the
    /// next, so a page left open across a restart reloads too.
    private var build = ""
    /// The diagnostics of the latest build, as the terminal shows them, while it failed.
    private var failure: String?
    /// Where the served site lives, from its site.yaml.
    private var basePath = "/"
    /// The site served; nil until a first build succeeds.
    private var site: PreviewVersion?
    /// The last version whose every file rendered: served again if rendering the rest of a newer one
    /// fails.
    private var complete: PreviewVersion?
    /// A version withdrawn since the last build (a request found a page that fails) whose remaining
    /// pages still render: all their errors are what open pages show, not the first page's alone.
    private var withdrawn: PreviewVersion?

    /// All at once, for a request.
    var served: (basePath: String, build: String, site: PreviewVersion?) { (basePath, build, site) }

    private let session = UUID().uuidString.prefix(8).lowercased()
    private var builds = 0
    private var subscribers: [UUID: (page: String?, events: AsyncStream<ServerSentEvent>.Continuation)] = [:]

    func update(_ outcome: BuildOutcome) {
        withdrawn = nil
        switch outcome.result {
        case .success(let made):
            builds += 1
            build = "\(session)-\(builds)"
            failure = nil
            basePath = made.version.basePath
            site = made.version
            if made.version.isComplete { complete = made.version }
            broadcast(.reload(build: build))
        case .failure(let error):
            fail(error)
        }
    }

    /// The rest of `version` rendered, with these errors: on none it is complete; else it is withdrawn.
    func rendered(_ version: PreviewVersion, errors: BuildFailure?) {
        guard let errors else {
            if version.isComplete { complete = version }
            return
        }
        if version === withdrawn {
            fail(errors)
        } else {
            withdraw(version, because: errors)
        }
    }

    /// A file of `version` failed to render (in the background, or as a request asked for it), as the
    /// build would have failed: if it is still the one served, the last complete version is served again.
    /// Open pages may show the failed version, announced before the error was found (a template that fails
    /// on some pages only): they load the last complete one again, under a new build name, and get the
    /// errors over it as they connect.
    func withdraw(_ version: PreviewVersion, because errors: BuildFailure) {
        guard version === site else { return }
        withdrawn = version
        site = complete
        if let complete { basePath = complete.basePath }
        failure = DiagnosticReport.render(errors.diagnostics, color: false)
        builds += 1
        build = "\(session)-\(builds)"
        broadcast(.reload(build: build))
    }

    private func fail(_ error: BuildFailure) {
        let text = DiagnosticReport.render(error.diagnostics, color: false)
        failure = text
        broadcast(.error(text))
    }

    /// The files of the pages open in a browser now (`notes/first/index.html`), for the next build to
    /// render first.
    func openPages() -> [String] {
        let paths = SitePath(basePath: basePath, contains: { _ in true })
        return Array(Set(subscribers.values.compactMap { $0.page.flatMap(paths.file(ofPage:)) })).sorted()
    }

    /// `GET /__briefing/events?since=BUILD&page=PATH`: a stream that starts with what the page at PATH
    /// has missed.
    func eventStream(since: String?, page: String?) -> HTTPResponse {
        // A tab that stops reading (a laptop asleep) needs only the latest events, not all of them.
        let (events, continuation) = AsyncStream.makeStream(of: ServerSentEvent.self, bufferingPolicy: .bufferingNewest(8))
        continuation.yield(.retry(milliseconds: 500))
        if let failure {
            continuation.yield(.error(failure))
        } else if let since, since != build {
            continuation.yield(.reload(build: build))
        }
        let id = UUID()
        subscribers[id] = (page, continuation)
        // The stream ends when its connection does (the browser left, or the server stopped).
        continuation.onTermination = { _ in Task { await self.unsubscribe(id) } }
        return HTTPResponse(
            statusCode: .ok,
            headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"],
            body: HTTPBodySequence(from: EventStreamBody(events: events))
        )
    }

    private func unsubscribe(_ id: UUID) {
        subscribers[id] = nil
    }

    /// How often open streams get a comment: writing to a browser that left is how FlyingFox learns that
    /// it did, and ends its stream.
    static let heartbeat = Duration.seconds(15)

    func beat() {
        broadcast(.comment)
    }

    private func broadcast(_ event: ServerSentEvent) {
        for subscriber in subscribers.values { subscriber.events.yield(event) }
    }
}

/// The Server-Sent Events the reload script listens to.
enum ServerSentEvent: Sendable, Equatable {
    /// How soon the browser reconnects after the server restarts.
    case retry(milliseconds: Int)
    /// The page is stale: the site was rebuilt as `build`.
    case reload(build: String)
    /// A failed build's diagnostics, shown over the page.
    case error(String)
    /// Nothing for the page: a line that keeps the connection in use.
    case comment

    /// The wire form: a field per line, one `data:` line per line of text, and a blank line to end it.
    var text: String {
        switch self {
        case .retry(let milliseconds):
            return "retry: \(milliseconds)\n\n"
        case .reload(let build):
            return "event: reload\ndata: \(build)\n\n"
        case .comment:
            return ":\n\n"
        case .error(let message):
            let lines = message.trimmingCharacters(in: .newlines).split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            return "event: error\n" + lines.map { "data: \($0)\n" }.joined() + "\n"
        }
    }
}
