import Foundation
import Testing

/// A page held back for its date joined the served site only with the next save: a build run at that
/// moment had it, and an editor waiting for a scheduled story saw the 404 page.
@Suite struct ScheduledPageServeTests {
    @Test("a page held back for its date is served once it falls due, without a save")
    func aScheduledPageJoinsTheSiteAtItsTime() async throws {
        try await ServedSite.serve(ServedSite.site) { site in
            let events = site.openEvents(since: "an-older-build")
            defer { events.close() }
            let connected = try await events.next { $0.name == "reload" }

            // Whole seconds, as the date is written; far enough ahead for a build while the rest of the
            // suite runs beside it (over 10 s on two cores).
            let due = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 + 40).rounded(.up))
            try site.write("-- Content/notes/scheduled.md --\n---\ntitle: Scheduled note\ndate: \(ISO8601DateFormatter().string(from: due))\n---\nAt its time.\n")
            let held = try await events.next(from: connected.index + 1) { $0.name == "reload" }
            try #require(Date() < due, "the build after the save ended after the page's date: nothing to test")
            #expect(try await site.fetch("/notes/scheduled/").status == 404)
            #expect(try await !site.fetch("/notes/").body.contains("Scheduled note"))

            // A save may be seen as two changes: each reload before the page's time finds it held back.
            var reloaded = held
            while try await site.fetch("/notes/scheduled/").status == 404 {
                reloaded = try await events.next(from: reloaded.index + 1) { $0.name == "reload" }
            }
            #expect(Date() >= due)
            #expect(try await site.fetch("/notes/scheduled/").body.contains("At its time."))
            #expect(try await site.fetch("/notes/").body.contains("Scheduled note"))
        }
    }
}
