import BriefingKit
import BriefingSupport
import BriefingTestSupport
import Foundation
import Testing
@testable import BriefingServe

/// The server end to end: a temporary site served on a free port, read over HTTP as a browser would.
/// Three minutes, as a test waits for builds that queue behind every other server's of the process:
/// in a full run on a loaded two-core machine, tests of one minute's limit came within seconds of it.
@Suite(.timeLimit(.minutes(3)))
struct SiteServerTests {
    @Test("pages, folders, assets and the 404 page, with the reload script in HTML only")
    func servesTheSite() async throws {
        try await ServedSite.serve(ServedSite.site) { site in
            #expect(site.url.absoluteString == "http://127.0.0.1:\(site.port)/")

            let home = try await site.fetch("/")
            #expect(home.status == 200)
            #expect(home.contentType == "text/html; charset=utf-8")
            #expect(home.body.contains("<h1>Serve Test Briefing</h1>"))
            // Built for the local address, not site.yaml's https://example.org/.
            #expect(home.body.contains("<meta name=\"base\" content=\"http://127.0.0.1:\(site.port)/\">"))
            let script = try #require(home.body.range(of: "<script data-briefing-live-reload>"))
            let bodyEnd = try #require(home.body.range(of: "</body>"))
            #expect(script.upperBound < bodyEnd.lowerBound)
            #expect(home.body.contains("/__briefing/events?since="))

            let page = try await site.fetch("/notes/first/")
            #expect(page.status == 200)
            #expect(page.body.contains("The original text."))
            #expect(page.body.contains("data-briefing-live-reload"))

            let css = try await site.fetch("/assets/style.css")
            #expect(css.status == 200)
            #expect(css.contentType == "text/css; charset=utf-8")
            #expect(css.body == "body { color: black; }\n")

            let folder = try await site.raw("/notes?sort=new")
            #expect(folder.status == 301)
            #expect(folder.location == "/notes/?sort=new")
            #expect(try await site.fetch("/notes/").body.contains("<a href=\"/notes/first/\">First note</a>"))

            let missing = try await site.fetch("/no/such/page/")
            #expect(missing.status == 404)
            #expect(missing.contentType == "text/html; charset=utf-8")
            #expect(missing.body.contains("<h1>Lost in the briefing</h1>"))
            #expect(missing.body.contains("data-briefing-live-reload"))

            let head = try await site.fetch("/", method: "HEAD")
            #expect(head.status == 200)
            #expect(head.body.isEmpty)
            #expect(try await site.fetch("/", method: "POST").status == 405)

            // Served from memory: nothing is written, in the site folder or anywhere else.
            #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Output").path))
        }
    }

    @Test("media types of the files a site serves")
    func contentTypes() async throws {
        let types = [
            "a.html": "text/html; charset=utf-8", "a.css": "text/css; charset=utf-8",
            "a.js": "text/javascript; charset=utf-8", "a.xml": "application/xml; charset=utf-8",
            "a.json": "application/json", "a.svg": "image/svg+xml", "a.png": "image/png", "a.jpg": "image/jpeg",
            "a.webp": "image/webp", "a.woff2": "font/woff2", "a.txt": "text/plain; charset=utf-8",
            "a.ico": "image/x-icon", "a.unknown": "application/octet-stream", "a.mp4": "video/mp4", "a.wasm": "application/wasm",
            "a.ttf": "font/ttf", "a.webmanifest": "application/manifest+json",
        ]
        let files = types.keys.map { "-- Content/files/\($0) --\nx" }.joined(separator: "\n")
        try await ServedSite.serve(ServedSite.site + "\n" + files) { site in
            for (name, type) in types {
                let response = try await site.fetch("/files/\(name)")
                #expect(response.status == 200, "\(name)")
                #expect(response.contentType == type, "\(name)")
            }
        }
    }

