import Foundation
import Testing
@testable import BriefingKit
@testable import BriefingMarkdown
@testable import BriefingSupport

@Suite struct SitemapTests {
    @Test func sitemap() {
        let xml = Sitemap(urls: [
            Sitemap.URLEntry(loc: "https://example.org/", lastmod: "2026-03-12 09:30"),
            Sitemap.URLEntry(loc: "https://example.org/search/?q=a&b='c'", lastmod: "2026-03-01"),
            Sitemap.URLEntry(loc: "https://example.org/about/"),
            Sitemap.URLEntry(loc: "https://example.org/draft/", lastmod: "someday"),
        ]).render()
        #expect(xml == """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <url>
                <loc>https://example.org/</loc>
                <lastmod>2026-03-12T09:30:00Z</lastmod>
              </url>
              <url>
                <loc>https://example.org/search/?q=a&amp;b=&#39;c&#39;</loc>
                <lastmod>2026-03-01</lastmod>
              </url>
              <url>
                <loc>https://example.org/about/</loc>
              </url>
              <url>
                <loc>https://example.org/draft/</loc>
              </url>
            </urlset>

            """)
        let parsed = ParsedXML(xml)
        #expect(parsed.error == nil)
        #expect(parsed.texts["loc"]?[1] == "https://example.org/search/?q=a&b='c'")
    }

    /// A Korean domain was percent-encoded as a path is (`https://%EC%98%88%EC%8B%9C.kr/`), which is no
    /// host: the base URL has it in Punycode (see `BaseURLTests`), as Python's `idna` codec writes it, and
    /// the sitemap percent-encodes the path.
    @Test func aHostBeyondASCIIIsWrittenInPunycode() throws {
        let base = try #require(BaseURL("https://예시.kr/브리핑/"))
        #expect(Sitemap.percentEncoded(base.absolute("")) == "https://xn--vv4b11d.kr/%EB%B8%8C%EB%A6%AC%ED%95%91/")
        #expect(Sitemap.percentEncoded("https://example.org/뉴스/a b") == "https://example.org/%EB%89%B4%EC%8A%A4/a%20b")
        #expect(RobotsTxt(sitemapURL: base.absolute("sitemap.xml")).render().contains("Sitemap: https://xn--vv4b11d.kr/%EB%B8%8C%EB%A6%AC%ED%95%91/sitemap.xml\n"))
    }

    @Test func emptySitemapIsWellFormed() {
        let xml = Sitemap(urls: []).render()
        #expect(xml.hasSuffix("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n</urlset>\n"))
        #expect(ParsedXML(xml).error == nil)
    }

    @Test func robots() {
        #expect(RobotsTxt(sitemapURL: nil).render() == "User-agent: *\nAllow: /\n")
        #expect(RobotsTxt(sitemapURL: "").render() == "User-agent: *\nAllow: /\n")
        #expect(RobotsTxt(sitemapURL: "https://example.org/sitemap.xml").render()
            == "User-agent: *\nAllow: /\n\nSitemap: https://example.org/sitemap.xml\n")
        #expect(RobotsTxt(sitemapURL: "https://example.org/s.xml\nDisallow: /").render()
            == "User-agent: *\nAllow: /\n\nSitemap: https://example.org/s.xmlDisallow:%20/\n")
    }

    /// The protocol asks for RFC 3986 URLs: a Korean address's UTF-8 percent-encoded, in `loc`, in the
    /// alternates and in robots.txt.
    @Test func nonASCIIAddressesArePercentEncoded() {
        let xml = Sitemap(urls: [
            Sitemap.URLEntry(loc: "https://example.org/뉴스/", alternates: [(hreflang: "ko", href: "https://example.org/ko/뉴스/")]),
        ]).render()
        #expect(xml.contains("<loc>https://example.org/%EB%89%B4%EC%8A%A4/</loc>"))
        #expect(xml.contains(#"hreflang="ko" href="https://example.org/ko/%EB%89%B4%EC%8A%A4/"/>"#))
        #expect(RobotsTxt(sitemapURL: "https://example.org/브리핑/sitemap.xml").render().hasSuffix("Sitemap: https://example.org/%EB%B8%8C%EB%A6%AC%ED%95%91/sitemap.xml\n"))
    }

    /// A sitemap may list 50,000 addresses: past that (the third sweep's 50 sections of 1,000 pages made
    /// one of 50,155), `sitemap.xml` indexes parts that share the addresses in order.
    @Test func aSiteOfMoreAddressesThanOneSitemapMayListIsSplit() throws {
        let fixture = try SiteFixture(InvalidSiteTests.goodSite + "\n-- Content/deterrence/more.md --\n---\ntitle: More\ntags: [sma]\n---\n")
        let stages = try SiteStages(fixture)
        #expect(Router.sitemapAddresses(stages.model) == 6)
        #expect(!stages.model.outputs.contains { if case .sitemapPart = $0.kind { true } else { false } })
        let files = SiteFiles(
            model: stages.model, firstParagraphs: Array(repeating: "", count: stages.model.pageIDs.count), now: Date(timeIntervalSince1970: 1_790_000_000)
        )
        let sitemaps = files.sitemaps(parts: 3)
        #expect(sitemaps.count == 4)
        #expect(sitemaps[0] == """
            <?xml version="1.0" encoding="UTF-8"?>
            <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <sitemap>
                <loc>https://example.org/sitemap-1.xml</loc>
              </sitemap>
              <sitemap>
                <loc>https://example.org/sitemap-2.xml</loc>
              </sitemap>
              <sitemap>
                <loc>https://example.org/sitemap-3.xml</loc>
              </sitemap>
            </sitemapindex>

            """)
        let listed = sitemaps.dropFirst().map { $0.components(separatedBy: "<loc>").count - 1 }
        #expect(listed == [2, 2, 2])
        #expect(files.sitemaps(parts: 0).count == 1)
    }
}
