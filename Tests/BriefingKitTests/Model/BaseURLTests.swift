import Testing
@testable import BriefingKit

@Suite struct BaseURLTests {
    @Test func aSubPathPrefixesEveryURL() throws {
        let base = try #require(BaseURL("https://example.org/briefings"))
        #expect(base.url("news/") == "/briefings/news/")
        #expect(base.absolute("news/") == "https://example.org/briefings/news/")
    }

    /// `//evil.example/` as a path would turn every link of the site into a link to another host.
    /// A quote, an angle bracket or a credential in it went into every link and into robots.txt as written.
    @Test(arguments: [
        "https://example.org//evil.example/", "//evil.example/", "ftp://example.org/", "/a/../b/", "https:///x/", "/a b/",
        #"https://e.org/"><script>x</script>/"#, "https://user:pw@example.org/", "/a\u{85}b/", "/a`b/",
    ])
    func refusesWhatWouldLeadElsewhere(_ text: String) {
        #expect(BaseURL(text) == nil)
    }

    /// An impossible port and a `%` that escapes nothing were taken, and every link of the site held them.
    @Test(arguments: ["https://example.org:99999/", "https://example.org:0/", "https://example.org:8a/", "https://example.org/%/", "/a%2/", "/a%zz/", "https://[::1/"])
    func refusesAPortOrAnEscapeThatIsNone(_ text: String) {
        #expect(BaseURL(text) == nil)
    }

    /// One spelling of the site's address everywhere: canonical links had a host beyond ASCII as typed where
    /// the sitemap had its Punycode, and `HTTPS://EXAMPLE.org:443/` was written as typed.
    @Test(arguments: [
        ("https://예시.kr/브리핑/", "https://xn--vv4b11d.kr/브리핑/"),
        ("https://브리핑.한국", "https://xn--oy2b13fw9z.xn--3e0b707e/"),
        ("https://Bücher.de:8080/a", "https://xn--bcher-kva.de:8080/a/"),
        ("https://münchen-ü.example/", "https://xn--mnchen--n2ag.example/"),
        ("HTTPS://EXAMPLE.org:443/Briefings/", "https://example.org/Briefings/"),
        ("http://example.org:80/", "http://example.org/"),
        ("http://example.org:0443/", "http://example.org:443/"),
        ("https://example.org:/", "https://example.org/"),
        ("http://[::1]:8080/", "http://[::1]:8080/"),
        ("http://127.0.0.1:1313", "http://127.0.0.1:1313/"),
    ])
    func writesTheAddressOneWay(_ text: String, _ written: String) throws {
        #expect(try #require(BaseURL(text)).description == written)
    }

    /// An address of the site written in full was published unchecked: a mistyped one led nowhere.
    @Test(arguments: [
        ("https://example.org/briefings/deterrence/tripwire/#why", "/deterrence/tripwire/#why"),
        ("http://EXAMPLE.org:80/briefings/", "/"), ("https://example.org:443/briefings?x=1", "/?x=1"),
        ("https://example.org/briefings", "/"),
    ])
    func findsTheRootPathOfAnAddressOfTheSite(url: String, root: String) throws {
        #expect(try #require(BaseURL("https://example.org/briefings/")).rootPath(ofFullURL: url) == root)
    }

    @Test(arguments: [
        "https://example.org/about/", "https://example.org/briefingsX/", "https://other.example/briefings/",
        "https://example.org:8443/briefings/", "https://user@example.org/briefings/", "mailto:a@example.org", "/briefings/x/",
    ])
    func leavesOtherAddressesAlone(url: String) throws {
        #expect(try #require(BaseURL("https://example.org/briefings/")).rootPath(ofFullURL: url) == nil)
        #expect(try #require(BaseURL("/briefings/")).rootPath(ofFullURL: "https://example.org/briefings/x/") == nil)
    }

    /// `https://.org/` was taken, and published in every canonical link; a query, a fragment or a user
    /// were refused as "not an http(s) URL", which they are.
    @Test(arguments: [
        ("https://.org/", "'.org' is no host's name"), ("https://a..b/", "'a..b' is no host's name"),
        ("https://example.org/?utm=x", "it holds a query ('?…'), which no page's address can start with"),
        ("https://example.org/#top", "it holds a fragment ('#…'), which no page's address can start with"),
        ("https://user@example.org/", "it names a user before its host ('…@'), which every canonical link would publish"),
        ("https://example.org:99999/", "its port is no number from 1 to 65535"),
        ("//briefings/", "'//' starts another host's address: write it with its scheme, https://"),
        ("/a%zz/", "a '%' is not followed by two hex digits (write a space as %20)"),
        ("example.org/briefings/", "it starts with neither: for a host, write https://example.org/briefings/; for a path, /example.org/briefings/"),
    ])
    func aRefusedBaseURLIsToldWhy(text: String, reason: String) {
        #expect(BaseURL(text) == nil)
        #expect(BaseURL.refusal("'baseURL'", text) == "'baseURL' must be an http(s) URL or a path starting with '/', like https://example.org/briefings/: \(reason)")
    }
}
