import BriefingMarkdown
import BriefingSupport

/// One page of the site before its Markdown is rendered: where it came from, what its front matter
/// says, and where it will be published.
public struct Page: Sendable {
    public enum Kind: String, Sendable {
        case page
        case section
        case home
    }

    public var kind: Kind
    public var source: ContentFile
    public var metadata: PageMetadata
    public var body: Substring
    public var bodyLineOffset: Int
    /// The folder the page belongs to, relative to Content/ (`deterrence`; empty for top-level pages and home).
    public var sectionPath: String
    /// Relative to the site root, with a trailing slash (`deterrence/tripwire/`; empty for home).
    public var route: String
    /// What reading its front matter found that does not stop a build (a misspelled key, a future date).
    var warnings: [Diagnostic] = []
    /// A page whose front matter is in error, made of its file's name and body so that the rest of the
    /// build still runs: links to it resolve, and its body's mistakes and every other page's are found
    /// with the error, which fails the build all the same. No message is about its missing fields.
    var isStandIn = false
    /// By its place in `SiteSettings.languages`: 0, the default language, on a single-language site.
    public var language = 0
    /// What the page's translations share: its path without the language (`deterrence/tripwire`), or its
    /// front matter's `translationKey`. Empty on a single-language site, which has no translations.
    public var translationKey = ""

    public var title: String { metadata.title ?? "" }

    /// For a section's own page, the folder it stands for (relative to Content/).
    public var sectionFolder: String {
        kind == .page ? sectionPath : source.folder
    }

    /// A home or section page the build made up for a folder without an `_index.md`: its source file
    /// does not exist, so no message may name it.
    var isInvented: Bool { kind != .page && source.file.text.isEmpty }

    /// The key in `SiteModel.sections` of the section that lists the page.
    var sectionKey: String { SiteModel.sectionKey(sectionPath, language: language) }

    /// For a section's own page, the key in `SiteModel.sections` of the section it stands for.
    var ownSectionKey: String { SiteModel.sectionKey(sectionFolder, language: language) }
}

/// A folder of Content/: its own page (from `_index.md`, or made up from the folder name) and its pages.
public struct Section: Sendable {
    /// Relative to Content/ (`burden-sharing`).
    public var path: String
    public var title: String
    public var route: String
    /// The section's own page.
    public var indexPage: PageID
    /// The pages directly in the folder, newest first.
    public var pages: [PageID]
    /// Indexes of sections directly in the folder.
    public var subsections: [String]
}
