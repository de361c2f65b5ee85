import BriefingTestSupport
import Foundation
import Testing
@testable import BriefingKit
@testable import BriefingSupport

/// The repository's own sample site, Content/ and Templates/, built as `briefing check` would: no
/// warning, and every English page with a Korean translation linked to it both ways.
@Suite struct SampleSiteTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().appendingPathComponent("../../..").standardizedFileURL

    @Test func everyTranslatedPageLinksItsTranslationBothWaysAndInTheSitemap() throws {
        let output = TemporaryFolder.url("briefing-sample")
        defer { TemporaryFolder.remove(output) }
        var options = BuildOptions(source: Self.repository)
        options.output = output
        options.qualityChecks = true
        options.now = Date(timeIntervalSince1970: 1_790_000_000)
        let report = try SiteBuilder(options: options).build()
        #expect(report.warnings.isEmpty, "\(report.warnings.map(\.description))")

        // Tags written in English and named in Korean were listed in English order.
        let koreanTags = try String(contentsOf: output.appendingPathComponent("ko/tags/index.html"), encoding: .utf8)
        let cloud = try #require(koreanTags.components(separatedBy: #"<ul class="tag-cloud">"#).dropFirst().first?.components(separatedBy: "</ul>").first)
        let names = cloud.matches(of: /<li><a href="[^"]*">([^<]*)<\/a>/).map { String($0.output.1) }
        #expect(names.count >= 5 && names == names.sorted() && names.contains("방위비 분담"), "\(names)")

        // The number after each tag is "4 briefings" to a screen reader, and a tag's page is titled as its heading
        // (it was the tag's name alone, as a section of that name is).
        #expect(koreanTags.contains(#"<span class="tag-count"><span aria-hidden="true">"#) && koreanTags.contains(#"<span class="visually-hidden">브리핑 "#))
        let tagPage = try String(contentsOf: output.appendingPathComponent("ko/tags/alliance/index.html"), encoding: .utf8)
        #expect(tagPage.contains("<title>‘동맹’ 태그가 달린 글 · 한미동맹 브리핑</title>"))
        // So is its link preview's (it was the tag alone).
        #expect(tagPage.contains(#"<meta property="og:title" content="‘동맹’ 태그가 달린 글">"#))
        // A page's old address (aliases) sends a browser on to the page, which search engines are told is the one.
        let alias = try String(contentsOf: output.appendingPathComponent("cost-sharing/special-measures-agreement/index.html"), encoding: .utf8)
        #expect(alias.contains(#"<meta http-equiv="refresh" content="0; url=/burden-sharing/sma/">"#))
        // A particle stays on the line of the quotation mark or bracket it is written against (‘축소’가, (SCM)은).
        let korean = try String(contentsOf: output.appendingPathComponent("ko/alliance/explainer/index.html"), encoding: .utf8)
        #expect(korean.contains("’\u{2060}") && korean.contains(")\u{2060}"))
        #expect(!(try String(contentsOf: output.appendingPathComponent("alliance/explainer/index.html"), encoding: .utf8)).contains("\u{2060}"))

        // A host serves the not-found page at whatever address was asked for: it claims no address as its own.
        for notFound in ["404.html", "ko/404.html"] {
            let page = try String(contentsOf: output.appendingPathComponent(notFound), encoding: .utf8)
            #expect(page.contains(#"<meta name="robots" content="noindex">"#), "\(notFound)")
            #expect(!page.contains(#"rel="canonical""#) && !page.contains("og:url"), "\(notFound)")
        }

        let content = Self.repository.appendingPathComponent("Content")
        let files = FileManager.default.enumerator(atPath: content.path)?.compactMap { $0 as? String } ?? []
        let translated = files.filter { $0.hasSuffix(".ko.md") && !$0.contains("draft-") }.sorted()
        #expect(translated.count >= 18)
        let sitemap = try String(contentsOf: output.appendingPathComponent("sitemap.xml"), encoding: .utf8)
        let entries = sitemap.components(separatedBy: "<url>")
        for file in translated {
            // `alliance/history.ko.md` → `alliance/history/`, `alliance/_index.ko.md` → `alliance/`.
            let stem = String(file.dropLast(".ko.md".count))
            let route = stem == "_index" ? "" : stem.hasSuffix("/_index") ? String(stem.dropLast("_index".count)) : stem + "/"
            let english = "https://example.org/" + route, korean = "https://example.org/ko/" + route
            let links = [
                #"<link rel="alternate" hreflang="en" href="\#(english)">"#,
                #"<link rel="alternate" hreflang="ko" href="\#(korean)">"#,
                #"<link rel="alternate" hreflang="x-default" href="\#(english)">"#,
            ].joined(separator: "\n  ")
            for (page, lang) in [(route, "en"), ("ko/" + route, "ko")] {
                let html = try String(contentsOf: output.appendingPathComponent(page + "index.html"), encoding: .utf8)
                #expect(html.contains(#"<html lang="\#(lang)" dir="ltr">"#), "\(page)")
                #expect(html.contains(links), "\(page) lists both versions and x-default")
                #expect(html.contains(#"<nav class="language-switcher" aria-label=""#), "\(page) has the language switcher")
            }
            for loc in [english, korean] {
                let entry = try #require(entries.first { $0.contains("<loc>\(loc)</loc>") }, "\(loc) is in the sitemap")
                for (hreflang, href) in [("en", english), ("ko", korean), ("x-default", english)] {
                    #expect(entry.contains(#"<xhtml:link rel="alternate" hreflang="\#(hreflang)" href="\#(href)"/>"#), "\(loc): \(hreflang)")
                }
            }
        }
    }

    /// A page without a summary was described to search engines, link previews and feed readers by the
    /// site's one description, or not at all: it is now described by the start of its first paragraph, as
    /// lists show it.
    @Test func aPageWithoutASummaryIsDescribedByItsFirstParagraph() throws {
        let site = try Self.copy(into: "briefing-description")
        defer { TemporaryFolder.remove(site) }
        let page = site.appendingPathComponent("Content/news/budget-2026.md")
        let text = try String(contentsOf: page, encoding: .utf8)
        let summary = "summary: \"South Korea's 2026 budget puts more money into new weapons, cybersecurity and combined training as Washington presses allies to pay more.\"\n"
        #expect(text.contains(summary))
        try text.replacingOccurrences(of: summary, with: "").write(to: page, atomically: true, encoding: .utf8)
        var options = BuildOptions(source: site)
        options.now = Date(timeIntervalSince1970: 1_790_000_000)
        _ = try SiteBuilder(options: options).build()
        let html = try String(contentsOf: site.appendingPathComponent("Output/news/budget-2026/index.html"), encoding: .utf8)
        let excerpt = "Seoul. South Korea is set for a major increase in defense spending in 2026, with extra money for new weapons programs, cybersecurity and combined training with…"
        #expect(html.contains(#"<meta name="description" content="\#(excerpt)">"#))
        #expect(html.contains(#"<meta property="og:description" content="\#(excerpt)">"#))
        #expect(html.contains(#"<meta name="twitter:description" content="\#(excerpt)">"#))
        #expect(html.contains(#""description":"\#(excerpt)""#))
        let feed = try String(contentsOf: site.appendingPathComponent("Output/feed.xml"), encoding: .utf8)
        #expect(feed.contains("<summary type=\"text\">\(excerpt)</summary>"))
    }

    /// A page written in another language than the one it is filed under (`lang: ar` on an English page)
    /// had `<html lang="ar">`, so the theme's English words around its text (the skip link, navigation,
    /// byline, "Notes") were read as Arabic: the page is now English, its title and text Arabic.
    @Test func aPageWrittenInAnotherLanguageMarksItsOwnPartsAndNotTheThemes() throws {
        let site = try Self.copy(into: "briefing-own-language")
        defer { TemporaryFolder.remove(site) }
        try FileTree.write("""
            -- Content/news/statement.md --
            ---
            title: بيان مشترك
            date: 2026-09-03
            lang: ar
            summary: نص البيان المشترك.
            ---
            نص البيان[^1] هنا.

            [^1]: ملاحظة.
            """, to: site)
        var options = BuildOptions(source: site)
        options.now = Date(timeIntervalSince1970: 1_790_000_000)
        _ = try SiteBuilder(options: options).build()
        let html = try String(contentsOf: site.appendingPathComponent("Output/news/statement/index.html"), encoding: .utf8)
        #expect(html.hasPrefix(#"<!doctype html>\#n<html lang="en" dir="ltr">"#))
        #expect(html.contains(#"<h1 class="article-title" lang="ar" dir="rtl">بيان مشترك</h1>"#))
        #expect(html.contains(#"<p class="standfirst" lang="ar" dir="rtl">نص البيان المشترك.</p>"#))
        #expect(html.contains(#"<div class="prose" lang="ar" dir="rtl">"#))
        #expect(html.contains(#"<p>نص البيان<sup class="footnote-ref" lang="en" dir="ltr">"#))
        #expect(html.contains(#"<section class="footnotes" lang="en" dir="ltr" aria-labelledby="notes-title">"#))
        #expect(html.contains(#"<li id="fn-1" lang="ar" dir="rtl">"#))
        #expect(html.contains(#"<span class="footnote-back" lang="en" dir="ltr">"#))
        #expect(html.contains(#""inLanguage":"ar""#))
        // A page in its own language is as it was.
        let english = try String(contentsOf: site.appendingPathComponent("Output/news/budget-2026/index.html"), encoding: .utf8)
        #expect(english.contains(#"<h1 class="article-title">"#) && english.contains(#"<div class="prose">"#))
    }

    /// An error in a partial the Markdown transforms render (a callout's) named no page, where a layout's
    /// names the first page it met and how many more.
    @Test func aTransformPartialsErrorNamesThePagesThatMeetIt() throws {
        let site = try Self.copy(into: "briefing-partial-error")
        defer { TemporaryFolder.remove(site) }
        let callout = site.appendingPathComponent("Templates/partials/callout.html")
        try String(contentsOf: callout, encoding: .utf8).replacingOccurrences(of: "{{kind}}", with: "{{kidn}}").write(to: callout, atomically: true, encoding: .utf8)
        let failure = #expect(throws: BuildFailure.self) { try SiteBuilder(options: BuildOptions(source: site)).build() }
        #expect(failure?.diagnostics.map { $0.description.components(separatedBy: "\n")[0] } == [
            "Templates/partials/callout.html:4:31: error: unknown variable 'kidn' (rendering Content/alliance/explainer.ko.md, and 25 other pages)",
        ])
    }

    /// A copy of the sample site, to edit.
    private static func copy(into name: String) throws -> URL {
        let site = TemporaryFolder.url(name)
        for folder in ["Content", "Templates"] {
            try FileManager.default.copyItem(at: repository.appendingPathComponent(folder), to: site.appendingPathComponent(folder))
        }
        return site
    }

    /// The sample's warnings once a Korean page's tags start with `tags` in place of `news`.
    private func warnings(withKoreanTags tags: String) throws -> [String] {
        let site = try Self.copy(into: "briefing-korean-tags")
        defer { TemporaryFolder.remove(site) }
        let korean = site.appendingPathComponent("Content/news/budget-2026.ko.md")
        let text = try String(contentsOf: korean, encoding: .utf8)
        try text.replacingOccurrences(of: "tags: [news,", with: "tags: [\(tags),").write(to: korean, atomically: true, encoding: .utf8)
        var options = BuildOptions(source: site)
        options.now = Date(timeIntervalSince1970: 1_790_000_000)
        return try SiteBuilder(options: options).build().warnings.map(\.description)
    }

    /// A tag the Korean table does not name showed on Korean pages in English, without a word.
    @Test func aTagTheLanguagesTableDoesNotNameIsWarnedOf() throws {
        #expect(try warnings(withKoreanTags: "ncg, news") == [
            "Content/news/budget-2026.ko.md:6:7: warning: the tag 'ncg' has no name in Templates/i18n/ko.yaml's tagNames, so ko pages show it as written: add ncg: …\ntags: [ncg, news, defense spending, burden sharing]\n      ^",
        ])
    }

    /// A Korean tag only Korean pages have is a Korean word, shown as written: it was warned of as having
    /// no name, the suggestion naming the tag itself.
    @Test func aTagInTheLanguagesOwnWordsNeedsNoName() throws {
        #expect(try warnings(withKoreanTags: "핵무장, news") == [])
    }

    /// `tags: [동맹]` on a Korean page, where the table names the tag `alliance` 동맹, made a second tag
    /// listed beside it under the same name, and the warning said 동맹 had no name.
    @Test func aTagWrittenAsItsNameInTheTableIsToldItsTag() throws {
        #expect(try warnings(withKoreanTags: "뉴스") == [
            "Content/news/budget-2026.ko.md:6:7: warning: the tag '뉴스' is the name Templates/i18n/ko.yaml's tagNames gives the tag 'news': write tags: [news], which ko pages show as '뉴스'; as written, '뉴스' is a tag of its own, listed beside it under the same name\ntags: [뉴스, defense spending, burden sharing]\n      ^",
        ])
    }

    /// The notice on a translation behind its original names the original's language in that language's
    /// words ("English" on a Korean page): it said so with the Korean page's `lang`.
    @Test func theStaleNoticeMarksTheOriginalsLanguage() throws {
        let site = try Self.copy(into: "briefing-stale")
        defer { TemporaryFolder.remove(site) }
        let korean = site.appendingPathComponent("Content/alliance/scm.ko.md")
        let text = try String(contentsOf: korean, encoding: .utf8)
        try text.replacingOccurrences(of: "updated: 2026-03-12\n", with: "updated: 2026-03-12\ntranslatedFrom: 2026-01-05\n")
            .write(to: korean, atomically: true, encoding: .utf8)
        var options = BuildOptions(source: site)
        options.now = Date(timeIntervalSince1970: 1_790_000_000)
        _ = try SiteBuilder(options: options).build()
        let page = try String(contentsOf: site.appendingPathComponent("Output/ko/alliance/scm/index.html"), encoding: .utf8)
        #expect(page.contains(#"<a href="/alliance/scm/" hreflang="en" lang="en">English</a>"#))
    }
}