    @Test("edit → reload; broken front matter → error event, last good page kept; fix → reload")
    func editBreakFix() async throws {
        try await ServedSite.serve(ServedSite.site) { site in
            // A page that was served by another build reloads as soon as it connects: this proves the
            // stream is open before the first edit.
            let events = site.openEvents(since: "an-older-build")
            defer { events.close() }
            let connected = try await events.next { $0.name == "reload" }

            try site.write("""
            -- Content/notes/first.md --
            ---
            title: First note
            date: 2026-01-02
            ---
            The edited text.
            """)
            let edited = try await events.next(from: connected.index + 1) { $0.name == "reload" }
            #expect(try await site.fetch("/notes/first/").body.contains("The edited text."))

            try site.write("""
            -- Content/notes/first.md --
            ---
            title: [unclosed
            date: 2026-01-02
            ---
            The broken text.
            """)
            let failed = try await events.next(from: edited.index + 1) { $0.name == "error" }
            #expect(failed.event.data.contains(#/Content/notes/first\.md:\d+:\d+: error: /#))
            #expect(failed.event.data.contains("title: [unclosed\n       ^"), "the source line and a caret under the column")
            let kept = try await site.fetch("/notes/first/")
            #expect(kept.status == 200)
            #expect(kept.body.contains("The edited text."))

            // A page opened while the build is broken shows the error at once.
            let late = site.openEvents(since: "an-older-build")
            defer { late.close() }
            #expect(try await late.next().event.name == "error")

            try site.write("""
            -- Content/notes/first.md --
            ---
            title: First note
            date: 2026-01-02
            ---
            The fixed text.
            """)
            _ = try await events.next(from: failed.index + 1) { $0.name == "reload" }
            #expect(try await site.fetch("/notes/first/").body.contains("The fixed text."))
        }
    }

    /// A layout that fails on one page only: the build fails, so serve must not show the edit either. The
    /// version was announced before the page that fails was rendered; that page answered 500, and tabs
    /// reloaded into the edit stayed on it under the error box (the serve sweep).
    @Test("a template error on some pages withdraws its version: the last good pages, reloaded, with the error")
    func templateErrorOnSomePages() async throws {
        let files = ServedSite.site.replacingOccurrences(of: "date: 2026-01-03\n", with: "date: 2026-01-03\nregion: Korea\n")
        try await ServedSite.serve(files) { site in
            let events = site.openEvents(since: "", page: "/notes/first/")
            defer { events.close() }
            let connected = try await events.next { $0.name == "reload" }
            try site.write("""
            -- Templates/layouts/page.html --
            {{<base}}{{$main}}<h1>{{page.title}}</h1><i>edited</i>{{#page.params.region}}{{nope.x}}{{/page.params.region}}{{{page.content}}}{{/main}}{{/base}}
            """)
            // The page open renders (it has no region) and is announced; the other fails when asked for.
            let announced = try await events.next(from: connected.index + 1) { $0.name == "reload" }
            let failing = try await site.fetch("/notes/second/")
            #expect(failing.status == 200)
            #expect(failing.body.contains("<h1>Second note</h1>") && !failing.body.contains("<i>edited</i>"))
            // Withdrawn: open pages load the last good version again, and see the error as they connect.
            let withdrawn = try await events.next(from: announced.index + 1) { $0.name == "reload" }
            #expect(withdrawn.event.data != announced.event.data)
            #expect(try await !site.fetch("/notes/first/").body.contains("<i>edited</i>"))
            var reloaded = site.openEvents(since: withdrawn.event.data, page: "/notes/first/")
            defer { reloaded.close() }
            let shown = try await reloaded.next()
            #expect(shown.event.name == "error")
            #expect(shown.event.data.contains("Templates/layouts/page.html:1:"))
            // Once the rest of the version is rendered (at once, if that found the error first), the error
            // is worded as the build words it. A watcher may see the save as two changes and build twice (on
            // a loaded machine, CI's): the second build is announced and withdrawn too, and a page that
            // reloads, as a browser does on each `reload`, gets its error as it connects again.
            var named = shown
            while !(named.event.name == "error" && named.event.data.contains("(rendering ")) {
                if named.event.name == "reload" {
                    reloaded.close()
                    reloaded = site.openEvents(since: named.event.data, page: "/notes/first/")
                    named = try await reloaded.next()
                } else {
                    named = try await reloaded.next(from: named.index + 1)
                }
            }
            #expect(named.event.data.contains("(rendering Content/notes/second.md)"), "\(named.event.data)")
        }
    }

