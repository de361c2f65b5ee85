import BriefingSupport

/// The site as templates see it: every page with its URL, and the sections that group them.
public struct SiteModel: Sendable {
    public var settings: SiteSettings
    public var pages: [Page]
    public var router: Router
    /// By folder path relative to Content/; the home page is the section "".
    public var sections: [String: Section]
    /// By path relative to Content/ (`deterrence/tripwire.md`), for links between pages.
    public var pagesByPath: [String: PageID]
    /// Pages left out because they are drafts, so a link to one can say so.
    public var draftPaths: Set<String>
    /// Every page's route, for checking relative URLs.
    public let routes: Set<String>
    /// Content pages (not the home or section pages), newest first: what the home page, the feed and
    /// related pages choose from.
    public let newestPages: [PageID]
    /// Each page's position when all of them are put newest first (`SiteModelBuilder.newestFirst`).
    /// Lists of pages sort their indices by it, comparing integers instead of the pages' dates,
    /// weights and titles again.
    public let recency: [Int]
    /// Tags and related pages, worked out once the pages are in order.
    var taxonomy = Taxonomy.empty
    /// Every file the build writes, planned by the router.
    var outputs: [PlannedOutput] = []
    /// What assembly found that does not stop a build (a misspelled front matter key, a future date).
    var warnings: [Diagnostic] = []

    /// Top-level sections in navigation order: by weight, then title.
    public var topSections: [Section] {
        (sections[""]?.subsections ?? []).compactMap { sections[$0] }
    }

    public var pageIDs: [PageID] { pages.indices.map(PageID.init) }

    public subscript(id: PageID) -> Page { pages[id.index] }

    public func url(of page: Page) -> String { router.url(page.route) }
}

