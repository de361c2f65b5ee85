import BriefingMarkdown
import BriefingSupport
import BriefingTemplates

/// `[](figure:us-troops)` → the figure's value with a citation marker; `[about 28,500](figure:us-troops)`
/// keeps the writer's words and adds the marker. An unknown figure is an error at the link. The HTML is
/// the theme's `figure-cite` partial.
struct FigureCitations: DocumentTransform {
    static let scheme = "figure:"
    let figures: [String: Figure]
    /// `figures.<code>.yaml` by language code: the value a page in that language shows.
    var localized: [String: [String: Figure]] = [:]
    /// Where a figure's address from the site's root (`/reports/x.pdf`) is published.
    let links: InternalLinks

    func apply(to document: MarkdownDocument, context: inout TransformContext) {
        let ownFigures = ownFigures(context)
        for link in context.links(in: document) where link.kind == .link && (link.url ?? "").hasPrefix(FigureCitations.scheme) {
            let id = String((link.url ?? "").dropFirst(FigureCitations.scheme.count))
            guard let source = source(of: id, cited: link, context: &context), let figure = figures[id] else { continue }
            // Its HTML once the page's sources are numbered in reading order.
            let wrapper = document.makeCustomInline(onEnter: "", onExit: "")
            let marked = LanguageQuotes.pageLanguage(around: link, context: context)
            context.cite([source], at: context.diagnostics.position(of: link), of: wrapper) { context, numbers in
                let language = context.page.language
                do throws(Diagnostic) {
                    let marker = try context.theme.citationMarker(numbers[0], language: language, marked: marked)
                    let html = try context.theme.wrapper("figure-cite", ["id": .string(id), "marker": .html(marker)], language: language)
                    wrapper.onEnter = html.open
                    wrapper.onExit = html.close
                } catch {
                    context.diagnostics.append(error)
                }
            }
            let children = link.children
            do throws(MarkdownTreeError) {
                if children.isEmpty {
                    try wrapper.appendChild(document.makeText(ownFigures?[id]?.value ?? figure.value))
                } else {
                    for child in children { try wrapper.appendChild(child) }
                }
                try link.replace(with: wrapper)
            } catch {
                context.diagnostics.error("cannot place figure '\(id)' here: \(error)", at: link)
            }
        }
    }

    /// The source of the figure a link cites, as the page's language names it, its address from the
    /// site's root made the published one; nil, with the error at the link, for a figure figures.yaml
    /// does not define or an address that leads nowhere. A table's `Source:` line cites one so.
    func source(of id: String, cited link: MarkdownNode, context: inout TransformContext) -> SourceReference? {
        guard let figure = figures[id] else {
            let known = figures.keys.sorted().joined(separator: ", ")
            // An image labelled "Figure 1" is cited as an image: `figure:` is a number of figures.yaml.
            let image = context.numbered.number(of: id, kind: .figure) != nil
                ? "; an image of this page has the id '\(id)': cite it as [](image:\(id))" : ""
            context.diagnostics.error("unknown figure '\(id)' (figures.yaml defines: \(known.isEmpty ? "none" : known))\(image)", at: link)
            return nil
        }
        // A page in another language cites the figure as its language's file names it.
        let own = ownFigures(context)?[id] ?? figure
        var source = SourceReference(title: own.source, url: own.url ?? figure.url, date: own.asOf ?? figure.asOf)
        if let url = source.url, url.hasPrefix("/"), !url.hasPrefix("//") {
            let position = context.diagnostics.position(of: link)
            guard let published = links.publishedAddress(ofRootPath: url, position: position, context: &context) else {
                let given = own.url != nil ? own : figure
                let defined = (given.urlLocation ?? given.location).map { ", given at \($0)," } ?? ""
                context.diagnostics.error("figure '\(id)': its url '\(url)'\(defined) leads to nothing this site publishes", at: link)
                return nil
            }
            source.url = published
        }
        return source
    }

    private func ownFigures(_ context: TransformContext) -> [String: Figure]? {
        localized.isEmpty ? nil : localized[context.model.languages[context.page.language].code]
    }
}
