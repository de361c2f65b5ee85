import Foundation
import Testing
@testable import BriefingKit
@testable import BriefingSupport

/// One build at a time per output folder, and never one that writes outside it or over files that are
/// not Briefing's (issue 15, rows 8, 10 and 11), through the real binary.
@Suite struct OutputClaimTests {
    @Test func aSecondBuildIntoTheSameFolderFailsAndChangesNothing() throws {
        let fixture = try SiteFixture(InvalidSiteTests.goodSite)
        try fixture.build()
        let before = fixture.outputSnapshot()
        let output = fixture.root.appendingPathComponent("Output")
        try fixture.write("-- Content/deterrence/new.md --\n---\ntitle: New\n---\nText.")
        do {
            let held = try OutputClaim.take(output)
            let result = try BriefingCommand.run(["build", "--source", fixture.root.path], environment: ["NO_COLOR": "1"])
            #expect(result.status == 1)
            #expect(result.stderr == """
                error: another briefing build is writing to \(output.path) right now; wait for it to finish, or build into another --output
                1 error

                """)
            #expect(fixture.outputSnapshot() == before)
            withExtendedLifetime(held) {}
        }
        let next = try BriefingCommand.run(["build", "--source", fixture.root.path, "--quiet"])
        #expect(next.status == 0, "\(next.stderr)")
        #expect(fixture.output("deterrence/new/index.html") != nil)
    }

    @Test func forceNeverWritesOverAFileThatIsNotBriefings() throws {
        let fixture = try SiteFixture(InvalidSiteTests.goodSite)
        try fixture.write("-- Output/index.html --\nmy own home page\n-- Output/assets/style.css --\nmy own styles")
        let before = fixture.outputSnapshot()
        let result = try BriefingCommand.run(["build", "--source", fixture.root.path, "--force"], environment: ["NO_COLOR": "1"])
        let output = fixture.root.appendingPathComponent("Output").path
        #expect(result.status == 1)
        #expect(result.stderr == """
            error: \(output)/assets/style.css is not Briefing's, and this build would write over it; move it out of the output folder
            error: \(output)/index.html is not Briefing's, and this build would write over it; move it out of the output folder
            2 errors

            """)
        #expect(fixture.outputSnapshot() == before)
    }

    /// A folder of someone's files where the build puts a file was deleted with them under `--force`.
    @Test func forceNeverDeletesAFolderOfFilesThatAreNotBriefingsWhereAFileGoes() throws {
        let fixture = try SiteFixture(InvalidSiteTests.goodSite)
        try fixture.write("-- Output/index.html/notes/keep.txt --\nmy notes")
        let before = fixture.outputSnapshot()
        let result = try BriefingCommand.run(["build", "--source", fixture.root.path, "--force"], environment: ["NO_COLOR": "1"])
        let output = fixture.root.appendingPathComponent("Output").path
        #expect(result.status == 1)
        #expect(result.stderr == """
            error: cannot write \(output)/index.html: a folder holding \(output)/index.html/notes/keep.txt, which Briefing did not write, is where this build puts its file; move it out of the output folder (nothing in the output folder was changed)
            1 error

            """)
        #expect(fixture.outputSnapshot() == before)
    }

    /// A file the site copied became a page of the same name (`report` → `report.md`, whose page is the
    /// folder `report/`), and back: the build stopped at the file in the folder's way, part way through its
    /// moves, and every later build stopped there too.
    @Test func aFileOfBriefingsGivesWayToAFolderAndTheOtherWayRound() throws {
        let fixture = try SiteFixture(InvalidSiteTests.goodSite + "\n-- Content/deterrence/report --\nold\n")
        try fixture.build()
        try FileManager.default.removeItem(at: fixture.root.appendingPathComponent("Content/deterrence/report"))
        try fixture.write("-- Content/deterrence/report.md --\n---\ntitle: Report\n---\nThe report.\n")
        try fixture.build()
        #expect(fixture.output("deterrence/report/index.html")?.contains("The report.") == true)
        #expect(fixture.output("deterrence/index.html")?.contains("/deterrence/report/") == true)
        try FileManager.default.removeItem(at: fixture.root.appendingPathComponent("Content/deterrence/report.md"))
        try fixture.write("-- Content/deterrence/report --\nnew\n")
        try fixture.build()
        #expect(fixture.output("deterrence/report")?.hasPrefix("new") == true)
        let noOp = try BriefingCommand.run(["build", "--source", fixture.root.path, "--quiet"])
        #expect(noOp.status == 0, "\(noOp.stderr)")
    }

    @Test func aLinkInsideTheOutputFolderIsRefusedEvenWithForce() throws {
        let fixture = try SiteFixture(InvalidSiteTests.goodSite)
        try fixture.build()
        let elsewhere = fixture.root.appendingPathComponent("Elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let assets = fixture.root.appendingPathComponent("Output/assets")
        try FileManager.default.removeItem(at: assets)
        try FileManager.default.createSymbolicLink(at: assets, withDestinationURL: elsewhere)
        let result = try BriefingCommand.run(["build", "--source", fixture.root.path, "--force"], environment: ["NO_COLOR": "1"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("Output/assets is a link to '\(elsewhere.path)'; Briefing writes only inside its output folder"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)
    }

    @Test(arguments: ["/", "Content", "Content/x", "."])
    func anOutputFolderOverlappingTheSiteIsRefused(_ output: String) throws {
        let fixture = try SiteFixture(InvalidSiteTests.goodSite)
        let path = output.hasPrefix("/") ? output : fixture.root.appendingPathComponent(output).path
        let result = try BriefingCommand.run(["build", "--source", fixture.root.path, "--output", path, "--force"], environment: ["NO_COLOR": "1"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("overlaps Content/; choose a folder of its own"))
        #expect(!FileManager.default.fileExists(atPath: fixture.root.appendingPathComponent("Content/index.html").path))
    }
}
