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

    /// The notice on a translation behind its original names the original's language in that language's
    /// words ("English" on a Korean page): it said so with the Korean page's `lang`.
    @Test func theStaleNoticeMarksTheOriginalsLanguage() throws {
        let site = TemporaryFolder.url("briefing-stale")
        defer { TemporaryFolder.remove(site) }
        for folder in ["Content", "Templates"] {
            try FileManager.default.copyItem(at: Self.repository.appendingPathComponent(folder), to: site.appendingPathComponent(folder))
        }
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
