import BriefingSupport

/// Every path a build writes and every URL it links, decided in one place: pages and the pages of their
/// lists, pages' aliases, tags, the feed, the sitemap, robots.txt, the 404 page and the files copied as they are. URLs
/// are pretty (`deterrence/tripwire/` is written to `deterrence/tripwire/index.html`) and start with the
/// base URL's path, so a site works under a sub-path.
public struct Router: Sendable {
    public let baseURL: BaseURL
    /// Each language's prefix (`ko/`), by the language's number; the default language's is empty
    /// unless configured. Every route of a language starts with it.
    let prefixes: [String]

    static let tagsRoute = "tags/"
    static let feedFile = "feed.xml"
    static let sitemapFile = "sitemap.xml"
    /// The most addresses one sitemap may list (sitemaps.org); past it, `sitemap.xml` indexes parts.
    static let sitemapLimit = 50_000
    static let robotsFile = "robots.txt"
    static let notFoundFile = "404.html"
    /// Where the files of `Templates/assets/` go: the same path as in Templates/.
    static let assetsRoute = "assets/"

    public init(baseURL: BaseURL, languages: [Language] = []) {
        self.baseURL = baseURL
        prefixes = languages.isEmpty ? [""] : languages.map(\.prefix)
    }

    /// A language's tag index (`ko/tags/`), feed and 404 page.
    func tagsRoute(_ language: Int) -> String { prefixes[language] + Router.tagsRoute }
    func feedFile(_ language: Int) -> String { prefixes[language] + Router.feedFile }
    func notFoundFile(_ language: Int) -> String { prefixes[language] + Router.notFoundFile }
    /// A language's home page.
    func homeRoute(_ language: Int) -> String { prefixes[language] }

    /// A page's route from where its file is: the home page at the root, a section at its folder, a page
    /// at its folder and its name (the file's, or its slug).
    static func pageRoute(kind: Page.Kind, folder: String, name: String) -> String {
        switch kind {
        case .home: ""
        case .section: folder + "/"
        case .page: (folder.isEmpty ? "" : folder + "/") + name + "/"
        }
    }

    /// Page `listPage` (from 1) of a section's list: the section itself, then `page/2/` and on.
    func route(of page: Page, listPage: Int = 1) -> String {
        listPage == 1 ? page.route : page.route + "page/\(listPage)/"
    }

    func tagRoute(_ slug: String, language: Int = 0) -> String { prefixes[language] + Router.tagsRoute + slug + "/" }

    /// The site URL of a route (`/briefings/deterrence/tripwire/`).
    func url(_ route: String) -> String { baseURL.url(route) }

    /// The absolute URL of a route, for feeds, sitemaps and canonical links.
    func permalink(_ route: String) -> String { baseURL.absolute(route) }

    func url(of page: Page, listPage: Int = 1) -> String { url(route(of: page, listPage: listPage)) }

    /// Feeds and sitemaps need absolute URLs: a base URL without a host gets neither.
    var writesFeeds: Bool { !baseURL.origin.isEmpty }

    /// `sitemap-2.xml`: a part of the sitemap of a site with more addresses than one may list.
    static func sitemapPartFile(_ part: Int) -> String { "sitemap-\(part).xml" }

    /// How many addresses the sitemap lists (`SiteFiles.sitemapEntries`): every page but drafts, and each
    /// language's index of tags and its tags.
    static func sitemapAddresses(_ model: SiteModel) -> Int {
        let tags = model.taxonomy.announcedTags
        return model.pages.count { !$0.metadata.draft } + tags.count + Set(tags.map(\.language)).count
    }

