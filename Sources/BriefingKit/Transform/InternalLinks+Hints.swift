import BriefingSupport

/// What a link that leads nowhere was probably meant to be, for its message: a misspelt page, another
/// site's address without `https://`, a citation's scheme mistyped, a preview's address.
extension InternalLinks {
    static func missingImage(_ url: String, file: String) -> String {
        "image '\(url)' not found: there is no file Content/\(file)"
    }

    /// `[](tabel:x)` is refused as a scheme no page links to; it was meant as a citation.
    static func citationHint(_ url: String) -> String {
        guard let colon = url.firstIndex(of: ":") else { return "" }
        let typed = url[..<url.index(after: colon)].lowercased()
        let schemes = [FigureCitations.scheme] + CrossReferences.schemes.map(\.scheme)
        guard typed.count <= 12, let meant = PlainText.nearest(to: typed, among: schemes.filter { $0 != typed }, within: 2) else { return "" }
        return "; did you mean '\(meant)'?"
    }

    /// `www.state.gov`, `state.gov/reports`: another site's address without its `https://`, which reads
    /// as a page of this one.
    static func otherSiteHint(_ url: String) -> String {
        let host = url.prefix { $0 != "/" && $0 != "?" && $0 != "#" }.lowercased()
        let domains = [".com", ".org", ".net", ".gov", ".int", ".edu", ".mil", ".kr", ".go.kr", ".co.kr", ".uk", ".io", ".info"]
        guard host.hasPrefix("www.") || host.contains(".") && domains.contains(where: host.hasSuffix) else { return "" }
        return "; another site's address is written in full: https://\(url)"
    }

    /// The path of an address on the computer a page is opened on (`http://localhost:1313/news/`,
    /// `http://127.0.0.1:8080/…`), `/` when it has none; nil for any other address.
    static func pathOnThisComputer(_ url: String) -> String? {
        // Every link to another site asks, and names no such host (browsers show it in small letters).
        let text = url[...]
        guard PlainText.contains("localhost", in: text) || PlainText.contains("127.", in: text) || PlainText.contains("0.0.0.0", in: text)
            || PlainText.contains("[::1]", in: text)
        else { return nil }
        guard let schemeEnd = url.range(of: "://"), ["http", "https"].contains(url[..<schemeEnd.lowerBound].lowercased()) else { return nil }
        let rest = url[schemeEnd.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let hostAndPort = authority.split(separator: "@").last ?? ""
        let host = (hostAndPort.hasPrefix("[") ? hostAndPort.prefix { $0 != "]" } + "]" : hostAndPort.prefix { $0 != ":" }).lowercased()
        let local = host == "localhost" || host.hasSuffix(".localhost") || host.hasPrefix("127.") || host == "0.0.0.0" || host == "[::1]"
        guard local else { return nil }
        let path = rest.dropFirst(authority.count)
        return path.isEmpty ? "/" : String(path)
    }

    /// `scm-seol.md` for `scm-seoul.md`, `SMA.md` for `sma.md`: the page beside the named one whose file
    /// name is nearest, written as the link was (its folder as typed).
    func missingPageHint(_ url: String, target: String) -> String {
        let slash = target.lastIndex(of: "/")
        let folder = slash.map { String(target[...$0]) } ?? ""
        let name = String(target[(slash.map { target.index(after: $0) } ?? target.startIndex)...])
        let siblings = model.pagesByPath.keys.filter { $0.hasPrefix(folder) && !$0.dropFirst(folder.count).contains("/") }
            .map { String($0.dropFirst(folder.count)) }
        let typed = name.lowercased()
        let meant = siblings.first { $0.lowercased() == typed }
            ?? PlainText.nearest(to: typed, among: siblings, within: max(2, typed.unicodeScalars.count / 5))
        guard let meant else { return "" }
        let (path, suffix, _) = InternalLinks.split(url)
        let written = path.lastIndex(of: "/").map { String(path[...$0]) } ?? ""
        return "; did you mean '\(written)\(meant)\(suffix)'?"
    }

    /// `/images/map.png` whose file is in Hugo's `static/` folder, copied into Content/: published here at
    /// `/static/images/map.png`, as every file of Content/ is at its own path.
    func staticFolderHint(_ path: String) -> String {
        let inStatic = "static" + (path.hasPrefix("/") ? path : "/" + path)
        guard contentFiles.contains(inStatic) else { return "" }
        return "; the file is Content/\(inStatic), published at /\(inStatic) (Hugo's static/ folder is a folder like any other here): "
            + "write that address, or move the file to Content\(path.hasPrefix("/") ? path : "/" + path)"
    }
}