    /// serve said which template failed but not where, which the build says: a template error met by the
    /// page open reports every page it meets, as the build does.
    @Test("a template error on the page open is named as the build names it")
    func templateErrorOnTheOpenPage() async throws {
        try await ServedSite.serve(ServedSite.site) { site in
            let events = site.openEvents(since: "", page: "/notes/first/")
            defer { events.close() }
            let connected = try await events.next { $0.name == "reload" }
            try site.write("""
            -- Templates/layouts/page.html --
            {{<base}}{{$main}}<h1>{{page.title}}</h1>{{nope.x}}{{{page.content}}}{{/main}}{{/base}}
            """)
            let failed = try await events.next(from: connected.index + 1) { $0.name == "error" }
            #expect(failed.event.data.contains("(rendering Content/notes/first.md, and 1 other page)"), "\(failed.event.data)")
            #expect(try await site.fetch("/notes/second/").body.contains("<h1>Second note</h1>"))
        }
    }

    @Test("a first build that fails still serves: the error, then the site once fixed")
    func firstBuildFails() async throws {
        let broken = ServedSite.site.replacingOccurrences(of: "title: Second note", with: "title: [unclosed")
        try await ServedSite.serve(broken) { site in
            #expect(!site.built)
            let standIn = try await site.fetch("/")
            #expect(standIn.status == 404)
            #expect(standIn.body.contains("/__briefing/events?since="))

            let events = site.openEvents(since: "")
            defer { events.close() }
            let failed = try await events.next()
            #expect(failed.event.name == "error")
            #expect(failed.event.data.contains("Content/notes/second.md:"))

            try site.write(ServedSite.site)
            _ = try await events.next(from: failed.index + 1) { $0.name == "reload" }
            #expect(try await site.fetch("/").status == 200)
        }
    }

    @Test("requests that try to leave the site are refused")
    func traversal() async throws {
        try await ServedSite.serve(ServedSite.site) { site in
            let attempts = [
                "/../Content/site.yaml", "/%2e%2e/Content/site.yaml", "/%2E%2E/%2E%2E/etc/passwd",
                "/notes/..%2F..%2FContent/site.yaml", "/notes%2F..%2F..%2FContent%2Fsite.yaml",
                "/..%5C..%5CContent/site.yaml", "/notes/%00/", "/.briefing-manifest", "/%zz",
            ]
            for target in attempts {
                let response = try await site.raw(target)
                #expect([403, 404].contains(response.status), "\(target): \(response.status)")
                #expect(!response.body.contains("baseURL"), "\(target) leaked site.yaml")
            }
        }
    }

    @Test("a site published under a sub-path is served under the same path")
    func basePath() async throws {
        let files = ServedSite.site.replacingOccurrences(of: "https://example.org/", with: "https://example.org/briefings/")
        try await ServedSite.serve(files) { site in
            #expect(site.url.absoluteString == "http://127.0.0.1:\(site.port)/briefings/")
            let home = try await site.fetch("/briefings/")
            #expect(home.status == 200)
            #expect(home.body.contains("<meta name=\"base\" content=\"http://127.0.0.1:\(site.port)/briefings/\">"))
            #expect(try await site.fetch("/briefings/notes/first/").body.contains("The original text."))
            #expect(try await site.fetch("/briefings/assets/style.css").status == 200)
            #expect(try await site.raw("/").location == "/briefings/")
            #expect(try await site.raw("/briefings").location == "/briefings/")
            let outside = try await site.fetch("/notes/first/")
            #expect(outside.status == 404)
            #expect(outside.body.contains("Lost in the briefing"))
        }
    }

