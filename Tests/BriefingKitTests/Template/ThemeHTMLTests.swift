import BriefingTestSupport
import Foundation
import Testing
@testable import BriefingKit
@testable import BriefingSupport
@testable import BriefingTemplates

/// The HTML transforms write, from the theme's partials.
@Suite struct ThemeHTMLTests {
    static func theme(_ extra: [String: String]) throws -> ThemeHTML {
        try TransformHarness.defaultTheme(adding: extra)
    }

    @Test func aWrapperIsSplitWhereItsContentGoes() throws {
        let theme = try ThemeHTMLTests.theme(["box": "<div class=\"box box-{{kind}}\">\n<p>{{title}}</p>\n{{{content}}}\n</div>\n"])
        let wrapper = try theme.wrapper("box", ["kind": "note", "title": "A & B"], language: 0)
        #expect(wrapper.open == "<div class=\"box box-note\">\n<p>A &amp; B</p>")
        #expect(wrapper.close == "</div>")
    }

    @Test func aPartialWithoutContentCannotWrap() throws {
        let theme = try ThemeHTMLTests.theme(["plain": "<hr>\n"])
        #expect(throws: Diagnostic.error("Templates/partials/plain.html must place the content with {{{content}}}")) {
            try theme.wrapper("plain", [:], language: 0)
        }
    }

    @Test func aPartialIsOneLineWithoutItsFinalLineBreak() throws {
        let theme = try ThemeHTMLTests.theme(["note": "<b>{{text}}</b>\n\n"])
        #expect(try theme.html("note", ["text": "x < y"], language: 0) == "<b>x &lt; y</b>")
    }

    @Test func citationMarkersLinkToTheirSource() throws {
        let theme = try ThemeHTMLTests.theme([:])
        #expect(try theme.citationMarker(3, language: 0) == "<sup class=\"cite\">&#8288;<a href=\"#source-3\" aria-label=\"Source 3\">[3]</a></sup>")
    }

    @Test func theFAQWrappersComeFromTheFAQPartial() throws {
        let theme = try ThemeHTMLTests.theme([:])
        let (question, answer) = (theme.faqQuestion(language: 0), theme.faqAnswer(language: 0))
        #expect((question.open, question.close) == ("<div class=\"faq-item\">", "</div>"))
        #expect((answer.open, answer.close) == ("<div class=\"faq-answer\">", "</div>"))
    }

    @Test func aFAQPartialWithoutContentIsABuildErrorNamingIt() throws {
        let fixture = try SiteFixture("""
        -- Content/site.yaml --
        title: Briefing
        baseURL: https://example.org/
        -- Content/_index.md --
        ---
        title: Home
        ---
        -- Templates/partials/faq.html --
        <section class="faq"></section>
        """)
        #expect(fixture.failure() == ["error: Templates/partials/faq.html must place the content with {{{content}}}"])
    }
}
