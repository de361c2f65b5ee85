import BriefingKit
import BriefingSupport
import FlyingFox
import FlyingSocks
import Foundation

public struct ServeOptions: Sendable {
    /// The site folder, holding Content/ and Templates/.
    public var source: URL
    /// An IP address; the loopback default keeps the draft site off the network.
    public var host = "127.0.0.1"
    /// 0 picks a free port; `ServeEvent.serving` tells which.
    public var port: UInt16 = 1313
    public var includeDrafts = false
    public var includeFuture = false
    /// Also writes each version whose every file rendered into this folder, as `briefing build` does
    /// (for the local address); nil writes nothing.
    public var write: URL?

    public init(source: URL) {
        self.source = source
    }
}

/// What a running server reports, in order: the first build, `serving`, then one event per rebuild.
public enum ServeEvent: Sendable {
    case built(BuildReport)
    case serving(URL)
    case rebuilt(BuildReport)
    /// A build failed; the browser shows these diagnostics over the last good site.
    case failed(BuildFailure)
}

public struct ServeError: Error, LocalizedError, CustomStringConvertible {
    public var description: String
    public var errorDescription: String? { description }

    init(_ description: String) {
        self.description = description
    }
}

/// `briefing serve`: builds the site in memory for its local address, serves it, and on every change
/// in Content/ or Templates/ renders again what the change touched (the pages open in a browser first,
/// then the rest in the background) and reloads open pages.
public struct SiteServer: Sendable {
    public let options: ServeOptions

    public init(options: ServeOptions) {
        self.options = options
    }

    /// Serves until the task running it is cancelled (Ctrl-C); then it closes every connection and
    /// returns.
    public func run(report: @escaping @Sendable (ServeEvent) -> Void) async throws {
        Self.raiseDescriptorLimit()
        let listen = try ListenAddress(host: options.host, port: options.port)
        let watched = ["Content", "Templates"].map { options.source.appendingPathComponent($0) }
        // A build would report these as errors and wait for a fix; with no folder to watch, none would come.
        for folder in watched {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
                throw ServeError("folder '\(folder.lastPathComponent)/' not found in \(options.source.path); run briefing serve in a site folder or pass --source")
            }
        }
        // Held while serve runs, so that `briefing build` does not publish into the folder the preview writes.
        let writeHold: PreviewWriteHold?
        do throws(BuildFailure) {
            writeHold = try options.write.map { folder throws(BuildFailure) in try PreviewWriteHold(folder, siteRoot: options.source) }
        } catch {
            throw ServeError(error.diagnostics.map(\.message).joined(separator: "; "))
        }
        defer { withExtendedLifetime(writeHold) {} }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("briefing-serve-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw ServeError("cannot create a private folder in \(folder.deletingLastPathComponent().path): \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(at: folder) }

        // Browsers reach FlyingFox only through the gate: its socket is a file in the private folder.
        let upstream = sockaddr_un.unix(path: folder.appendingPathComponent("http.sock").path)
        let pool = HTTPServer.defaultPool()
        let listener: AsyncSocket
        do {
            try await pool.prepare()
            listener = try AsyncSocket(socket: listen.makeListeningSocket(), pool: pool)
        } catch {
            throw ServeError("cannot serve on \(listen.urlHost):\(options.port): " + Self.reason(error))
        }
        defer { try? listener.close() }
        guard let port = try? listener.socket.sockname().port else { throw ServeError("the server stopped listening") }
        let hosts = Set(["127.0.0.1", "localhost", "[::1]", listen.urlHost.lowercased()].map { "\($0):\(port)" })
        let everyInterface = ["0.0.0.0", "::"].contains(options.host)
        let gate = RequestGate(hosts: hosts, anyAddressOnPort: everyInterface ? port : nil, upstream: upstream, pool: pool)

