import Foundation
import Testing
@testable import BriefingServe

/// Saves that crashed or hung the build, made while the server runs. The time limit is the serve
/// suites' longest: the test waits for five builds in a row, each behind the builds of every other
/// server of the process (they share one queue), and on a loaded two-core machine that took over a
/// minute; a hang still fails it.
@Suite(.timeLimit(.minutes(3)))
struct HostileSaveTests {
    /// Input that crashed or hung the build (an alias bomb, 10,000 nested sections, a long sexagesimal
    /// duration) comes from a save: each is an error event, the last good site stays served, and a fix
    /// reloads it.
    @Test func hostileSavesNeverStopTheServer() async throws {
        try await ServedSite.serve(ServedSite.site) { site in
            let events = site.openEvents(since: "an-older-build")
            defer { events.close() }
            var last = try await events.next { $0.name == "reload" }.index
            let bomb = "a: &a [1,1,1,1,1,1,1,1,1]\n" + zip("abcdefgh", "bcdefghi").map { previous, name in
                "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
            }.joined()
            let saves = [
                "-- Content/notes/bomb.md --\n---\ntitle: Bomb\n\(bomb)---\n",
                "-- Templates/partials/deep.html --\n" + String(repeating: "{{#a}}", count: 10_000),
                "-- Content/notes/bomb.md --\n---\ntitle: Later\nduration: 1:0:0:0:0:0:0:0:0:0:0:0\n---\n",
            ]
            for files in saves {
                try site.write(files)
                let failed = try await events.next(from: last + 1) { $0.name == "error" }
                last = failed.index
                #expect(try await site.fetch("/notes/first/").body.contains("The original text."))
            }
            try FileManager.default.removeItem(at: site.root.appendingPathComponent("Content/notes/bomb.md"))
            try FileManager.default.removeItem(at: site.root.appendingPathComponent("Templates/partials/deep.html"))
            _ = try await events.next(from: last + 1) { $0.name == "reload" }
            #expect(try await site.fetch("/").status == 200)
        }
    }
}
