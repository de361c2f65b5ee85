import BriefingSupport

/// The languages of the assemble stage: which language a page is in, the route it gets in it, and which
/// pages are translations of one another.
extension PageAssembler {
    /// A route in a language: under its prefix.
    func route(_ route: String, in language: Int) -> String {
        let prefix = settings.languages[language].prefix
        return prefix.isEmpty ? route : prefix + route
    }

    /// The page's language, by its number in the site's languages: the code before `.md` in its file
    /// name (taken off `stem`), or its front matter's `language`, or the default. A single-language site
    /// reads no codes from file names, so its `v1.2.md` and `node.js.md` stay what they were.
    func language(of content: ContentFile, stem: inout String, metadata: PageMetadata) throws(Diagnostic) -> Int {
        let languages = settings.languages
        var language = 0
        var named = false
        if settings.isMultilingual, let dot = stem.utf8.lastIndex(of: UInt8(ascii: ".")) {
            let code = stem[stem.utf8.index(after: dot)...]
            if Language.isCode(code) {
                guard let index = languages.firstIndex(where: { $0.code == code }) else {
                    throw content.file.error(
                        "'\(code)' in the file name is not a language of this site (\(codes)): add it to 'languages' in site.yaml, or rename the file",
                        line: 1, column: 1
                    )
                }
                language = index
                named = true
                stem = String(stem[..<dot])
            } else if let meant = languages.first(where: { $0.code.lowercased() == code.lowercased() }) {
                // `history.KO.md` would be published as an English page named `history.KO`.
                throw content.file.error(
                    "'\(code)' in the file name reads as the language '\(meant.code)' in other letters: write it '\(meant.code)', as site.yaml does", line: 1, column: 1
                )
            }
        }
        if let code = metadata.language {
            let location = metadata.locations["language"] ?? content.file.location(line: 1, column: 1)
            guard let index = languages.firstIndex(where: { $0.code == code }) else {
                throw content.file.diagnostic(.error, "language '\(code)' is not a language of this site (\(codes)): add it to 'languages' in site.yaml", at: location)
            }
            if named, index != language {
                throw content.file.diagnostic(
                    .error, "'language: \(code)' contradicts the file name, which says '\(languages[language].code)'", at: location
                )
            }
            language = index
        }
        return language
    }

    private var codes: String { settings.languages.map(\.code).joined(separator: ", ") }

