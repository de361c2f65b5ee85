import BriefingSupport
import BriefingTemplates
import Synchronization

/// The compiled templates of `Templates/`: the layouts pages render with, picked by a rule (front matter
/// `layout`, then one made for the page's section, then the default for its kind), and the partials
/// for the HTML that Markdown transforms write.
struct Theme: Sendable {
    let library: TemplateLibrary
    let layoutNames: Set<String>
    let html: ThemeHTML

    /// `pageBytes`: the largest page site.yaml allows (`maxPageMB`); a page's HTML may be about twice its
    /// Markdown, so renders may write that much before they count as runaways.
    init(_ files: [TemplateFile], languages: [Language] = [Language(code: "en", name: "en", prefix: "")], pageBytes: Int = 32 << 20) throws(BuildFailure) {
        var errors: [Diagnostic] = []
        var templates: [String: Template] = [:]
        var owners: [String: SourceFile] = [:]
        var layoutNames: Set<String> = []
        let tableErrors = errors.count
        let strings = Theme.stringTables(files.filter { $0.kind == .strings }, languages: languages, errors: &errors)
        // A table that does not read is its own error: every word the templates ask of it is not one more.
        let tablesRead = errors.count == tableErrors
        for file in files where file.kind != .strings {
            if let owner = owners[file.name] {
                errors.append(file.file.error(
                    "the name '\(file.name)' is used by \(owner.path) too; layouts and partials share one set of names",
                    line: 1, column: 1
                ))
                continue
            }
            owners[file.name] = file.file
            if file.kind == .layout { layoutNames.insert(file.name) }
            do {
                templates[file.name] = try Template(source: file.file.text, name: file.name, path: file.file.path)
            } catch {
                errors.append(Theme.diagnostic(error))
            }
        }
        for required in ["base", "page", "section", "home", "404"] where !layoutNames.contains(required) {
            errors.append(.error("Templates/layouts/\(required).html not found: the default layouts are base, page, section, home and 404" + Theme.defaultCopy))
        }
        for (partial, use) in ThemeHTML.partials where templates[partial] == nil {
            errors.append(.error("Templates/partials/\(partial).html not found: it writes the HTML of \(use)" + Theme.defaultCopy))
        }
        if tablesRead { errors += Theme.missingWords(files, templates: templates, strings: strings, languages: languages) }
        if !errors.isEmpty { throw BuildFailure(errors) }
        do {
            library = try TemplateLibrary(templates: templates, outputLimit: max(64 << 20, 2 * pageBytes))
        } catch {
            throw BuildFailure([Theme.diagnostic(error)])
        }
        let undeclared = library.undeclaredBlocks()
        if !undeclared.isEmpty { throw BuildFailure(undeclared.map(Theme.diagnostic)) }
        self.layoutNames = layoutNames
        do throws(Diagnostic) {
            html = try ThemeHTML(library: library, strings: strings)
        } catch {
            throw BuildFailure([error])
        }
    }

    /// Where a theme made before a file was required (an upgrade) finds the default one.
    static let defaultCopy = "; copy it from the default theme, which 'briefing init NEW-FOLDER' writes"

    /// Each `t.<key>` that a tag of a template pages render with asks for and no string table has, once a
    /// template: `{{t.key}}` failed only on a page that rendered it, and `{{#t.key}}` rendered nothing at
    /// all (an empty `aria-label` on every note's link). A theme with no tables is told to write them; a
    /// word some tables lack is `mismatches(against:)`'s to report.
    private static func missingWords(_ files: [TemplateFile], templates: [String: Template], strings: [StringTable], languages: [Language]) -> [Diagnostic] {
        let hasTables = strings.contains { !$0.path.isEmpty }
        let used = rendered(templates, from: files.filter { $0.kind == .layout }.map(\.name) + ThemeHTML.partials.map(\.0))
        var errors: [Diagnostic] = []
        for file in files where file.kind != .strings && used.contains(file.name) && file.file.text.contains("t.") {
            guard let template = templates[file.name] else { continue }
            var reported: Set<String> = []
            for lookup in template.lookups where lookup.name.hasPrefix("t.") {
                let key = String(lookup.name.dropFirst(2).prefix { $0 != "." })
                let given = strings.contains { if case .text? = $0.entries[key] { true } else { false } }
                guard !given, reported.insert(key).inserted else { continue }
                let isPlural = strings.contains { if case .plural? = $0.entries[key] { true } else { false } }
                let message = isPlural
                    ? "'\(lookup.name)' asks for '\(key)', which the string tables give as plural forms (one, other, …): t gives templates "
                        + "text only, and plural forms are the build's to choose (readingTime as page.readingTimeText, tagCount as a tag's "
                        + "countText); give '\(key)' as text"
                    : hasTables
                    ? "'\(lookup.name)' asks for the word '\(key)', which no string table has: add it to "
                        + strings.map(\.path).filter { !$0.isEmpty }.joined(separator: " and ")
                    : "'\(lookup.name)' asks for a word of the theme's string tables, and Templates/i18n/ holds none: write "
                        + languages.map { "Templates/i18n/\($0.code).yaml" }.joined(separator: " and ") + " with '\(key)'; the default theme's, which 'briefing init NEW-FOLDER' writes, have every word its partials ask for"
                errors.append(file.file.error(message, line: lookup.line, column: lookup.column))
            }
        }
        return errors
    }

