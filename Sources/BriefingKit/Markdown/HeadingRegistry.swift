import BriefingMarkdown

/// The ids of a page's headings, handed out as GitHub does: the first `intro` keeps its slug, later ones
/// become `intro-1`, `intro-2`…, skipping any id taken already, by a heading titled "Intro 1" or by an id
/// the theme or a transform uses (`ThemeIDs`, `source-3`), which a transform reserves before
/// `HeadingAnchors` runs.
struct HeadingRegistry {
    private var taken: Set<String>
    /// The theme's ids, the same on every page: links to them are checked against `ThemeIDs` instead.
    private let themeIDs: Set<String>
    /// The ids transforms reserved, in the order given.
    private var reserved: [String] = []
    private var lastSuffix: [String: Int] = [:]
    private(set) var headings: [AnchoredHeading] = []
    private(set) var tableOfContents = TableOfContents(entries: [])

    init(reserved themeIDs: Set<String>) {
        taken = themeIDs
        self.themeIDs = themeIDs
    }

    /// An id a transform gives an element of this page (a source, a note), which no heading may take.
    mutating func reserve(_ id: String) {
        taken.insert(id)
        reserved.append(id)
    }

    /// Whether a heading, the theme or a transform has the id already.
    func isTaken(_ id: String) -> Bool {
        taken.contains(id)
    }

    /// A unique id for a heading whose title asks for `slug`.
    mutating func claim(_ slug: String) -> String {
        var id = slug
        // One hash per try: `insert` both tests and takes.
        while !taken.insert(id).inserted {
            let suffix = lastSuffix[slug, default: 0] + 1
            lastSuffix[slug] = suffix
            id = "\(slug)-\(suffix)"
        }
        return id
    }

    mutating func record(_ heading: AnchoredHeading) {
        headings.append(heading)
    }

    mutating func setTableOfContents(_ toc: TableOfContents) {
        tableOfContents = toc
    }

    /// The id given to the heading that starts at `position`.
    func id(at position: SourcePosition) -> String? {
        headings.first { $0.position == position }?.id
    }

    /// The ids of the page's headings and of what transforms reserved, once no more will be handed out:
    /// what links from other pages may point at besides the theme's ids.
    func linkableIDs() -> Set<String> {
        // Made anew rather than the theme's ids taken out of `taken`, which the registry still shares:
        // removing them copied every page's whole set.
        var ids = Set(headings.lazy.map(\.id))
        for id in reserved where !themeIDs.contains(id) { ids.insert(id) }
        return ids
    }
}