    /// Each page's translations, found by translation key; two pages of one key in one language are an
    /// error, a translation whose default-language page is missing or a draft a warning. A page in another
    /// language without one is a translation only when it says so (`translationKey`, `translatedFrom`) or
    /// a draft of the first language has its path: otherwise it is an original in its language (a Korean
    /// newsroom's own story), which was warned of in every build.
    func translations(
        of pages: ChunkedArray<Page>, leftOut: some Collection<String> = []
    ) -> (translations: [[PageID]], stale: [PageID: PageID], errors: [Diagnostic], warnings: [Diagnostic]) {
        // The implicit keys of the first language's drafts and pages still to come; one named in another
        // language (`x.ko.md`) is no original.
        let leftOutKeys = Set(leftOut.compactMap { path -> String? in
            guard path.hasSuffix(".md") else { return nil }
            var stem = path.dropLast(".md".count)
            if let dot = stem.lastIndex(of: "."), let language = settings.languages.firstIndex(where: { $0.code == stem[stem.index(after: dot)...] }) {
                guard language == 0 else { return nil }
                stem = stem[..<dot]
            }
            return String(stem)
        })
        var groups: [String: [Int]] = [:]
        var errors: [Diagnostic] = []
        var warnings: [Diagnostic] = []
        for index in pages.indices {
            let page = pages[index]
            var group = groups[page.translationKey] ?? []
            if let other = group.first(where: { pages[$0].language == page.language }) {
                // At the `translationKey:` that made the two one, whichever page sets it.
                let (at, and) = page.metadata.locations["translationKey"] == nil && pages[other].metadata.locations["translationKey"] != nil
                    ? (pages[other], page) : (page, pages[other])
                let location = at.metadata.locations["translationKey"] ?? at.source.file.location(line: 1, column: 1)
                errors.append(at.source.file.diagnostic(
                    .error, "two translations of '\(page.translationKey)' in \(settings.languages[page.language].code): this one and \(and.source.file.path)", at: location
                ))
                continue
            }
            group.append(index)
            groups[page.translationKey] = group
        }
        var translations = [[PageID]](repeating: [], count: pages.count)
        var stale: [PageID: PageID] = [:]
        for group in groups.values.sorted(by: { $0[0] < $1[0] }) {
            let sorted = group.sorted { pages[$0].language < pages[$1].language }
            // Invented section pages (no `_index` file) are no one's translation to warn about.
            if pages[sorted[0]].language != 0, !pages[sorted[0]].source.file.text.isEmpty {
                for index in sorted where !pages[index].source.file.text.isEmpty {
                    let page = pages[index]
                    guard page.metadata.locations["translationKey"] != nil || page.metadata.translatedFrom != nil
                        || leftOutKeys.contains(page.translationKey)
                    else { continue }
                    // `a/Keyed` for `a/keyed`: the key differs from its original's in case alone.
                    let near = groups.first { key, members in
                        key != page.translationKey && key.lowercased() == page.translationKey.lowercased() && members.contains { pages[$0].language == 0 }
                    }
                    let hint = near.map { key, members in
                        let original = members.first { pages[$0].language == 0 }.map { pages[$0].source.file.path } ?? ""
                        return ": did you mean '\(key)' (\(original))?"
                    } ?? ""
                    warnings.append(page.source.file.diagnostic(
                        .warning, "a translation whose original is missing, a draft or still to come: no \(settings.languages[0].code) page in this build has the translation key '\(page.translationKey)'"
                            + hint,
                        at: page.metadata.locations["translationKey"] ?? page.metadata.locations["translatedFrom"] ?? page.source.file.location(line: 1, column: 1)
                    ))
                }
            }
            for index in sorted { translations[index] = sorted.filter { $0 != index }.map(PageID.init) }
            // A translation is behind when its original was updated after the version it was made from: by
            // day where either is a day alone, as `updated` and `date` are compared. The original is the first
            // language's page, unless that one says it is a translation (`translatedFrom`) and another does
            // not: a Korean newsroom's story, translated into English.
            guard pages[sorted[0]].language == 0 else { continue }
            let originalIndex = pages[sorted[0]].metadata.translatedFrom == nil
                ? sorted[0] : sorted.dropFirst().first { pages[$0].metadata.translatedFrom == nil } ?? sorted[0]
            let original = pages[originalIndex]
            guard let updated = original.metadata.updated else { continue }
            for index in sorted where index != originalIndex {
                let translation = pages[index]
                guard let madeFrom = translation.metadata.translatedFrom ?? translation.metadata.updated ?? translation.metadata.date,
                      madeFrom.isBefore(updated)
                else { continue }
                stale[PageID(index)] = PageID(originalIndex)
                let location = translation.metadata.locations["translatedFrom"] ?? translation.metadata.locations["updated"]
                    ?? translation.metadata.locations["date"] ?? translation.source.file.location(line: 1, column: 1)
                warnings.append(translation.source.file.diagnostic(
                    .warning,
                    "\(settings.languages[translation.language].code) is behind \(settings.languages[original.language].code) since \(updated.iso): "
                        + "\(original.source.file.path) was updated after this translation was made (from \(madeFrom.iso)); "
                        + "bring it up to date and set 'translatedFrom: \(updated.iso)'",
                    at: location
                ))
            }
        }
        return (translations, stale, errors, warnings)
    }

    /// A folder's name is a word of the site's first language: a section of another language that has no
    /// `_index.<code>.md` of its own would show it as its title on every page of that language. Each such
    /// section is named once, at the first of its pages (or of its subsections' pages) by path.
    func untitledSections(_ sections: [String: Section], pages: ChunkedArray<Page>) -> [Diagnostic] {
        var warned: Set<String> = []
        var warnings: [Diagnostic] = []
        let translated = pages.indices.filter { pages[$0].kind == .page && pages[$0].language != 0 }
        for index in translated.sorted(by: { pages[$0].source.relativePath < pages[$1].source.relativePath }) {
            let file = pages[index].source.file, language = pages[index].language
            var folder = pages[index].sectionPath
            while !folder.isEmpty {
                let key = SiteModel.sectionKey(folder, language: language)
                if let section = sections[key], pages[section.indexPage.index].isInvented, warned.insert(key).inserted {
                    let code = settings.languages[language].code
                    warnings.append(file.diagnostic(
                        .warning, "Content/\(folder)/ has no _index.\(code).md: its \(code) pages title the section '\(section.title)', "
                            + "after the folder's name; write Content/\(folder)/_index.\(code).md with its title in \(code)",
                        at: file.location(line: 1, column: 1)
                    ))
                }
                folder = parentFolder(of: folder)
            }
        }
        return warnings
    }
}
