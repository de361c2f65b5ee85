import FlyingSocks
import Foundation

/// What browsers connect to: it reads each request's head itself, within bounds, checks its Host, and
/// passes the request on to FlyingFox, which listens on a Unix socket in the server's private folder.
///
/// FlyingFox reads a request line byte by byte and compares the whole line read so far after each byte:
/// a 400 KB path cost 128 s of CPU, two such requests stopped the server, and it has no setting to
/// bound a request line or its headers. The gate answers 414 and 431 as soon as a limit is passed.
/// It answers 421 to a Host header that does not name this server: a DNS-rebinding page sends its
/// own domain there, and could otherwise read the preview, drafts included.
struct RequestGate: Sendable {
    static let requestLineLimit = 8 * 1024
    static let headLimit = 32 * 1024

    /// The `host:port` values that name this server, lowercased.
    let hosts: Set<String>
    /// Listening on every interface (`--host 0.0.0.0` or `::`), other devices reach the server by one of
    /// this computer's addresses: any IP address with the port is taken then. DNS rebinding needs a
    /// name, so an address in Host never comes from it.
    let anyAddressOnPort: UInt16?
    let upstream: sockaddr_un
    let pool: any AsyncSocketPool

    /// Accepts connections until the task is cancelled, each in a task of its own. Out of file
    /// descriptors, accepting fails until a connection closes: it is tried again shortly, not given up.
    func serve(_ listener: AsyncSocket) async throws {
        try await withThrowingDiscardingTaskGroup { group in
            while true {
                try Task.checkCancellation()
                let client: AsyncSocket
                do {
                    client = try await listener.accept()
                } catch SocketError.failed(_, let code, _) where [EMFILE, ENFILE, ENOBUFS, ENOMEM].contains(code) {
                    try await Task.sleep(for: .milliseconds(50))
                    continue
                }
                group.addTask { await self.handle(client) }
            }
        }
    }

    private struct Refusal: Error {
        let status: String
        let message: String
    }

    private func handle(_ client: AsyncSocket) async {
        defer { try? client.close() }
        do {
            let (head, rest) = try await readHead(from: client, within: Self.headTime)
            let request = try forwarded(head)
            let server = try await AsyncSocket.connected(to: upstream, pool: pool)
            defer { try? server.close() }
            try await server.write(Data(request + rest))
            // Whichever side stops first ends the exchange: FlyingFox closes after its answer, as the
            // request asks, and a browser that goes away ends an event stream. A read waiting on the
            // other side does not end when its task is cancelled: shutting both sockets down ends it,
            // or a page left behind would hold two descriptors until its stream's next event.
            await withTaskGroup(of: Bool.self) { group in
                group.addTask { await Self.copy(from: server, to: client, addingToTheHead: "Connection: close"); return false }
                group.addTask { await Self.copy(from: client, to: server); return true }
                // A client may close its side once its request is sent and still read the answer: only an
                // event stream, which has no end, ends as soon as the browser's side does.
                if await group.next() == true, !Self.isEventStream(head) { _ = await group.next() }
                for socket in [client, server] { shutdown(socket.socket.file.rawValue, Int32(SHUT_RDWR)) }
            }
        } catch let refusal as Refusal {
            let body = Array((refusal.message + "\n").utf8)
            let head = "HTTP/1.1 \(refusal.status)\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: \(body.count)\r\n"
                + "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n"
            try? await client.write(Data(Array(head.utf8) + body))
            // Closed with the rest of the request unread, the connection would be reset and the browser
            // could lose the answer: the rest is read and dropped first, up to a megabyte.
            shutdown(client.socket.file.rawValue, Int32(SHUT_WR))
            var dropped = 0
            while dropped < 1 << 20, let bytes = try? await client.read(atMost: 16 * 1024) { dropped += bytes.count }
        } catch {
            // The browser went away, or FlyingFox did: nothing is left to answer.
        }
    }

