import Foundation

/// Where a request leads in the site.
enum SiteLocation: Equatable {
    /// A file of the site, by its path from the site's root (`notes/first/index.html`).
    case file(String)
    /// A folder asked for without its slash, or a path above the site's base path: go here instead.
    case redirect(String)
    case notFound
    /// The path tries to leave the site: `..`, an encoded slash or backslash, a NUL.
    case forbidden
}

/// Maps a request path onto the site's files, and refuses every path that would leave it.
///
/// It works from the raw target, still percent-encoded, and decodes each segment on its own:
/// FlyingFox's `request.path` is already decoded, so `%2F` would have become a real slash there.
struct SitePath {
    /// `/` or `/briefings/`: the site answers below this path only.
    let basePath: String
    /// Whether the site has a file at a path from its root.
    let contains: (String) -> Bool

    func resolve(_ rawPath: String, query: String = "") -> SiteLocation {
        guard rawPath.hasPrefix("/") else { return .forbidden }
        var segments: [String] = []
        for raw in rawPath.split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
            guard let segment = raw.removingPercentEncoding,
                  segment != ".", segment != "..",
                  !segment.contains(where: { $0 == "/" || $0 == "\\" || $0 == "\0" })
            else { return .forbidden }
            segments.append(segment)
        }
        // `/a/` splits into ["a", ""]: the empty last segment is the slash of a folder.
        let asksForFolder = segments.last == ""
        if asksForFolder { segments.removeLast() }
        // Hidden names are never the site's; `//` names nothing.
        guard !segments.contains(where: { $0.isEmpty || $0.hasPrefix(".") }) else { return .notFound }

        let base = basePath.split(separator: "/").map(String.init)
        guard segments.starts(with: base) else {
            // `/` and `/briefings` lead to a site published at /briefings/.
            return base.starts(with: segments) ? .redirect(basePath) : .notFound
        }
        let relative = segments.dropFirst(base.count)
        if relative.isEmpty, !asksForFolder {
            return .redirect(basePath)
        }
        let path = relative.joined(separator: "/")
        let index = path.isEmpty ? "index.html" : path + "/index.html"
        if asksForFolder {
            return contains(index) ? .file(index) : .notFound
        }
        if contains(path) { return .file(path) }
        return contains(index) ? .redirect(rawPath + "/" + (query.isEmpty ? "" : "?" + query)) : .notFound
    }

    /// The page to answer a path the site lacks with: the 404 page of the language whose folder the path
    /// is in (`ko/404.html` for `/ko/nope/`), as a host set up per language would, else the site's.
    func notFoundPage(for rawPath: String) -> String {
        let segments = rawPath.split(separator: "/").map { $0.removingPercentEncoding ?? String($0) }
        let base = basePath.split(separator: "/").map(String.init)
        guard segments.count > base.count, segments.starts(with: base) else { return "404.html" }
        let folder = segments[base.count]
        guard !folder.hasPrefix("."), !folder.contains(where: { $0 == "/" || $0 == "\\" || $0 == "\0" }), contains(folder + "/404.html") else {
            return "404.html"
        }
        return folder + "/404.html"
    }

    /// The file a page open in a browser at `urlPath` (`location.pathname`, still percent-encoded:
    /// `/briefings/notes/first/`) shows, or nil when the path is none of the site's.
    func file(ofPage urlPath: String) -> String? {
        if case .file(let path) = resolve(urlPath) { return path }
        return nil
    }
}
