import BriefingMarkdown
import BriefingSupport

/// What a page's Markdown became that only the page's own template shows. A build makes it just
/// before the page's template renders and lets it go right after, so it holds a few pages' HTML at a
/// time rather than the whole site's (150 MB at 10,000 pages).
struct PageBody: Sendable, Equatable {
    var html: String
    var toc: TableOfContents
    var wordCount: Int
    /// Front matter sources, then the sources of the tables and figures the page cites, numbered.
    var sources: [SourceReference]
    /// Questions and answers of the page's FAQ sections, for FAQPage JSON-LD.
    var faq: [FAQSections.Entry]

    /// Stands for the body in its page's output fingerprint, and in the build cache: it changes whenever
    /// anything the page's template can show of the body does.
    var fingerprint: UInt64 {
        var fingerprint = Fingerprint()
        fingerprint.add(html)
        PageBody.add(toc.entries, to: &fingerprint)
        fingerprint.add(wordCount)
        fingerprint.add(sources.count)
        for source in sources {
            fingerprint.add(source.title)
            for part in [source.url, source.publisher, source.date?.iso] { fingerprint.add(optional: part) }
        }
        fingerprint.add(faq.count)
        for entry in faq {
            fingerprint.add(entry.question)
            fingerprint.add(entry.answer)
        }
        return fingerprint.value
    }

    private static func add(_ entries: [TOCEntry], to fingerprint: inout Fingerprint) {
        fingerprint.add(entries.count)
        for entry in entries {
            fingerprint.add(entry.level)
            fingerprint.add(entry.id)
            fingerprint.add(entry.title)
            add(entry.children, to: &fingerprint)
        }
    }
}

/// What the rest of the site needs to know about a page's Markdown: small, held for every page.
struct PageFacts: Sendable {
    var headingIDs: Set<String>
    /// The first paragraph as plain text, the excerpt lists show of a page without a summary; a page's
    /// record leaves it empty when the page has one.
    var firstParagraph: String
}

/// Parses a page's Markdown and runs every transform on its tree; the tree is freed on return.
struct MarkdownStage {
    let model: SiteModel
    let links: InternalLinks
    let data: SiteData
    let qualityChecks: Bool

    struct Output: Sendable {
        var body: PageBody
        var facts: PageFacts
        var diagnostics: [Diagnostic]
        var fragments: [FragmentReference]
    }

    /// Renders a page, keeping apart its body, which only its own page shows, and the record of what else
    /// the build and the next one need to know of it.
    func render(pageIndex: Int, sourceHash: UInt64) -> (body: PageBody, record: BuildCache.CachedPage) {
        let output = render(pageIndex: pageIndex)
        var facts = output.facts
        // Only the excerpt of a page without a summary is its first paragraph: kept for no other.
        if model.pages[pageIndex].metadata.summary != nil { facts.firstParagraph = "" }
        let record = BuildCache.CachedPage(
            sourceHash: sourceHash, bodyHash: output.body.fingerprint, facts: facts, diagnostics: output.diagnostics,
            fragments: output.fragments
        )
        return (output.body, record)
    }

    /// Ids the theme uses around the content, so a heading cannot take them.
    static let reservedIDs: Set<String> = ["main", "toc-title", "sources-title", "related-title", "source-list"]

    func render(pageIndex: Int) -> Output {
        let page = model.pages[pageIndex]
        let document = MarkdownDocument(markdown: page.body, options: model.settings.markdown)
        let imageWarnings = qualityChecks ? QualityChecks().images(in: document, page: page) : []
        // One walk finds the links and images for both transforms that read them: the tree's inlines are
        // most of its nodes.
        let linkNodes = document.root.descendants(ofKind: .link, .image)
        let linkResult = links.apply(to: linkNodes, page: page, pageIndex: pageIndex)
        var diagnostics = imageWarnings + linkResult.diagnostics
        diagnostics += SizeLimits().apply(to: document, page: page)
        var citations = Citations(frontMatter: page.metadata.sources)
        diagnostics += FigureCitations(figures: data.figures).apply(to: linkNodes, in: document, page: page, citations: &citations)
        diagnostics += TableDirective(data: data, smartPunctuation: model.settings.markdown.smartPunctuation)
            .apply(to: document, page: page, citations: &citations)
        for unknown in Callouts().apply(to: document) {
            let location = page.source.file.location(line: unknown.position.line + page.bodyLineOffset, byteColumn: unknown.position.column)
            diagnostics.append(page.source.file.diagnostic(
                .warning, "unknown callout '[!\(unknown.kind)]' stays a quote (use NOTE, TIP, IMPORTANT, WARNING or CAUTION)", at: location
            ))
        }
        let faqSections = FAQSections().apply(to: document) { position in
            diagnostics.append(page.source.file.diagnostic(
                .warning, "a FAQ heading with no questions under it: add sub-headings, one per question",
                at: MarkdownPositions.location(of: position, in: page)
            ))
        }
        let levels: ClosedRange<Int>? = switch page.metadata.toc {
        case .siteDefault: model.settings.tocLevels
        case .hidden: nil
        case .levels(let levels): levels
        }
        // Counted before the headings become custom blocks, whose text cmark no longer exposes.
        var firstParagraph = ""
        var words = 0
        document.root.visitViews { node in
            switch node.kind {
            case .paragraph where firstParagraph.isEmpty && node.isTopLevel:
                firstParagraph = node.handle(in: document).plainText
            case .text, .code, .codeBlock:
                words += node.withLiteralBytes(PlainText.wordCount) ?? 0
            default:
                break
            }
        }
        let anchors = HeadingAnchors(levels: levels ?? 1...6, reserved: MarkdownStage.reservedIDs).apply(to: document)
        FAQSections.finish(faqSections, headings: anchors.headings)
        if qualityChecks { diagnostics += QualityChecks().outline(of: page, headings: anchors.headings) }
        let body = PageBody(
            html: document.renderHTML(),
            toc: levels == nil ? TableOfContents(entries: []) : anchors.toc,
            wordCount: words,
            sources: citations.sources,
            faq: faqSections.flatMap(\.entries).filter { !$0.answer.isEmpty }
        )
        let facts = PageFacts(headingIDs: anchors.ids, firstParagraph: firstParagraph)
        return Output(body: body, facts: facts, diagnostics: diagnostics, fragments: linkResult.fragments)
    }
}
