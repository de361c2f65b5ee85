import BriefingMarkdown
import BriefingSupport
import BriefingTemplates

/// `[](figure:us-troops)` → the figure's value with a citation marker; `[about 28,500](figure:us-troops)`
/// keeps the writer's words and adds the marker. An unknown figure is an error at the link.
struct FigureCitations {
    static let scheme = "figure:"
    let figures: [String: Figure]

    /// Replaces the figure links among `links` (the page's links and images, in document order) in `document`.
    func apply(to links: [MarkdownNode], in document: MarkdownDocument, page: Page, citations: inout Citations) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for link in links where link.kind == .link && (link.url ?? "").hasPrefix(FigureCitations.scheme) {
            let id = String((link.url ?? "").dropFirst(FigureCitations.scheme.count))
            guard let figure = figures[id] else {
                let known = figures.keys.sorted().joined(separator: ", ")
                diagnostics.append(page.source.file.diagnostic(
                    .error,
                    "unknown figure '\(id)' (figures.yaml defines: \(known.isEmpty ? "none" : known))",
                    at: MarkdownPositions.location(of: link, in: page)
                ))
                continue
            }
            let number = citations.cite(SourceReference(title: figure.source, url: figure.url, date: figure.asOf))
            let wrapper = document.makeCustomInline(
                onEnter: "<span class=\"figure\" data-figure=\"\(HTMLEscape.escaped(id))\">",
                onExit: "</span>" + Citations.marker(number)
            )
            let children = link.children
            do {
                if children.isEmpty {
                    try wrapper.appendChild(document.makeText(figure.value))
                } else {
                    for child in children { try wrapper.appendChild(child) }
                }
                try link.replace(with: wrapper)
            } catch {
                diagnostics.append(page.source.file.diagnostic(
                    .error, "cannot place figure '\(id)' here: \(error)", at: MarkdownPositions.location(of: link, in: page)
                ))
            }
        }
        return diagnostics
    }
}