    /// How long a client has to send its request's head: one that sends it slowly, or never, holds a
    /// descriptor meanwhile, and enough of them leave none for anyone else.
    static let headTime = Duration.seconds(20)

    /// The head, or an error once `limit` has passed: the socket is shut down then, which ends the read.
    /// The timer is over before this returns, so it never shuts down a descriptor since closed and reused.
    private func readHead(from client: AsyncSocket, within limit: Duration) async throws -> (head: [UInt8], rest: [UInt8]) {
        let descriptor = client.socket.file.rawValue
        let timer = Task {
            guard (try? await Task.sleep(for: limit)) != nil else { return }
            shutdown(descriptor, Int32(SHUT_RDWR))
        }
        do {
            let head = try await readHead(from: client)
            timer.cancel()
            await timer.value
            return head
        } catch {
            timer.cancel()
            await timer.value
            throw error
        }
    }

    /// The request line and headers up to the empty line, and whatever came after them.
    private func readHead(from client: AsyncSocket) async throws -> (head: [UInt8], rest: [UInt8]) {
        var bytes: [UInt8] = []
        var lineStart = 0
        var sawRequestLine = false
        while true {
            let scanned = bytes.count
            bytes += try await client.read(atMost: 4096)
            for index in scanned..<bytes.count where bytes[index] == UInt8(ascii: "\n") {
                let line = bytes[lineStart..<index]
                if !sawRequestLine, line.count > Self.requestLineLimit { throw Self.uriTooLong }
                sawRequestLine = true
                if line.isEmpty || line == [UInt8(ascii: "\r")] {
                    return (Array(bytes[...index]), Array(bytes[(index + 1)...]))
                }
                lineStart = index + 1
            }
            if !sawRequestLine, bytes.count > Self.requestLineLimit { throw Self.uriTooLong }
            if bytes.count > Self.headLimit {
                throw Refusal(status: "431 Request Header Fields Too Large", message: "The request's headers are longer than \(Self.headLimit) bytes.")
            }
        }
    }

