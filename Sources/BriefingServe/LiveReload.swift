import BriefingKit
import BriefingSupport
import FlyingFox
import Foundation

/// What open pages must know: which build the served site comes from, whether the latest build failed,
/// and the event streams to tell them when either changes.
actor LiveReload {
    /// Names the last good build; a page carries the one it was served with, so a page that connects
    /// after a rebuild it missed still reloads. The names differ from one run of the server to the
    /// next, so a page left open across a restart reloads too.
    private var build = ""
    /// The diagnostics of the latest build, as the terminal shows them, while it failed.
    private var failure: String?
    /// Where the served site lives, from its site.yaml.
    private var basePath = "/"

    /// Both at once, for a request.
    var served: (basePath: String, build: String) { (basePath, build) }

    private let session = UUID().uuidString.prefix(8).lowercased()
    private var builds = 0
    private var subscribers: [UUID: AsyncStream<ServerSentEvent>.Continuation] = [:]

    func update(_ outcome: BuildOutcome) {
        switch outcome.result {
        case .success:
            builds += 1
            build = "\(session)-\(builds)"
            failure = nil
            basePath = outcome.basePath
            broadcast(.reload(build: build))
        case .failure(let error):
            let text = DiagnosticReport.render(error.diagnostics, color: false)
            failure = text
            broadcast(.error(text))
        }
    }

    /// `GET /__briefing/events?since=BUILD`: a stream that starts with what the page has missed.
    func eventStream(since: String?) -> HTTPResponse {
        // A tab that stops reading (a laptop asleep) needs only the latest events, not all of them.
        let (events, continuation) = AsyncStream.makeStream(of: ServerSentEvent.self, bufferingPolicy: .bufferingNewest(8))
        continuation.yield(.retry(milliseconds: 500))
        if let failure {
            continuation.yield(.error(failure))
        } else if let since, since != build {
            continuation.yield(.reload(build: build))
        }
        let id = UUID()
        subscribers[id] = continuation
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

    private func broadcast(_ event: ServerSentEvent) {
        for continuation in subscribers.values { continuation.yield(event) }
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

    /// The wire form: a field per line, one `data:` line per line of text, and a blank line to end it.
    var text: String {
        switch self {
        case .retry(let milliseconds):
            return "retry: \(milliseconds)\n\n"
        case .reload(let build):
            return "event: reload\ndata: \(build)\n\n"
        case .error(let message):
            let lines = message.trimmingCharacters(in: .newlines).split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            return "event: error\n" + lines.map { "data: \($0)\n" }.joined() + "\n"
        }
    }
}
