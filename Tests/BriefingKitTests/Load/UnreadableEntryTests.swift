import Foundation
import Testing
@testable import BriefingKit

/// Entries of Content/ the build cannot use: each is an error naming it, through the real binary, exit 1,
/// with Output/ as the last good build left it. Skipped silently, their pages vanished from the site.
@Suite struct UnreadableEntryTests {
    /// Builds the good site, lets `damage` change Content/, builds again and returns what it printed.
    /// `aged`: the site's files dated an hour back, so that the second build may find nothing changed (a
    /// file changed within two seconds of a build is read again whatever its stamp says).
    private func rebuild(launcher: [String] = [], aged: Bool = false, damage: (SiteFixture) throws -> Void) async throws -> (BriefingCommand.Result, changed: Bool) {
        let fixture = try SiteFixture(InvalidSiteTests.goodSite + "\n-- Content/deterrence/cafe.md --\n---\ntitle: Café\n---\nBody.\n")
        if aged, let files = FileManager.default.enumerator(atPath: fixture.root.path) {
            for case let path as String in files {
                try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: fixture.root.appendingPathComponent(path).path)
            }
        }
        if !launcher.isEmpty { try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: fixture.root.path) }
        let first = try await BriefingCommand.run(["build", "--source", fixture.root.path], launcher: launcher)
        #expect(first.status == 0, "\(first.stderr)")
        let before = fixture.outputSnapshot()
        #expect(before["deterrence/cafe/index.html"] != nil)
        try damage(fixture)
        let result = try await BriefingCommand.run(["build", "--source", fixture.root.path], environment: ["NO_COLOR": "1"], launcher: launcher)
        return (result, fixture.outputSnapshot() != before)
    }

    /// Renames `path` (relative to the fixture) to the same name with `byte` in place of its last `e`.
    private func rename(_ path: String, in fixture: SiteFixture, byte: UInt8) {
        let old = Array(fixture.root.appendingPathComponent(path).path.utf8)
        var new = old
        new[new.lastIndex(of: UInt8(ascii: "e"))!] = byte
        let cString = { (bytes: [UInt8]) in (bytes + [0]).map { CChar(bitPattern: $0) } }
        #expect(Glibc.rename(cString(old), cString(new)) == 0)
    }

    @Test func aFileNameThatIsNotUTF8() async throws {
        let (result, changed) = try await rebuild { fixture in rename("Content/deterrence/cafe.md", in: fixture, byte: 0xE9) }
        #expect(result.status == 1)
        #expect(result.stderr == #"""
        Content/deterrence/caf\xE9.md:1:1: error: 'Content/deterrence/caf\xE9.md' has a name that is not UTF-8 (byte 0xE9, shown as \xE9); rename it
        1 error

        """#)
        #expect(!changed)
    }

    @Test func aFolderNameThatIsNotUTF8() async throws {
        let (result, changed) = try await rebuild { fixture in rename("Content/deterrence", in: fixture, byte: 0xFF) }
        #expect(result.status == 1)
        #expect(result.stderr == #"""
        Content/deterrenc\xFF:1:1: error: 'Content/deterrenc\xFF' has a name that is not UTF-8 (byte 0xFF, shown as \xFF); rename it
        1 error

        """#)
        #expect(!changed)
    }

    /// Root reads every folder, so as root the builds run as nobody, for whom a closed folder is closed.
    @Test func aFolderThatCannotBeRead() async throws {
        let launcher = getuid() == 0 ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
        let (result, changed) = try await rebuild(launcher: launcher) { fixture in
            try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: fixture.root.appendingPathComponent("Content/deterrence").path)
        }
        #expect(result.status == 1)
        #expect(result.stderr == """
        Content/deterrence:1:1: error: 'Content/deterrence' cannot be read (Permission denied); its files would be left out of the site
        1 error

        """)
        #expect(!changed)
    }

    /// A link to a folder made after a build changed none of the files the build stamps: the next build
    /// found nothing to do, and only a clean one refused the link.
    @Test func aLinkToAFolderMadeAfterABuild() async throws {
        let (result, changed) = try await rebuild(aged: true) { fixture in
            try FileManager.default.createSymbolicLink(
                atPath: fixture.root.appendingPathComponent("Content/deterrence/more").path, withDestinationPath: "../deterrence"
            )
        }
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("Content/deterrence/more:1:1: error: 'Content/deterrence/more' is a link to the folder '"))
        #expect(!changed)
    }

    /// Opening a FIFO waits for a writer: the build hung on a page linked to one.
    @Test func aPageThatIsALinkToAFIFO() async throws {
        var fifo = ""
        let (result, changed) = try await rebuild { fixture in
            fifo = fixture.root.resolvingSymlinksInPath().appendingPathComponent("Content/.pipe").path
            #expect(mkfifo(fifo, 0o644) == 0)
            try FileManager.default.createSymbolicLink(
                atPath: fixture.root.appendingPathComponent("Content/deterrence/pipe.md").path, withDestinationPath: "../.pipe"
            )
        }
        #expect(result.status == 1)
        #expect(result.stderr == """
        Content/deterrence/pipe.md:1:1: error: 'Content/deterrence/pipe.md' is a link to '\(fifo)', a FIFO; Briefing reads only files and folders
        1 error

        """)
        #expect(!changed)
    }
}
