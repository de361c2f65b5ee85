import BriefingSupport

/// The site as templates see it: every page with its URL, and the sections that group them.
public struct SiteModel: Sendable {
    public var settings: SiteSettings
    public var pages: ChunkedArray<Page>
    public var router: Router
    /// By `sectionKey(folder, language:)`: the folder path relative to Content/ in the default language
    /// (the home page is the section ""), the language's number and the path in the others.
    public var sections: [String: Section]
    /// By path relative to Content/ (`deterrence/tripwire.md`), for links between pages.
    public var pagesByPath: [String: PageID]
    /// Pages left out of this build (drafts, pages whose date is to come), by path relative to Content/,
    /// so that a link to one can say why.
    public var leftOut: [String: LeftOutPage]
    /// Content pages (not the home or section pages), newest first: what the home page, the feed and
    /// related pages choose from.
    public let newestPages: [PageID]
    /// Each page's position when all of them are put newest first (`SiteModelBuilder.newestFirst`).
    /// Lists of pages sort their indices by it, comparing integers instead of the pages' dates,
    /// weights and titles again.
    public let recency: [Int]
    /// Content pages of each language, newest first (the one list of `newestPages` on a single-language site).
    public var newestByLanguage: [[PageID]] = []
    /// Each page's translations into the other languages, in the languages' order; empty on a
    /// single-language site.
    public var translations: [[PageID]] = []
    /// Translations made from an older version of their original, each with that original: the
    /// original was updated after the date the translation was made from.
    public var staleTranslations: [PageID: PageID] = [:]
    /// Tags and related pages, worked out once the pages are in order.
    var taxonomy = Taxonomy.empty
    /// Every file the build writes, planned by the router.
    var outputs: [PlannedOutput] = []
    /// The commit Content/ was checked out at ("" outside a checkout) when some page took its date from its
    /// file: at another commit its last commit may be another. Nil when every page has a date.
    var datesCheckout: String?
    /// What assembly found, reported with the rest of the build's diagnostics: warnings (a misspelled
    /// front matter key, a future date, a translation without an original), and the errors of front
    /// matter that pages stand in for (`Page.isStandIn`), which fail the build once every stage ran.
    var diagnostics: [Diagnostic] = []

    /// The earliest moment a page held back for its date is due (`PageDate.release`): from then on the
    /// same sources make another site.
    var nextRelease: Int? {
        leftOut.values.compactMap { reason in if case .scheduled(let date) = reason { date.release } else { nil } }.min()
    }

    /// Top-level sections in navigation order: by weight, then title.
    public var topSections: [Section] { topSections(in: 0) }

    /// A language's top-level sections in navigation order.
    public func topSections(in language: Int) -> [Section] {
        (sections[SiteModel.sectionKey("", language: language)]?.subsections ?? []).compactMap { sections[$0] }
    }

    /// The key of a folder's section in a language. The default language's is the folder path, so a
    /// single-language site keys sections as it names folders; a colon is in no folder name of a page.
    static func sectionKey(_ folder: String, language: Int) -> String {
        language == 0 ? folder : "\(language):\(folder)"
    }

    /// A language's content pages, newest first.
    func newest(in language: Int) -> [PageID] {
        newestByLanguage.isEmpty ? newestPages : newestByLanguage[language]
    }

    /// A page's translations, or none.
    func translations(of id: PageID) -> [PageID] {
        translations.isEmpty ? [] : translations[id.index]
    }

    var languages: [Language] { settings.languages }

    public var pageIDs: [PageID] { pages.indices.map(PageID.init) }

    public subscript(id: PageID) -> Page {
        _read { yield pages[id.index] }
    }

    public func url(of page: Page) -> String { router.url(page.route) }
}

/// Why a page's file makes no page of this build.
public enum LeftOutPage: Sendable, Hashable {
    /// `draft: true`, in a build without `--drafts`.
    case draft
    /// Its `date` is still to come, in a build without `--future`: held back until it is due.
    case scheduled(PageDate)

    /// What a message about a link to the page says of it: "… is \(reason)".
    var explanation: String {
        switch self {
        case .draft: "a draft left out of this build"
        case .scheduled(let date): "a page held back until its date, \(date.iso)"
        }
    }

    /// What the editor may do about a link to it.
    var option: String {
        switch self {
        case .draft: "--drafts"
        case .scheduled: "--future"
        }
    }
}
