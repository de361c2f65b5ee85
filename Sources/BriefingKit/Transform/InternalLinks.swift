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
/// published place. Every other local link or image must lead to something the router plans (a page, a
/// section, a tag, an asset, a copied file): one that leads nowhere is an error at the link, in every
/// build. Links to other sites are never fetched.
struct InternalLinks: DocumentTransform {
    let model: SiteModel
    /// Non-Markdown files of Content/, relative to it.
    let contentFiles: Set<String>
    /// Every path the build writes (`deterrence/tripwire/index.html`, `assets/style.css`).
    private let outputs: Set<String>
    /// Every folder with an `index.html`, without its trailing slash (`deterrence/tripwire`; the root
    /// is ""), with the page published there if one is: links to pages are most links, and are
    /// looked up without making a string.
    private let folders: [String: PageID?]

    init(model: SiteModel, contentFiles: Set<String>) {
        self.model = model
        self.contentFiles = contentFiles
        outputs = Set(model.outputs.map(\.path.value))
        var folders: [String: PageID?] = [:]
        for output in model.outputs where output.path.value == "index.html" || output.path.value.hasSuffix("/index.html") {
            folders[String(output.path.value.dropLast("index.html".count).dropLast(output.path.value == "index.html" ? 0 : 1))] = .some(nil)
        }
        for id in model.pageIDs {
            let route = model[id].route
            folders[route.isEmpty ? "" : String(route.dropLast())] = .some(id)
        }
        self.folders = folders
    }

    func apply(to document: MarkdownDocument, context: inout TransformContext) {
        let folder = context.page.source.folder
        for node in context.links(in: document) {
            guard let url = node.url, !url.isEmpty else {
                // `[the SCM page]()` links the page to itself: an address left out.
                let what = node.kind == .image ? "image" : "link"
                let text = PlainText.collapsingWhitespace(node.plainText)
                context.diagnostics.error(
                    (text.isEmpty ? "a \(what) with no text" : "\(what) '\(text)'") + " has no address: write where it leads between the parentheses", at: node
                )
                continue
            }
            if let label = Self.footnoteMeant(node, in: context.page.body) {
                context.diagnostics.error(
                    "'[\(label)]' is no footnote but a link to '\(url)', which the line '[\(label)]: …' defines: a note's label holds no "
                        + "space, so write [\(Footnotes.hyphenated(label))] here and in the note's line",
                    at: node
                )
                continue
            }
            switch resolve(url, from: folder, at: .node(node), context: &context) {
            case .keep: break
            case .replace(let newURL): node.url = newURL
            }
        }
        resolveRawHTMLLinks(in: document, from: folder, context: &context)
        // A source of the front matter may be a page or a file of the site (`../news/x.md`, `/assets/report.pdf`).
        for (index, source) in context.page.metadata.sources.enumerated() {
            guard let url = source.url else { continue }
            let location = context.page.metadata.locations[PageMetadata.sourceKey(index, "url")] ?? context.page.source.file.location(line: 1, column: 1)
            if case .replace(let published) = resolve(url, from: folder, at: .frontMatter(location), context: &context) {
                context.citations.list(url, at: published)
            }
        }
    }

    /// The label of a footnote written with a space in it (`[^note 1]` and `[^note 1]: Text.`), which
    /// cmark, as GitHub, reads as a link and its reference definition: the editor meant a note.
    static func footnoteMeant(_ link: MarkdownNode, in body: Substring) -> String? {
        guard link.kind == .link, let text = link.firstChild, text.next == nil, text.kind == .text, let label = text.literal,
              label.hasPrefix("^"), label.contains(where: \.isWhitespace), PlainText.contains("[" + label + "]:", in: body)
        else { return nil }
        return label
    }

    /// Where a URL is written: a link or an image of the body, or a source's `url` in the front matter.
    enum Place {
        case node(MarkdownNode)
        case frontMatter(SourceLocation)
    }

    enum Resolution {
        case keep
        case replace(String)
    }