    /// site.yaml given a sub-path while serving moved the site, and the terminal still named the old address.
    @Test("a base URL changed while serving names the new address")
    func basePathChanged() async throws {
        try await ServedSite.serve(ServedSite.site) { site in
            let events = site.openEvents(since: "an-older-build")
            defer { events.close() }
            let first = try await events.next { $0.name == "reload" }.index
            try site.write("-- Content/site.yaml --\ntitle: \"Serve Test Briefing\"\nbaseURL: \"https://example.org/briefings/\"\n")
            _ = try await events.next(from: first + 1) { $0.name == "reload" }
            let moved = URL(string: "http://127.0.0.1:\(site.port)/briefings/")!
            #expect(site.addresses.list.withLock { $0 } == [site.url, moved])
            #expect(try await site.fetch("/briefings/notes/first/").body.contains("The original text."))
        }
    }

    @Test("a port in use is an error, not a hang")
    func portInUse() async throws {
        try await ServedSite.serve(ServedSite.site) { site in
            var second = ServeOptions(source: site.root)
            second.port = site.port
            let options = second
            let error = await #expect(throws: ServeError.self) {
                try await withTimeout(ServedSite.timeout) {
                    try await SiteServer(options: options).run { _ in }
                }
            }
            #expect(error?.description.hasPrefix("cannot serve on 127.0.0.1:\(site.port): Address already in use (") == true)
            #expect(error?.description.hasSuffix("has the port: choose another with --port)") == true)
        }
    }

    @Test("--write writes each complete version as a build does, and only then")
    func writesWhenAsked() async throws {
        let folder = TemporaryFolder.url("briefing-serve-write")
        defer { TemporaryFolder.remove(folder) }
        let site = try await ServedSite.start(ServedSite.site, write: folder)
        do {
            let page = folder.appendingPathComponent("notes/first/index.html")
            try await Self.waitFor { (try? String(contentsOf: page, encoding: .utf8))?.contains("The original text.") == true }
            #expect(try String(contentsOf: page, encoding: .utf8).contains("<meta name=\"base\" content=\"http://127.0.0.1:\(site.port)/\">"))
            try site.write("""
            -- Content/notes/first.md --
            ---
            title: First note
            date: 2026-01-02
            ---
            The written text.
            """)
            try await Self.waitFor { (try? String(contentsOf: page, encoding: .utf8))?.contains("The written text.") == true }
            // A build for publishing would be overwritten at the next save, and publish this computer's addresses.
            var build = BuildOptions(source: site.root)
            build.output = folder
            #expect(throws: BuildFailure.self) { try SiteBuilder(options: build).build() }
            do throws(BuildFailure) { _ = try SiteBuilder(options: build).build() } catch {
                #expect(error.diagnostics.map(\.message) == [
                    "briefing serve --write is writing its preview (with this computer's addresses) to \(folder.standardizedFileURL.path); stop it, or build into another --output",
                ])
            }
            // Nor into a folder inside it, which serve's next version would find holding files it did not write.
            build.output = folder.appendingPathComponent("sub")
            #expect(throws: BuildFailure.self) { try SiteBuilder(options: build).build() }
        } catch {
            try? await site.stop()
            throw error
        }
        try await site.stop()
        // Once serve stops, the folder is free.
        #expect(throws: Never.self) { _ = try PreviewWriteHold(folder, siteRoot: site.root) }
    }

    /// `--write Content/out` printed its error at every build while serving on, and left its lock file
    /// in Content/: it is refused before anything is made.
    @Test func writingIntoTheSitesOwnFoldersIsRefusedBeforeAnythingIsMade() async throws {
        for folder in ["Content/out", "Templates", "."] {
            let root = TemporaryFolder.url("briefing-serve-test")
            defer { TemporaryFolder.remove(root) }
            try FileTree.write(ServedSite.templates + "\n" + ServedSite.site, to: root)
            await #expect(throws: ServeError.self) { _ = try await ServedSite.start(at: root, write: root.appendingPathComponent(folder)) }
            #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("Content/out").path))
            #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent(folder + "/.briefing-serve-lock").path))
        }
    }

    static func waitFor(_ condition: () -> Bool) async throws {
        let deadline = Date().addingTimeInterval(ServedSite.timeout)
        while !condition() {
            guard Date() < deadline else { throw TestFailure("gave up after \(ServedSite.timeout) s") }
            try await Task.sleep(for: .milliseconds(25))
        }
    }
}