        let live = LiveReload()
        let http = HTTPServer(address: upstream, logger: .disabled)
        await http.appendRoute(HTTPRoute("GET " + LiveReloadScript.eventsPath)) { request in
            await live.eventStream(since: request.query["since"], page: request.query["page"])
        }
        await http.appendRoute("*", to: SiteRequestHandler(live: live))

        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await pool.run() }
                group.addTask { try await http.run() }
                group.addTask { try await http.waitUntilListening() }
                // `run()` ends early only by throwing, so whichever child finishes first says whether
                // FlyingFox is listening.
                do {
                    try await group.next()
                } catch {
                    throw ServeError("cannot serve: " + Self.reason(error))
                }
                group.addTask { try await gate.serve(listener) }
                group.addTask {
                    while true {
                        try await Task.sleep(for: LiveReload.heartbeat)
                        await live.beat()
                    }
                }
                // On every interface the site is for other devices: its addresses name this computer on the network.
                let siteHost = everyInterface ? ListenAddress.networkAddress() ?? "127.0.0.1" : listen.urlHost
                let builder = ServeBuilder(options: options, origin: "http://\(siteHost):\(port)", report: report)

                // Watching starts before the first build so that no save during it goes unnoticed. An editor's
                // save (write and close, or write a copy and rename it) is a burst of events within a
                // millisecond or two, as are a checkout's; every millisecond waited here is one more before
                // the page reloads.
                // Undated pages take their last commit's date: a commit changes it without touching a file;
                // and a page held back for its date joins the site when the clock passes it.
                let checkout = FileDates.checkoutStamp(of: watched[0])
                let releases = ReleaseClock()
                let (changes, changedPaths) = try FolderWatcher.watch(
                    watched, debounce: .milliseconds(10), polling: { (checkout?() ?? "") + " " + releases.passed() }
                )
                // Not kept in a variable the loop below captures: that would hold the first version, and
                // a whole site's pages, for as long as the server runs.
                let (basePath, firstVersion) = try await Self.start(builder, live: live, releases: releases, report: report)
                group.addTask { [firstVersion] in
                    var basePath = basePath
                    var shown = firstVersion.take()
                    // One build at a time; saves during a build coalesce into a single next build.
                    for await _ in changes {
                        // The version shown stops rendering its remaining pages: this build replaces it.
                        shown?.stop()
                        let outcome = await builder.update(
                            rendering: await live.openPages(), changed: changedPaths.take(), fallbackBasePath: basePath
                        )
                        report(outcome.event(first: false))
                        // A base URL given a sub-path (or another) moves the site: the address to open is new.
                        if outcome.basePath != basePath, let url = URL(string: builder.origin + outcome.basePath) { report(.serving(url)) }
                        basePath = outcome.basePath
                        await live.update(outcome)
                        guard case .success(let made) = outcome.result else { continue }
                        shown = made.version
                        releases.note(made.version)
                        // The rest of the pages, unless the next change comes first; requests render
                        // the pages they ask for meanwhile. Not at once: rendering the rest takes both
                        // cores for a while, and the browsers reloading the open pages need them first.
                        Task {
                            try? await Task.sleep(for: SiteServer.reloadFirst)
                            let errors = await builder.renderRemaining(made.version)
                            await live.rendered(made.version, errors: errors)
                            if let errors { report(.failed(errors)) } else if made.version.isComplete { await builder.write() }
                        }
                    }
                }
                // Both children run until cancelled; if the server fails, stop watching too.
                try await group.next()
                group.cancelAll()
            }
        } catch where Task.isCancelled {
            // Stopping cancels the server's task, which ends with an error that is no failure.
        }
    }
}

extension SiteServer {
    /// How long the pages open in a browser have to reload before the rest of the site renders: about
    /// what a browser takes to fetch and lay out a page here.
    static let reloadFirst = Duration.milliseconds(200)

    /// A browser opens several connections for a page, and each open page holds an event stream: the soft
    /// limit on open files (256 on macOS) would be reached by a few dozen tabs. It is raised to the hard one.
    fileprivate static func raiseDescriptorLimit() {
        #if canImport(Glibc)
        let openFiles = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
        #else
        let openFiles = RLIMIT_NOFILE
        #endif
        var limit = rlimit()
        guard getrlimit(openFiles, &limit) == 0, limit.rlim_cur < limit.rlim_max else { return }
        limit.rlim_cur = min(limit.rlim_max, 1 << 16)
        setrlimit(openFiles, &limit)
    }

