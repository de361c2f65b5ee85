import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Glibc
@testable import BriefingServe

struct TestResponse {
    var status: Int
    var contentType: String?
    var location: String?
    var body: String
    /// The Connection header, read by `raw` only.
    var connection: String? = nil
}

extension ServedSite {
    /// A GET through URLSession, as a browser would send it; redirects are not followed.
    func fetch(_ path: String, method: String = "GET") async throws -> TestResponse {
        var request = URLRequest(url: URL(string: path, relativeTo: url)!, timeoutInterval: ServedSite.timeout)
        request.httpMethod = method
        let (data, response) = try await session.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw TestFailure("no HTTP response for \(path)") }
        return TestResponse(
            status: http.statusCode,
            contentType: http.value(forHTTPHeaderField: "Content-Type"),
            location: http.value(forHTTPHeaderField: "Location"),
            body: String(decoding: data, as: UTF8.self)
        )
    }

    /// Sends the request target exactly as written: URLSession and curl would already resolve `..`
    /// and so never let the server see the attack.
    func raw(_ target: String, host: String? = nil, headers: String = "", method: String = "GET", version: String = "HTTP/1.1") async throws -> TestResponse {
        let port = port
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result {
                    try TestHTTP.rawGet(target, port: port, host: host, headers: headers, method: method, version: version)
                })
            }
        }
    }

    /// The status and bytes of a GET, as they came.
    func bytes(_ path: String) async throws -> (status: Int, body: Data) {
        let request = URLRequest(url: URL(string: path, relativeTo: url)!, timeoutInterval: ServedSite.timeout)
        let (data, response) = try await session.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw TestFailure("no HTTP response for \(path)") }
        return (http.statusCode, data)
    }

    /// The Server-Sent Events a page would receive, collected as they arrive; `page` is the path of the
    /// page that listens, as its script sends it.
    func openEvents(since build: String? = nil, page: String? = nil) -> EventStreamClient {
        var components = URLComponents(url: url, resolvingAgainstBaseURL: false)!
        components.path = LiveReloadScript.eventsPath
        var query = build.map { ["since=\($0)"] } ?? []
        if let page { query.append("page=\(page)") }
        components.query = query.isEmpty ? nil : query.joined(separator: "&")
        return EventStreamClient(url: components.url!)
    }
}

enum TestHTTP {
    /// One per served site, invalidated when the server stops, so no connection outlives its test.
    static func makeSession() -> URLSession {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = ServedSite.timeout
        return URLSession(configuration: configuration, delegate: RefuseRedirects(), delegateQueue: nil)
    }

    /// One `Connection: close` request over a plain socket, with send and receive timeouts; `host` and
    /// `headers` (lines ending in CRLF) as given.
    static func rawGet(
        _ target: String, port: UInt16, host: String? = nil, headers: String = "", method: String = "GET", version: String = "HTTP/1.1"
    ) throws -> TestResponse {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw TestFailure("socket() failed") }
        defer { close(socket) }
        var timeout = timeval(tv_sec: Int(ServedSite.timeout), tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(socket, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw TestFailure("cannot connect to port \(port)") }
        let request = Array("\(method) \(target) \(version)\r\nHost: \(host ?? "127.0.0.1:\(port)")\r\n\(headers)Connection: close\r\n\r\n".utf8)
        var sent = 0
        while sent < request.count {
            // A server that refuses a long request may stop reading it: its answer is still read below.
            let count = request[sent...].withUnsafeBytes { send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { break }
            sent += count
        }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = recv(socket, &buffer, buffer.count, 0)
            guard count > 0 else { break }
            received += buffer[..<count]
        }
        let text = String(decoding: received, as: UTF8.self)
        guard let headEnd = text.range(of: "\r\n\r\n") else { throw TestFailure("no response to \(target): \(text)") }
        let head = text[..<headEnd.lowerBound].split(separator: "\r\n")
        let statusLine = head.first?.split(separator: " ") ?? []
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { throw TestFailure("bad status line: \(text)") }
        func header(_ name: String) -> String? {
            head.dropFirst().first { $0.lowercased().hasPrefix(name.lowercased() + ":") }
                .map { $0.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces) }
        }
        return TestResponse(
            status: status,
            contentType: header("Content-Type"),
            location: header("Location"),
            body: String(text[headEnd.upperBound...]),
            connection: header("Connection")
        )
    }
}

private final class RefuseRedirects: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(
        _ session: URLSession,
        task: URLSessionTask,
        willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest,
        completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}

/// An EventSource for tests: reads `/__briefing/events` through URLSession as the data arrives.
final class EventStreamClient: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    struct Event: Equatable {
        var name: String
        var data: String
    }

    // `@unchecked Sendable`: `text` and `events` are guarded by `lock`.
    private let lock = NSLock()
    private var text = ""
    private var events: [Event] = []
    private var session: URLSession!

    init(url: URL) {
        super.init()
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 3600
        session = URLSession(configuration: configuration, delegate: self, delegateQueue: nil)
        session.dataTask(with: URLRequest(url: url)).resume()
    }

    func close() {
        session.invalidateAndCancel()
    }

    var received: [Event] {
        lock.withLock { events }
    }

    /// Waits for the first matching event at `start` or later, or throws after the timeout.
    func next(from start: Int = 0, where matches: @escaping @Sendable (Event) -> Bool = { _ in true }) async throws -> (index: Int, event: Event) {
        let deadline = Date().addingTimeInterval(ServedSite.timeout)
        while Date() < deadline {
            let events = received
            if let index = events.indices.dropFirst(start).first(where: { matches(events[$0]) }) {
                return (index, events[index])
            }
            try await Task.sleep(for: .milliseconds(25))
        }
        throw TestFailure("no matching event within \(ServedSite.timeout) s; received \(received)")
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        lock.withLock {
            text += String(decoding: data, as: UTF8.self)
            // An event ends at a blank line; `retry:` alone is not an event.
            while let end = text.range(of: "\n\n") {
                let block = text[..<end.lowerBound]
                text.removeSubrange(..<end.upperBound)
                var name = "message"
                var lines: [Substring] = []
                for line in block.split(separator: "\n") {
                    if line.hasPrefix("event: ") { name = String(line.dropFirst(7)) }
                    if line.hasPrefix("data: ") { lines.append(line.dropFirst(6)) }
                }
                if !lines.isEmpty { events.append(Event(name: name, data: lines.joined(separator: "\n"))) }
            }
        }
    }
}
