import BriefingMarkdown
import BriefingSupport
import BriefingTemplates

/// Links in raw HTML of a site that trusts it (`markdown.unsafe: true`): `<a href="/deterrence/">` kept its
/// address under a base path (`/briefings/`), where a Markdown link gets it, and one that led nowhere passed
/// `briefing check`. Each address of an attribute that a browser loads or follows (`href`, `src`, each
/// candidate of `srcset`, `poster`, a form's `action`, `formaction`, an `<object>`'s `data`, SVG's
/// `xlink:href`) is now read as a Markdown link's address is.
extension InternalLinks {
    func resolveRawHTMLLinks(in document: MarkdownDocument, from folder: String, context: inout TransformContext) {
        guard model.settings.markdown.unsafe, RawHTMLText.mayHoldHTML(context.page.body) else { return }
        for node in document.root.descendants(ofKind: .htmlBlock, .htmlInline) {
            guard let html = node.literal, node.kind == .htmlBlock || !Callouts.isInTitle(node) else { continue }
            var edits: [(range: Range<Int>, url: String)] = []
            for address in InternalLinks.addresses(in: html) {
                // The value again, each address that the site publishes elsewhere in its place. By scalars, as
                // the candidates were found: a candidate may start inside a grapheme (a mark after a space).
                let scalars = address.value.unicodeScalars
                var value = String.UnicodeScalarView()
                var copied = scalars.startIndex
                for candidate in address.candidates {
                    let url = String(scalars[candidate])
                    if address.isImage, let service = Images.sharingPage(url) {
                        let at = InternalLinks.position(of: address.range.lowerBound, in: html, startingAt: context.diagnostics.position(of: node))
                        context.diagnostics.warning(Images.sharingPageMessage(url, service: service, markdown: false), at: at)
                    }
                    if case .replace(let published) = resolve(url, from: folder, at: .node(node), context: &context) {
                        value += scalars[copied..<candidate.lowerBound]
                        value += published.unicodeScalars
                        copied = candidate.upperBound
                    }
                }
                guard copied > scalars.startIndex else { continue }
                value += scalars[copied...]
                edits.append((address.range, HTMLEscape.escaped(String(value))))
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

    /// An attribute's value, decoded as a browser decodes it (`&amp;`, and `&#x6A;avascript:`, which is
    /// checked as the script address it is), with where it lies in the HTML's UTF-8 and the addresses it holds
    /// (ranges of its scalars): the whole value, or each candidate of a `srcset`.
    struct Address {
        let range: Range<Int>
        let value: String
        let candidates: [Range<String.Index>]
        /// An image's (`<img src>`, `srcset`, `<video poster>`): a sharing page's address is warned of.
        let isImage: Bool
    }

    /// The addresses of the start tags in `html` that a browser loads or follows.
    static func addresses(in html: String) -> [Address] {
        var html = html
        var found: [Address] = []
        html.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            HTMLScanner.scan(bytes) { part in
                guard case .startTag(let element, let tag) = part else { return }
                HTMLTag.read(tag) { name, value in
                    guard let kind = AddressKind(attribute: name.lowercased(), element: element), let start = value.baseAddress else { return }
                    let offset = start - base
                    let decoded = ScriptedFiles.decodingReferences(String(decoding: value, as: UTF8.self))
                    let candidates = kind == .sourceSet ? sourceSetURLs(in: decoded) : trimmed(decoded).map { [$0] } ?? []
                    guard !candidates.isEmpty else { return }
                    found.append(Address(range: offset..<(offset + value.count), value: decoded, candidates: candidates, isImage: kind != .link))
                }
            }
        }
        return found
    }

    private enum AddressKind {
        case link, image, sourceSet

        init?(attribute: String, element: String) {
            switch attribute {
            case "href", "action", "formaction", "xlink:href": self = .link
            case "src": self = element.lowercased() == "img" ? .image : .link
            case "poster": self = .image
            case "srcset": self = .sourceSet
            case "data" where element.lowercased() == "object": self = .link
            default: return nil
            }
        }
    }

    /// HTML's whitespace (`HTMLTag`'s), read scalar by scalar: a line break that a grapheme joins to a
    /// `\r` before it, or a mark combining with a space, separates as a browser separates them.
    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && HTMLTag.isSpace(UInt8(scalar.value))
    }

    /// The value without the spaces around it, or nil when nothing is left.
    private static func trimmed(_ value: String) -> Range<String.Index>? {
        let scalars = value.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) }) else { return nil }
        return first..<scalars.index(after: last)
    }

    /// The URL of each candidate of a `srcset` (`map.png 1x, map-2x.png 2x`), as HTML's "parse a srcset
    /// attribute" finds them: a URL is a run without spaces, commas at its end are not part of it, and a
    /// descriptor runs to the next comma outside parentheses.
    static func sourceSetURLs(in value: String) -> [Range<String.Index>] {
        let scalars = value.unicodeScalars
        var urls: [Range<String.Index>] = []
        var index = scalars.startIndex
        while true {
            while index < scalars.endIndex, isSpace(scalars[index]) || scalars[index] == "," { scalars.formIndex(after: &index) }
            guard index < scalars.endIndex else { return urls }
            let start = index
            while index < scalars.endIndex, !isSpace(scalars[index]) { scalars.formIndex(after: &index) }
            var end = index
            var descriptors = true
            while end > start, scalars[scalars.index(before: end)] == "," {
                scalars.formIndex(before: &end)
                descriptors = false
            }
            if end > start { urls.append(start..<end) }
            guard descriptors else { continue }
            var depth = 0
            while index < scalars.endIndex {
                let scalar = scalars[index]
                if scalar == "(" { depth += 1 } else if scalar == ")" { depth = max(depth - 1, 0) } else if scalar == ",", depth == 0 { break }
                scalars.formIndex(after: &index)
            }
        }
    }
}
