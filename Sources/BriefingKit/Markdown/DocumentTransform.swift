import BriefingMarkdown
import BriefingSupport

/// One Markdown extension: a change to a page's cmark tree (a callout, a table placed from data, heading
/// ids) and what it learns on the way. Transforms are made once per build with their settings and run
/// on every page, in the order `MarkdownTransforms` lists them, each on the tree the one before left.
protocol DocumentTransform: Sendable {
    func apply(to document: MarkdownDocument, context: inout TransformContext)
}

/// What a transform sees of the site while it works on one page, and where it records what it found.
struct TransformContext {
    let pageID: PageID
    let model: SiteModel
    /// Lent by the model, not copied into the context: a page's copy is a retain of each of its fields,
    /// shared with the other core's renders.
    var page: Page { _read { yield model[pageID] } }
    let data: SiteData
    /// The theme's partials for the HTML transforms write.
    let theme: ThemeHTML
    /// What was learnt of the page's footnotes before cmark parsed it (see `MarkdownSource`).
    let footnotes: FootnoteSource
    /// Footnotes (by `FootnoteSource.key`) whose marks a transform took off the page with a warning of
    /// its own (a mark on a `Source:` line): the note is not also said to be never cited.
    var marksLeftOut: Set<String> = []
    var diagnostics: PageDiagnostics
    /// The page's numbered sources: its front matter's, then those its tables and figures cite.
    var citations: Citations
    /// Heading ids, ids no heading may take, and the table of contents.
    var headings: HeadingRegistry
    /// A block at the end of the content that belongs to no section of the page (its Notes): a FAQ section
    /// that runs to the end of the page stops before it.
    var appendix: MarkdownNode?
    /// Tables and images with an id, which `CrossReferences` numbers and cites.
    var numbered = NumberedElements()
    /// What the rest of the build learns of the page: its words, first paragraph, FAQ and fragments.
    var report = PageReport()
    /// Work that needs what every transform decided (a FAQ section is labelled by its heading's id, given
    /// by the last transform): run in order once the list is done.
    private(set) var finishing: [(inout TransformContext) -> Void] = []
    private var citing: [(
        position: SourcePosition, node: MarkdownNode, sources: () -> [SourceReference], enclosing: Bool,
        use: (inout TransformContext, [(source: SourceReference, number: Int)]) -> Void
    )] = []
    private var wrapping: [(inout TransformContext) -> Void] = []
    private var reading: [(inout TransformContext) -> Void] = []
    /// Blocks a reader meets elsewhere than their lines are written (a table's caption, written under its
    /// rows and shown above them), and where.
    private var readingPositions: [MarkdownNode: SourcePosition] = [:]
    /// The page's links and images, in document order, found in one walk for every transform that reads
    /// them: inlines are most of a tree's nodes.
    private var linkNodes: [MarkdownNode]?
    /// How many of the page's scroll regions and asides (tables, code blocks, callouts) have each name.
    private var regionNames: [String: Int] = [:]

    init(pageID: PageID, model: SiteModel, data: SiteData, theme: ThemeHTML, footnotes: FootnoteSource = FootnoteSource()) {
        self.footnotes = footnotes
        self.pageID = pageID
        self.model = model
        self.data = data
        self.theme = theme
        diagnostics = PageDiagnostics(pages: model.pages, id: pageID)
        citations = Citations(frontMatter: model[pageID].metadata.sources)
        headings = HeadingRegistry(reserved: ThemeIDs.reserved)
    }

    /// The name a table's or code block's scroll region or a callout is announced by: `name`, or for a
    /// second one on the page "name (2)": landmarks with one name cannot be told apart in a screen
    /// reader's list of them (axe's landmark-unique rule).
    mutating func regionName(_ name: String) -> String {
        let count = regionNames[name, default: 0] + 1
        regionNames[name] = count
        return count == 1 ? name : "\(name) (\(count))"
    }

    /// Registers an element with an id for cross-references and keeps headings off its id; false (with
    /// an error at `position`) when the page uses the id already.
    mutating func number(_ kind: NumberedElements.Kind, id: String, at position: SourcePosition) -> Bool {
        guard !ThemeIDs.isPages(id) else {
            diagnostics.error("the id '\(id)' is one the page gives its own elements (its sources, notes or theme): choose another", at: position)
            numbered.refuse(id)
            return false
        }
        guard numbered.register(kind, id: id, at: position), !headings.isTaken(id) else {
            diagnostics.error("the id '\(id)' is given twice on this page: each table, image and element of raw HTML needs its own", at: position)
            return false
        }
        headings.reserve(id)
        return true
    }