    /// The templates that `roots` render, through partial and parent tags: every one when a tag names its
    /// template by a value.
    private static func rendered(_ templates: [String: Template], from roots: [String]) -> Set<String> {
        var found = Set<String>()
        var waiting = roots
        while let name = waiting.popLast() {
            guard let template = templates[name], found.insert(name).inserted else { continue }
            if template.referencesTemplatesByValue { return Set(templates.keys) }
            waiting += template.referencedTemplates
        }
        return found
    }

    /// Each language's string table, by the language's number. A theme without tables has empty ones (its
    /// templates ask for no words); a theme with tables must have one for every language of the site, with
    /// every key the build itself writes words from.
    private static func stringTables(_ files: [TemplateFile], languages: [Language], errors: inout [Diagnostic]) -> [StringTable] {
        var tables: [String: StringTable] = [:]
        for file in files {
            do throws(BuildFailure) {
                tables[file.name] = try StringTable(file: file.file, code: file.name)
            } catch {
                errors += error.diagnostics
            }
        }
        guard !files.isEmpty else { return languages.map { StringTable.empty($0.code) } }
        let ordered = languages.map { language in
            guard let table = tables[language.code] else {
                if !files.contains(where: { $0.name == language.code }) {
                    errors.append(.error("Templates/i18n/\(language.code).yaml not found: the theme's words in \(language.name), a language of the site"))
                }
                return StringTable.empty(language.code)
            }
            let missing = StringTable.keysTheBuildWrites.filter { table.entries[$0] == nil }
            if !missing.isEmpty {
                errors.append(table.error("\(table.path) lacks \(missing.joined(separator: ", ")), which the build writes into pages", at: nil))
            }
            errors += table.dateMistakes() + table.pluralMistakes()
            return table
        }
        if let reference = ordered.first, !reference.path.isEmpty {
            for table in ordered.dropFirst() where !table.path.isEmpty { errors += table.mismatches(against: reference) }
        }
        return ordered
    }

    /// The layout a page renders with; a `layout` naming no file is an error at that line.
    func layout(for page: Page) throws(Diagnostic) -> String {
        if let name = page.metadata.layout {
            guard !name.split(separator: "/").contains(".."), layoutNames.contains(name) else {
                let location = page.metadata.locations["layout"] ?? page.source.file.location(line: 1, column: 1)
                let known = layoutNames.sorted().joined(separator: ", ")
                throw page.source.file.diagnostic(
                    .error, "layout '\(name)' not found in Templates/layouts/ (known: \(known))", at: location
                )
            }
            return name
        }
        let kindName = page.kind == .section ? "section" : page.kind.rawValue
        let topSection = page.source.relativePath.split(separator: "/").first.map(String.init) ?? ""
        if page.kind != .home, layoutNames.contains("\(topSection)/\(kindName)") { return "\(topSection)/\(kindName)" }
        return kindName
    }

    /// Every page's layout, all errors at once; on all cores, since each takes a few string operations.
    func layouts(of model: SiteModel) throws(BuildFailure) -> [String] {
        let results = parallelMap(Array(model.pages.indices)) { index -> Result<String, Diagnostic> in
            do throws(Diagnostic) { return .success(try layout(for: model.pages[index])) } catch { return .failure(error) }
        }
        var errors: [Diagnostic] = []
        let names = results.map { result in
            switch result {
            case .success(let name): return name
            case .failure(let error):
                errors.append(error)
                return ""
            }
        }
        if !errors.isEmpty { throw BuildFailure(errors) }
        return names
    }

    /// A folder of `Templates/layouts/` named after no top-level section of the site: its layouts are never
    /// used, and the section's pages fall back to the default ones without a word (a folder misspelt).
    func unusedLayoutFolders(of model: SiteModel) -> [Diagnostic] {
        let folders = Set(layoutNames.compactMap { name in name.contains("/") ? name.split(separator: "/").first.map(String.init) : nil })
        guard !folders.isEmpty else { return [] }
        // A section of drafts (or pages still to come) alone is being made: its layouts are not misspelt.
        let paths = model.pages.map(\.source.relativePath) + model.leftOut.keys
        let sections = Set(paths.compactMap { path in path.split(separator: "/").dropLast().first.map(String.init) })
        return folders.subtracting(sections).sorted().map { folder in
            .warning(
                "Templates/layouts/\(folder)/ holds layouts for a section Content/\(folder)/, which the site does not have: they are never used (a folder misspelt?)",
                at: SourceLocation(path: "Templates/layouts/\(folder)", line: 1, column: 1)
            )
        }
    }