    func resolve(_ url: String, from folder: String, at place: Place, context: inout TransformContext) -> Resolution {
        // Read from the page where used: a copy of it is a retain of each of its fields, for every link.
        let route = context.page.route, language = context.page.language
        let what: String
        let position: SourcePosition
        switch place {
        case .node(let node):
            what = node.kind == .image ? "image" : "link"
            position = context.diagnostics.position(of: node)
        case .frontMatter(let location):
            what = "source"
            // Above the body's first line: counted back from it, as positions in the body are.
            position = SourcePosition(line: location.line - context.page.bodyLineOffset, column: location.column)
        }
        func error(_ message: String) {
            switch place {
            case .node(let node): context.diagnostics.error(message, at: node)
            case .frontMatter(let location): context.diagnostics.append(context.page.source.file.diagnostic(.error, message, at: location))
            }
        }
        func reference(_ target: PageID, _ fragment: String) {
            context.report.fragments.append(FragmentReference(page: target, fragment: fragment, source: context.pageID, position: position))
        }
        // cmark drops a script URL in safe mode without a word and keeps it with `unsafe: true`: either
        // way the editor is told, at the link, as for a source in front matter or data. Briefing's own
        // schemes (`figure:`, `table:`, …) are links that later transforms replace.
        if let rejection = LinkURL.rejection(of: url), !InternalLinks.isCitation(url) {
            error("\(what): \(rejection)" + InternalLinks.citationHint(url))
            return .keep
        }
        // An address of this site written in full, pasted from the browser's address bar: checked as a path
        // from the root is, and kept as written.
        if let root = model.settings.baseURL.rootPath(ofFullURL: url) {
            let (path, _, fragment) = InternalLinks.split(root)
            if InternalLinks.normalize(InternalLinks.percentDecoded(path), from: "").map({ published($0, fragment: fragment, reference: reference) }) != true {
                error("\(what) '\(url)' is an address of this site that leads to nothing it publishes")
            }
            return .keep
        }
        if InternalLinks.hasScheme(url) {
            // Pasted from a preview's address bar (`briefing serve`, `hugo server`): it leads to the reader's own computer.
            if let path = InternalLinks.pathOnThisComputer(url) {
                // Written bare in the text, it is an example more often than a link meant (`http://localhost:8080`).
                if case .node(let node) = place, node.isBareLink {
                    context.diagnostics.warning(
                        "'\(url)' is an address on the computer it is opened on, linked as every address written bare is: write it as code (`\(url)`) "
                            + "if it is an example, or the page's address, '\(path)'",
                        at: node
                    )
                } else {
                    error("\(what) '\(url)' leads to the computer it is opened on (a preview's address), not to this site: write the address without it, '\(path)'")
                }
            }
            return .keep
        }
        let (path, suffix, fragment) = InternalLinks.split(url)
        if path.isEmpty {
            if let fragment { reference(context.pageID, fragment) }
            return .keep
        }
        // Decoded, `%2F` would be checked as a folder's slash, which a server never reads it as: the link
        // passed and was published broken.
        if path.utf8.contains(UInt8(ascii: "%")), let encoded = ["%2F", "%5C"].first(where: { path.range(of: $0, options: .caseInsensitive) != nil }) {
            error("\(what) '\(url)' holds \(encoded), an encoded \(encoded == "%2F" ? "slash" : "backslash"), which no server reads as a folder's: write /")
            return .keep
        }
        let decoded = InternalLinks.percentDecoded(path)
        let isRootRelative = decoded.hasPrefix("/")
        let isMarkdown = decoded.hasSuffix(".md")
        if !isMarkdown, isRootRelative {
            guard let target = InternalLinks.normalize(decoded, from: ""), published(target, fragment: fragment, reference: reference) else {
                error("\(what) '\(url)' leads to nothing this site publishes" + staticFolderHint(decoded))
                return .keep
            }
            return .replace(model.settings.baseURL.path + String(url.dropFirst()))
        }
        // Only a Markdown file or a file beside the pages is named against the page's folder; a URL of a
        // folder (most links), or any URL on a site without such files, is written against the published page.
        let namesFile = isMarkdown || (!contentFiles.isEmpty && !decoded.hasSuffix("/"))
        let fileTarget = namesFile ? InternalLinks.normalize(decoded, from: isRootRelative ? "" : folder) : nil
        guard let target = fileTarget else {
            // A relative URL such as `../../news/x/` is written against the published page; only a link
            // to a Markdown file names a file, and that file must be in Content/.
            if !isMarkdown, let target = InternalLinks.normalize(decoded, from: route),
               published(target, fragment: fragment, reference: reference) {
                return .keep
            }
            if !isMarkdown, what == "image", let file = InternalLinks.normalize(decoded, from: folder) {
                error(InternalLinks.missingImage(url, file: file))
                return .keep
            }
            error(isMarkdown ? "link '\(url)' leads out of the Content folder"
                : "\(what) '\(url)' leads to nothing this site publishes (read from \(model.url(of: context.page)))" + InternalLinks.otherSiteHint(url))
            return .keep
        }
        if isMarkdown {
            // A Korean page's link to `history.md` whose English is a draft still leads to `history.ko.md`.
            guard let linked = model.pagesByPath[target] ?? namedTranslation(of: target, in: language) ?? languageVersion(named: target) else {
                let message = model.leftOut[target].map { "link to '\(url)', \($0.explanation) (build with \($0.option), or remove the link)" }
                    ?? "link to a missing page '\(url)' (no file Content/\(target))" + missingPageHint(url, target: target)
                error(message)
                return .keep
            }
            // A link to a page in another language leads to its translation in the page's own, if any,
            // unless the link names the language (`history.ko.md`).
            let id = model[linked].language == language || namesLanguage(target)
                ? linked : model.translations(of: linked).first { model[$0].language == language } ?? linked
            if let fragment { reference(id, fragment) }
            return .replace(model.url(of: model[id]) + suffix)
        }
        // The file's name as it is on disk: a link typed with the other Unicode form of an accented or
        // Korean letter (NFC, NFD) finds the file, and servers compare the bytes.
        if let index = contentFiles.firstIndex(of: target) {
            return .replace(model.settings.baseURL.url(InternalLinks.escapingURLSyntax(contentFiles[index])) + suffix)
        }
        // Else a URL written against the published page (`../../news/x/`, `../map.png`).
        if let published = InternalLinks.normalize(decoded, from: route), self.published(published, fragment: fragment, reference: reference) {
            return .keep
        }
        // An image is a file put beside the page: the file's name says more than the URL read from the page.
        error(what == "image" ? InternalLinks.missingImage(url, file: target)
            : "\(what) '\(url)' leads to nothing this site publishes (read from \(model.url(of: context.page)))")
        return .keep
    }