    /// Every file of the build with what makes it. Two outputs at one path are an error naming both.
    func plan(_ model: SiteModel, staticFiles: [StaticFile]) throws(BuildFailure) -> [PlannedOutput] {
        var outputs: [PlannedOutput] = []
        func add(_ path: String, _ kind: PlannedOutput.Kind) {
            // Routes are made of checked slugs and file names, so this never fails; if it did, the file
            // would be left out rather than written outside the output folder.
            guard let path = OutputPath(path) else { return }
            outputs.append(PlannedOutput(path: path, kind: kind))
        }
        // Tag pages first: each lists hundreds of pages, and one of them rendered last would keep one
        // core busy while the other has nothing left to do.
        if !model.taxonomy.tags.isEmpty {
            for (number, tag) in model.taxonomy.tags.enumerated() { add(tagRoute(tag.slug, language: tag.language) + "index.html", .tag(number)) }
            for language in prefixes.indices where model.taxonomy.tags.contains(where: { $0.language == language }) {
                add(tagsRoute(language) + "index.html", .tags(language))
            }
        }
        for id in model.pageIDs {
            // `model[id]` lent to each call, never copied into a variable: a copy of a page is a retain of
            // each of its fields.
            let listed = model[id].kind == .section ? model.sections[model[id].ownSectionKey]?.pages.count ?? 0 : 0
            let listPages = max(1, (listed + model.settings.pageSize - 1) / model.settings.pageSize)
            for listPage in 1...listPages { add(route(of: model[id], listPage: listPage) + "index.html", .page(id, listPage: listPage)) }
        }
        // An alias is written as its editor wrote it, from the site's root: an old address keeps no language.
        for id in model.pageIDs where !model[id].metadata.aliases.isEmpty {
            for (number, alias) in model[id].metadata.aliases.enumerated() { add(alias.file, .alias(id, number)) }
        }
        for language in prefixes.indices { add(notFoundFile(language), .notFound(language)) }
        // The default language under a prefix of its own (`/en/` beside `/ko/`) leaves the root to a page
        // that leads to it, and to a 404 page of its own: hosts look for `404.html` at the root.
        if !prefixes[0].isEmpty {
            add("index.html", .languageRoot)
            add(Router.notFoundFile, .notFound(0))
        }
        if writesFeeds {
            for language in prefixes.indices { add(feedFile(language), .feed(language)) }
            add(Router.sitemapFile, .sitemap)
            let parts = (Router.sitemapAddresses(model) + Router.sitemapLimit - 1) / Router.sitemapLimit
            if parts > 1 {
                for part in 1...parts { add(Router.sitemapPartFile(part), .sitemapPart(part)) }
            }
        }
        // A site's own `Content/robots.txt` (crawlers kept off a staging build, a path kept out of search) is
        // the one published.
        if !staticFiles.contains(where: { $0.origin == .content && $0.relativePath == Router.robotsFile }) { add(Router.robotsFile, .robots) }
        for file in staticFiles { add(file.relativePath, .copy(file)) }
        try Router.checkPrefixes(model.settings, pages: model.pages, staticFiles: staticFiles)
        try Router.checkCollisions(outputs, model: model)
        return outputs
    }

    /// A language's prefix names a folder of its own: a folder of Content/ with that name would mix the
    /// language's pages with the folder's, so it is an error naming both, even where no two files meet.
    /// The assemble stage asks first for the pages, before their URLs are compared, and `plan` again with
    /// the files beside them.
    static func checkPrefixes(_ settings: SiteSettings, pages: some Collection<Page>, staticFiles: [StaticFile] = []) throws(BuildFailure) {
        guard settings.isMultilingual else { return }
        var errors: [Diagnostic] = []
        for language in settings.languages where !language.prefix.isEmpty {
            let folder = String(language.prefix.split(separator: "/").first ?? "")
            let inFolder = pages.first { $0.source.relativePath.hasPrefix(folder + "/") && !$0.source.file.text.isEmpty }
            let path = inFolder?.source.file.path
                ?? staticFiles.first { $0.origin == .content && $0.relativePath.hasPrefix(folder + "/") }?.displayPath
            guard let path else { continue }
            errors.append(.error(
                "the prefix '\(language.prefix)' of language '\(language.code)' is also the folder Content/\(folder)/ (\(path)): rename the folder or set 'languages.\(language.code).prefix'",
                at: language.location, sourceLine: language.sourceLine
            ))
        }
        if !errors.isEmpty { throw BuildFailure(errors) }
    }

