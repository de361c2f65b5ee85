import BriefingTestSupport
import Foundation
import Testing
@testable import BriefingKit
@testable import BriefingSupport

/// A site in English and Korean, built with the real pipeline: routes per language, translations linked
/// both ways, the theme's words from string tables, and the errors of a multilingual site at their places.
@Suite struct MultilingualSiteTests {
    @Test func eachLanguageHasItsRoutesHomeSectionsTagsFeedAnd404() throws {
        let fixture = try SiteFixture(Self.site, templates: Self.templates)
        let report = try fixture.build()
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        for path in ["index.html", "ko/index.html", "ar/index.html", "deterrence/tripwire/index.html", "ko/deterrence/inggye/index.html",
                     "ko/deterrence/index.html", "tags/deterrence/index.html", "ko/tags/deterrence/index.html", "404.html", "ko/404.html",
                     "ar/404.html", "feed.xml", "ko/feed.xml", "ar/feed.xml"] {
            #expect(fixture.output(path) != nil, "\(path)")
        }
        #expect(fixture.output("ko/news/index.html") == nil, "no Korean page in news: no Korean news section")
        let koreanFeed = try #require(fixture.output("ko/feed.xml"))
        #expect(koreanFeed.contains(#"<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ko">"#))
        #expect(koreanFeed.contains("<title>한미동맹 브리핑</title>"))
        #expect(koreanFeed.contains("<title>인계철선</title>") && !koreanFeed.contains("Tripwire"))
        let koreanSection = try #require(fixture.output("ko/deterrence/index.html"))
        #expect(koreanSection.contains(#"<li><a href="/ko/deterrence/inggye/">인계철선</a> 전선의 병력. 병력을 보십시오.</li>"#))
        #expect(!koreanSection.contains("Tripwire"))
    }