    /// Where a path from the site's root that a data file gives (a figure's `url`, `/reports/x.pdf`) is
    /// published under the base path, or nil when the site publishes nothing there; a page's fragment is
    /// recorded for checking as a link's is, at `position` of the citing page.
    func publishedAddress(ofRootPath url: String, position: SourcePosition, context: inout TransformContext) -> String? {
        let (path, _, fragment) = InternalLinks.split(url)
        let pageID = context.pageID
        var references: [FragmentReference] = []
        guard let target = InternalLinks.normalize(InternalLinks.percentDecoded(path), from: ""),
              published(target, fragment: fragment, reference: { references.append(FragmentReference(page: $0, fragment: $1, source: pageID, position: position)) })
        else { return nil }
        context.report.fragments += references
        return model.settings.baseURL.path + String(url.dropFirst())
    }

    /// Whether a page's file name says its language, as `history.ko.md` does: a link to it means that language.
    private func namesLanguage(_ path: String) -> Bool { namedLanguage(path) != nil }

    /// `x.ko.md` as `x.md` and the language its code names; nil for a path with no code of the site's.
    private func namedLanguage(_ path: String) -> (path: String, language: Int)? {
        guard path.hasSuffix(".md") else { return nil }
        let stem = path.dropLast(".md".count)
        guard let dot = stem.lastIndex(of: "."),
              let language = model.settings.languages.firstIndex(where: { $0.code == stem[stem.index(after: dot)...] })
        else { return nil }
        return (String(stem[..<dot]) + ".md", language)
    }

    /// The page `x.<code>.md` in `language` beside `x.md`, a file left out of the build (a draft) or missing.
    private func namedTranslation(of path: String, in language: Int) -> PageID? {
        guard model.settings.isMultilingual, !namesLanguage(path) else { return nil }
        return model.pagesByPath[String(path.dropLast(".md".count)) + "." + model.settings.languages[language].code + ".md"]
    }

    /// `x.en.md` where no such file is: the English version of `x.md`. How a Korean page links its English
    /// original (`x.md` itself leads to `x.ko.md`), or any page links a version named by its translation
    /// key rather than its file's name.
    private func languageVersion(named path: String) -> PageID? {
        guard model.settings.isMultilingual, let (base, language) = namedLanguage(path), let named = model.pagesByPath[base] else { return nil }
        return model[named].language == language ? named : model.translations(of: named).first { model[$0].language == language }
    }

