import BriefingMarkdown
import BriefingSupport
import Foundation

/// A `#fragment` a page links to, checked once every page's heading ids are known.
struct FragmentReference: Sendable {
    /// The page linked to.
    var page: PageID
    var fragment: String
    /// The linking page and the link's position in its body; turned into a file location only when
    /// the fragment turns out to be missing, since that costs a scan of the file.
    var source: PageID
    var position: SourcePosition
}

/// Turns links between Markdown files (`../burden-sharing/sma.md#history`) into page URLs, prefixes
/// root-relative links with the site's base path, and points links to files beside the pages at their
/// published place. A link to a page that does not exist is an error at the link.
struct InternalLinks: DocumentTransform {
    let model: SiteModel
    /// Non-Markdown files of Content/, relative to it.
    let contentFiles: Set<String>
    /// Also check relative URLs written against the published page (`../../news/x/`): `briefing check`.
    var checkPublishedURLs = false

    func apply(to document: MarkdownDocument, context: inout TransformContext) {
        let page = context.page
        let path = page.source.relativePath
        let folder = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
        for node in context.links(in: document) {
            guard let url = node.url, !url.isEmpty else { continue }
            switch resolve(url, from: folder, node: node, context: &context) {
            case .keep: break
            case .replace(let newURL): node.url = newURL
            }
        }
    }

    private enum Resolution {
        case keep
        case replace(String)
    }

    private func resolve(_ url: String, from folder: String, node: MarkdownNode, context: inout TransformContext) -> Resolution {
        let page = context.page
        func error(_ message: String) {
            context.diagnostics.error(message, at: node)
        }
        func reference(_ target: PageID, _ fragment: String) {
            context.report.fragments.append(
                FragmentReference(page: target, fragment: fragment, source: context.pageID, position: MarkdownPositions.position(of: node))
            )
        }
        if url.hasPrefix("//") || InternalLinks.hasScheme(url) { return .keep }
        let (path, suffix, fragment) = InternalLinks.split(url)
        if path.isEmpty {
            if let fragment { reference(context.pageID, fragment) }
            return .keep
        }
        let decoded = InternalLinks.percentDecoded(path)
        // `briefing check` also asks that a URL written against the published page leads somewhere.
        func keepChecked() -> Resolution {
            if checkPublishedURLs, !isPublished(decoded, from: page.route) {
                error("link '\(url)' leads to nothing this site publishes (read from \(model.url(of: page)))")
            }
            return .keep
        }
        let isRootRelative = decoded.hasPrefix("/")
        let isMarkdown = decoded.hasSuffix(".md")
        if !isMarkdown, isRootRelative { return .replace(model.settings.baseURL.path + String(url.dropFirst())) }
        // Anything else but a Markdown file can only be a file beside the pages; a site without any, or
        // a URL of a folder, leaves nothing to look up (most links of most pages).
        if !isMarkdown, !checkPublishedURLs, contentFiles.isEmpty || decoded.hasSuffix("/") { return .keep }
        guard let target = InternalLinks.normalize(decoded, from: isRootRelative ? "" : folder) else {
            // A relative URL such as `../../news/x/` is written against the published page and is fine;
            // only a link to a Markdown file names a file, and that file must be in Content/.
            guard isMarkdown else { return keepChecked() }
            error("link '\(url)' leads out of the Content folder")
            return .keep
        }
        if isMarkdown {
            guard let linked = model.pagesByPath[target] else {
                let message = model.draftPaths.contains(target)
                    ? "link to '\(url)', a draft left out of this build (build with --drafts, or remove the link)"
                    : "link to a missing page '\(url)' (no file Content/\(target))"
                error(message)
                return .keep
            }
            // A link to a page in another language leads to its translation in the page's own, if any.
            let id = model[linked].language == page.language
                ? linked : model.translations(of: linked).first { model[$0].language == page.language } ?? linked
            if let fragment { reference(id, fragment) }
            return .replace(model.url(of: model[id]) + suffix)
        }
        if contentFiles.contains(target) {
            return .replace(model.settings.baseURL.url(target) + suffix)
        }
        return keepChecked()
    }

    /// Whether a URL relative to a published page names a page or file of this build.
    private func isPublished(_ path: String, from route: String) -> Bool {
        guard var target = InternalLinks.normalize(path, from: route) else { return false }
        if target == "index.html" || target.hasSuffix("/index.html") { target.removeLast("index.html".count) }
        if target.hasSuffix("/") { target.removeLast() }
        return target.isEmpty || model.routes.contains(target + "/") || contentFiles.contains(target)
            || target.hasPrefix(Router.assetsRoute) || target.hasPrefix(Router.tagsRoute) || target + "/" == Router.tagsRoute
            || [Router.feedFile, Router.sitemapFile, Router.robotsFile, Router.notFoundFile].contains(target)
    }

    /// `scheme:` as RFC 3986 spells it: an ASCII letter, then letters, digits, `+`, `-` or `.`.
    static func hasScheme(_ url: String) -> Bool {
        let utf8 = url.utf8
        guard let colon = utf8.firstIndex(of: UInt8(ascii: ":")), colon > utf8.startIndex else { return false }
        return PlainText.isASCIILetter(utf8[utf8.startIndex]) && utf8[..<colon].allSatisfy { byte in
            PlainText.isASCIILetter(byte) || (0x30...0x39).contains(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: ".")
        }
    }

    /// `a/b.md?x#frag` → (`a/b.md`, `?x#frag`, `frag`).
    static func split(_ url: String) -> (path: String, suffix: String, fragment: String?) {
        let utf8 = url.utf8
        let end = utf8.firstIndex { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? utf8.endIndex
        let fragment = utf8[end...].firstIndex(of: UInt8(ascii: "#")).map { String(url[utf8.index(after: $0)...]) }
        return (String(url[..<end]), String(url[end...]), fragment.map(percentDecoded))
    }

    /// Foundation's percent decoding is slow; most URLs have nothing to decode.
    static func percentDecoded(_ text: String) -> String {
        text.utf8.contains(UInt8(ascii: "%")) ? text.removingPercentEncoding ?? text : text
    }

    /// Resolves `.` and `..` in `path` against `folder` (`news/x`, `news/x/`, or empty for the root);
    /// nil when the path climbs above the root. Runs for every link of every page, so it edits one
    /// string in place rather than splitting both paths into arrays of segments and joining them again.
    static func normalize(_ path: String, from folder: String) -> String? {
        let slash = UInt8(ascii: "/")
        var result = folder
        while result.utf8.last == slash { result.removeLast() }
        let bytes = path.utf8
        var start = bytes.startIndex
        while start < bytes.endIndex {
            let end = bytes[start...].firstIndex(of: slash) ?? bytes.endIndex
            let segment = bytes[start..<end]
            if segment.elementsEqual("..".utf8) {
                guard !result.isEmpty else { return nil }
                result.removeSubrange((result.utf8.lastIndex(of: slash) ?? result.startIndex)...)
            } else if !segment.isEmpty, !segment.elementsEqual(".".utf8) {
                if !result.isEmpty { result.append("/") }
                result += path[start..<end]
            }
            start = end < bytes.endIndex ? bytes.index(after: end) : end
        }
        return result
    }
}
