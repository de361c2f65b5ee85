import BriefingSupport
import Foundation

/// `briefing init DIR`: a site that builds as it is, from files in the binary alone: the default theme
/// (`EmbeddedTheme`, generated from this repository's Templates/), a commented site.yaml, a home page and
/// one example page that explains the next steps.
public struct NewSite: Sendable {
    public let folder: URL
    public let now: Date

    public init(folder: URL, now: Date = Date()) {
        self.folder = folder
        self.now = now
    }

    /// Writes the site and returns the paths written, relative to the folder. Refuses a folder that
    /// already holds anything but hidden files, so no one's site is overwritten.
    public func create() throws(BuildFailure) -> [String] {
        let manager = FileManager.default
        if let broken = FolderScan.brokenLink(folder.path) { throw BuildFailure([.error(broken)]) }
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: folder.path, isDirectory: &isFolder), !isFolder.boolValue {
            throw BuildFailure([.error("'\(folder.path)' is a file, not a folder; choose a new folder for the site")])
        }
        let existing = (try? manager.contentsOfDirectory(atPath: folder.path)) ?? []
        if let file = existing.sorted().first(where: { !$0.hasPrefix(".") }) {
            throw BuildFailure([.error("'\(folder.path)' is not empty (it holds '\(file)'); choose a new folder for the site")])
        }
        let files = EmbeddedTheme.files + [
            ("Content/site.yaml", NewSite.settings),
            ("Content/_index.md", NewSite.home),
            ("Content/explainers/getting-started.md", NewSite.example.replacingOccurrences(of: "{{date}}", with: NewPage.isoDay(now))),
        ]
        do {
            for (path, text) in files {
                let url = folder.appendingPathComponent(path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url, options: .withoutOverwriting)
            }
        } catch {
            throw BuildFailure([.error("cannot create the site in '\(folder.path)': \(error.localizedDescription)")])
        }
        return files.map(\.0)
    }

    static let settings = """
    # The site's settings. Every key but title is optional.
    title: "My Briefings"                   # the site's name, in every page's title
    baseURL: "https://example.org/"         # where the site is published; a path such as /briefings/ works too
    language: "en"                          # <html lang>
    description: "Explainers on the questions that matter."
    # author: "Briefing Desk"               # the byline of pages that name no author
    markdown:
      smartPunctuation: true                # “curly quotes”, en – and em — dashes, …
      unsafe: false                         # true keeps raw HTML in Markdown pages; only if you trust them
    # toc: {from: 2, to: 3}                 # heading levels in tables of contents
    # paginate: 10                          # pages per section list page
    # related: 3                            # related pages listed under each page
    # staleFigureDays: 730                  # figures (Content/data/figures.yaml) older than this get a warning

    """

    static let home = """
    ---
    title: "My Briefings"
    ---

    Explainers on the questions that matter, each with its sources.

    """

    static let example = """
    ---
    title: "Getting started"
    date: {{date}}
    summary: "How to write, check and publish a briefing with this site."
    tags: [help]
    ---

    This page was made by `briefing init`. Edit it, or remove it once you have pages of your own.

    ## Write

    Start a page with `briefing new explainers/my-topic --title "My topic"`: it is a draft, with hints
    marked `TK:` for you to replace. Then run `briefing serve --drafts` and open the address it prints;
    the page reloads each time you save.

    ## Check and publish

    `briefing check` reports broken links, hints left in, images without alt text and more, each at its
    line. Before a page goes out:

    - [x] Give it a title and a one-sentence summary
    - [ ] Replace every `TK:` hint
    - [ ] Run `briefing check` and fix what it reports
    - [ ] Remove `draft: true`

    Then run `briefing build` and copy the `Output/` folder to your web host.

    """
}
