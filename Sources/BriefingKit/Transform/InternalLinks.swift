import Foundation

/// A `#fragment` a page links to, checked once every page's heading ids are known.
struct FragmentReference: Sendable {
    /// Index of the target page in `SiteModel.pages`.
    var page: Int
    var fragment: String
    var location: SourceLocation
    var sourceLine: String?
}

/// Turns links between Markdown files (`../burden-sharing/sma.md#history`) into page URLs, prefixes
/// root-relative links with the site's base path, and points links to files beside the pages at their
/// published place. A link to a page that does not exist is an error at the link.
struct InternalLinks {
    let model: SiteModel
    /// Non-Markdown files of Content/, relative to it.
    let contentFiles: Set<String>

    struct Result {
        var diagnostics: [Diagnostic] = []
        var fragments: [FragmentReference] = []
    }

    func apply(to document: MarkdownDocument, page: Page, pageIndex: Int) -> Result {
        var result = Result()
        let folder = page.source.relativePath.split(separator: "/").dropLast().map(String.init)
        for node in document.root.descendants() where node.kind == .link || node.kind == .image {
            guard let url = node.url, !url.isEmpty else { continue }
            let location = MarkdownPositions.location(of: node, in: page)
            switch resolve(url, from: folder, location: location, page: page, pageIndex: pageIndex, result: &result) {
            case .keep: break
            case .replace(let newURL): node.url = newURL
            }
        }
        return result
    }

    private enum Resolution {
        case keep
        case replace(String)
    }

    private func resolve(
        _ url: String, from folder: [String], location: SourceLocation, page: Page, pageIndex: Int, result: inout Result
    ) -> Resolution {
        if url.hasPrefix("//") || InternalLinks.hasScheme(url) { return .keep }
        let (path, suffix, fragment) = InternalLinks.split(url)
        if path.isEmpty {
            if let fragment { result.fragments.append(FragmentReference(page: pageIndex, fragment: fragment, location: location, sourceLine: page.source.file.line(location.line))) }
            return .keep
        }
        let decoded = path.removingPercentEncoding ?? path
        let isRootRelative = decoded.hasPrefix("/")
        let isMarkdown = decoded.hasSuffix(".md")
        if !isMarkdown, isRootRelative { return .replace(model.settings.baseURL.path + String(url.dropFirst())) }
        guard let target = InternalLinks.normalize(decoded, from: isRootRelative ? [] : folder) else {
            // A relative URL such as `../../news/x/` is written against the published page and is fine;
            // only a link to a Markdown file names a file, and that file must be in Content/.
            if isMarkdown {
                result.diagnostics.append(page.source.file.diagnostic(
                    .error, "link '\(url)' leads out of the Content folder", at: location
                ))
            }
            return .keep
        }
        if isMarkdown {
            guard let index = model.pagesByPath[target] else {
                let message = model.draftPaths.contains(target)
                    ? "link to '\(url)', a draft left out of this build (build with --drafts, or remove the link)"
                    : "link to a missing page '\(url)' (no file Content/\(target))"
                result.diagnostics.append(page.source.file.diagnostic(.error, message, at: location))
                return .keep
            }
            if let fragment { result.fragments.append(FragmentReference(page: index, fragment: fragment, location: location, sourceLine: page.source.file.line(location.line))) }
            return .replace(model.url(of: model.pages[index]) + suffix)
        }
        if contentFiles.contains(target) {
            return .replace(model.settings.baseURL.url(target) + suffix)
        }
        return .keep
    }

    static func hasScheme(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":") else { return false }
        let scheme = url[..<colon]
        return !scheme.isEmpty && scheme.first!.isLetter && !scheme.contains("/")
            && scheme.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
    }

    /// `a/b.md?x#frag` → (`a/b.md`, `?x#frag`, `frag`).
    static func split(_ url: String) -> (path: String, suffix: String, fragment: String?) {
        let end = url.firstIndex { $0 == "?" || $0 == "#" } ?? url.endIndex
        let suffix = String(url[end...])
        let fragment = url.firstIndex(of: "#").map { String(url[url.index(after: $0)...]) }
        return (String(url[..<end]), suffix, fragment.map { $0.removingPercentEncoding ?? $0 })
    }

    /// Resolves `.` and `..` against a folder; nil when the path climbs above the root.
    static func normalize(_ path: String, from folder: [String]) -> String? {
        var parts = folder
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(segment))
            }
        }
        return parts.joined(separator: "/")
    }
}

/// Positions of Markdown nodes in their file: libcmark counts lines from the body's start and columns
/// in bytes, and gives some inline nodes no position at all (their block's position is the next best).
enum MarkdownPositions {
    static func location(of node: MarkdownNode, in page: Page) -> SourceLocation {
        var current: MarkdownNode? = node
        while let candidate = current {
            if candidate.start.line > 0 {
                return page.source.file.location(line: candidate.start.line + page.bodyLineOffset, byteColumn: candidate.start.column)
            }
            current = candidate.parent
        }
        return page.source.file.location(line: page.bodyLineOffset + 1, column: 1)
    }
}