    /// With the default language under a prefix of its own, the root still has a page and a 404 page: it
    /// had neither, and a host showed its own error (or a folder listing) at the site's address.
    @Test func aDefaultLanguageUnderAPrefixLeavesTheRootAPageThatLeadsToIt() throws {
        let site = Self.site.replacingOccurrences(of: "language: en\nlanguages:\n  en:\n    name: English\n", with: "language: en\nlanguages:\n  en:\n    name: English\n    prefix: en\n")
        #expect(site.contains("prefix: en"))
        // The default theme's layout for the root's page.
        let layout = try String(contentsOf: DefaultTheme.partials.appendingPathComponent("../layouts/language-root.html").standardizedFileURL, encoding: .utf8)
        let fixture = try SiteFixture(site, templates: Self.templates)
        // At the setting that asks for the page: a theme made before the layout was needed (an upgrade).
        #expect(fixture.failure() == [
            "Content/site.yaml:7:13: error: Templates/layouts/language-root.html not found: the default language has a prefix of its own, and the site's root "
                + "is this layout's page; copy it from the default theme, which 'briefing init NEW-FOLDER' writes\n    prefix: en\n            ^",
        ])
        try fixture.write("-- Templates/layouts/language-root.html --\n" + layout.dropLast())  // the fixture ends each file with its line break
        try fixture.build()
        #expect(fixture.output("en/deterrence/tripwire/index.html") != nil)
        #expect(fixture.output("404.html") == fixture.output("en/404.html"))
        #expect(fixture.output("index.html") == """
        <!doctype html>
        <html lang="en" dir="ltr">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Alliance Briefing</title>
        <link rel="canonical" href="https://example.org/en/">
        <meta http-equiv="refresh" content="0; url=/en/">
        </head>
        <body>
        <main>
        <h1>Alliance Briefing</h1>
        <ul>
        <li><a href="/en/" hreflang="en" lang="en" dir="ltr">English</a></li>
        <li><a href="/ko/" hreflang="ko" lang="ko" dir="ltr">한국어</a></li>
        <li><a href="/ar/" hreflang="ar" lang="ar" dir="rtl">العربية</a></li>
        </ul>
        </main>
        </body>
        </html>

        """)
    }

    /// A Korean page's table without a source was told to add an English `Source:` line.
    @Test func aKoreanTableWithoutASourceIsToldInKoreanMarkers() throws {
        let fixture = try SiteFixture(Self.site + "\n-- Content/deterrence/table.ko.md --\n---\ntitle: 표\nsummary: 표.\n---\n| 연도 | 병력 |\n| --- | --- |\n| 2025 | 28,500 |\n",
                                      templates: Self.templates)
        let checked = try BriefingCommand.run(["check", "--source", fixture.root.path], environment: ["NO_COLOR": "1"])
        #expect(checked.stderr.contains("warning: table without a caption cites no source: add a paragraph '출처: [publisher](https://…)' after it (or after its '표:' caption)"))
    }

    /// Language tags are the same in any case: site.yaml's `EN` and `KO` are `en` and `ko`, as front matter's are.
    @Test func siteYAMLTakesLanguageCodesInAnyCase() throws {
        let site = Self.site.replacingOccurrences(of: "language: en\nlanguages:\n  en:\n", with: "language: EN\nlanguages:\n  EN:\n")
            .replacingOccurrences(of: "\n  ko:\n", with: "\n  KO:\n")
        #expect(site.contains("language: EN") && site.contains("  KO:\n"))
        let fixture = try SiteFixture(site, templates: Self.templates)
        try fixture.build()
        #expect(fixture.output("ko/deterrence/inggye/index.html")?.contains(#"<html lang="ko" dir="ltr">"#) == true)
        #expect(fixture.output("deterrence/tripwire/index.html")?.contains(#"<html lang="en" dir="ltr">"#) == true)
    }

    @Test func translationsLinkEachOtherWithReciprocalHreflangAndTheSwitcher() throws {
        let fixture = try SiteFixture(Self.site, templates: Self.templates)
        try fixture.build()
        let alternates = #"<link rel="alternate" hreflang="en" href="https://example.org/deterrence/tripwire/"><link rel="alternate" hreflang="ko" href="https://example.org/ko/deterrence/inggye/"><link rel="alternate" hreflang="x-default" href="https://example.org/deterrence/tripwire/">"#
        let english = try #require(fixture.output("deterrence/tripwire/index.html"))
        let korean = try #require(fixture.output("ko/deterrence/inggye/index.html"))
        #expect(english.hasPrefix(#"<!doctype html><html lang="en" dir="ltr">"# + alternates))
        #expect(korean.hasPrefix(#"<!doctype html><html lang="ko" dir="ltr">"# + alternates))
        #expect(korean.contains(#"<nav><a href="/deterrence/tripwire/">English</a><a href="/ko/deterrence/inggye/" aria-current="true">한국어</a><a href="/ar/" class="home">العربية</a></nav>"#))
        #expect(korean.contains(#"<p>입력 <time datetime="2026-04-08">2026년 4월 8일</time></p><p>1분 분량</p>"#))
        #expect(english.contains(#"<p>Published <time datetime="2026-04-08">8 April 2026</time></p><p>1 min read</p>"#))
        #expect(korean.contains(#"<a href="/ko/deterrence/force/">병력</a>"#), "a link to force.md from a Korean page leads to the Korean force page")
        // A tag Arabic pages lack leads to the Arabic home page, as an untranslated page does; the 404 page
        // has nothing to translate, and each language's home page is its version.
        #expect(fixture.output("tags/deterrence/index.html")?.contains(#"<a href="/ko/tags/deterrence/">한국어</a><a href="/ar/" class="home">العربية</a></nav>"#) == true)
        #expect(fixture.output("404.html")?.contains(#"<a href="/ko/">한국어</a><a href="/ar/">العربية</a></nav>"#) == true)
        let untranslated = try #require(fixture.output("news/only-english/index.html"))
        #expect(!untranslated.contains("hreflang"), "a page without translations has no alternates")
        let arabicHome = try #require(fixture.output("ar/index.html"))
        #expect(arabicHome.hasPrefix(#"<!doctype html><html lang="ar" dir="rtl"><link rel="alternate" hreflang="en" href="https://example.org/">"#))
        let sitemap = try #require(fixture.output("sitemap.xml"))
        #expect(sitemap.contains("""
          <url>
            <loc>https://example.org/ko/deterrence/inggye/</loc>
            <lastmod>2026-05-02</lastmod>
            <xhtml:link rel="alternate" hreflang="en" href="https://example.org/deterrence/tripwire/"/>
            <xhtml:link rel="alternate" hreflang="ko" href="https://example.org/ko/deterrence/inggye/"/>
            <xhtml:link rel="alternate" hreflang="x-default" href="https://example.org/deterrence/tripwire/"/>
          </url>
        """))
    }

    /// In a `--drafts` preview, the published page announced its Korean draft in its hreflang links and
    /// the sitemap, which leave drafts out; the switcher still leads to it.
    @Test func aDraftTranslationIsNeverAnnounced() throws {
        let site = Self.site.replacingOccurrences(of: "title: 인계철선\n", with: "title: 인계철선\ndraft: true\n")
        let fixture = try SiteFixture(site, templates: Self.templates)
        try fixture.build { $0.includeDrafts = true }
        let english = try #require(fixture.output("deterrence/tripwire/index.html"))
        #expect(!english.contains("hreflang=\"ko\" href=\"https://example.org/ko/deterrence/inggye/\""))
        #expect(english.contains(#"<a href="/ko/deterrence/inggye/">한국어</a>"#))
        let sitemap = try #require(fixture.output("sitemap.xml"))
        #expect(!sitemap.contains("inggye"))
    }

    /// A language with its own digits writes every number in them: dates, reading times, cross-references,
    /// note labels and whatever a template interpolates; ids, `datetime` and URLs stay ASCII.
    @Test func aLanguageWithItsOwnDigitsWritesEveryNumberInThem() throws {
        let fixture = try SiteFixture(Self.site, templates: Self.templates.replacingOccurrences(
            of: "{{{page.content}}}{{/main}}", with: "{{{page.content}}}<p>{{page.wordCount}}</p>{{/main}}"
        ))
        try fixture.write("-- Templates/i18n/ar.yaml --\n" + Self.site.components(separatedBy: "-- Templates/i18n/ar.yaml --\n")[1] + """

        digits: "٠١٢٣٤٥٦٧٨٩"
        decimalSeparator: "٫"
        groupSeparator: "٬"
        -- Content/deterrence/_index.ar.md --
        ---
        title: الردع
        ---
        -- Content/deterrence/tripwire.ar.md --
        ---
        title: سلك التعثر
        date: 2026-04-08
        translatedFrom: 2026-05-02
        ---
        كما يبين [](table:troops)، القوات هناك.[^1] وأيضا[^1]

        | السنة | القوات |
        | --- | ---: |
        | 2026 | 28500 |

        Table: القوات {#troops}

        ![خريطة](map.svg)

        [^1]: ملاحظة.
        -- Content/deterrence/map.svg --
        <svg xmlns="http://www.w3.org/2000/svg" width="640" height="480"></svg>
        """)
        let report = try fixture.build()
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        let arabic = try #require(fixture.output("ar/deterrence/tripwire/index.html"))
        #expect(arabic.contains(#"<time datetime="2026-04-08">٨/٤/٢٠٢٦</time></p><p>١ دقيقة</p>"#))
        #expect(arabic.contains(">جدول ١</a>"), "the cross-reference")
        #expect(arabic.contains("١a</a>") && arabic.contains("١b</a>"), "the note's two backlinks")
        #expect(arabic.contains("<p>١٤</p>"), "a number a template writes (the word count)")
        #expect(arabic.contains(#"width="640" height="480""#), "an image's size is markup: ASCII")
        #expect(arabic.contains(##"href="#fn-1""##) && arabic.contains(#">2026</th><td class="num">28500</td>"#), "ids and the author's own digits stay as written")
        let table = try StringTableTests.table("groupSeparator: \"٬\"\ndigits: \"٠١٢٣٤٥٦٧٨٩\"\ntagCount:\n  other: \"{count}\"\n", code: "ar")
        #expect(table.plural("tagCount", count: 1_234_567) == "١٬٢٣٤٬٥٦٧", "counts are grouped")
        #expect(fixture.output("deterrence/tripwire/index.html")?.contains("<p>1 min read</p>") == true, "English keeps its digits")
    }

    @Test func aStringMissingForALanguageIsAnErrorAtTheTemplateLineThatAsksForIt() throws {
        let fixture = try SiteFixture(Self.site, templates: Self.templates + """

        -- Templates/layouts/404.html --
        {{<base}}{{$main}}
        <h1>{{t.pageNotFound}}</h1>{{/main}}{{/base}}
        """)
        try fixture.write("-- Templates/i18n/ar.yaml --\n" + Self.site.components(separatedBy: "-- Templates/i18n/ar.yaml --\n")[1].replacingOccurrences(of: "pageNotFound: الصفحة غير موجودة\n", with: ""))
        let failure = fixture.failure()
        #expect(failure.contains { $0.hasPrefix("Templates/i18n/ar.yaml:1:1: error: Templates/i18n/ar.yaml lacks pageNotFound, which the build writes into pages") })
        // Said once: not again as a word the first language's table has.
        #expect(failure.count { $0.contains("pageNotFound") } == 1, "\(failure)")
        // A citation mark's label and the markers a table's caption and source line may start with: a
        // table without them labelled every mark "" and showed `표:` captions as text.
        try fixture.write("-- Templates/i18n/ar.yaml --\n" + Self.site.components(separatedBy: "-- Templates/i18n/ar.yaml --\n")[1]
            .replacingOccurrences(of: "citationLabel: \"المصدر {number}\"\n", with: "").replacingOccurrences(of: "tableCaptionMarker: \"جدول:\"\n", with: ""))
        #expect(fixture.failure().contains { $0.hasPrefix("Templates/i18n/ar.yaml:1:1: error: Templates/i18n/ar.yaml lacks citationLabel, tableCaptionMarker, which the build writes into pages") })
        try fixture.write("-- Templates/i18n/ar.yaml --\n" + Self.site.components(separatedBy: "-- Templates/i18n/ar.yaml --\n")[1] + "\n")
        try fixture.build()
        try fixture.write("-- Templates/layouts/404.html --\n{{<base}}{{$main}}\n<h1>{{t.browseByTopic}}</h1>{{/main}}{{/base}}\n")
        #expect(fixture.failure() == [
            "Templates/layouts/404.html:2:5: error: 't.browseByTopic' asks for the word 'browseByTopic', which no string table has: "
                + "add it to Templates/i18n/en.yaml and Templates/i18n/ko.yaml and Templates/i18n/ar.yaml\n<h1>{{t.browseByTopic}}</h1>{{/main}}{{/base}}\n    ^",
        ])
    }

    static let errors: [InvalidSiteTests.Case] = [
        InvalidSiteTests.Case(name: "an unknown language code in a file name", files: languages + "-- Content/deterrence/tripwire.fr.md --\n---\ntitle: Fil\n---\n", expected: """
        Content/deterrence/tripwire.fr.md:1:1: error: 'fr' in the file name is not a language of this site (en, ko): add it to 'languages' in site.yaml, or rename the file
        ---
        ^
        """),
        InvalidSiteTests.Case(name: "an unknown language code in front matter", files: languages + "-- Content/deterrence/other.md --\n---\ntitle: Other\nlanguage: de\n---\n", expected: """
        Content/deterrence/other.md:3:11: error: language 'de' is not a language of this site (en, ko): add it to 'languages' in site.yaml
        language: de
                  ^
        """),
        InvalidSiteTests.Case(name: "two translations of one page in one language", files: languages + "-- Content/deterrence/tripwire.ko.md --\n---\ntitle: 하나\n---\n-- Content/deterrence/second.md --\n---\ntitle: 둘\nlanguage: ko\ntranslationKey: deterrence/tripwire\n---\n", expected: """
        Content/deterrence/second.md:4:17: error: two translations of 'deterrence/tripwire' in ko: this one and Content/deterrence/tripwire.ko.md
        translationKey: deterrence/tripwire
                        ^
        """),
        InvalidSiteTests.Case(name: "a language prefix that is a section folder", files: languages + "-- Content/ko/notes.md --\n---\ntitle: Notes\n---\n", expected: """
        Content/site.yaml:5:3: error: the prefix 'ko/' of language 'ko' is also the folder Content/ko/ (Content/ko/notes.md): rename the folder or set 'languages.ko.prefix'
          ko: {name: 한국어}
          ^
        """),
        InvalidSiteTests.Case(name: "a default language that is no code", files: "-- Content/site.yaml --\ntitle: Briefing\nbaseURL: https://example.org/\nlanguage: english\n", expected: """
        Content/site.yaml:3:11: error: 'english' is not a language code: use a BCP 47 tag like en, ko or pt-BR
        language: english
                  ^
        """),
        InvalidSiteTests.Case(name: "a default language not among the languages", files: "-- Content/site.yaml --\ntitle: Briefing\nbaseURL: https://example.org/\nlanguage: fr\nlanguages:\n  en: {}\n  ko: {}\n", expected: """
        Content/site.yaml:3:11: error: the default language 'fr' (setting 'language') is not in 'languages' (en, ko)
        language: fr
                  ^
        """),
        InvalidSiteTests.Case(name: "a language code that is not one", files: "-- Content/site.yaml --\ntitle: Briefing\nbaseURL: https://example.org/\nlanguages:\n  en: {}\n  Korean: {}\n", expected: """
        Content/site.yaml:5:3: error: 'Korean' is not a language code: use a BCP 47 tag like en, ko or pt-BR
          Korean: {}
          ^
        """),
    ]

    static let languages = """
    -- Content/site.yaml --
    title: Briefing
    baseURL: https://example.org/
    languages:
      en: {name: English}
      ko: {name: 한국어}

    """

    @Test(arguments: errors)
    func refusedAtItsPositionWithOutputUnchanged(_ testCase: InvalidSiteTests.Case) async throws {
        try await InvalidSiteTests().failsWithAPositionAndLeavesOutputAlone(testCase)
    }
}
