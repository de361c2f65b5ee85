import Foundation
import Testing
@testable import BriefingKit
@testable import BriefingMarkdown
@testable import BriefingSupport

/// What a fourth sweep found in the files of a site and in what a build says of them: names a manifest
/// line could be forged with, links to nothing, backups, data files no one reads, names that differ only
/// in the Unicode form of a letter, and one mistake made 10,000 times on a line.
@Suite struct SiteFilesSweepTests {
    /// 10,000 broken links on one 120 KB line made 10,000 messages, each holding the line: 1 GB, and
    /// 50,000 nested images to a missing file ended in the kernel's out-of-memory killer.
    @Test(.timeLimit(.minutes(1)))
    func aMistakeRepeatedOnALongLineMakesAHundredShortMessages() throws {
        let fixture = try SiteFixture(InvalidSiteTests.goodSite + """

        -- Content/deterrence/links.md --
        ---
        title: Links
        ---
        \(String(repeating: "[a](nope.md) ", count: 10_000))
        """)
        let messages = fixture.failure()
        #expect(messages.count == PageDiagnostics.limit + 1)
        #expect(messages.first == """
            Content/deterrence/links.md:1:1: error: 9900 more errors on this page, not shown: fix the first 100 messages and build again
            ---
            ^
            """)
        let last = try #require(messages.last)
        #expect(last.hasPrefix("Content/deterrence/links.md:4:1288: error: link to a missing page 'nope.md'"))
        #expect(last.utf8.count < 600)
        // The count the command ends with is of every mistake, not of the messages shown.
        let result = try BriefingCommand.run(["build", "--source", fixture.root.path, "--quiet"], environment: ["NO_COLOR": "1"])
        #expect(result.status == 1)
        #expect(result.stderr.hasSuffix("\n10000 errors\n"))
        let check = try BriefingCommand.run(["check", "--source", fixture.root.path, "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])
        #expect(report["errors"] as? Int == 10_000)
    }

    /// A line break in a file name forged a line of the output's manifest, and a later build deleted a
    /// file Briefing never wrote; links to nothing and to folders were skipped without a word, and the
    /// pages they stood for went from the site with their published copies.
    @Test func namesAndLinksTheSiteCannotUseAreErrors() throws {
        let fixture = try SiteFixture(InvalidSiteTests.goodSite)
        let deterrence = fixture.root.appendingPathComponent("Content/deterrence")
        try Data("x".utf8).write(to: deterrence.appendingPathComponent("z\nvictim.html"))
        try FileManager.default.createSymbolicLink(atPath: deterrence.appendingPathComponent("gone.md").path, withDestinationPath: "../moved/gone.md")
        try FileManager.default.createSymbolicLink(atPath: deterrence.appendingPathComponent("guides").path, withDestinationPath: "../_shared")
        try FileManager.default.createDirectory(at: fixture.root.appendingPathComponent("Content/_shared"), withIntermediateDirectories: true)
        let messages = fixture.failure().map { $0.components(separatedBy: "\n")[0] }
        #expect(messages == [
            "Content/deterrence/gone.md:1:1: error: 'Content/deterrence/gone.md' is a link to '../moved/gone.md', which does not exist; restore the file or remove the link",
            "Content/deterrence/guides:1:1: error: 'Content/deterrence/guides' is a link to the folder '\(fixture.root.resolvingSymlinksInPath().path)/Content/_shared', which Briefing does not follow (its pages would be there twice); move the folder here instead",
            "Content/deterrence/z␊victim.html:1:1: error: 'Content/deterrence/z␊victim.html' has a control character in its name; rename it",
        ])
    }

    /// An output path below a file failed with Foundation's "NSCocoaErrorDomain error 512".
    @Test func anOutputBelowAFileNamesTheFile() throws {
        let fixture = try SiteFixture(InvalidSiteTests.goodSite)
        let file = fixture.root.appendingPathComponent("afile")
        try Data("x".utf8).write(to: file)
        let messages = fixture.failure { $0.output = file.appendingPathComponent("sub/out") }
        #expect(messages == ["error: cannot create \(file.path)/sub/out: \(file.path) is a file, not a folder"])
        #expect(fixture.failure { $0.output = file } == ["error: the output path \(file.path) is a file, not a folder"])
    }

    /// Swift matched names and ids whose letters were composed otherwise (NFC `é`, NFD `e` and an accent),
    /// and the link kept the bytes typed: a 404 on any server that compares bytes.
    @Test func namesAndIdsThatDifferInUnicodeFormAreMatchedByTheirBytes() throws {
        let composed = "caf\u{E9}", decomposed = "cafe\u{301}"
        let fixture = try SiteFixture(InvalidSiteTests.goodSite + """

        -- Content/deterrence/\(composed).txt --
        menu
        -- Content/deterrence/links.md --
        ---
        title: Links
        ---
        [The menu](\(decomposed).txt)
        """)
        try fixture.build()
        let html = try #require(fixture.output("deterrence/links/index.html"))
        #expect(html.contains("href=\"/deterrence/caf%C3%A9.txt\""))
        try fixture.write("-- Content/deterrence/links.md --\n---\ntitle: Links\n---\n## \(composed) corner\n\n[See](#\(decomposed)-corner)\n")
        #expect(fixture.failure().map { $0.components(separatedBy: "\n")[0] } == [
            "Content/deterrence/links.md:6:1: error: link to '#\(decomposed)-corner', whose letters are composed otherwise (Unicode NFC or NFD) than the heading's id '\(composed)-corner': they look alike, but browsers compare them byte by byte; type the link again",
        ])
        try fixture.write("-- Content/deterrence/links.md --\n---\ntitle: Links\n---\nText.\n-- Content/deterrence/\(decomposed).md --\n---\ntitle: Cafe\n---\nText.\n")
        #expect(fixture.failure().map { $0.components(separatedBy: "\n")[0] } == [
            "Content/deterrence/\(decomposed).md:1:1: error: '\(decomposed).md' is written with decomposed letters (Unicode NFD), which would make URLs that look alike but differ; rename it, typing the name again",
        ])
        // Hangul as jamo is letters too, so it passed as a name and was published at a URL no keyboard types.
        let jamo = "한미연합사".decomposedStringWithCanonicalMapping
        try FileManager.default.removeItem(at: fixture.root.appendingPathComponent("Content/deterrence/\(decomposed).md"))
        try fixture.write("-- Content/\(jamo)/a.md --\n---\ntitle: A\n---\nText.\n")
        #expect(fixture.failure().map { $0.components(separatedBy: "\n")[0] } == [
            "Content/\(jamo)/a.md:1:1: error: '\(jamo)' is written with decomposed letters (Unicode NFD), which would make URLs that look alike but differ; rename it, typing the name again",
        ])
    }

    /// A file in Content/data/ that is no data, or a data file in a subfolder, was neither read nor
    /// published, without a word.
    @Test func filesInTheDataFolderThatAreNotReadAreWarnedOf() throws {
        let fixture = try SiteFixture(InvalidSiteTests.goodSite + """

        -- Content/data/notes.txt --
        where the numbers come from
        -- Content/data/old/budgets.csv --
        Year,Amount
        -- Content/data/README.md --
        What is here.
        """)
        let report = try fixture.build()
        #expect(report.warnings.map(\.description) == [
            "Content/data/notes.txt:1:1: warning: Content/data/notes.txt is neither read nor published: data files are .csv, .json, .yaml or .yml files directly in Content/data/",
            "Content/data/old/budgets.csv:1:1: warning: Content/data/old/budgets.csv is neither read nor published: data files are .csv, .json, .yaml or .yml files directly in Content/data/",
        ])
    }

    /// A site.yaml that is a FIFO was reported twice, the second time as missing.
    @Test func aSiteYAMLTheScanRefusesIsReportedOnce() throws {
        let fixture = try SiteFixture(InvalidSiteTests.goodSite)
        let settings = fixture.root.appendingPathComponent("Content/site.yaml")
        try FileManager.default.removeItem(at: settings)
        #expect(mkfifo(settings.path, 0o644) == 0)
        #expect(fixture.failure().map { $0.components(separatedBy: "\n")[0] } == [
            "Content/site.yaml:1:1: error: 'Content/site.yaml' is a FIFO; Briefing reads only files and folders",
        ])
    }

    /// Editors' backup files were published, drafts inside them included.
    @Test func backupFilesAreNoPartOfTheSite() throws {
        let fixture = try SiteFixture(InvalidSiteTests.goodSite + "\n-- Content/deterrence/tripwire.md~ --\nold draft\n-- Content/deterrence/#tripwire.md# --\nautosave\n")
        try fixture.build()
        #expect(fixture.output("deterrence/tripwire.md~") == nil)
        #expect(fixture.output("deterrence/#tripwire.md#") == nil)
        #expect(fixture.output("deterrence/tripwire/index.html") != nil)
    }
}
