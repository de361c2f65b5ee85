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
        Content/deterrence/bad.md:5:10: error: 'url': the URL 'javascript:alert(1)' uses 'javascript:', which a page never links to (use http, https, mailto, tel, a relative URL or a #fragment)
            url: javascript:alert(1)
                 ^
        """),
        Case(name: "spaces, mixed case and a tab in figures.yaml", files: "-- Content/data/figures.yaml --\ntroops:\n  value: \"28,500\"\n  label: Troops\n  source: DoD\n  url: \"  JaVa\\tScRiPt:alert(1)\"\n", expected: """
        Content/data/figures.yaml:5:8: error: 'url' of figure 'troops': the URL '  JaVa\tScRiPt:alert(1)' uses 'javascript:', which a page never links to (use http, https, mailto, tel, a relative URL or a #fragment)
          url: "  JaVa\\tScRiPt:alert(1)"
               ^
        """),
        Case(name: "vbscript: in a CSV Source URL column", files: "-- Content/data/troops.csv --\nYear,Troops,Source,Source URL\n2025,\"28,500\",DoD,vbscript:msgbox(1)\n", expected: """
        Content/data/troops.csv:2:19: error: 'Source URL': the URL 'vbscript:msgbox(1)' uses 'vbscript:', which a page never links to (use http, https, mailto, tel, a relative URL or a #fragment)
        2025,"28,500",DoD,vbscript:msgbox(1)
                          ^
        """),
        Case(name: "script URLs in three rows of a CSV", files: "-- Content/data/troops.csv --\nYear,Source,Source URL\n2024,DoD,javascript:a()\n2025,DoD,https://www.defense.gov/\n2026,DoD,vbscript:b\n2027,DoD,JavaScript:c()\n", expected: """
        Content/data/troops.csv:2:10: error: 'Source URL': the URL 'javascript:a()' uses 'javascript:', which a page never links to (use http, https, mailto, tel, a relative URL or a #fragment); the addresses at lines 4, 5 are refused too
        2024,DoD,javascript:a()
                 ^
        """),
        Case(name: "data: in a YAML data list", files: "-- Content/data/troops.yaml --\n- Year: 2025\n  Source: DoD\n  Source URL: data:text/html,x\n", expected: """
        Content/data/troops.yaml:3:15: error: 'Source URL': the URL 'data:text/html,x' uses 'data:', which a page never links to (use http, https, mailto, tel, a relative URL or a #fragment)
          Source URL: data:text/html,x
                      ^
        """),
        Case(name: "javascript: in a table's source-url", files: "-- Content/data/troops.csv --\nYear,Troops\n2025,28500\n-- Content/deterrence/bad.md --\n---\ntitle: Bad\n---\n```table\ndata: troops.csv\nsource: DoD\nsource-url: JAVASCRIPT:alert(1)\n```\n", expected: """
        Content/deterrence/bad.md:7:13: error: 'source-url': the URL 'JAVASCRIPT:alert(1)' uses 'javascript:', which a page never links to (use http, https, mailto, tel, a relative URL or a #fragment)
        source-url: JAVASCRIPT:alert(1)
                    ^
        """),
    ]

    /// Every walk of a page's tree left out what `~~…~~` struck, so that its links reached the page
    /// unchecked: `javascript:` with raw HTML trusted, `data:` and other hosts' images without.
    static let struckURLs: [Case] = [
        Case(name: "javascript: in a struck link", files: "-- Content/deterrence/bad.md --\n---\ntitle: Bad\n---\nA ~~[old](javascript:alert(1))~~ new.\n", expected: """
        Content/deterrence/bad.md:4:5: error: link: the URL 'javascript:alert(1)' uses 'javascript:', which a page never links to (use http, https, mailto, tel, a relative URL or a #fragment)
        A ~~[old](javascript:alert(1))~~ new.
            ^
        """),
        Case(name: "javascript: in struck raw HTML, raw HTML trusted", files: "-- Content/site.yaml --\ntitle: Briefing\nbaseURL: https://example.org/\nmarkdown:\n  unsafe: true\n-- Content/deterrence/bad.md --\n---\ntitle: Bad\n---\nA ~~<a href=\"javascript:alert(1)\">x</a>~~ new.\n", expected: """
        Content/deterrence/bad.md:4:5: error: link: the URL 'javascript:alert(1)' uses 'javascript:', which a page never links to (use http, https, mailto, tel, a relative URL or a #fragment)
        A ~~<a href="javascript:alert(1)">x</a>~~ new.
            ^
        """),
    ]

    /// Addresses that read one way to the check and another to a browser: `/\\host` is another site, and
    /// `%2F` was checked as a folder's slash and published as `/2F…`.
    static let disguisedURLs: [Case] = [
        Case(name: "a backslash for a slash in a source's url", files: "-- Content/deterrence/bad.md --\n---\ntitle: Bad\nsources:\n  - title: A\n    url: '/\\evil.example'\n---\n", expected: """
        Content/deterrence/bad.md:5:10: error: 'url': the URL '/\\evil.example' leads to another site without a scheme: write it in full, as https://evil.example
            url: '/\\evil.example'
                 ^
        """),
        Case(name: "an encoded slash in a link", files: "-- Content/deterrence/bad.md --\n---\ntitle: Bad\n---\nSee [the feed](%2Ffeed.xml).\n", expected: """
        Content/deterrence/bad.md:4:5: error: link '%2Ffeed.xml' holds %2F, an encoded slash, which no server reads as a folder's: write /
        See [the feed](%2Ffeed.xml).
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
        Case(name: "a decimal number too large to hold", files: "-- Content/deterrence/bad.md --\n---\ntitle: Bad\nbig: 12345678901234567890\n---\n", expected: """
        Content/deterrence/bad.md:3:6: error: '12345678901234567890' reads as a whole number too large to hold; quote it to keep it as text
        big: 12345678901234567890
             ^
        """),
        Case(name: "a quoted number tagged !!int", files: "-- Content/deterrence/bad.md --\n---\ntitle: !!int \"5\"\n---\n", expected: """
        Content/deterrence/bad.md:2:8: error: '5' is tagged !!int but quoted, which YAML reads as no number: remove the tag or the quotes
        title: !!int "5"
               ^
        """),
        Case(name: "the fuzzer's anchored overflow in data YAML", files: "-- Content/data/odd.yaml --\na: &x [1,27777777777777777777:7]\n", expected: """
        Content/data/odd.yaml:1:10: error: '27777777777777777777:7' reads as a whole number too large to hold (YAML 1.1 reads '1:30' as 90); quote it to keep it as text
        a: &x [1,27777777777777777777:7]
                 ^
        """),
    ]

    static let outputCollisions: [Case] = [
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

    /// Feeds, sitemaps and JSON-LD need an instant: these had none, and the feed showed 1970-01-01.
    static let impossibleDates: [Case] = [
        Case(name: "a time zone offset of +99:99", files: "-- Content/deterrence/bad.md --\n---\ntitle: Bad\ndate: 2024-01-01T00:00:00+99:99\n---\n", expected: """
        Content/deterrence/bad.md:3:7: error: 'date' is not a valid timestamp: write it as YYYY-MM-DDTHH:MM:SS with Z or an offset from -23:59 to +23:59 (e.g. 2026-03-12T09:30:00+09:00)
        date: 2024-01-01T00:00:00+99:99
              ^
        """),
        Case(name: "the year 0000", files: "-- Content/deterrence/bad.md --\n---\ntitle: Bad\nupdated: 0000-01-01\n---\n", expected: """
        Content/deterrence/bad.md:3:10: error: 'updated' 0000-01-01 is no day of the calendar: check the month and the day
        updated: 0000-01-01
                 ^
        """),
    ]

    /// `levels` anchors, each a list of nine aliases of the one before: nine levels stand for 387 million values.
    static func aliasBomb(levels: Int, indent: String = "") -> String {
        let names = "abcdefghi".prefix(levels).map(String.init)
        var lines = [indent + "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"]
        for (previous, name) in zip(names, names.dropFirst()) {
            lines.append(indent + "\(name): &\(name) [" + Array(repeating: "*" + previous, count: 9).joined(separator: ",") + "]")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The first alias of `e` in `f` takes what aliases add past 100,000 (74,718 before it, 66,430 with it).
    static func aliasBombError(_ path: String, line: Int, indent: String = "") -> String {
        """
        \(path):\(line):\(8 + indent.count): error: invalid YAML: the aliases up to '*e' stand for more than 100000 values; aliases inside aliased values multiply, so repeat less
        \(indent)f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
        \(indent)       ^
        """
    }

    /// Composing them made every value: front matter hung at 7.3 GB, site.yaml and data YAML took 385–555 MB.
    static let aliasBombs: [Case] = [
        Case(name: "nine levels of aliases in front matter", files: "-- Content/deterrence/bad.md --\n---\ntitle: Bad\n" + aliasBomb(levels: 9) + "---\n",
             expected: aliasBombError("Content/deterrence/bad.md", line: 8)),
        Case(name: "seven levels of aliases in site.yaml", files: "-- Content/site.yaml --\ntitle: Briefing\nbaseURL: https://example.org/\nparams:\n" + aliasBomb(levels: 7, indent: "  "),
             expected: aliasBombError("Content/site.yaml", line: 9, indent: "  ")),
        Case(name: "seven levels of aliases in data YAML", files: "-- Content/data/bomb.yaml --\n" + aliasBomb(levels: 7),
             expected: aliasBombError("Content/data/bomb.yaml", line: 6)),
    ]

    /// Each pass over a template recursed once per level, and each section kept a copy of its inner
    /// text: 10,000 levels in any partial, even an unused one, overflowed the stack (exit 139).
    static let deepTemplates: [Case] = [
        Case(name: "10,000 nested sections in an unused partial", files: "-- Templates/partials/unused.html --\n" + String(repeating: "{{#a}}\n", count: 10_000) + String(repeating: "{{/a}}\n", count: 10_000), expected: """
        Templates/partials/unused.html:101:1: error: sections, parents and blocks nested more than 100 deep
        {{#a}}
        ^
        """),
    ]

    /// Files beside the pages that a browser opens as documents of the site's own address, each hiding
    /// a script as an attacker would: they were published as they were, whatever `markdown.unsafe` said.
    /// The sweep that followed the first check got past it with a DTD's entities, a comment a browser
    /// ends early, markup inside `<svg><style>` and references without their `;`.
    static let scriptedFiles: [Case] = [
        Case(name: "a script element in an SVG map", files: "-- Content/deterrence/map.svg --\n<svg xmlns=\"http://www.w3.org/2000/svg\">\n  <SCRIPT>fetch('/x')</SCRIPT>\n</svg>", expected: """
        Content/deterrence/map.svg:2:3: error: this SVG may run a script when opened (a <script> element), at the site's own address: with markdown.unsafe: false, no script from Content/ is published; take it out, or set markdown.unsafe: true in site.yaml if you trust the file
          <SCRIPT>fetch('/x')</SCRIPT>
          ^
        """),
        Case(name: "an event handler on an SVG shape", files: "-- Content/map.svg --\n<svg><circle r=\"4\" ONload=\"x()\"/></svg>", expected: """
        Content/map.svg:1:20: error: this SVG may run a script when opened (an event handler, onload), at the site's own address: with markdown.unsafe: false, no script from Content/ is published; take it out, or set markdown.unsafe: true in site.yaml if you trust the file
        <svg><circle r="4" ONload="x()"/></svg>
                           ^
        """),
        Case(name: "an encoded javascript: link in an SVG", files: "-- Content/map.svg --\n<svg>\n<a xlink:href=\" &#x6A;ava&#9;script&colon;x()\"><text>Seoul</text></a></svg>", expected: """
        Content/map.svg:2:17: error: this SVG may run a script when opened (a javascript: address), at the site's own address: with markdown.unsafe: false, no script from Content/ is published; take it out, or set markdown.unsafe: true in site.yaml if you trust the file
        <a xlink:href=" &#x6A;ava&#9;script&colon;x()"><text>Seoul</text></a></svg>
                        ^
        """),
        Case(name: "an entity a DTD declares, which writes a script", files: "-- Content/map.svg --\n<!DOCTYPE svg [<!ENTITY s \"&#60;script&#62;x()&#60;/script&#62;\">]>\n<svg xmlns=\"http://www.w3.org/2000/svg\">&s;</svg>", expected: """
        Content/map.svg:1:28: error: this SVG may run a script when opened (a <script> element), at the site's own address: with markdown.unsafe: false, no script from Content/ is published; take it out, or set markdown.unsafe: true in site.yaml if you trust the file
        <!DOCTYPE svg [<!ENTITY s "&#60;script&#62;x()&#60;/script&#62;">]>
                                   ^
        """),
        Case(name: "an entity that spells javascript in a link", files: "-- Content/map.svg --\n<!DOCTYPE svg [<!ENTITY j \"javascript\">]>\n<svg><a href=\"&j;:x()\"><text>go</text></a></svg>", expected: """
        Content/map.svg:2:15: error: this SVG may run a script when opened (a javascript: address), at the site's own address: with markdown.unsafe: false, no script from Content/ is published; take it out, or set markdown.unsafe: true in site.yaml if you trust the file
        <svg><a href="&j;:x()"><text>go</text></a></svg>
                      ^
        """),
        Case(name: "an attribute list that gives the SVG a handler", files: "-- Content/map.svg --\n<!DOCTYPE svg [<!ATTLIST svg onload CDATA \"x()\">]><svg/>", expected: """
        Content/map.svg:1:16: error: this SVG may run a script when opened (an XML attribute declaration, which may give any element a script), at the site's own address: with markdown.unsafe: false, no script from Content/ is published; take it out, or set markdown.unsafe: true in site.yaml if you trust the file
        <!DOCTYPE svg [<!ATTLIST svg onload CDATA "x()">]><svg/>
                       ^
        """),
        Case(name: "a script after a comment that a browser ends at <!-->", files: "-- Content/embeds/chart.html --\n<p>Chart</p>\n<!--><script>x()</script>-->", expected: """
        Content/embeds/chart.html:2:6: error: this file may run a script when opened (a <script> element), at the site's own address: with markdown.unsafe: false, no script from Content/ is published; take it out, or set markdown.unsafe: true in site.yaml if you trust the file
        <!--><script>x()</script>-->
             ^
        """),
        Case(name: "a handler inside svg's style in an HTML file", files: "-- Content/embeds/chart.html --\n<svg><style><img src=x onerror=x()></style></svg>", expected: """
        Content/embeds/chart.html:1:24: error: this file may run a script when opened (an event handler, onerror), at the site's own address: with markdown.unsafe: false, no script from Content/ is published; take it out, or set markdown.unsafe: true in site.yaml if you trust the file
        <svg><style><img src=x onerror=x()></style></svg>
                               ^
        """),
        Case(name: "a numeric reference without its semicolon", files: "-- Content/embeds/chart.html --\n<iframe title=\"c\" src=\"&#106avascript:x()\"></iframe>", expected: """
        Content/embeds/chart.html:1:24: error: this file may run a script when opened (a javascript: address), at the site's own address: with markdown.unsafe: false, no script from Content/ is published; take it out, or set markdown.unsafe: true in site.yaml if you trust the file
        <iframe title="c" src="&#106avascript:x()"></iframe>
                               ^
        """),
        Case(name: "an XSLT style sheet in an XML file", files: "-- Content/files/list.xml --\n<?xml version=\"1.0\"?>\n<?xml-stylesheet type=\"text/xsl\" href=\"list.xsl\"?>\n<list/>", expected: """
        Content/files/list.xml:2:1: error: this file may run a script when opened (an XSLT style sheet, which may write scripts), at the site's own address: with markdown.unsafe: false, no script from Content/ is published; take it out, or set markdown.unsafe: true in site.yaml if you trust the file
        <?xml-stylesheet type="text/xsl" href="list.xsl"?>
        ^
        """),
    ]

    @Test(arguments: scriptURLs + struckURLs + disguisedURLs + oversizedNumbers + outputCollisions + impossibleDates + deepTemplates + aliasBombs + scriptedFiles)
    func refusedAtItsPositionWithOutputUnchanged(_ testCase: Case) async throws {
        try await InvalidSiteTests().failsWithAPositionAndLeavesOutputAlone(testCase)
    }

    /// Maps were made key by key into a sorted array: quadratic, 525 s for this CSV and 17 s for this JSON;
    /// a YAML table's record was searched column by column, over 2 minutes for 50,000 keys.
    /// The debug build takes about 8 s; the time limit, roomy for a busy machine, only has to tell linear
    /// from quadratic. The build runs off Swift's few concurrency threads, which the servers of other
    /// tests answer on.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["BRIEFING_SKIP_HUGE_INPUT"] == nil), .timeLimit(.minutes(2)))
    func aMillionCSVColumnsAndTwoHundredThousandJSONKeysBuildInSeconds() async throws {
        let yaml = "- " + (0..<50_000).map { "k\($0): v\($0)" }.joined(separator: "\n  ") + "\n"
        let columns = 1_000_000
        let csv = (0..<columns).map { "c\($0)" }.joined(separator: ",") + "\n" + Array(repeating: "1", count: columns).joined(separator: ",") + "\n"
        let json = "{" + (0..<200_000).map { "\"k\($0)\": \($0)" }.joined(separator: ", ") + "}"
        let fixture = try SiteFixture(InvalidSiteTests.goodSite, templates: SiteFixture.templates.replacingOccurrences(
            of: "<h1>{{site.title}}</h1>", with: "<h1>{{site.title}}</h1><p>{{#data.wide}}{{c999999}}{{/data.wide}} {{data.keys.k199999}} {{data.keys.k0}} {{#data.record}}{{k49999}}{{/data.record}}</p>"
        ))
        try fixture.writeBytes(Array(csv.utf8), to: "Content/data/wide.csv")
        try fixture.writeBytes(Array(json.utf8), to: "Content/data/keys.json")
        try fixture.writeBytes(Array(yaml.utf8), to: "Content/data/record.yaml")
        let options = fixture.options()
        _ = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<BuildReport, any Error>) in
            DispatchQueue.global().async {
                do { continuation.resume(returning: try SiteBuilder(options: options).build()) } catch { continuation.resume(throwing: error) }
            }
        }
        #expect(fixture.output("index.html")?.contains("<p>1 199999 0 v49999</p>") == true)
    }

    /// A drawing without script is published as it is; a site that trusts raw HTML publishes scripts too,
    /// and theme assets are trusted as the templates are.
    @Test func filesWithoutScriptAndTrustedOnesArePublished() throws {
        // As a drawing program exports one: a DTD naming its namespaces, a comment, a link.
        let drawing = """
            <?xml version="1.0" encoding="utf-8"?>
            <!-- Generator: Adobe Illustrator 27.0.0, SVG Export Plug-In -->
            <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [
              <!ENTITY ns_svg "http://www.w3.org/2000/svg">
            ]>
            <svg xmlns="&ns_svg;" width="10" height="10"><a href="https://example.org/"><rect width="10" height="10"/></a></svg>
            """
        let scripted = "<svg><script>x()</script></svg>"
        let fixture = try SiteFixture(InvalidSiteTests.goodSite)
        try fixture.writeBytes(Array(drawing.utf8), to: "Content/deterrence/map.svg")
        try fixture.writeBytes(Array(scripted.utf8), to: "Templates/assets/chart.svg")
        try fixture.build()
        #expect(fixture.output("deterrence/map.svg") == drawing)
        #expect(fixture.output("assets/chart.svg") == scripted)

        let trusting = try SiteFixture(InvalidSiteTests.goodSite + "\n-- Content/site.yaml --\ntitle: Briefing\nbaseURL: https://example.org/\nmarkdown:\n  unsafe: true")
        try trusting.writeBytes(Array(scripted.utf8), to: "Content/deterrence/map.svg")
        try trusting.build()
        #expect(trusting.output("deterrence/map.svg") == scripted)
    }

    @Test func allowedURLsStillLink() throws {
        let fixture = try SiteFixture(InvalidSiteTests.goodSite + """

        -- Content/deterrence/ok.md --
        ---
        title: OK
        sources:
          - title: Web
            url: HTTPS://example.com/report
          - title: Mail
            url: mailto:desk@example.org
          - title: Local
            url: ../files/report.pdf
        ---
        Body.
        """, templates: SiteFixture.templates.replacingOccurrences(
            of: "{{{page.content}}}{{/main}}", with: "{{{page.content}}}{{#page.sources}}<a href=\"{{url}}\">{{title}}</a>{{/page.sources}}{{/main}}"
        ))
        try fixture.writeBytes(Array("%PDF-1.4".utf8), to: "Content/files/report.pdf")
        try fixture.build()
        let html = try #require(fixture.output("deterrence/ok/index.html"))
        #expect(html.contains(#"<a href="HTTPS://example.com/report">Web</a>"#))
        #expect(html.contains(#"<a href="mailto:desk@example.org">Mail</a>"#))
        #expect(html.contains(#"<a href="/files/report.pdf">Local</a>"#))
    }

    /// A file's name may hold `#`, `?` or `%`, which a link writes encoded: decoded to find the file, they
    /// were published as they are, and a browser read `report#2.pdf` as `report` and a fragment.
    @Test func aFileNameWithURLSyntaxIsLinkedEncoded() throws {
        let fixture = try SiteFixture(InvalidSiteTests.goodSite + """

        -- Content/deterrence/files.md --
        ---
        title: Files
        ---
        [One](report%232.pdf), [two](faq%3F.pdf), [three](100%25.pdf).
        """)
        for name in ["report#2.pdf", "faq?.pdf", "100%.pdf"] {
            try fixture.writeBytes(Array("%PDF-1.4".utf8), to: "Content/deterrence/" + name)
        }
        try fixture.build()
        let html = try #require(fixture.output("deterrence/files/index.html"))
        #expect(html.contains(#"<a href="/deterrence/report%232.pdf">One</a>, <a href="/deterrence/faq%3F.pdf">two</a>, <a href="/deterrence/100%25.pdf">three</a>."#))
        #expect(fixture.output("deterrence/report#2.pdf") == "%PDF-1.4")
    }
}

@Suite struct PageSizeLimitTests {
    /// A build holds about thirty times a page's size: a page over the limit is refused before it is read.
    @Test func aPageOverTheLimitIsAnErrorWithItsSize() throws {
        let fixture = try SiteFixture(InvalidSiteTests.goodSite.replacingOccurrences(of: "baseURL: https://example.org/", with: "baseURL: https://example.org/\nmaxPageMB: 1"))
        try fixture.build()
        let before = fixture.outputSnapshot()
        try fixture.writeBytes(Array(("---\ntitle: Big\n---\n" + String(repeating: "Text. ", count: 400_000)).utf8), to: "Content/deterrence/big.md")
        let result = try BriefingCommand.run(["build", "--source", fixture.root.path], environment: ["NO_COLOR": "1"])
        #expect(result.status == 1)
        #expect(result.stderr == "Content/deterrence/big.md:1:1: error: page is 2.3 MB, over the 1 MB a page may have (maxPageMB in site.yaml): split it\n1 error\n")
        #expect(fixture.outputSnapshot() == before)
    }
}
