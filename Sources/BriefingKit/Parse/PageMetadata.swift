import BriefingSupport
import BriefingTemplates

/// What a page's front matter says about it, typed and checked.
public struct PageMetadata: Sendable {
    public var title: String?
    public var date: PageDate?
    public var updated: PageDate?
    public var authors: [String] = []
    public var summary: String?
    public var tags: [String] = []
    public var draft = false
    public var weight: Int?
    public var slug: String?
    public var layout: String?
    public var sources: [SourceReference] = []
    public var toc: TOCSetting = .siteDefault
    /// The page's language when its file name does not say (`page.ko.md` does).
    public var language: String?
    /// Pairs translations whose files are not named alike: pages with one key are one page in several languages.
    public var translationKey: String?
    /// For a translation: the `updated` date of the original it was made from. Without it, the
    /// translation's own `updated` (or `date`) stands for it.
    public var translatedFrom: PageDate?
    /// `lang` and `dir` for the page's `<html>` when its text is in another language or script than the
    /// language it is filed under (a quotation page).
    public var lang: String?
    public var direction: Language.Direction?
    /// Addresses the page was published at before, each published as a page that leads to it.
    public var aliases: [PageAlias] = []
    /// Keys Briefing does not know, for templates as `page.params`.
    public var params = TemplateMap()
    /// Where each key's value is written, so later stages can point at a bad layout or slug; and where
    /// each source's `title` and `url` are (`sourceKey(_:_:)`): a URL is checked once the site's pages are known.
    public var locations: [String: SourceLocation] = [:]

    /// Where a source's `title` or `url` is written: `sources.2.url`.
    static func sourceKey(_ index: Int, _ field: String) -> String { "sources.\(index).\(field)" }

    public init() {}
}

/// An entry of a page's `sources` list.
public struct SourceReference: Sendable, Hashable {
    public var title: String
    public var url: String?
    public var publisher: String?
    public var date: PageDate?
    /// The language its title is in, when the editor says: an English report cited on a Korean page is
    /// read by a screen reader's English voice only if its title is marked as English.
    public var language: String?

    public init(title: String, url: String? = nil, publisher: String? = nil, date: PageDate? = nil, language: String? = nil) {
        self.title = title
        self.url = url
        self.publisher = publisher
        self.date = date
        self.language = language
    }
}

/// Which headings a page lists in its table of contents.
public enum TOCSetting: Sendable, Hashable {
    case siteDefault
    case hidden
    case levels(ClosedRange<Int>)
}
