import BriefingTestSupport
import Foundation
import Testing
@testable import BriefingKit

/// A page moved from another tool, or renamed, kept none of its old addresses: `aliases` (Hugo's) and
/// `redirect_from` (Jekyll's) were warned of as not read, and every old link, bookmark and search result led
/// to the 404 page. Each alias is now published as a page that sends a browser on to the page.
@Suite struct PageAliasTests {
    static let redirectLayout = (try? String(
        contentsOf: DefaultTheme.partials.deletingLastPathComponent().appendingPathComponent("layouts/redirect.html"), encoding: .utf8
    )) ?? ""

    static let site = """
        -- Content/site.yaml --
        title: Briefing
        baseURL: https://example.org/briefings/
        languages:
          en:
            name: English
          ko:
            name: 한국어
        -- Content/_index.md --
        ---
        title: Home
        ---
        Welcome.
        -- Content/_index.ko.md --
        ---
        title: 홈
        ---
        환영합니다.
        -- Content/deterrence/_index.ko.md --
        ---
        title: 억제
        ---
        -- Content/deterrence/tripwire.md --
        ---
        title: Tripwire
        date: 2026-01-01
        aliases: [/2019/03/tripwire-explained/, "/old/tripwire.html", /%EC%98%9B/trip]
        ---
        Troops.
        -- Content/deterrence/tripwire.ko.md --
        ---
        title: 인계철선
        date: 2026-01-01
        redirect_from: /ko/2019/인계철선/
        ---
        병력.
        -- Templates/layouts/redirect.html --

        """ + redirectLayout

    @Test func eachAliasIsAPageThatLeadsToItsPage() throws {
        let fixture = try SiteFixture(Self.site)
        let report = try fixture.build()
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        let redirect = try #require(fixture.output("2019/03/tripwire-explained/index.html"))
        #expect(redirect.contains(#"<html lang="en" dir="ltr">"#))
        #expect(redirect.contains("<title>Tripwire</title>"))
        #expect(redirect.contains(#"<link rel="canonical" href="https://example.org/briefings/deterrence/tripwire/">"#))
        #expect(redirect.contains(#"<meta name="robots" content="noindex">"#))
        #expect(redirect.contains(#"<meta http-equiv="refresh" content="0; url=/briefings/deterrence/tripwire/">"#))
        #expect(redirect.contains(#"<p>This page has moved: <a href="/briefings/deterrence/tripwire/">Tripwire</a></p>"#))
        #expect(fixture.output("old/tripwire.html") == redirect)
        #expect(fixture.output("옛/trip/index.html") == redirect)
        let korean = try #require(fixture.output("ko/2019/인계철선/index.html"))
        #expect(korean.contains(#"<html lang="ko" dir="ltr">"#))
        #expect(korean.contains(#"<p>주소가 바뀌었습니다: <a href="/briefings/ko/deterrence/tripwire/">인계철선</a></p>"#))
        // An old address is no page of the site: search engines are not sent to it.
        let sitemap = try #require(fixture.output("sitemap.xml"))
        #expect(!sitemap.contains("2019") && !sitemap.contains("old/"))
        // Renamed, the page's aliases lead to its new title.
        try fixture.write(Self.site.replacingOccurrences(of: "title: Tripwire\n", with: "title: The tripwire\n"))
        try fixture.build()
        #expect(fixture.output("old/tripwire.html")?.contains(">The tripwire</a>") == true)
    }

    @Test(arguments: [
        ("https://old.example.org/2019/x/", "an alias is written from the site's root, without its scheme and host: '/2019/x/'"),
        ("2019/x/", "an alias is written from the site's root, with a '/' first: '/2019/x/'"),
        ("/?p=123", "a host finds the file it serves by the path alone, so an alias cannot hold '?' or '#'"),
        ("/x/%zz/", "its '%' starts no escape such as %20"),
        ("/a/../b/", "each part of an alias names a folder or a file to publish: it has an empty part, or one that starts with '.'"),
        ("/old/tripwire\u{201D}/", "the URL '/old/tripwire\u{201D}/' holds a curly quote ('\u{201D}'), which a word processor puts around an address: delete it"),
        ("/feed.php", "a host serves 'feed.php' by its extension, not as a page: an alias ends in '/', '.html', or a name without a dot"),
    ])
    func anAliasNoHostCouldServeIsAnError(alias: String, message: String) throws {
        let fixture = try SiteFixture(Self.site.replacingOccurrences(of: "/2019/03/tripwire-explained/", with: alias))
        #expect(fixture.failure().first { $0.contains(": error: ") }?.components(separatedBy: "\n").first == "Content/deterrence/tripwire.md:4:11: error: alias '\(alias)': \(message)")
    }

    @Test func anAliasThatMeetsAnotherAddressIsAnError() throws {
        for (alias, message) in [
            ("/deterrence/tripwire/", "the alias '/deterrence/tripwire/' is the page's own address: remove it"),
            ("/deterrence/", "the alias '/deterrence/' of Content/deterrence/tripwire.md and the page of Content/deterrence/ would both be written to deterrence/index.html: rename or remove one"),
            ("/ko/2019/인계철선/", "the alias '/ko/2019/인계철선/' of Content/deterrence/tripwire.md and the alias '/ko/2019/인계철선/' of Content/deterrence/tripwire.ko.md would both be written to ko/2019/인계철선/index.html: rename or remove one"),
        ] {
            let fixture = try SiteFixture(Self.site.replacingOccurrences(of: "/2019/03/tripwire-explained/", with: alias))
            #expect(fixture.failure().map { $0.components(separatedBy: "\n")[0] } == ["Content/deterrence/tripwire.md:4:11: error: " + message])
        }
    }

    @Test func aThemeWithoutTheLayoutAndBothNamesAreErrors() throws {
        let fixture = try SiteFixture(Self.site.replacingOccurrences(of: "-- Templates/layouts/redirect.html --\n", with: "-- Templates/layouts/unused.html --\n"))
        #expect(fixture.failure().first { $0.contains(": error: ") }?.components(separatedBy: "\n").first == "Content/deterrence/tripwire.ko.md:4:16: error: Templates/layouts/redirect.html not found: a page lists 'aliases', and each alias is published as this layout's page, which leads to the page; copy it from the default theme, which 'briefing init NEW-FOLDER' writes")
        let both = try SiteFixture(Self.site.replacingOccurrences(of: "redirect_from: /ko/2019/인계철선/\n", with: "redirect_from: /ko/2019/인계철선/\naliases: [/ko/x/]\n"))
        #expect(both.failure().first { $0.contains(": error: ") }?.components(separatedBy: "\n").first == "Content/deterrence/tripwire.ko.md:5:1: error: 'aliases' and 'redirect_from' are both given, and are one field: keep one")
    }
}
