import BriefingSupport
import Foundation

/// The files about the site rather than its pages: the Atom feed, the sitemap and robots.txt. Feeds and
/// sitemaps need absolute URLs, so the router plans them only for a base URL with a host.
struct SiteFiles {
    let model: SiteModel
    /// Each page's first paragraph where it has no summary (`TemplateContext.firstParagraphs`): a feed
    /// entry's summary, as a list's excerpt.
    let firstParagraphs: [String]
    /// The build's clock, for a feed that has no dated entry: its day, so a rebuild the same day rewrites nothing.
    var now: Date
    static let feedEntries = 20

    private var router: Router { model.router }

    init(model: SiteModel, firstParagraphs: [String], now: Date) {
        self.model = model
        self.firstParagraphs = firstParagraphs
        self.now = now
    }

    /// The files of the model a page context was made for.
    init(_ context: TemplateContext, now: Date) {
        self.init(model: context.model, firstParagraphs: context.firstParagraphs, now: now)
    }

    /// A warning when the base URL leaves out the feed and the sitemap.
    var warnings: [Diagnostic] {
        guard !router.writesFeeds else { return [] }
        let (given, example) = model.settings.baseURLFromCommandLine ? ("--base-url", "--base-url https://…") : ("baseURL", "baseURL: https://…")
        return [.warning(
            "\(given) '\(model.settings.baseURL)' has no host, so feed.xml and sitemap.xml are left out, and canonical links, hreflang alternates, og:url and JSON-LD give paths, not addresses: they need absolute URLs (set \(example))",
            at: model.settings.baseURLLocation
        )]
    }

    func robots() -> String {
        RobotsTxt(sitemapURL: router.writesFeeds ? router.permalink(Router.sitemapFile) : nil).render()
    }

    /// A language's Atom feed: its newest pages, its title and description. Drafts (in a build with
    /// `--drafts`) are previews: never announced in the feed or the sitemap.
    func feed(language: Int) -> String {
        let settings = model.settings
        let info = settings.languages[language]
        let author = info.author ?? settings.author
        let newest = model.newest(in: language).lazy.filter { !model[$0].metadata.draft }.prefix(SiteFiles.feedEntries)
        let entries = newest.map { id -> AtomFeed.Entry in
            let page = model[id]
            return AtomFeed.Entry(
                title: page.title,
                url: router.permalink(page.route),
                published: page.metadata.date?.iso,
                updated: page.metadata.updated?.iso,
                authors: page.metadata.authors.isEmpty ? author.map { [$0] } ?? [] : page.metadata.authors,
                summary: Excerpt.description(summary: page.metadata.summary, firstParagraph: firstParagraphs[id.index]),
                language: page.metadata.lang.flatMap { $0 == info.code ? nil : $0 }
            )
        }
        return AtomFeed(
            title: info.title ?? settings.title,
            subtitle: info.description ?? settings.description,
            siteURL: router.permalink(router.homeRoute(language)),
            feedURL: router.permalink(router.feedFile(language)),
            language: settings.isMultilingual ? info.code : settings.language,
            authors: author.map { [$0] } ?? [],
            entries: Array(entries),
            buildTime: (FileDates.pageDate(now)?.day10 ?? "") + "T00:00:00Z"
        ).render()
    }

    /// Every page, and on a site of several languages each page's versions as `xhtml:link` alternates.
    /// `sitemap.xml`, then each of the `parts` the router planned: with none, `sitemap.xml` lists every
    /// address; with some, it is their index, and they share the addresses in order.
    func sitemaps(parts: Int) -> [String] {
        let urls = sitemapEntries()
        guard parts > 0 else { return [Sitemap(urls: urls).render()] }
        let size = (urls.count + parts - 1) / parts
        let lists = (0..<parts).map { part in Sitemap(urls: Array(urls[min(part * size, urls.count)..<min((part + 1) * size, urls.count)])).render() }
        return [Sitemap.index((1...parts).map { router.permalink(Router.sitemapPartFile($0)) })] + lists
    }

    /// Every page but drafts, then each language's index of tags and its tags, but those only drafts have
    /// (as many as `Router.sitemapAddresses` counts).
    private func sitemapEntries() -> [Sitemap.URLEntry] {
        let languages = model.settings.languages
        var urls = model.pageIDs.filter { !model[$0].metadata.draft }.map { id in sitemapEntry(id, model[id]) }
        let tags = model.taxonomy.announcedTags
        if !tags.isEmpty {
            for language in languages.indices where tags.contains(where: { $0.language == language }) {
                urls.append(Sitemap.URLEntry(loc: router.permalink(router.tagsRoute(language)), lastmod: nil))
            }
            urls += tags.map { Sitemap.URLEntry(loc: router.permalink(router.tagRoute($0.slug, language: $0.language)), lastmod: nil) }
        }
        return urls
    }

    /// A page's entry, with its translations; the page lent by the model, not copied out of it.
    private func sitemapEntry(_ id: PageID, _ page: Page) -> Sitemap.URLEntry {
        let languages = model.settings.languages
        var entry = Sitemap.URLEntry(loc: router.permalink(page.route), lastmod: (page.metadata.updated ?? page.metadata.date)?.iso)
        // A draft translation (in a `--drafts` preview) is no version to announce.
        let translations = model.translations(of: id).filter { !model[$0].metadata.draft }
        if !translations.isEmpty {
            let versions = ([id] + translations).sorted { model[$0].language < model[$1].language }
            entry.alternates = versions.map { (languages[model[$0].language].code, router.permalink(model[$0].route)) }
            if let original = versions.first(where: { model[$0].language == 0 }) {
                entry.alternates.append(("x-default", router.permalink(model[original].route)))
            }
        }
        return entry
    }
}
