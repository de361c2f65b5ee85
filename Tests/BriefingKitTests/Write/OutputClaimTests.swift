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