    private static func checkCollisions(_ outputs: [PlannedOutput], model: SiteModel) throws(BuildFailure) {
        var owners: [OutputPath: Int] = [:]
        owners.reserveCapacity(outputs.count)
        var errors: [Diagnostic] = []
        for (position, output) in outputs.enumerated() {
            guard let first = owners.updateValue(position, forKey: output.path) else { continue }
            let earlier = outputs[first].kind, later = output.kind
            var message = "\(later.describe(in: model)) and \(earlier.describe(in: model)) would both be written to \(output.path): rename or remove one"
            if case .alias(let id, let number) = later, case .page(id, 1) = earlier {
                message = "the alias '\(model[id].metadata.aliases[number].written)' is the page's own address: remove it"
            }
            errors.append(collision(message, at: later, or: earlier, model: model))
        }
        // A file where another output needs a folder (a page with the slug `feed.xml`, a copied image
        // with a page's name): the file system could hold only one of them. Folders are looked up as
        // slices of the paths, making no string: every output of every build is checked.
        let files = Set(outputs.map { $0.path.value[...] })
        for output in outputs {
            let path = output.path.value
            for slash in path.utf8.indices where path.utf8[slash] == UInt8(ascii: "/") {
                guard files.contains(path[..<slash]), let folder = OutputPath(String(path[..<slash])), let file = owners[folder] else { continue }
                let fileKind = outputs[file].kind, kind = output.kind
                let message = "\(kind.describe(in: model)) would be written inside \(folder)/, where \(fileKind.describe(in: model)) is written as a file: rename one"
                errors.append(collision(message, at: kind, or: fileKind, model: model))
                break
            }
        }
        errors += caseClashes(outputs, files: files, model: model)
        if !errors.isEmpty { throw BuildFailure(errors) }
    }

    /// Paths that differ only in case (`explainers/Page/` and `explainers/page/`, a folder `Explainers/`
    /// beside `explainers/`) are one file or folder on macOS and Windows, where one page would replace
    /// the other or two sections mix. Only paths with a capital or a non-ASCII letter are folded: most
    /// have none. A folder is known by its `index.html`, which every page, section and tag folder has.
    private static func caseClashes(_ outputs: [PlannedOutput], files: Set<Substring>, model: SiteModel) -> [Diagnostic] {
        var spellings: [String: String] = [:]
        var reported: Set<String> = []
        var errors: [Diagnostic] = []
        for output in outputs where output.path.value.utf8.contains(where: { (0x41...0x5A).contains($0) || $0 >= 0x80 }) {
            let path = output.path.value
            let ends = path.utf8.indices.filter { path.utf8[$0] == UInt8(ascii: "/") } + [path.endIndex]
            for end in ends {
                let original = String(path[..<end]), folded = original.lowercased()
                var other = spellings[folded] ?? original
                if other == original, folded != original, files.contains(folded[...]) || files.contains((folded + "/index.html")[...]) { other = folded }
                spellings[folded] = spellings[folded] ?? original
                guard other != original else { continue }
                // Once per clash, at its shallowest: the files below a clashing folder clash too.
                if reported.insert(folded).inserted {
                    let what = end == path.endIndex ? "" : "/"
                    errors.append(collision(
                        "'\(original)\(what)' and '\(other)\(what)' differ only in case: on macOS and Windows they are one \(what.isEmpty ? "file" : "folder"), and one would replace or mix with the other; rename one",
                        at: output.kind, model: model
                    ))
                }
                break
            }
        }
        return errors
    }

    /// An error at the `slug:` that made one of the two paths, else at the `prefix` that led one language's outputs
    /// among another's (`prefix: tags`), else at the first that has a place, else at its language.
    private static func collision(_ message: String, at first: PlannedOutput.Kind, or second: PlannedOutput.Kind? = nil, model: SiteModel) -> Diagnostic {
        let kinds = [first, second].compactMap(\.self)
        for kind in kinds {
            if case .alias(let id, let number) = kind {
                return model[id].source.file.diagnostic(.error, message, at: model[id].metadata.aliases[number].location)
            }
            if case .page(let id, _) = kind, !model[id].isInvented, let location = model[id].metadata.locations["slug"] {
                return model[id].source.file.diagnostic(.error, message, at: location)
            }
        }
        // Two languages' outputs meet only where a `prefix` set in site.yaml leads one among the other's.
        let languages = kinds.map { $0.language(in: model) }
        if languages.count == 2, languages[0] != languages[1],
           let prefixed = languages.compactMap(\.self).map({ model.languages[$0] }).first(where: { $0.prefixLocation != nil }),
           let location = prefixed.prefixLocation {
            return .error(message + " (or change languages.\(prefixed.code).prefix)", at: location, sourceLine: prefixed.prefixLine)
        }
        if let location = kinds.lazy.compactMap({ $0.location(in: model) }).first { return .error(message, at: location) }
        if let language = languages.compactMap(\.self).first(where: { $0 != 0 }).map({ model.languages[$0] }), let location = language.location {
            return .error(message, at: location, sourceLine: language.sourceLine)
        }
        return .error(message)
    }
}

