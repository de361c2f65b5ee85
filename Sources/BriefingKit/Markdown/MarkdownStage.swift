import BriefingMarkdown
import BriefingSupport
import Foundation

/// The Markdown stage: a page's body parsed by cmark, then every transform of `MarkdownTransforms` on
/// its tree, then rendered; the tree is freed on return. Bodies are made as late as they can be: those
/// that lists show (sections, the home page, excerpts of pages without a summary) before the lists, the
/// rest right before their own page renders, so that a build holds few bodies at a time.
struct MarkdownStage: Sendable {
    private(set) var model: SiteModel
    let data: SiteData
    let theme: ThemeHTML
    let transforms: [any DocumentTransform]

    init(model: SiteModel, data: SiteData, theme: ThemeHTML, contentFiles: Set<String>, contentFolder: URL?, qualityChecks: Bool) {
        self.model = model
        self.data = data
        self.theme = theme
        transforms = MarkdownTransforms.ordered(model: model, data: data, contentFiles: contentFiles, contentFolder: contentFolder, qualityChecks: qualityChecks)
    }

    /// The stage a build or a preview makes: the site's data, the files beside its pages, and Content/,
    /// where images are read for their sizes.
    init(model: SiteModel, loaded: LoadedSite, theme: ThemeHTML, options: BuildOptions) {
        self.init(
            model: model, data: loaded.data, theme: theme, contentFiles: loaded.contentFiles,
            contentFolder: options.source.appendingPathComponent("Content"), qualityChecks: options.qualityChecks
        )
    }

    /// The stage for a model that differs from this one's only in page bodies: the transforms are kept,
    /// since what they read of the model (routes, paths, translations, settings) front matter decides.
    func replacing(model: SiteModel) -> MarkdownStage {
        var stage = self
        stage.model = model
        return stage
    }

    struct Output: Sendable {
        var body: PageBody
        var record: PageRecord
    }

    func render(_ id: PageID) -> Output {
        let source = MarkdownSource(body: model[id].body, options: model.settings.markdown)
        let document = source.document
        var context = TransformContext(pageID: id, model: model, data: data, theme: theme, footnotes: source.footnotes)
        for transform in transforms { transform.apply(to: document, context: &context) }
        context.finish()
        let showsContents = model[id].metadata.toc != .hidden
        let body = PageBody(
            html: document.renderHTMLBytes(),
            toc: showsContents ? context.headings.tableOfContents : TableOfContents(entries: []),
            wordCount: context.report.wordCount,
            sources: context.citations.sources,
            faq: context.report.faq.filter { !$0.answer.isEmpty },
            characterCount: context.report.characterCount
        )
        // Only the excerpt of a page without a summary is its first paragraph: kept for no other.
        let facts = PageFacts(
            headingIDs: context.headings.linkableIDs(), firstParagraph: model[id].metadata.summary == nil ? context.report.firstParagraph : ""
        )
        let record = PageRecord(bodyHash: body.fingerprint, facts: facts, diagnostics: context.diagnostics.all, fragments: context.report.fragments)
        return Output(body: body, record: record)
    }

    /// Where each page's Markdown output comes from: reused when `reusable` knows it; rendered now when
    /// lists need it before the page renders; else left waiting for the page.
    func prepare(reusing reusable: @Sendable (PageID) -> PageRecord?, progress: ProgressCounter) -> [PageMarkdown] {
        parallelMap(model.pageIDs) { id -> PageMarkdown in
            defer { progress.step() }
            if let record = reusable(id) { return .reused(record) }
            guard model[id].kind != .page || model[id].metadata.summary == nil else { return .waiting }
            let output = render(id)
            return .rendered(output.body, output.record)
        }
    }
}