    /// The links and images of the tree. A transform that adds links must run before the first one that
    /// asks, since the walk is not made again.
    mutating func links(in document: MarkdownDocument) -> [MarkdownNode] {
        if let linkNodes { return linkNodes }
        let found = document.root.descendants(ofKind: .link, .image)
        linkNodes = found
        return found
    }

    mutating func whenAllTransformsRan(_ work: @escaping (inout TransformContext) -> Void) {
        finishing.append(work)
    }

    /// Cites sources that the page shows at `position` (a table's, a figure's): once every transform ran,
    /// the page's sources are numbered in reading order, whichever transform found them, and `use` gets
    /// their numbers. A block whose HTML holds other citations' (a table, with figures in its caption and
    /// cells) is `enclosing`: its `use` runs after theirs.
    mutating func cite(
        _ sources: [SourceReference], at position: SourcePosition, of node: MarkdownNode, enclosing: Bool = false,
        _ use: @escaping (inout TransformContext, [Int]) -> Void
    ) {
        cite({ sources }, at: position, of: node, enclosing: enclosing) { context, cited in use(&context, cited.map(\.number)) }
    }

    /// Sources read when they are numbered (a `Source:` line's links, whose addresses `InternalLinks`
    /// writes meanwhile).
    mutating func cite(
        _ sources: @escaping () -> [SourceReference], at position: SourcePosition, of node: MarkdownNode, enclosing: Bool = false,
        _ use: @escaping (inout TransformContext, [(source: SourceReference, number: Int)]) -> Void
    ) {
        citing.append((position, node, sources, enclosing, use))
    }

    /// Sources cited inside `block` are numbered as if it were written at `position`.
    mutating func read(_ block: MarkdownNode, at position: SourcePosition) {
        readingPositions[block] = position
    }

    /// Where a reader meets a node: a note's text in the Notes at the end of the page, whatever line
    /// defines it; a table's caption above its rows; the rest where it is written.
    private func readingOrder(_ position: SourcePosition, of node: MarkdownNode) -> (inNotes: Int, line: Int, column: Int) {
        var ancestor: MarkdownNode? = node
        var position = position, moved = false
        while let current = ancestor {
            if current == appendix { return (1, position.line, position.column) }
            if !moved, !readingPositions.isEmpty, let read = readingPositions[current] {
                position = read
                moved = true
            }
            ancestor = current.parent
        }
        return (0, position.line, position.column)
    }

    /// Work that makes HTML around what other transforms made last (a heading's, around its images and
    /// citation marks): run once the sources are numbered, before the HTML is read.
    mutating func whenTheInlinesAreMade(_ work: @escaping (inout TransformContext) -> Void) {
        wrapping.append(work)
    }

    /// Work that reads the HTML every transform made (a FAQ answer's text): run after everything else.
    mutating func whenTheHTMLIsMade(_ work: @escaping (inout TransformContext) -> Void) {
        reading.append(work)
    }

    /// How many sources the page will list: its front matter's and those cited so far, each once.
    var sourceCount: Int {
        var all = citations
        for cite in citing { for source in cite.sources() { _ = all.cite(source) } }
        return all.sources.count
    }

    /// Runs the work that waited for the end of the list; then numbers the sources cited, in reading
    /// order, for the HTML that shows them (a table's, after the images in its cells were made); then
    /// the work that wraps those, and the work that reads the HTML.
    mutating func finish() {
        let work = finishing
        finishing = []
        for step in work { step(&self) }
        let cites = citing.enumerated().map { (order: readingOrder($0.element.position, of: $0.element.node), offset: $0.offset, element: $0.element) }
            .sorted { ($0.order.inNotes, $0.order.line, $0.order.column, $0.offset) < ($1.order.inNotes, $1.order.line, $1.order.column, $1.offset) }
        citing = []
        let numbered = cites.map { cite in (cite: cite.element, numbers: cite.element.sources().map { (source: $0, number: citations.cite($0)) }) }
        for (cite, numbers) in numbered where !cite.enclosing { cite.use(&self, numbers) }
        for (cite, numbers) in numbered where cite.enclosing { cite.use(&self, numbers) }
        let wraps = wrapping
        wrapping = []
        for step in wraps { step(&self) }
        let last = reading
        reading = []
        for step in last { step(&self) }
    }
}

/// What a page's transforms found that the build needs besides the page's HTML.
struct PageReport {
    var wordCount = 0
    /// Han, Hiragana and Katakana characters, read one by one rather than in words.
    var characterCount = 0
    /// The first top-level paragraph as plain text: the excerpt of a page without a summary.
    var firstParagraph = ""
    /// Questions and answers of the page's FAQ sections, for FAQPage JSON-LD.
    var faq: [FAQSections.Entry] = []
    /// Links to headings, checked once every page's heading ids are known.
    var fragments: [FragmentReference] = []
}
