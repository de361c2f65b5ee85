import BriefingTestSupport
import Foundation
import Testing
@testable import BriefingKit
@testable import BriefingSupport

@Suite struct SinglePageTests {
    @Test func rendersTheBodyWithEveryTransform() throws {
        let page = try SinglePage(partials: DefaultTheme.partialTexts())
        let result = try page.render("---\ntitle: T\n---\n> [!NOTE]\n> Hi.\n\n## FAQ\n### Why?\nBecause.\n")
        #expect(result.html.hasPrefix("<aside class=\"callout callout-note\" aria-label=\"Note\">\n<p>Hi.</p>\n</aside>\n<section class=\"faq\""))
        #expect(result.diagnostics.map(\.message) == ["page has no summary: add 'summary:' to the front matter for lists, feeds and search results"])
    }

    @Test func frontMatterErrorsStopItAsTheyStopABuild() throws {
        let page = try SinglePage(partials: DefaultTheme.partialTexts())
        #expect(throws: BuildFailure.self) { try page.render("---\ntitle: [\n---\n") }
    }
}
