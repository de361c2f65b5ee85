import Foundation

/// Where a request leads in the built site.
enum SiteLocation: Equatable {
    case file(URL)
    /// A folder asked for without its slash, or a path above the site's base path: go here instead.
    case redirect(String)
    case notFound
    /// The path tries to leave the site: `..`, an encoded slash or backslash, a NUL, a link out.
    case forbidden
}

/// Maps a request path onto the built site, and refuses every path that would leave it.
///
/// It works from the raw target, still percent-encoded, and decodes each segment on its own:
/// FlyingFox's `request.path` is already decoded, so `%2F` would have become a real slash there.
struct SitePath {
    /// The built site.
    let root: URL
    /// `/` or `/briefings/`: the site answers below this path only.
    let basePath: String

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
        // Hidden names are the builder's own (its manifest and staging folder); `//` names nothing.
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

        guard let realRoot = Self.realPath(root.path) else { return .notFound }
        let path = ([realRoot] + relative).joined(separator: "/")
        guard let real = Self.realPath(path) else { return .notFound }
        guard Self.isInside(real, realRoot) else { return .forbidden }

        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: real, isDirectory: &isFolder) else { return .notFound }
        if !isFolder.boolValue {
            return asksForFolder ? .notFound : .file(URL(fileURLWithPath: real))
        }
        guard asksForFolder else {
            return .redirect(rawPath + "/" + (query.isEmpty ? "" : "?" + query))
        }
        // index.html may itself be a link.
        guard let index = Self.realPath(real + "/index.html") else { return .notFound }
        guard Self.isInside(index, realRoot) else { return .forbidden }
        return FileManager.default.fileExists(atPath: index, isDirectory: &isFolder) && !isFolder.boolValue
            ? .file(URL(fileURLWithPath: index)) : .notFound
    }

    /// The path with every link resolved, or nil when nothing is there.
    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func isInside(_ path: String, _ root: String) -> Bool {
        path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }
}