    /// Whether a path relative to the output folder (`news/x`, `news/x/`, `assets/style.css`; `normalize`
    /// leaves no trailing slash) is a file the router plans or a folder with an index; a fragment of a
    /// page is recorded for checking.
    private func published(_ target: String, fragment: String?, reference: (PageID, String) -> Void) -> Bool {
        if let page = folders[target] {
            if let fragment, let page { reference(page, fragment) }
            return true
        }
        guard outputs.contains(target) else { return false }
        if let fragment, target.hasSuffix("/index.html"), let page = folders[String(target.dropLast("/index.html".count))] ?? nil {
            reference(page, fragment)
        }
        return true
    }

    /// `scheme:` as RFC 3986 spells it: an ASCII letter, then letters, digits, `+`, `-` or `.`.
    /// A link a later transform turns into a citation: `figure:…`, `table:…`, `image:…`, `section:…`.
    static func isCitation(_ url: String) -> Bool {
        url.hasPrefix(FigureCitations.scheme) || CrossReferences.schemes.contains { url.hasPrefix($0.scheme) }
    }

    static func hasScheme(_ url: String) -> Bool {
        let utf8 = url.utf8
        // Most local URLs start with `.` or `/`: no colon to look for.
        guard let first = utf8.first, PlainText.isASCIILetter(first),
              let colon = utf8.firstIndex(of: UInt8(ascii: ":")) else { return false }
        return utf8[..<colon].allSatisfy { byte in
            PlainText.isASCIIAlphanumeric(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: ".")
        }
    }

    /// `a/b.md?x#frag` → (`a/b.md`, `?x#frag`, `frag`).
    static func split(_ url: String) -> (path: String, suffix: String, fragment: String?) {
        let (query, hash) = url.withUTF8Bytes { bytes in
            (bytes.firstIndex { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }, bytes.firstIndex(of: UInt8(ascii: "#")))
        }
        // Most URLs have neither: the path is the URL itself, not a copy of it.
        guard let query else { return (url, "", nil) }
        let utf8 = url.utf8
        let end = utf8.index(utf8.startIndex, offsetBy: query)
        let fragment = hash.map { String(url[utf8.index(utf8.startIndex, offsetBy: $0 + 1)...]) }
        return (String(url[..<end]), String(url[end...]), fragment.map(percentDecoded))
    }

    /// A file's name as a URL path: `report#2.pdf` as `report%232.pdf`. The link was decoded to find the
    /// file; cmark encodes spaces and letters beyond ASCII again, but `%`, `#` and `?` it keeps as URL syntax.
    static func escapingURLSyntax(_ path: String) -> String {
        guard path.utf8.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "?") }) else { return path }
        return path.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "#", with: "%23").replacingOccurrences(of: "?", with: "%3F")
    }

    /// Foundation's percent decoding is slow; most URLs have nothing to decode.
    static func percentDecoded(_ text: String) -> String {
        text.withUTF8Bytes { $0.contains(UInt8(ascii: "%")) } ? text.removingPercentEncoding ?? text : text
    }

    /// Resolves `.` and `..` in `path` against `folder` (`news/x`, `news/x/`, or empty for the root);
    /// nil when the path climbs above the root. Runs for every link of every page, so it works on the
    /// bytes in one buffer rather than on segments of strings.
    static func normalize(_ path: String, from folder: String) -> String? {
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        var path = path, folder = folder
        return folder.withUTF8 { folder in
            path.withUTF8 { bytes -> String? in
                var result: [UInt8] = []
                result.reserveCapacity(folder.count + bytes.count)
                result.append(contentsOf: folder)
                while result.last == slash { result.removeLast() }
                var start = 0
                while start < bytes.count {
                    var end = start
                    while end < bytes.count, bytes[end] != slash { end += 1 }
                    let length = end - start
                    if length == 2, bytes[start] == dot, bytes[start + 1] == dot {
                        guard !result.isEmpty else { return nil }
                        result.removeSubrange((result.lastIndex(of: slash) ?? 0)...)
                    } else if length > 0, !(length == 1 && bytes[start] == dot) {
                        if !result.isEmpty { result.append(slash) }
                        result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
                    }
                    start = end + 1
                }
                return String(decoding: result, as: UTF8.self)
            }
        }
    }
}
