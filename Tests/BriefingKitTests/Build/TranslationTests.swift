import BriefingTestSupport
import Foundation
import Testing
@testable import BriefingKit
@testable import BriefingSupport

/// Translations on the English and Korean site of `MultilingualSiteTests`: a translation behind its
/// original or without one, links that lead to another language's version, a section without its index
/// in a language, and pages written in another language than they are filed under.
@Suite struct TranslationTests {
    @Test func aTranslationBehindItsOriginalIsWarnedAndFlagged() throws {
        let fixture = try SiteFixture(MultilingualSiteTests.site, templates: MultilingualSiteTests.templates.replacingOccurrences(
            of: "{{{page.content}}}{{/main}}", with: "{{#page.isStale}}<p class=\"stale\">{{page.translationOf.language}} {{#page.translationOf.updated}}{{iso}}{{/page.translationOf.updated}}</p>{{/page.isStale}}{{{page.content}}}{{/main}}"
        ))
        try fixture.write("-- Content/deterrence/tripwire.md --\n---\ntitle: Tripwire\ndate: 2026-04-08\nupdated: 2026-06-01\ntags: [deterrence]\n---\nTroops.\n")
        let report = try fixture.build()
        #expect(report.warnings.map(\.description) == ["""
        Content/deterrence/tripwire.ko.md:4:10: warning: ko is behind en since 2026-06-01: Content/deterrence/tripwire.md was updated after this translation was made (from 2026-05-02); bring it up to date and set 'translatedFrom: 2026-06-01'
        updated: 2026-05-02
                 ^
        """])
        #expect(fixture.output("ko/deterrence/inggye/index.html")?.contains(#"<p class="stale">en 2026-06-01</p>"#) == true)
        try fixture.write("-- Content/deterrence/tripwire.ko.md --\n---\ntitle: 인계철선\ndate: 2026-04-08\ntranslatedFrom: 2026-06-01\n---\n전선.\n")
        #expect(try fixture.build().warnings.isEmpty)
        // An update late in the evening in Washington, translated the next day in Seoul, is no stale version:
        // compared by day, as `updated` and `date` are, not a day written alone as midnight UTC.
        try fixture.write("-- Content/deterrence/tripwire.md --\n---\ntitle: Tripwire\ndate: 2026-04-08\nupdated: 2026-06-01T23:45:00-05:00\ntags: [deterrence]\n---\nTroops.\n")
        try fixture.write("-- Content/deterrence/tripwire.ko.md --\n---\ntitle: 인계철선\ndate: 2026-04-08\ntranslatedFrom: 2026-06-02\n---\n전선.\n")
        #expect(try fixture.build().warnings.isEmpty)
    }

    /// A Korean original translated into English: the English page says `translatedFrom`, and an update of
    /// the English (a typo fixed) made the Korean original "behind" its own translation, on the page too.
    @Test func anOriginalInAnotherLanguageIsTheOneTheTranslationFollows() throws {
        let fixture = try SiteFixture(MultilingualSiteTests.site, templates: MultilingualSiteTests.templates.replacingOccurrences(
            of: "{{{page.content}}}{{/main}}", with: "{{#page.isStale}}<p class=\"stale\">{{page.translationOf.language}}</p>{{/page.isStale}}{{{page.content}}}{{/main}}"
        ))
        try fixture.write("-- Content/deterrence/tripwire.md --\n---\ntitle: Tripwire\ndate: 2026-04-08\nupdated: 2026-06-01\ntranslatedFrom: 2026-05-02\ntags: [deterrence]\n---\nTroops.\n")
        let report = try fixture.build()
        #expect(report.warnings.map(\.description) == [])
        #expect(fixture.output("ko/deterrence/inggye/index.html")?.contains(#"class="stale""#) == false)
        // The Korean original updated after the version the English was made from.
        try fixture.write("-- Content/deterrence/tripwire.ko.md --\n---\ntitle: 인계철선\nslug: inggye\ndate: 2026-04-08\nupdated: 2026-06-10\n---\n전선.\n")
        let warnings = try fixture.build().warnings.map { $0.description.components(separatedBy: "\n")[0] }
        #expect(warnings == [
            "Content/deterrence/tripwire.md:5:17: warning: en is behind ko since 2026-06-10: Content/deterrence/tripwire.ko.md was updated after this translation was made (from 2026-05-02); bring it up to date and set 'translatedFrom: 2026-06-10'",
        ])
        #expect(fixture.output("deterrence/tripwire/index.html")?.contains(#"<p class="stale">ko</p>"#) == true)
    }

    /// A page that says it is a translation (`translatedFrom`, `translationKey`) and has no original is
    /// warned of; a page only in Korean that says nothing is a Korean original, and was warned of in every build.
    @Test func aTranslationWithoutItsOriginalIsAWarningAndAnOriginalInAnotherLanguageIsNot() throws {
        let fixture = try SiteFixture(MultilingualSiteTests.site, templates: MultilingualSiteTests.templates)
        try fixture.write("-- Content/news/_index.ko.md --\n---\ntitle: 뉴스\n---\n-- Content/news/orphan.ko.md --\n---\ntitle: 고아\ntranslatedFrom: 2026-01-01\n---\n본문.\n")
        #expect(try fixture.build().warnings.map(\.description) == ["""
        Content/news/orphan.ko.md:3:17: warning: a translation whose original is missing, a draft or still to come: no en page in this build has the translation key 'news/orphan'
        translatedFrom: 2026-01-01
                        ^
        """])
        try fixture.write("-- Content/news/orphan.ko.md --\n---\ntitle: 서울 단독\n---\n본문.\n")
        #expect(try fixture.build().warnings.isEmpty)
        // A key that differs from its original's in case alone is named.
        try fixture.write("-- Content/news/orphan.ko.md --\n---\ntitle: 병력\ntranslationKey: deterrence/Force\n---\n본문.\n")
        #expect(try fixture.build().warnings.map { $0.description.components(separatedBy: "\n")[0] } == [
            "Content/news/orphan.ko.md:3:17: warning: a translation whose original is missing, a draft or still to come: no en page in this build has the translation key "
                + "'deterrence/Force': did you mean 'deterrence/force' (Content/deterrence/force.md)?",
        ])
    }

    /// A Korean page's link to `force.md` leads to `force.ko.md`, or to the English page when the Korean one
    /// is a draft or missing: a heading only the Korean version has is then missing, and the error says why.
    @Test func aMissingHeadingInTheOtherLanguagesPageSaysWhyTheLinkLeadsThere() throws {
        let fixture = try SiteFixture(MultilingualSiteTests.site, templates: MultilingualSiteTests.templates)
        try fixture.write("""
        -- Content/deterrence/force.ko.md --
        ---
        title: 병력
        draft: true
        ---
        ## 병력 규모
        -- Content/deterrence/tripwire.ko.md --
        ---
        title: 인계철선
        slug: inggye
        ---
        [병력 규모](force.md#병력-규모)를 보십시오.

        """)
        #expect(fixture.failure() == [
            "Content/deterrence/tripwire.ko.md:5:1: error: link to '#병력-규모', but Content/deterrence/force.md has no heading with that id "
                + "(the link leads to the English page because Content/deterrence/force.ko.md is a draft left out of this build)\n[병력 규모](force.md#병력-규모)를 보십시오.\n^",
        ])
        try fixture.write("-- Content/deterrence/force.ko.md --\n---\ntitle: 병력\n---\n## 병력 규모\n")
        try fixture.write("-- Content/news/_index.ko.md --\n---\ntitle: 뉴스\n---\n-- Content/news/seoul.ko.md --\n---\ntitle: 서울\n---\n[원문](only-english.md#intro)\n")
        #expect(fixture.failure().filter { !$0.contains("warning:") } == [
            "Content/news/seoul.ko.md:4:1: error: link to '#intro', but Content/news/only-english.md has no heading with that id "
                + "(the link leads to the English page: this site publishes no 한국어 version of it)\n[원문](only-english.md#intro)\n^",
        ])
    }

    /// A Korean page could not link its English original: `force.md` leads to `force.ko.md`, and no file is
    /// `force.en.md`. A code in the link's name asks for that language's version, of a page named by its
    /// translation key too.
    @Test func aLinkThatNamesALanguageLeadsToThatVersion() throws {
        let fixture = try SiteFixture(MultilingualSiteTests.site, templates: MultilingualSiteTests.templates)
        try fixture.write("""
        -- Content/deterrence/tripwire.ko.md --
        ---
        title: 인계철선
        slug: inggye
        ---
        [영문판](force.en.md), [병력](force.md), [원문](../news/only-english.en.md), [전작권](opcon.md).
        -- Content/deterrence/opcon.md --
        ---
        title: 전시작전통제권
        language: ko
        translationKey: opcon
        ---
        본문.
        -- Content/deterrence/opcon-transfer.md --
        ---
        title: OPCON transfer
        translationKey: opcon
        ---
        [Korean](opcon.ko.md), [this](opcon.md).

        """)
        _ = try fixture.build()
        let korean = try #require(fixture.output("ko/deterrence/inggye/index.html"))
        #expect(korean.contains(#"<a href="/deterrence/force/">영문판</a>, <a href="/ko/deterrence/force/">병력</a>, <a href="/news/only-english/">원문</a>, <a href="/ko/deterrence/opcon/">전작권</a>"#))
        let english = try #require(fixture.output("deterrence/opcon-transfer/index.html"))
        #expect(english.contains(#"<a href="/ko/deterrence/opcon/">Korean</a>, <a href="/deterrence/opcon-transfer/">this</a>"#))
        // The English page has no such heading: the link asked for it, and the message gives no other reason.
        try fixture.write("-- Content/news/seoul.ko.md --\n---\ntitle: 서울\n---\n[영문판](../deterrence/force.en.md#top)\n")
        try fixture.write("-- Content/news/_index.ko.md --\n---\ntitle: 뉴스\n---\n")
        try fixture.write("-- Content/news/busan.md --\n---\ntitle: Busan\n---\n[Arabic](only-english.ar.md)\n")
        #expect(fixture.failure().filter { !$0.contains("warning:") } == [
            "Content/news/busan.md:4:1: error: link to a missing page 'only-english.ar.md' (no file Content/news/only-english.ar.md); did you mean 'only-english.md'?\n[Arabic](only-english.ar.md)\n^",
            "Content/news/seoul.ko.md:4:1: error: link to '#top', but Content/deterrence/force.md has no heading with that id\n[영문판](../deterrence/force.en.md#top)\n^",
        ])
    }

    /// A folder's name is English: a Korean section without `_index.ko.md` would be titled in it unnoticed.
    @Test func aSectionWithoutItsIndexInALanguageIsAWarningAtItsFirstPage() throws {
        let fixture = try SiteFixture(MultilingualSiteTests.site, templates: MultilingualSiteTests.templates)
        try FileManager.default.removeItem(at: fixture.root.appendingPathComponent("Content/deterrence/_index.ko.md"))
        try fixture.write("-- Content/news/world/asia/seoul.ko.md --\n---\ntitle: 서울\ndate: 2026-01-01\n---\n본문.\n")
        let report = try fixture.build()
        #expect(report.warnings.map(\.description) == [
            "Content/deterrence/force.ko.md:1:1: warning: Content/deterrence/ has no _index.ko.md: its ko pages title the section 'Deterrence', "
                + "after the folder's name; write Content/deterrence/_index.ko.md with its title in ko\n---\n^",
            "Content/news/world/asia/seoul.ko.md:1:1: warning: Content/news/world/asia/ has no _index.ko.md: its ko pages title the section 'Asia', "
                + "after the folder's name; write Content/news/world/asia/_index.ko.md with its title in ko\n---\n^",
            "Content/news/world/asia/seoul.ko.md:1:1: warning: Content/news/world/ has no _index.ko.md: its ko pages title the section 'World', "
                + "after the folder's name; write Content/news/world/_index.ko.md with its title in ko\n---\n^",
            "Content/news/world/asia/seoul.ko.md:1:1: warning: Content/news/ has no _index.ko.md: its ko pages title the section 'News', "
                + "after the folder's name; write Content/news/_index.ko.md with its title in ko\n---\n^",
        ])
        #expect(fixture.output("ko/deterrence/index.html")?.contains("<h1>Deterrence</h1>") == true, "the page is still made")
    }

    /// `lang:` in any case is written as BCP 47 recommends, and a right-to-left one without `dir:` is
    /// laid out right to left: `lang: he` got an explicit `dir="ltr"`.
    @Test func aPagesOwnLanguageTakesItsScriptsDirection() throws {
        let fixture = try SiteFixture(MultilingualSiteTests.site, templates: MultilingualSiteTests.templates)
        try fixture.write("-- Content/news/quote.md --\n---\ntitle: 인용\nlang: HE\n---\nשלום.\n-- Content/news/latin.md --\n---\ntitle: Q\nlang: az-latn\n---\nText.\n")
        try fixture.build()
        #expect(fixture.output("news/quote/index.html")?.hasPrefix(#"<!doctype html><html lang="he" dir="rtl">"#) == true)
        #expect(fixture.output("news/latin/index.html")?.hasPrefix(#"<!doctype html><html lang="az-Latn" dir="ltr">"#) == true)
    }

    /// A page written in another language than it is filed under (`lang: ar`) kept its language on its
    /// own `<html>` only: lists, related reading, the feed and its JSON-LD named it English.
    @Test func aPageInAnotherLanguageKeepsItInListsFeedsAndJSONLD() throws {
        let templates = (SiteFixture.templates + "\n-- Templates/layouts/tag.html --\n{{page.title}}\n-- Templates/layouts/tags.html --\n{{page.title}}\n")
            .replacingOccurrences(of: "<ul>{{#pages}}<li><a href=\"{{url}}\">{{title}}</a> {{excerpt}}</li>{{/pages}}</ul>", with: "{{> page-list}}")
            .replacingOccurrences(of: "{{{page.content}}}{{/main}}{{/base}}\n-- Templates/layouts/section.html", with: "{{{page.content}}}{{{page.jsonLD}}}{{#page.hasRelated}}{{> related}}{{/page.hasRelated}}{{/main}}{{/base}}\n-- Templates/layouts/section.html")
        let fixture = try SiteFixture("""
            -- Content/site.yaml --
            title: Briefing
            baseURL: https://example.org/
            -- Content/news/statement.md --
            ---
            title: بيان
            date: 2026-02-01
            lang: ar
            tags: [alliance]
            summary: نص البيان.
            ---
            نص.
            -- Content/news/english.md --
            ---
            title: English
            date: 2026-01-01
            tags: [alliance]
            ---
            Text.
            """, templates: templates)
        try fixture.build()
        let list = try #require(fixture.output("news/index.html"))
        #expect(list.contains(#"<h2 class="page-card-title" lang="ar" dir="rtl"><a href="/news/statement/">بيان</a></h2>"#))
        #expect(list.contains(#"<p class="page-card-summary" lang="ar" dir="rtl">نص البيان.</p>"#))
        #expect(list.contains(#"<h2 class="page-card-title"><a href="/news/english/">English</a></h2>"#))
        #expect(fixture.output("news/english/index.html")?.contains(#"<h3 lang="ar" dir="rtl"><a href="/news/statement/">بيان</a></h3>"#) == true)
        #expect(fixture.output("news/statement/index.html")?.contains(#""inLanguage":"ar""#) == true)
        let feed = try #require(fixture.output("feed.xml"))
        #expect(feed.contains("<entry xml:lang=\"ar\">\n    <title>بيان</title>") && feed.contains("<entry>\n    <title>English</title>"))
    }
}