    /// The request line as FlyingFox takes it: HTTP/1.0 or 1.1, a method this preview knows (all but GET
    /// and HEAD are answered 405 by the handler), and a target in origin form: an absolute one
    /// (`http://host/path`) becomes its path, and its host is returned to be checked as Host is.
    private static func checked(_ line: String) throws -> (line: String, host: String?) {
        let parts = line.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw Refusal(status: "400 Bad Request", message: "The request line is not METHOD TARGET HTTP/1.1.") }
        let (method, target, version) = (parts[0], parts[1], parts[2])
        guard version == "HTTP/1.1" || version == "HTTP/1.0" else {
            throw Refusal(status: version.hasPrefix("HTTP/") ? "505 HTTP Version Not Supported" : "400 Bad Request", message: "This preview speaks HTTP/1.1.")
        }
        guard knownMethods.contains(String(method)) else {
            throw Refusal(status: "501 Not Implemented", message: "Only GET and HEAD are served here.")
        }
        guard target.lowercased().hasPrefix("http://") else { return (line, nil) }
        let rest = target.dropFirst("http://".count)
        let authority = rest.prefix { $0 != "/" && $0 != "?" }
        let path = rest.dropFirst(authority.count)
        return ("\(method) \(path.hasPrefix("/") ? "" : "/")\(path) \(version)", String(authority))
    }

    /// Methods are case-sensitive: `get` is none of them.
    private static let knownMethods: Set<String> = ["GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "TRACE", "PATCH", "CONNECT"]

    private static let uriTooLong = Refusal(status: "414 URI Too Long", message: "The request line is longer than \(requestLineLimit) bytes.")

    /// The head as FlyingFox gets it, once its Host is checked: asking to close the connection after
    /// the answer, so that the gate reads the head of every request.
    private func forwarded(_ head: [UInt8]) throws -> [UInt8] {
        let lines = head.split(separator: UInt8(ascii: "\n")).map { line in
            String(decoding: line.last == UInt8(ascii: "\r") ? line.dropLast() : line, as: UTF8.self)
        }.filter { !$0.isEmpty }
        var kept: [String] = []
        var host: String?
        var origin: String?
        var crossSite = false
        let (requestLine, absoluteHost) = try Self.checked(lines.first ?? "")
        var hostLines = 0
        for (number, line) in ([requestLine] + lines.dropFirst()).enumerated() {
            let name = number == 0 ? "" : line.prefix { $0 != ":" }.trimmingCharacters(in: .whitespaces).lowercased()
            let value = { line.drop { $0 != ":" }.dropFirst().trimmingCharacters(in: .whitespaces) }
            if name == "host" { (host, hostLines) = (host ?? value(), hostLines + 1) }
            if name == "origin" { origin = origin ?? value() }
            if name == "sec-fetch-site", value().lowercased() == "cross-site" { crossSite = true }
            if !["connection", "keep-alive", "proxy-connection"].contains(name) { kept.append(line) }
        }
        guard hostLines <= 1 else { throw Refusal(status: "400 Bad Request", message: "The request has more than one Host header.") }
        // A target with its host (`GET http://127.0.0.1:1313/ HTTP/1.1`) names the server there, not in Host.
        guard let host = absoluteHost ?? host, names(host) else {
            let names = hosts.sorted().joined(separator: ", ") + (anyAddressOnPort == nil ? "" : " and this computer's IP addresses")
            throw Refusal(status: "421 Misdirected Request", message: "This preview answers only to \(names); to reach it at another address, serve on that one with --host.")
        }
        // A page of another site may not use the preview: its event streams alone, one per request, would
        // hold descriptors. The preview's own pages send no Origin, or their own; a browser says where an
        // image's or a frame's request comes from only in Sec-Fetch-Site.
        if let origin, !(origin.lowercased().hasPrefix("http://") && names(String(origin.dropFirst("http://".count)))) {
            throw Refusal(status: "403 Forbidden", message: "This preview answers only its own pages, not a page from \(origin).")
        }
        if crossSite {
            throw Refusal(status: "403 Forbidden", message: "This preview answers only its own pages, not a page of another site.")
        }
        return Array((kept + ["Connection: close", "", ""]).joined(separator: "\r\n").utf8)
    }

    private static func isEventStream(_ head: [UInt8]) -> Bool {
        let requestLine = head.prefix { $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: "\n") }
        let target = requestLine.split(separator: UInt8(ascii: " ")).dropFirst().first ?? []
        return target.starts(with: LiveReloadScript.eventsPath.utf8)
    }

    /// Whether `host:port` names this server.
    private func names(_ host: String) -> Bool {
        hosts.contains(host.lowercased()) || isAddress(host)
    }

    private func isAddress(_ host: String) -> Bool {
        guard let port = anyAddressOnPort, host.hasSuffix(":\(port)") else { return false }
        var address = in6_addr()
        let name = host.dropLast(":\(port)".count)
        if name.hasPrefix("["), name.hasSuffix("]") { return inet_pton(AF_INET6, String(name.dropFirst().dropLast()), &address) == 1 }
        return inet_pton(AF_INET, String(name), &address) == 1
    }

    /// Copies until either side stops. `header`, if any, goes into the head of what is copied, after its
    /// first line: FlyingFox's answers do not say that the connection closes after them, and a client that
    /// sent another request on it would wait for an answer that never comes.
    private static func copy(from source: AsyncSocket, to destination: AsyncSocket, addingToTheHead header: String? = nil) async {
        var waiting = header.map { _ in [UInt8]() }
        while let bytes = try? await source.read(atMost: 16 * 1024) {
            var out = bytes
            if let head = waiting {
                let received = head + bytes
                guard let lineEnd = received.firstIndex(of: UInt8(ascii: "\n")) else {
                    waiting = received
                    continue
                }
                out = Array(received[...lineEnd]) + Array((header! + "\r\n").utf8) + Array(received[(lineEnd + 1)...])
                waiting = nil
            }
            guard (try? await destination.write(Data(out))) != nil else { return }
        }
    }
}
