import BriefingSupport

/// The files about the site rather than its pages: the Atom feed, the sitemap and robots.txt.
struct SiteFiles {
    let model: SiteModel
    let taxonomy: Taxonomy
    static let feedEntries = 20

    /// Path and contents of each file; feeds and sitemaps need absolute URLs, so a base URL without a
    /// host gets robots.txt only, and a warning.
    func render() -> (files: [(path: String, text: String)], warnings: [Diagnostic]) {
        let baseURL = model.settings.baseURL
        guard !baseURL.origin.isEmpty else {
            let warning = Diagnostic.warning(
                "baseURL '\(baseURL)' has no host, so feed.xml and sitemap.xml are left out: they need absolute URLs (set baseURL: https://…)"
            )
            return ([("robots.txt", RobotsTxt(sitemapURL: nil).render())], [warning])
        }
        return ([
            (TemplateContext.feedPath, feed()),
            ("sitemap.xml", sitemap()),
            ("robots.txt", RobotsTxt(sitemapURL: baseURL.absolute("sitemap.xml")).render()),
        ], [])
    }

    private func feed() -> String {
        let settings = model.settings
        let newest = model.newestPages.prefix(SiteFiles.feedEntries)
        let entries = newest.map { index -> AtomFeed.Entry in
            let page = model.pages[index]
            return AtomFeed.Entry(
                title: page.title,
                url: settings.baseURL.absolute(page.route),
                published: page.metadata.date?.iso,
                updated: page.metadata.updated?.iso,
                authors: page.metadata.authors.isEmpty ? settings.author.map { [$0] } ?? [] : page.metadata.authors,
                summary: page.metadata.summary
            )
        }
        return AtomFeed(
            title: settings.title,
            subtitle: settings.description,
            siteURL: settings.baseURL.absolute(""),
            feedURL: settings.baseURL.absolute(TemplateContext.feedPath),
            language: settings.language,
            authors: settings.author.map { [$0] } ?? [],
            entries: Array(entries)
        ).render()
    }

    private func sitemap() -> String {
        let baseURL = model.settings.baseURL
        var urls = model.pages.map { page in
            Sitemap.URLEntry(loc: baseURL.absolute(page.route), lastmod: (page.metadata.updated ?? page.metadata.date)?.iso)
        }
        if !taxonomy.tags.isEmpty {
            urls.append(Sitemap.URLEntry(loc: baseURL.absolute(Taxonomy.route), lastmod: nil))
            urls += taxonomy.tags.map { Sitemap.URLEntry(loc: baseURL.absolute(Taxonomy.route(ofTag: $0.slug)), lastmod: nil) }
        }
        return Sitemap(urls: urls).render()
    }
}
