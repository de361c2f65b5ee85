import Foundation
import Testing
@testable import BriefingKit
@testable import BriefingSupport

/// A build killed in the middle of its commit is finished by the next one (issue 15, row 9). The
/// state a kill leaves is made here by hand: the journal in place, some moves done, some not.
@Suite struct WriteJournalTests {
    @Test func aJournalReadsBackAsWritten() throws {
        let journal = WriteJournal(moves: ["news", "index.html"], removals: ["old/index.html"], manifest: "# header\nabc 1 0 index.html\n")
        #expect(WriteJournal(text: journal.text) == journal)
        #expect(WriteJournal(text: journal.text.replacingOccurrences(of: "move news", with: "move ../outside")) == nil)
        #expect(WriteJournal(text: String(journal.text.dropLast(20))) == nil)
    }

    @Test func theNextBuildFinishesAHalfDoneCommitBeforeAnythingElse() throws {
        let fixture = try SiteFixture(InvalidSiteTests.goodSite)
        try fixture.build()
        // What the second build would have made, taken from a build into another folder.
        try fixture.write("-- Content/deterrence/tripwire.md --\n---\ntitle: Tripwire\ndate: 2026-01-01\n---\n## Why it works\nMore troops.")
        let reference = fixture.root.appendingPathComponent("Reference")
        try fixture.build { $0.output = reference }
        let output = fixture.root.appendingPathComponent("Output")
        let staging = output.appendingPathComponent(SiteWriter.stagingName)
        // Killed after the journal and the first move: the home page moved, the tripwire page did not.
        try FileManager.default.createDirectory(at: staging.appendingPathComponent("deterrence/tripwire"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: reference.appendingPathComponent("deterrence/tripwire/index.html"),
            to: staging.appendingPathComponent("deterrence/tripwire/index.html")
        )
        let manifest = try String(contentsOf: reference.appendingPathComponent(SiteWriter.manifestName), encoding: .utf8)
        try WriteJournal(moves: ["index.html", "deterrence/tripwire/index.html"], removals: [], manifest: manifest).write(in: output.path)
        #expect(fixture.output("deterrence/tripwire/index.html")?.contains("More troops.") == false)

        let writer = SiteWriter(output: output, force: false)
        let claim = try writer.claim(siteRoot: fixture.root)
        withExtendedLifetime(claim) {}
        #expect(fixture.output("deterrence/tripwire/index.html")?.contains("More troops.") == true)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent(WriteJournal.fileName).path))
        #expect(!FileManager.default.fileExists(atPath: staging.path))
        #expect(writer.previousManifest()?.entries == SiteWriter.Manifest(text: manifest).entries)
    }

    @Test func aBuildKilledBeforeItsJournalLeavesThePreviousSite() throws {
        let fixture = try SiteFixture(InvalidSiteTests.goodSite)
        try fixture.build()
        let before = fixture.outputSnapshot()
        let output = fixture.root.appendingPathComponent("Output")
        try fixture.write("-- Output/.briefing-staging/deterrence/tripwire/index.html --\nhalf a page\n-- Output/.briefing-journal.new --\nbriefing-jour")
        let writer = SiteWriter(output: output, force: false)
        withExtendedLifetime(try writer.claim(siteRoot: fixture.root)) {}
        #expect(fixture.outputSnapshot() == before)
    }
}

/// A folder of the output that refuses new files fails the build before the first file moves: the site
/// stays the last build's, whole, with no staging folder or journal left in it. (Found moving 67 pages
/// in, then stopping at a read-only folder, every later build failing the same way.)
@Suite struct UnwritableOutputTests {
    @Test func aReadOnlyFolderFailsTheBuildBeforeAnythingMoves() async throws {
        // Root writes into any folder, so as root the builds run as nobody.
        let launcher = getuid() == 0 ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
        let fixture = try SiteFixture(InvalidSiteTests.goodSite + "\n-- Content/news/one.md --\n---\ntitle: One\n---\nOne.\n")
        if !launcher.isEmpty { try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: fixture.root.path) }
        let first = try await BriefingCommand.run(["build", "--source", fixture.root.path], launcher: launcher)
        #expect(first.status == 0, "\(first.stderr)")
        let news = fixture.root.appendingPathComponent("Output/news")
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: news.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: news.path) }
        let before = fixture.outputSnapshot()

        try fixture.write("-- Content/_index.md --\n---\ntitle: Home again\n---\nWelcome.\n-- Content/news/one.md --\n---\ntitle: One\n---\nOne, again.\n")
        let result = try await BriefingCommand.run(["build", "--source", fixture.root.path], environment: ["NO_COLOR": "1"], launcher: launcher)
        #expect(result.status == 1)
        let output = fixture.root.appendingPathComponent("Output").resolvingSymlinksInPath().path
        #expect(result.stderr == "error: cannot write into \(output)/news: Permission denied; nothing in the output folder was changed\n1 error\n")
        #expect(fixture.outputSnapshot() == before)
        let left = try FileManager.default.contentsOfDirectory(atPath: output).filter { $0.hasPrefix(".briefing-") }.sorted()
        #expect(left == [".briefing-cache", ".briefing-lock", ".briefing-manifest"])
    }
}

