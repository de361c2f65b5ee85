import Foundation
import Testing
@testable import BriefingServe

/// What the server answers before FlyingFox sees a request: over-long request lines and headers, and
/// Host headers that do not name it. Each answer comes at once, and the server goes on serving.
@Suite(.timeLimit(.minutes(1)))
struct RequestGateTests {
    /// FlyingFox read a 400 KB request line in 128 s of CPU; two such requests stopped the server. The
    /// suite's time limit tells that from an answer at once. A DNS-rebinding page reaches the server
    /// under its own name, which the browser sends as Host. One server for all, as servers of all tests
    /// build on one queue.
    @Test func longHeadsAndForeignHostsAreRefusedAtOnce() async throws {
        try await ServedSite.serve(ServedSite.site) { site in
            for _ in 0..<2 {
                let response = try await site.raw("/" + String(repeating: "a", count: 400_000))
                #expect(response.status == 414)
                #expect(response.body == "The request line is longer than 8192 bytes.\n")
            }

            let headers = (0..<400).map { "X-Filler-\($0): \(String(repeating: "b", count: 100))\r\n" }.joined()
            let long = try await site.raw("/", headers: headers)
            #expect(long.status == 431)
            #expect(long.body == "The request's headers are longer than 32768 bytes.\n")
            #expect(try await site.raw("/", headers: "X-Short: yes\r\n").status == 200)

            let port = site.port
            for host in ["127.0.0.1:\(port)", "localhost:\(port)", "LOCALHOST:\(port)", "[::1]:\(port)"] {
                #expect(try await site.raw("/", host: host).status == 200, "\(host)")
            }
            for host in ["rebind.example:\(port)", "localhost", "127.0.0.1:1", "localhost.rebind.example:\(port)"] {
                let response = try await site.raw("/", host: host)
                #expect(response.status == 421, "\(host)")
                #expect(response.body == "This preview answers only to 127.0.0.1:\(port), [::1]:\(port), localhost:\(port); to reach it at another address, serve on that one with --host.\n")
            }
            #expect(try await site.fetch("/").body.contains("Serve Test Briefing"))
        }
    }

    /// Every answer closes its connection, and now says so: a client that sent a second request on it
    /// waited for an answer that never came. A page of another site may not use the preview: each of its
    /// event streams held descriptors until the server had none left.
    @Test func answersSayTheyCloseAndOtherSitesPagesAreRefused() async throws {
        try await ServedSite.serve(ServedSite.site) { site in
            let page = try await site.raw("/")
            #expect(page.status == 200)
            #expect(page.connection == "close")
            #expect(try await site.raw("/", headers: "Origin: http://127.0.0.1:\(site.port)\r\n").status == 200)
            let embedded = try await site.raw(LiveReloadScript.eventsPath, headers: "Sec-Fetch-Site: cross-site\r\nSec-Fetch-Dest: script\r\n")
            #expect(embedded.status == 403)
            #expect(try await site.raw("/", headers: "Sec-Fetch-Site: same-origin\r\n").status == 200)
            for origin in ["https://evil.example", "null", "http://127.0.0.1:1"] {
                let refused = try await site.raw(LiveReloadScript.eventsPath, headers: "Origin: \(origin)\r\n")
                #expect(refused.status == 403, "\(origin)")
                #expect(refused.body == "This preview answers only its own pages, not a page from \(origin).\n")
            }
        }
    }

    /// HTTP/1.1's request line as the standard has it: an absolute target is served when its host is this
    /// server's, methods are case-sensitive, other versions and a second Host are refused.
    @Test func requestLinesAreReadAsHTTPReadsThem() async throws {
        try await ServedSite.serve(ServedSite.site) { site in
            let port = site.port
            let absolute = try await site.raw("http://127.0.0.1:\(port)/notes/first/", host: "unused.example")
            #expect(absolute.status == 200 && absolute.body.contains("The original text."))
            #expect(try await site.raw("http://rebind.example:\(port)/").status == 421)
            for method in ["FOO", "get"] {
                let unknown = try await site.raw("/", method: method)
                #expect(unknown.status == 501, "\(method)")
                #expect(unknown.body == "Only GET and HEAD are served here.\n")
            }
            #expect(try await site.raw("/", method: "DELETE").status == 405)
            #expect(try await site.raw("/", version: "HTTP/2.0").status == 505)
            #expect(try await site.raw("/", version: "HTTP/1.0").status == 200)
            #expect(try await site.raw("/", headers: "Host: rebind.example:\(port)\r\n").status == 400)
        }
    }

    /// `--host 0.0.0.0` lets other devices in: they name one of this computer's addresses, which no
    /// rebinding page can send, while names are still refused.
    @Test func onEveryInterfaceAddressesAreServedAndNamesRefused() async throws {
        try await ServedSite.serve(ServedSite.site, host: "0.0.0.0") { site in
            let port = site.port
            // The site's own addresses name this computer as other devices reach it, not 0.0.0.0.
            #expect(site.url.host != "0.0.0.0")
            #expect(try await site.fetch("/").body.contains("<meta name=\"base\" content=\"\(site.url.absoluteString)\">"))
            for host in ["192.0.2.7:\(port)", "[fe80::1]:\(port)", "localhost:\(port)"] {
                #expect(try await site.raw("/", host: host).status == 200, "\(host)")
            }
            for host in ["rebind.example:\(port)", "192.0.2.7:1", "192.0.2.7"] {
                let response = try await site.raw("/", host: host)
                #expect(response.status == 421, "\(host)")
                #expect(response.body.hasPrefix("This preview answers only to 0.0.0.0:\(port), 127.0.0.1:\(port), [::1]:\(port), localhost:\(port) and this computer's IP addresses;"))
            }
        }
    }
}
