import BriefingMarkdown
import BriefingSupport

/// Raw HTML in a site that trusts it (`markdown.unsafe: true`) gives elements ids of its own
/// (`<a id="map-note"></a>`): links to them are links to the page's parts, from the page or another, and
/// no heading may take one. Reserved before headings get theirs; an id the page has already is warned
/// of, since browsers go to the first element that has it.
struct RawHTMLIDs: DocumentTransform {
    func apply(to document: MarkdownDocument, context: inout TransformContext) {
        guard RawHTMLText.mayHoldHTML(context.page.body) else { return }
        // A callout's title shows its raw HTML as written: no element, no id.
        for node in document.root.descendants(ofKind: .htmlBlock, .htmlInline) where node.kind == .htmlBlock || !Callouts.isInTitle(node) {
            for id in RawHTMLIDs.ids(in: node.literal ?? "") {
                guard ThemeIDs.isPages(id) || context.headings.isTaken(id) else {
                    context.headings.reserve(id)
                    continue
                }
                context.diagnostics.warning(
                    "the id '\(id)' of this HTML is one the page has already (an element of raw HTML, a table or image, or what the page "
                        + "gives its sources, notes or theme): links to it reach the first; choose another",
                    at: node
                )
            }
        }
    }

    /// The values of the `id` attributes of the start tags in `html`, in order; comments and the content of
    /// scripts and styles left out.
    static func ids(in html: String) -> [String] {
        var html = html
        var ids: [String] = []
        html.withUTF8 { bytes in
            HTMLScanner.scan(bytes) { part in
                guard case .startTag(_, let tag) = part else { return }
                HTMLTag.read(tag) { name, value in
                    if !value.isEmpty, name.lowercased() == "id" { ids.append(String(decoding: value, as: UTF8.self)) }
                }
            }
        }
        return ids
    }
}