/// One file a build writes, and what makes it.
public struct PlannedOutput: Sendable {
    public enum Kind: Sendable {
        case page(PageID, listPage: Int)
        /// A page's alias, by its number in the page's `aliases`: a page that leads to the page.
        case alias(PageID, Int)
        /// A language's index of tags, by the language's number.
        case tags(Int)
        /// By the tag's number in `Taxonomy.tags`.
        case tag(Int)
        /// A language's 404 page and feed, by the language's number.
        case notFound(Int)
        case feed(Int)
        /// `sitemap.xml`: the sitemap, or the index of its parts when it has more than one.
        case sitemap
        /// A part of the sitemap, from 1.
        case sitemapPart(Int)
        case robots
        /// The root's `index.html` when the default language has a prefix: it leads to the languages' home pages.
        case languageRoot
        case copy(StaticFile)

        /// What a person would call it in an error.
        func describe(in model: SiteModel) -> String {
            switch self {
            case .page(let id, let listPage):
                let page = model[id]
                let file = page.isInvented
                    ? (page.kind == .home ? "the home page" : "the page of Content/\(page.sectionFolder)/") + Kind.inLanguage(page.language, model)
                    : page.source.file.path
                return listPage == 1 ? file : "page \(listPage) of \(file)'s list"
            case .alias(let id, let number): return "the alias '\(model[id].metadata.aliases[number].written)' of \(model[id].source.file.path)"
            case .tags(let language): return "the index of tags" + Kind.inLanguage(language, model)
            case .tag(let number):
                let tag = model.taxonomy.tags[number]
                return "the page of tag '\(tag.name)'" + Kind.inLanguage(tag.language, model)
            case .notFound(let language): return "the 404 page" + Kind.inLanguage(language, model)
            case .feed(let language): return "the Atom feed" + Kind.inLanguage(language, model)
            case .sitemap: return "the sitemap"
            case .sitemapPart(let part): return "part \(part) of the sitemap"
            case .robots: return "the generated robots.txt"
            case .languageRoot: return "the page that leads from the root to each language's home page"
            case .copy(let file): return file.displayPath
            }
        }

        /// ` in ko` for a language other than the default, so that two languages' outputs are told apart.
        private static func inLanguage(_ language: Int, _ model: SiteModel) -> String {
            language == 0 ? "" : " in \(model.languages[language].code)"
        }

        /// The language it is written in, for those that have one.
        func language(in model: SiteModel) -> Int? {
            switch self {
            case .page(let id, _), .alias(let id, _): model[id].language
            case .tags(let language), .notFound(let language), .feed(let language): language
            case .languageRoot: 0
            case .tag(let number): model.taxonomy.tags[number].language
            case .sitemap, .sitemapPart, .robots, .copy: nil
            }
        }

        func location(in model: SiteModel) -> SourceLocation? {
            switch self {
            // A page's address is its file's name or, when set, its slug: where a clash is mended.
            // A section without an `_index.md` is its folder.
            case .page(let id, _) where model[id].isInvented:
                SourceLocation(path: "Content" + (model[id].sectionFolder.isEmpty ? "" : "/" + model[id].sectionFolder), line: 1, column: 1)
            case .page(let id, _): model[id].metadata.locations["slug"] ?? SourceLocation(path: model[id].source.file.path, line: 1, column: 1)
            case .alias(let id, let number): model[id].metadata.aliases[number].location
            case .copy(let file): SourceLocation(path: file.displayPath, line: 1, column: 1)
            default: nil
            }
        }
    }

    public let path: OutputPath
    public let kind: Kind
}
