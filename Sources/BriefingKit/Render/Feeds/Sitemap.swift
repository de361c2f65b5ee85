import BriefingSupport

/// The sitemaps.org 0.9 list of a site's pages, for search engines.
struct Sitemap: Sendable {
    struct URLEntry: Sendable {
        /// Absolute.
        var loc: String
        /// An ISO date or timestamp as written in front matter.
        var lastmod: String?
        /// The page in each language, itself included, and `x-default`: (hreflang, absolute URL).
        var alternates: [(hreflang: String, href: String)] = []
    }

    var urls: [URLEntry]

    func render() -> String {
        let hasAlternates = urls.contains { !$0.alternates.isEmpty }
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            hasAlternates
                ? #"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">"#
                : #"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">"#,
        ]
        for url in urls {
            lines += ["  <url>", "    <loc>\(XMLText.escaped(Sitemap.percentEncoded(url.loc)))</loc>"]
            // The protocol wants W3C Datetime; a date it cannot read is left out, as lastmod is optional.
            if let lastmod = url.lastmod.flatMap(FeedDate.init) {
                lines.append("    <lastmod>\(lastmod.w3c)</lastmod>")
            }
            // After the sitemap's own elements: its schema allows other namespaces' elements only last.
            for alternate in url.alternates {
                let href = XMLText.escaped(Sitemap.percentEncoded(alternate.href))
                lines.append(#"    <xhtml:link rel="alternate" hreflang="\#(XMLText.escaped(alternate.hreflang))" href="\#(href)"/>"#)
            }
            lines.append("  </url>")
        }
        lines.append("</urlset>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A sitemap index (sitemaps.org): the sitemaps a site of more than 50,000 addresses is split into.
    static func index(_ locs: [String]) -> String {
        var lines = [#"<?xml version="1.0" encoding="UTF-8"?>"#, #"<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">"#]
        for loc in locs { lines += ["  <sitemap>", "    <loc>\(XMLText.escaped(percentEncoded(loc)))</loc>", "  </sitemap>"] }
        lines.append("</sitemapindex>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The protocol asks for URLs as RFC 3986 has them: the UTF-8 of a Korean address (`/news/한국-페이지/`)
    /// percent-encoded, byte by byte, and so are spaces; everything else is ASCII already (a host beyond
    /// ASCII is in Punycode from site.yaml on: see `BaseURL`).
    static func percentEncoded(_ url: String) -> String {
        let needsEncoding = { (byte: UInt8) in byte >= 0x80 || byte == 0x20 }
        guard url.withUTF8Bytes({ $0.contains(where: needsEncoding) }) else { return url }
        return LinkURL.percentEncoded(url, where: needsEncoding)
    }
}

/// `robots.txt` that lets every crawler in and tells it where the sitemap is.
struct RobotsTxt: Sendable {
    var sitemapURL: String?

    func render() -> String {
        var text = "User-agent: *\nAllow: /\n"
        if let sitemapURL, !sitemapURL.isEmpty {
            // A line break in the URL would start a directive of its own.
            let line = Sitemap.percentEncoded(sitemapURL.filter { !$0.isNewline })
            text += "\nSitemap: \(line)\n"
        }
        return text
    }
}
