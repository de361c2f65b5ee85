import BriefingSupport
import Foundation

/// The files about the site rather than its pages: the Atom feed, the sitemap and robots.txt. Feeds and
/// sitemaps need absolute URLs, so the router plans them only for a base URL with a host.
struct SiteFiles {
    let model: SiteModel
    /// The build's clock, for a feed that has no dated entry: its day, so a rebuild the same day rewrites nothing.
    var now: Date
    static let feedEntries = 20

    private var router: Router { model.router }

    /// A warning when the base URL leaves out the feed and the sitemap.
    var warnings: [Diagnostic] {
        guard !router.writesFeeds else { return [] }
        return [.warning(
            "baseURL '\(model.settings.baseURL)' has no host, so feed.xml and sitemap.xml are left out: they need absolute URLs (set baseURL: https://…)"
        )]
    }

    func robots() -> String {
        RobotsTxt(sitemapURL: router.writesFeeds ? router.permalink(Router.sitemapFile) : nil).render()
    }

    /// Drafts (in a build with `--drafts`) are previews: never announced in the feed or the sitemap.
    func feed() -> String {
        let settings = model.settings
        let newest = model.newestPages.lazy.filter { !model[$0].metadata.draft }.prefix(SiteFiles.feedEntries)
        let entries = newest.map { id -> AtomFeed.Entry in
            let page = model[id]
            return AtomFeed.Entry(
                title: page.title,
                url: router.permalink(page.route),
                published: page.metadata.date?.iso,
                updated: page.metadata.updated?.iso,
                authors: page.metadata.authors.isEmpty ? settings.author.map { [$0] } ?? [] : page.metadata.authors,
                summary: page.metadata.summary
            )
        }
        return AtomFeed(
            title: settings.title,
            subtitle: settings.description,
            siteURL: router.permalink(""),
            feedURL: router.permalink(Router.feedFile),
            language: settings.language,
            authors: settings.author.map { [$0] } ?? [],
            entries: Array(entries),
            buildTime: (FileDates.pageDate(now)?.day10 ?? "") + "T00:00:00Z"
        ).render()
    }

    func sitemap() -> String {
        var urls = model.pages.filter { !$0.metadata.draft }.map { page in
            Sitemap.URLEntry(loc: router.permalink(page.route), lastmod: (page.metadata.updated ?? page.metadata.date)?.iso)
        }
        let tags = model.taxonomy.tags
        if !tags.isEmpty {
            urls.append(Sitemap.URLEntry(loc: router.permalink(Router.tagsRoute), lastmod: nil))
            urls += tags.map { Sitemap.URLEntry(loc: router.permalink(router.tagRoute($0.slug)), lastmod: nil) }
        }
        return Sitemap(urls: urls).render()
    }
}
