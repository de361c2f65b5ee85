import BriefingTestSupport
import Foundation
import Testing
@testable import BriefingKit

/// An undated page is dated by its last commit in a git checkout: read from real git, as a publisher's
/// CI and an editor's laptop have it.
@Suite(.enabled(if: Git.isInstalled))
struct GitDatesTests {
    static let site = EditorMistakeTests.goodSite + """

    -- Content/deterrence/first.md --
    ---
    title: First
    ---
    Text.
    -- Content/deterrence/second.md --
    ---
    title: Second
    ---
    Text.
    """

    /// The sitemap's date for a page of deterrence/.
    static func lastmod(_ fixture: SiteFixture, _ name: String) -> Substring? {
        guard let sitemap = fixture.output("sitemap.xml"), let entry = sitemap.range(of: "deterrence/\(name)/</loc>\n    <lastmod>") else { return nil }
        return sitemap[entry.upperBound...].prefix(10)
    }

    /// Git's list of files is read field by field: a file named like a commit's time is a file.
    @Test func aFileNamedLikeACommitTimeDatesNothing() throws {
        let fixture = try SiteFixture(GitDatesTests.site)
        try fixture.writeBytes(Array("x".utf8), to: "Content/@1000000000")
        try fixture.commitToNewCheckout()
        try fixture.git(["commit", "-q", "--allow-empty", "-m", "Nothing"], date: "2026-04-01T12:00:00Z")
        try fixture.build()
        #expect(GitDatesTests.lastmod(fixture, "first") == "2026-03-01")
        #expect(GitDatesTests.lastmod(fixture, "second") == "2026-03-01")
    }

    /// A clone made with `--depth 1` (CI's default checkout) knows one commit: the build says so, and a
    /// deeper fetch redates the pages, in the next build as in a clean one.
    @Test func aShallowCloneIsNamedAndItsDeeperFetchRedates() throws {
        let origin = try SiteFixture(GitDatesTests.site)
        try origin.commitToNewCheckout(["Content", "Templates"])
        try FileTree.write("-- Content/deterrence/second.md --\n---\ntitle: Second\n---\nMore text.\n", to: origin.root)
        try origin.git(["commit", "-qam", "Second again"], date: "2026-04-01T12:00:00Z")

        let clone = try SiteFixture("")
        try FileManager.default.removeItem(at: clone.root)
        try Git.run(["clone", "-q", "--depth", "1", "file://" + origin.root.path, clone.root.path], in: origin.root)
        try IncrementalBuildTests.age(clone.root)
        let report = try clone.build()
        #expect(report.warnings.map(\.message).contains { $0.hasPrefix("the git checkout is shallow (cloned with --depth)") })
        #expect(GitDatesTests.lastmod(clone, "first") == "2026-04-01")

        try clone.git(["fetch", "-q", "--unshallow"])
        try clone.build()
        #expect(GitDatesTests.lastmod(clone, "first") == "2026-03-01")
        #expect(GitDatesTests.lastmod(clone, "second") == "2026-04-01")
    }

    /// A checkout git cannot read (another user's, in a container; a damaged HEAD) dates pages by their
    /// files, which in CI are all the time of the checkout: the build says why.
    @Test func aCheckoutGitCannotReadIsNamed() throws {
        let fixture = try SiteFixture(GitDatesTests.site)
        try fixture.commitToNewCheckout()
        try Data("not a ref\n".utf8).write(to: fixture.root.appendingPathComponent(".git/HEAD"))
        let report = try fixture.build()
        #expect(report.warnings.map(\.message).contains {
            $0.hasPrefix("Content/ is in a git checkout, but git could not read its history (fatal: ")
                && $0.hasSuffix("): pages without a date are dated by their files' modification times")
        })
    }

    /// A checkout with no commit yet is what a new site is: its pages are dated by their files, unnamed.
    @Test func aCheckoutWithoutACommitIsNotAProblem() throws {
        let fixture = try SiteFixture(GitDatesTests.site)
        try fixture.git(["init", "-q"])
        #expect(try fixture.build().warnings.isEmpty)
    }
}
