import BriefingMarkdown
import BriefingSupport
import BriefingTemplates

/// Links in raw HTML of a site that trusts it (`markdown.unsafe: true`): `<a href="/deterrence/">` kept its
/// address under a base path (`/briefings/`), where a Markdown link gets it, and one that led nowhere passed
/// `briefing check`. Each `href` and `src` is now read as a Markdown link's address is.
extension InternalLinks {
    func resolveRawHTMLLinks(in document: MarkdownDocument, from folder: String, context: inout TransformContext) {
        guard model.settings.markdown.unsafe, RawHTMLText.mayHoldHTML(context.page.body) else { return }
        for node in document.root.descendants(ofKind: .htmlBlock, .htmlInline) {
            guard let html = node.literal, node.kind == .htmlBlock || !Callouts.isInTitle(node) else { continue }
            var edits: [(range: Range<Int>, url: String)] = []
            for (range, url, isImage) in InternalLinks.addresses(in: html) where !url.isEmpty {
                if isImage, let service = Images.sharingPage(url) {
                    let at = InternalLinks.position(of: range.lowerBound, in: html, startingAt: context.diagnostics.position(of: node))
                    context.diagnostics.warning(Images.sharingPageMessage(url, service: service, markdown: false), at: at)
                }
                if case .replace(let published) = resolve(url, from: folder, at: .node(node), context: &context) {
                    edits.append((range, HTMLEscape.escaped(published)))
                }
            }
            guard !edits.isEmpty else { continue }
            var bytes = Array(html.utf8)
            for edit in edits.reversed() { bytes.replaceSubrange(edit.range, with: Array(edit.url.utf8)) }
            node.literal = String(decoding: bytes, as: UTF8.self)
        }
    }

    /// Where a byte of raw HTML that starts at `start` stands in the body: a `<div>` of many lines holds
    /// its `<img>` lines below its own.
    static func position(of offset: Int, in html: String, startingAt start: SourcePosition) -> SourcePosition {
        let before = html.utf8.prefix(offset)
        guard let lastBreak = before.lastIndex(of: UInt8(ascii: "\n")) else {
            return SourcePosition(line: start.line, column: start.column + offset)
        }
        let breaks = before.count { $0 == UInt8(ascii: "\n") }
        return SourcePosition(line: start.line + breaks, column: before.distance(from: lastBreak, to: before.endIndex))
    }

    /// The `href` and `src` values of the start tags in `html`, with where each lies in its UTF-8 and whether
    /// it is an image's (`<img src>`); character references decoded as a browser decodes them (`&amp;`, and
    /// `&#x6A;avascript:`, which is checked as the script address it is).
    static func addresses(in html: String) -> [(range: Range<Int>, url: String, isImage: Bool)] {
        var html = html
        var found: [(range: Range<Int>, url: String, isImage: Bool)] = []
        html.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            HTMLScanner.scan(bytes) { part in
                guard case .startTag(let element, let tag) = part else { return }
                HTMLTag.read(tag) { name, value in
                    let lowered = name.lowercased()
                    guard lowered == "href" || lowered == "src", let start = value.baseAddress else { return }
                    let offset = start - base
                    let url = ScriptedFiles.decodingReferences(String(decoding: value, as: UTF8.self))
                    let isImage = lowered == "src" && element.lowercased() == "img"
                    found.append((offset..<(offset + value.count), url.trimmingCharacters(in: .whitespaces), isImage))
                }
            }
        }
        return found
    }
}