    /// The first build, reported and served; the base path it serves under and, boxed so that the
    /// caller can let go of it, its version.
    fileprivate static func start(
        _ builder: ServeBuilder, live: LiveReload, releases: ReleaseClock, report: @escaping @Sendable (ServeEvent) -> Void
    ) async throws -> (String, FirstVersion) {
        let first = await builder.update(rendering: [], fallbackBasePath: "/")
        await live.update(first)
        if case .success(let made) = first.result { releases.note(made.version) }
        report(first.event(first: true))
        guard let url = URL(string: builder.origin + first.basePath) else {
            throw ServeError("'\(builder.origin + first.basePath)' is not a URL a browser can open")
        }
        report(.serving(url))
        if case .success = first.result { await builder.write() }
        return (first.basePath, FirstVersion(try? first.result.get().version))
    }
}

/// The first version, handed to the loop that replaces it and then let go.
private final class FirstVersion: @unchecked Sendable {
    // `@unchecked Sendable`: read once, by the one task that takes it.
    private var version: PreviewVersion?

    init(_ version: PreviewVersion?) {
        self.version = version
    }

    func take() -> PreviewVersion? {
        defer { version = nil }
        return version
    }
}

/// The host to bind, checked up front so that a typo reads as such rather than as a socket error.
private struct ListenAddress {
    let address: any SocketAddress
    /// The host as it appears in a URL: IPv6 in brackets.
    let urlHost: String

    init(host: String, port: UInt16) throws {
        do {
            if host == "localhost" {
                address = try sockaddr_in.inet(ip4: "127.0.0.1", port: port)
                urlHost = host
            } else if host.contains(":") {
                address = try sockaddr_in6.inet6(ip6: host, port: port)
                urlHost = "[\(host)]"
            } else {
                address = try sockaddr_in.inet(ip4: host, port: port)
                urlHost = host
            }
        } catch {
            throw ServeError("--host '\(host)' must be an IP address such as 127.0.0.1 or ::1, or localhost")
        }
    }
}

private extension ListenAddress {
    /// This computer's first IPv4 address on a network (not loopback), as another device reaches it.
    static func networkAddress() -> String? {
        var first: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&first) == 0 else { return nil }
        defer { freeifaddrs(first) }
        var entry = first
        while let current = entry?.pointee {
            defer { entry = current.ifa_next }
            guard let address = current.ifa_addr, address.pointee.sa_family == sa_family_t(AF_INET),
                  current.ifa_flags & UInt32(IFF_UP) != 0, current.ifa_flags & UInt32(IFF_LOOPBACK) == 0
            else { continue }
            var name = [CChar](repeating: 0, count: Int(INET_ADDRSTRLEN))
            var ip4 = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_addr }
            guard inet_ntop(AF_INET, &ip4, &name, socklen_t(name.count)) != nil else { continue }
            return String(decoding: name.prefix { $0 != 0 }.map(UInt8.init), as: UTF8.self)
        }
        return nil
    }

    /// Bound and listening, so that a port in use is known before the first build.
    func makeListeningSocket() throws -> Socket {
        let socket = try Socket(domain: Int32(type(of: address).family), type: .stream)
        try socket.setValue(true, for: .localAddressReuse)
        try socket.bind(to: address)
        try socket.listen()
        return socket
    }
}

private extension Socket.Address {
    var port: UInt16? {
        switch self {
        case .ip4(_, let port), .ip6(_, let port): port
        case .unix: nil
        }
    }
}

extension SiteServer {
    /// The system's words for why a socket failed (`Address already in use`), without the socket
    /// library's own name for the error (`SocketError. Bind(98):`), which means nothing to an editor.
    static func reason(_ error: any Error) -> String {
        guard case SocketError.failed(_, let number, let message) = error else { return error.localizedDescription }
        switch number {
        case EADDRINUSE: return message + " (another program, or another briefing serve, has the port: choose another with --port)"
        case EACCES: return message + " (ports below 1024 need root: choose another with --port)"
        case EADDRNOTAVAIL: return message + " (no network interface of this computer has that address: check --host)"
        default: return message
        }
    }
}
