import Testing
@testable import BriefingKit

/// Mistakes in footnotes, pipe tables, images and cross-references, each refused by the real binary at
/// its position in the page, exit 1, with Output/ left as the last good build wrote it.
@Suite struct MarkdownExtensionErrorTests {
    typealias Case = InvalidSiteTests.Case

    static let footnotes: [Case] = [
        Case(name: "an undefined footnote", files: "-- Content/deterrence/bad.md --\n---\ntitle: Bad\n---\nSeoul pays more[^sma].\n", expected: """
        Content/deterrence/bad.md:4:16: error: footnote '[^sma]' is not defined: add a line '[^sma]: …' (defined here: none)
        Seoul pays more[^sma].
                       ^
        """),
        Case(name: "a footnote defined twice", files: "-- Content/deterrence/bad.md --\n---\ntitle: Bad\n---\nSeoul pays[^1].\n\n[^1]: Once.\n[^1]: Twice.\n", expected: """
        Content/deterrence/bad.md:7:1: error: footnote '[^1]' is defined twice (first at line 6): rename or remove one
        [^1]: Twice.
        ^
        """),
    ]

    static let pipeTables: [Case] = [
        Case(name: "javascript: as a pipe table's source", files: "-- Content/deterrence/bad.md --\n---\ntitle: Bad\n---\n| a |\n|---|\n| 1 |\n\nSource: [DoD](javascript:alert(1))\n", expected: """
        Content/deterrence/bad.md:8:9: error: link: the URL 'javascript:alert(1)' uses 'javascript:', which a page never links to (use http, https, mailto, tel, a relative URL or a #fragment)
        Source: [DoD](javascript:alert(1))
                ^
        """),
    ]

    static let images: [Case] = [
        Case(name: "a missing local image", files: "-- Content/deterrence/bad.md --\n---\ntitle: Bad\n---\nThe bases: ![Map of the bases](bases.png)\n", expected: """
        Content/deterrence/bad.md:4:12: error: image 'bases.png' not found: there is no file Content/deterrence/bases.png
        The bases: ![Map of the bases](bases.png)
                   ^
        """),
    ]

    @Test(arguments: footnotes + pipeTables + images)
    func refusedAtItsPositionWithOutputUnchanged(_ testCase: Case) async throws {
        try await InvalidSiteTests().failsWithAPositionAndLeavesOutputAlone(testCase)
    }
}
