import BriefingSupport
import Foundation

/// An address a page was published at before (Hugo's `aliases`, Jekyll's `redirect_from`). Each is published
/// as a small page that sends a browser on to the page, so that a migrated site's old links, bookmarks and
/// search results still lead to it.
public struct PageAlias: Sendable, Hashable {
    /// As written (`/2019/03/old-post/`), for messages.
    public let written: String
    /// The file in the output folder that a host serves at that address (`2019/03/old-post/index.html`).
    public let file: String
    public let location: SourceLocation
}

extension FrontMatterReader {
    /// `aliases: [/2019/03/old-post/, /old-post.html]`: addresses from the site's root, as the old site's
    /// links were written; under a base path (`/briefings/`) they are published below it, as the site is.
    func aliases(_ node: YAMLNode, _ key: String) throws(Diagnostic) -> [PageAlias] {
        var aliases: [PageAlias] = []
        for (text, item) in zip(try stringList(node, key), node.sequence ?? [node]) {
            let written = text.trimmingCharacters(in: .whitespaces)
            switch Self.aliasFile(written) {
            case .success(let file): aliases.append(PageAlias(written: written, file: file, location: source.location(of: item)))
            case .failure(let problem): throw source.error("alias '\(written)': \(problem.message)", at: item)
            }
        }
        return aliases
    }

    struct AliasProblem: Error {
        let message: String
    }

    /// The output file of an address: a folder's `index.html` for `/old/` and `/old`, the file itself for
    /// `/old.html`. Anything a static host would not serve there as that page is refused with what to write.
    static func aliasFile(_ written: String) -> Result<String, AliasProblem> {
        if let scheme = written.range(of: "://"), written[..<scheme.lowerBound].allSatisfy(\.isLetter) {
            let afterHost = written[scheme.upperBound...].firstIndex(of: "/").map { String(written[$0...]) } ?? "/"
            return .failure(AliasProblem(message: "an alias is written from the site's root, without its scheme and host: '\(afterHost)'"))
        }
        // The rule every address of content meets (no control or invisible character, no pasted curly quote).
        if let rejection = LinkURL.rejection(of: written) { return .failure(AliasProblem(message: rejection)) }
        guard written.hasPrefix("/") else {
            return .failure(AliasProblem(message: "an alias is written from the site's root, with a '/' first: '/\(written)'"))
        }
        guard !written.contains("?"), !written.contains("#") else {
            return .failure(AliasProblem(message: "a host finds the file it serves by the path alone, so an alias cannot hold '?' or '#'"))
        }
        guard let path = written.removingPercentEncoding else {
            return .failure(AliasProblem(message: "its '%' starts no escape such as %20"))
        }
        var segments = path.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        let isFolder = segments.last?.isEmpty ?? true
        if isFolder { segments.removeLast() }
        for segment in segments {
            if segment.isEmpty || segment.hasPrefix(".") {
                return .failure(AliasProblem(message: "each part of an alias names a folder or a file to publish: it has an empty part, or one that starts with '.'"))
            }
            if segment.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0 == "\\" }) {
                return .failure(AliasProblem(message: "it holds a control character or a backslash, which no address has"))
            }
            if segment.utf8.count > Slug.maxBytes {
                return .failure(AliasProblem(message: "a part of an alias may have at most \(Slug.maxBytes) bytes: it names a folder or a file"))
            }
        }
        if let last = segments.last, !isFolder, last.contains(".") {
            let lowered = last.lowercased()
            guard lowered.hasSuffix(".html") || lowered.hasSuffix(".htm") else {
                return .failure(AliasProblem(message: "a host serves '\(last)' by its extension, not as a page: an alias ends in '/', '.html', or a name without a dot"))
            }
            return .success(segments.joined(separator: "/"))
        }
        return .success(segments.map { $0 + "/" }.joined() + "index.html")
    }
}