/// Ctrl-C during a build left the staging folder, the next cache and, during the commit, a site half
/// way between versions until the next build.
@Suite struct InterruptedBuildTests {
    @Test func ctrlCWhileStagingLeavesTheLastSiteAndNothingElse() throws {
        var files = InvalidSiteTests.goodSite
        for number in 1...1_500 { files += "\n-- Content/news/item-\(number).md --\n---\ntitle: Item \(number)\ndate: 2026-01-01\n---\nText \(number).\n" }
        let fixture = try SiteFixture(files)
        try fixture.build()
        let before = fixture.outputSnapshot()
        try fixture.write("-- Content/news/item-1.md --\n---\ntitle: Item one\ndate: 2026-01-01\n---\nChanged.\n")
        try fixture.write(SiteFixture.templates.replacingOccurrences(of: "{{{page.content}}}", with: "{{{page.content}}}<p>Again.</p>"))

        let process = Process()
        process.executableURL = BriefingCommand.executable
        process.arguments = ["build", "--quiet", "--source", fixture.root.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let staging = fixture.root.appendingPathComponent("Output/" + SiteWriter.stagingName).path
        let deadline = Date().addingTimeInterval(30)
        while !FileManager.default.fileExists(atPath: staging), process.isRunning, Date() < deadline { usleep(200) }
        #expect(process.isRunning, "the build ended before it staged a file")
        process.interrupt()
        process.waitUntilExit()

        #expect(process.terminationStatus == 130)
        #expect(fixture.outputSnapshot() == before)
        let left = try FileManager.default.contentsOfDirectory(atPath: fixture.root.appendingPathComponent("Output").path).filter { $0.hasPrefix(".briefing-") }.sorted()
        #expect(left == [".briefing-cache", ".briefing-lock", ".briefing-manifest"])
    }

    /// Into a folder the build made, Ctrl-C or SIGTERM left it with the lock and a staging folder of the
    /// whole site in about half the tries: the signal's handler waited for a thread of the pool the renders
    /// held, and ran once they were done. The build now stops at once and leaves no folder.
    @Test(arguments: [SIGTERM, SIGINT])
    func aSignalWhileStagingIntoANewFolderLeavesNoFolder(_ signal: Int32) throws {
        var files = InvalidSiteTests.goodSite
        for number in 1...3_000 { files += "\n-- Content/news/item-\(number).md --\n---\ntitle: Item \(number)\ndate: 2026-01-01\n---\nText \(number).\n" }
        let fixture = try SiteFixture(files)
        let output = fixture.root.appendingPathComponent("New")
        let process = Process()
        process.executableURL = BriefingCommand.executable
        process.arguments = ["build", "--quiet", "--source", fixture.root.path, "--output", output.path]
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let staging = output.appendingPathComponent(SiteWriter.stagingName).path
        let deadline = Date().addingTimeInterval(30)
        while !FileManager.default.fileExists(atPath: staging + "/news"), process.isRunning, Date() < deadline { usleep(200) }
        #expect(process.isRunning, "the build ended before it staged a page")
        kill(process.processIdentifier, signal)
        let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 128 + signal)
        // It ended with no word of what became of the output folder.
        #expect(said == "build \(signal == SIGINT ? "interrupted" : "terminated"): nothing in the output folder was changed\n")
        #expect(!FileManager.default.fileExists(atPath: output.path), "\((try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? [])")
    }
}
