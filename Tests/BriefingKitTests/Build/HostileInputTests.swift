import Foundation
import Testing
@testable import BriefingKit
@testable import BriefingMarkdown
@testable import BriefingSupport

/// Input written to attack the site or the build: each is refused at its position by the real binary,
/// exit 1, with Output/ left as the last good build wrote it.
@Suite struct HostileInputTests {
    typealias Case = InvalidSiteTests.Case

    static let scriptURLs: [Case] = [
        Case(name: "javascript: in a front matter source", files: "-- Content/deterrence/bad.md --\n---\ntitle: Bad\nsources:\n  - title: A\n    url: javascript:alert(1)\n---\n", expected: """
        Content/deterrence/bad.md:5:10: error: 'url': the URL 'javascript:alert(1)' uses 'javascript:', which a page never links to (use http, https, mailto, a relative URL or a #fragment)
            url: javascript:alert(1)
                 ^
        """),
        Case(name: "spaces, mixed case and a tab in figures.yaml", files: "-- Content/data/figures.yaml --\ntroops:\n  value: \"28,500\"\n  label: Troops\n  source: DoD\n  url: \"  JaVa\\tScRiPt:alert(1)\"\n", expected: """
        Content/data/figures.yaml:5:8: error: 'url' of figure 'troops': the URL '  JaVa\tScRiPt:alert(1)' uses 'javascript:', which a page never links to (use http, https, mailto, a relative URL or a #fragment)
          url: "  JaVa\\tScRiPt:alert(1)"
               ^
        """),
        Case(name: "vbscript: in a CSV Source URL column", files: "-- Content/data/troops.csv --\nYear,Troops,Source,Source URL\n2025,\"28,500\",DoD,vbscript:msgbox(1)\n", expected: """
        Content/data/troops.csv:2:19: error: 'Source URL': the URL 'vbscript:msgbox(1)' uses 'vbscript:', which a page never links to (use http, https, mailto, a relative URL or a #fragment)
        2025,"28,500",DoD,vbscript:msgbox(1)
                          ^
        """),
        Case(name: "data: in a YAML data list", files: "-- Content/data/troops.yaml --\n- Year: 2025\n  Source: DoD\n  Source URL: data:text/html,x\n", expected: """
        Content/data/troops.yaml:3:15: error: 'Source URL': the URL 'data:text/html,x' uses 'data:', which a page never links to (use http, https, mailto, a relative URL or a #fragment)
          Source URL: data:text/html,x
                      ^
        """),
        Case(name: "javascript: in a table's source-url", files: "-- Content/data/troops.csv --\nYear,Troops\n2025,28500\n-- Content/deterrence/bad.md --\n---\ntitle: Bad\n---\n```table\ndata: troops.csv\nsource: DoD\nsource-url: JAVASCRIPT:alert(1)\n```\n", expected: """
        Content/deterrence/bad.md:7:13: error: 'source-url': the URL 'JAVASCRIPT:alert(1)' uses 'javascript:', which a page never links to (use http, https, mailto, a relative URL or a #fragment)
        source-url: JAVASCRIPT:alert(1)
                    ^
        """),
    ]

    static let oversizedNumbers: [Case] = [
        Case(name: "sexagesimal overflow in front matter", files: "-- Content/deterrence/bad.md --\n---\ntitle: Bad\nduration: 1:0:0:0:0:0:0:0:0:0:0:0\n---\n", expected: """
        Content/deterrence/bad.md:3:11: error: '1:0:0:0:0:0:0:0:0:0:0:0' reads as a whole number too large to hold (YAML 1.1 reads '1:30' as 90); quote it to keep it as text
        duration: 1:0:0:0:0:0:0:0:0:0:0:0
                  ^
        """),
        Case(name: "sexagesimal overflow in site.yaml", files: "-- Content/site.yaml --\ntitle: Briefing\nbaseURL: https://example.org/\nparams:\n  span: 1:0:0:0:0:0:0:0:0:0:0:0\n", expected: """
        Content/site.yaml:4:9: error: '1:0:0:0:0:0:0:0:0:0:0:0' reads as a whole number too large to hold (YAML 1.1 reads '1:30' as 90); quote it to keep it as text
          span: 1:0:0:0:0:0:0:0:0:0:0:0
                ^
        """),
        Case(name: "the fuzzer's anchored overflow in data YAML", files: "-- Content/data/odd.yaml --\na: &x [1,27777777777777777777:7]\n", expected: """
        Content/data/odd.yaml:1:10: error: '27777777777777777777:7' reads as a whole number too large to hold (YAML 1.1 reads '1:30' as 90); quote it to keep it as text
        a: &x [1,27777777777777777777:7]
                 ^
        """),
    ]

    static let outputCollisions: [Case] = [
        Case(name: "Content/robots.txt", files: "-- Content/robots.txt --\nUser-agent: *\n", expected: """
        Content/robots.txt:1:1: error: Content/robots.txt and the generated robots.txt would both be written to robots.txt: rename or remove one
        """),
        Case(name: "Content/feed.xml", files: "-- Content/feed.xml --\n<feed/>\n", expected: """
        Content/feed.xml:1:1: error: Content/feed.xml and the Atom feed would both be written to feed.xml: rename or remove one
        """),
        Case(name: "Content/sitemap.xml", files: "-- Content/sitemap.xml --\n<urlset/>\n", expected: """
        Content/sitemap.xml:1:1: error: Content/sitemap.xml and the sitemap would both be written to sitemap.xml: rename or remove one
        """),
        Case(name: "a content file over a theme asset", files: "-- Content/assets/style.css --\nbody { color: red; }\n", expected: """
        Templates/assets/style.css:1:1: error: Templates/assets/style.css and Content/assets/style.css would both be written to assets/style.css: rename or remove one
        """),
        Case(name: "a page over the index of tags", files: "-- Content/tags.md --\n---\ntitle: Mine\n---\n-- Content/deterrence/tagged.md --\n---\ntitle: Tagged\ntags: [SMA]\n---\n", expected: """
        Content/tags.md:1:1: error: Content/tags.md and the index of tags would both be written to tags/index.html: rename or remove one
        """),
    ]

    @Test(arguments: scriptURLs + oversizedNumbers + outputCollisions)
    func refusedAtItsPositionWithOutputUnchanged(_ testCase: Case) throws {
        try InvalidSiteTests().failsWithAPositionAndLeavesOutputAlone(testCase)
    }

    @Test func allowedURLsStillLink() throws {
        let fixture = try SiteFixture(InvalidSiteTests.goodSite + """

        -- Content/deterrence/ok.md --
        ---
        title: OK
        sources:
          - title: Web
            url: HTTPS://example.org/report
          - title: Mail
            url: mailto:desk@example.org
          - title: Local
            url: ../files/report.pdf
        ---
        Body.
        """, templates: SiteFixture.templates.replacingOccurrences(
            of: "{{{page.content}}}{{/main}}", with: "{{{page.content}}}{{#page.sources}}<a href=\"{{url}}\">{{title}}</a>{{/page.sources}}{{/main}}"
        ))
        try fixture.build()
        let html = try #require(fixture.output("deterrence/ok/index.html"))
        #expect(html.contains(#"<a href="HTTPS://example.org/report">Web</a>"#))
        #expect(html.contains(#"<a href="mailto:desk@example.org">Mail</a>"#))
        #expect(html.contains(#"<a href="../files/report.pdf">Local</a>"#))
    }
}