    /// A tag of a language whose string table names tags (`tagNames`), but not this one: its pages show
    /// it as the front matter writes it, in the first language's word (`ncg` on a Korean page). Said once a
    /// tag and a language, at the `tags` of its newest page.
    func unnamedTags(of model: SiteModel) -> [Diagnostic] {
        // A tag no page of the first language has, written in another script than the first language's
        // (`핵무장` on Korean pages alone), is a word of its own language: shown as written, as it should be.
        let firstLanguageTags = Set(model.taxonomy.tags.filter { $0.language == 0 }.map(\.slug))
        return model.taxonomy.tags.compactMap { tag in
            let table = html.strings[tag.language]
            guard table.namesTags, table.ownName(ofTag: tag.slug) == nil, !tag.isDraftOnly, let newest = tag.pages.first else { return nil }
            let namedAsAnother = table.tag(named: tag.name).flatMap { $0 == tag.slug ? nil : $0 }
            let ownWord = !firstLanguageTags.contains(tag.slug) && !tag.name.unicodeScalars.contains { $0.isASCII && $0.properties.isAlphabetic }
            guard namedAsAnother != nil || !ownWord else { return nil }
            let page = model[newest]
            // `tags: [동맹]` where the table names `alliance` 동맹: a second tag, shown with the same name.
            let message = if let named = namedAsAnother {
                "the tag '\(tag.name)' is the name \(table.path)'s tagNames gives the tag '\(named)': write tags: [\(named)], which \(table.code) "
                    + "pages show as '\(tag.name)'; as written, '\(tag.name)' is a tag of its own, listed beside it under the same name"
            } else {
                "the tag '\(tag.name)' has no name in \(table.path)'s tagNames, so \(table.code) pages show it as written: add \(tag.slug): …"
            }
            return page.source.file.diagnostic(.warning, message, at: page.metadata.locations["tags"] ?? page.source.file.location(line: 1, column: 1))
        }
    }

    /// A layout Briefing needs for pages it makes itself, only when it makes them: `use` says why, and the
    /// error is at the setting that asks for the page, when one does (`at`, its line `sourceLine`).
    func required(_ name: String, for use: String, at location: SourceLocation? = nil, sourceLine: String? = nil) throws(Diagnostic) -> String {
        guard layoutNames.contains(name) else {
            throw .error("Templates/layouts/\(name).html not found: \(use)" + Theme.defaultCopy, at: location, sourceLine: sourceLine)
        }
        return name
    }

    static let tagPages = "the site has tags, and their pages use this layout"

    /// A page in the language numbered `language`, whose digits its numbers are written in.
    /// A layout rendered; a render that runs away (past the renderer's limits) is recorded in `runaway`,
    /// and once one has, every render fails with its error at once.
    func render(_ layout: String, context: TemplateValue, language: Int, runaway: RunawayTemplate? = nil) throws(Diagnostic) -> [UInt8] {
        if let first = runaway?.first { throw first }
        do {
            return try library.renderUTF8(layout, context: context, strict: true, numbers: html.strings[language].numbers)
        } catch {
            let diagnostic = Theme.diagnostic(error)
            if error.isRunaway { runaway?.record(diagnostic) }
            throw diagnostic
        }
    }

    /// A fingerprint of every template's name and text.
    static func fingerprint(_ files: [TemplateFile]) -> UInt64 {
        var key = Fingerprint()
        for file in files.sorted(by: { $0.file.path < $1.file.path }) {
            key.add(file.file.path)
            key.add(file.file.text)
        }
        return key.value
    }

    static func diagnostic(_ error: TemplateError) -> Diagnostic {
        .error(error.message, at: SourceLocation(path: error.path, line: error.line, column: error.column), sourceLine: error.lineText)
    }
}

/// The first render of a build that ran away. Every page with that layout would run to the same limit,
/// a quarter of a second each (45 minutes at 10,000 pages), to report the one mistake again: the pages
/// after it fail at once with its error.
final class RunawayTemplate: Sendable {
    private let recorded = Mutex<Diagnostic?>(nil)

    var first: Diagnostic? { recorded.withLock { $0 } }

    func record(_ diagnostic: Diagnostic) {
        recorded.withLock { if $0 == nil { $0 = diagnostic } }
    }
}
