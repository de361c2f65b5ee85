import BriefingMarkdown
import BriefingSupport

/// Raw HTML in a site that trusts it (`markdown.unsafe: true`) gives elements ids of its own
/// (`<a id="map-note"></a>`): links to them are links to the page's parts, from the page or another, and
/// no heading may take one. Reserved before headings get theirs; an id the page has already is warned
/// of, since browsers go to the first element that has it.
struct RawHTMLIDs: DocumentTransform {
    func apply(to document: MarkdownDocument, context: inout TransformContext) {
        guard RawHTMLText.mayHoldHTML(context.page.body) else { return }
        for node in document.root.descendants(ofKind: .htmlBlock, .htmlInline) {
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
            var index = 0
            while let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
                let rest = UnsafeBufferPointer(rebasing: bytes[(open + 1)...])
                if let end = skip(after: rest) {
                    index = open + 1 + end
                    continue
                }
                guard let first = rest.first, PlainText.isASCIILetter(first) else {
                    index = open + 1
                    continue
                }
                let end = HTMLTag.read(rest) { name, value in
                    if !value.isEmpty, name.lowercased() == "id" { ids.append(String(decoding: value, as: UTF8.self)) }
                }
                guard case .closed(let close) = end else { return }
                index = open + 1 + close + 1
            }
        }
        return ids
    }

    /// For a comment, a script or a style starting after a `<`: the offset past its end, or the end of the
    /// HTML when it does not end there; nil for any other tag.
    private static func skip(after rest: UnsafeBufferPointer<UInt8>) -> Int? {
        let lowered = rest.prefix(6).map { $0 | 0x20 }
        let closing: String
        if rest.starts(with: "!--".utf8) { closing = "-->" }
        else if lowered.starts(with: "script".utf8) { closing = "</script" }
        else if lowered.starts(with: "style".utf8) { closing = "</style" }
        else { return nil }
        let text = String(decoding: rest, as: UTF8.self)
        guard let range = text.range(of: closing, options: .caseInsensitive) else { return rest.count }
        return text.utf8.distance(from: text.startIndex, to: range.upperBound)
    }
}
