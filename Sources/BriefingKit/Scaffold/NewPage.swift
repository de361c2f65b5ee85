import BriefingMarkdown
import BriefingSupport
import BriefingTemplates
import Foundation

/// `briefing new section/slug`: a new Markdown page from an archetype in `Templates/archetypes/`
/// (`news.md` for a page of news/, else `default.md`), with its front matter filled in.
///
/// Archetypes are Mustache, which HTML-escapes `{{title}}`; front matter is YAML. So `title` and
/// `author` reach the archetype as whole YAML scalars, quotes included (`"Moon's \"deal\""`), written
/// with `{{{title}}}`, and the page is read back before it is written: an archetype that still writes
/// `"{{title}}"` is an error rather than a title full of `&#39;`.
public struct NewPage: Sendable {
    public let siteRoot: URL
    /// `news/budget-2027`: a section folder and a slug, both plain path segments.
    public let path: String
    public let title: String?
    public let now: Date
    /// A page at the top of the site (`briefing new about --root`), in no section.
    public let atRoot: Bool

    public init(siteRoot: URL, path: String, title: String? = nil, now: Date = Date(), atRoot: Bool = false) {
        self.siteRoot = siteRoot
        self.path = path
        self.title = title
        self.now = now
        self.atRoot = atRoot
    }

    /// Writes the page and returns its path relative to the site folder; never overwrites a page.
    public func create() throws(BuildFailure) -> String {
        // `/etc/x` is no path inside Content/, though it would be made there.
        if path.hasPrefix("/") {
            throw BuildFailure([.error("'\(path)' starts with '/': name the page by its place in Content/, like \(path.drop { $0 == "/" })")])
        }
        if let title, title.contains(where: \.isNewline) {
            throw BuildFailure([.error("--title is one line: a page's title is shown on one, in lists, tabs and feeds")])
        }
        if let title, let forbidden = title.unicodeScalars.first(where: { ForbiddenCharacter.isForbidden($0.value) }) {
            throw BuildFailure([.error("--title holds \(ForbiddenCharacter.describe(forbidden.value)), which no page may show: remove it")])
        }
        var segments = path.split(separator: "/").map(String.init)
        if segments.last?.hasSuffix(".md") == true { segments[segments.count - 1].removeLast(3) }
        guard !segments.isEmpty, segments.allSatisfy(Slug.isSafe) else {
            throw BuildFailure([.error("'\(path)' must be a section and a slug, as section/slug, made of letters, digits, '-', '_' or '.', like news/budget-2027")])
        }
        // A build reads no hidden file or folder: such a page would never be published.
        if let hidden = segments.first(where: { $0.hasPrefix(".") }) {
            throw BuildFailure([.error("'\(hidden)' starts with '.', and a build skips hidden files and folders: name the page without it")])
        }
        if path.hasSuffix("/"), !segments.isEmpty {
            throw BuildFailure([.error("'\(path)' names a folder but no page: add the page's slug, like \(path)budget-2027")])
        }
        if segments.count == 1, !atRoot {
            throw BuildFailure([.error(
                "'\(path)' names no section: write section/slug, like news/\(path), or pass --root for a page at the top of the site"
            )])
        }
        if atRoot, segments.count > 1 {
            throw BuildFailure([.error("'\(path)' is in a section; --root is for a page at the top of the site, like 'about'")])
        }
        if segments.count == 2, segments[0] == "data" {
            throw BuildFailure([.error("Content/data/ holds the site's data files, which are not pages: put the page in a section of its own")])
        }
        let relative = "Content/" + segments.joined(separator: "/") + ".md"
        let target = siteRoot.appendingPathComponent(relative)
        try refuseClashes(segments, relative: relative)
        if let broken = FolderScan.brokenLink(target.path) { throw BuildFailure([.error(broken.replacingOccurrences(of: target.path, with: relative))]) }
        guard !FileManager.default.fileExists(atPath: target.path) else {
            throw BuildFailure([.error("\(relative) already exists; choose another slug or edit that page")])
        }
        // `Getting-Started.md` beside `getting-started.md` builds on Linux and fails as a case clash.
        let siblings = (try? FileManager.default.contentsOfDirectory(atPath: target.deletingLastPathComponent().path)) ?? []
        if let twin = siblings.first(where: { $0.lowercased() == target.lastPathComponent.lowercased() }) {
            throw BuildFailure([.error(
                "\(relative) would differ only in case from the page \(twin) beside it, one file on macOS and Windows; choose another slug or edit that page"
            )])
        }
        let section = segments.count > 1 ? segments[0] : ""
        let settingsFile = siteRoot.appendingPathComponent("Content/site.yaml")
        let settings = (try? SourceFile(path: "Content/site.yaml", bytes: FileBytes.read(settingsFile.path))).flatMap { try? SiteSettings.parse($0) }
        // `explainer.ko` is the Korean page beside `explainer`, with the Korean author; `x.fr` on a site
        // without French would be a page the next build refuses.
        var author = settings?.author
        // The title is the slug's words, without the language's code (`explainer.ko` is titled "Explainer").
        var titleSlug = segments.last!
        var languageCode: String?
        if let settings, let (name, code) = Language.nameAndCode(segments.last![...]) {
            // On a site of one language, `x.ko.md` is a page of its own, `x.ko/`: the build warns, but the
            // editor who asked for a Korean page meant a translation.
            guard settings.isMultilingual else {
                throw BuildFailure([.error(
                    "'\(code)' in '\(path)' names a language, and this site has one (\(settings.languages[0].code)): add '\(code)' to "
                        + "'languages' in site.yaml to write a translation, or name the page without it"
                )])
            }
            guard let language = settings.languages.first(where: { $0.code == code }) else {
                let codes = settings.languages.map(\.code).joined(separator: ", ")
                throw BuildFailure([.error("'\(code)' in '\(path)' is not a language of this site (\(codes)): add it to 'languages' in site.yaml, or name the page without it")])
            }
            author = language.author ?? author
            titleSlug = String(name)
            languageCode = language.code
        }
        let (archetype, archetypePath) = try archetype(for: section, language: languageCode)
        // A tab in the title becomes a space, as every title read from front matter does.
        let pageTitle = title.map(FrontMatterReader.oneLine) ?? Slug.title(fromFolder: titleSlug)
        let context: TemplateValue = .map([
            "title": .string(NewPage.yamlQuoted(pageTitle)),
            "date": .string(NewPage.isoDay(now)),
            "author": author.map { .string(NewPage.yamlQuoted($0)) } ?? .null,
            "section": .string(section),
            "slug": .string(segments.last!),
        ])
        let text: String
        do {
            let template = try Template(source: archetype, name: "archetype", path: archetypePath)
            text = try TemplateLibrary(templates: ["archetype": template]).render("archetype", context: context, strict: true)
        } catch {
            throw BuildFailure([Theme.diagnostic(error)])
        }
        let written = try FrontMatter.parse(SourceFile(path: relative, text: text)).metadata
        guard written.title == pageTitle else {
            throw BuildFailure([.error(
                "\(archetypePath) writes the title as \(written.title.map { "'\($0)'" } ?? "nothing"), not '\(pageTitle)': "
                    + "write 'title: {{{title}}}' (the value comes quoted for YAML; {{title}} would escape it for HTML)"
            )])
        }
        do {
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            // withoutOverwriting: a page created between the check above and now is still not replaced.
            try Data(text.utf8).write(to: target, options: .withoutOverwriting)
        } catch {
            throw BuildFailure([.error("cannot create \(relative): \(error.localizedDescription)")])
        }
        return relative
    }

    /// A page the next build would refuse: in a folder whose name differs only in case from one beside it
    /// (one folder on macOS and Windows), or where a section of the same address is (`news/a.md` and `news/a/`).
    private func refuseClashes(_ segments: [String], relative: String) throws(BuildFailure) {
        var folder = siteRoot.appendingPathComponent("Content")
        var shown = "Content"
        for name in segments.dropLast() {
            let siblings = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            if let twin = siblings.first(where: { $0 != name && $0.lowercased() == name.lowercased() }) {
                throw BuildFailure([.error("'\(name)' differs only in case from the folder '\(twin)' beside it, one folder on macOS and Windows: write '\(twin)'")])
            }
            folder.appendPathComponent(name)
            shown += "/" + name
            // The page would be written wherever the link leads, and a build refuses the link.
            var status = stat()
            if lstat(folder.path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK {
                throw BuildFailure([.error("\(shown) is a link, which a build does not follow: make the page in a folder of Content/")])
            }
        }
        var isFolder: ObjCBool = false
        let section = folder.appendingPathComponent(segments.last!)
        if FileManager.default.fileExists(atPath: section.path, isDirectory: &isFolder), isFolder.boolValue {
            throw BuildFailure([.error(
                "\(relative) would be published where the section Content/\(segments.joined(separator: "/"))/ is: choose another slug, or write its _index.md"
            )])
        }
    }

    /// The section's archetype, else the default one, else a built-in page skeleton; for a page in a
    /// language named in its file (`news/x.ko`), that language's first (`news.ko.md`, `default.ko.md`),
    /// so that a Korean page is not started with English prompts.
    private func archetype(for section: String, language: String?) throws(BuildFailure) -> (String, String) {
        let names = [section, "default"].filter { !$0.isEmpty }
        for name in (language.map { code in names.map { "\($0).\(code)" } } ?? []) + names {
            let path = "Templates/archetypes/\(name).md"
            if let bytes = try? FileBytes.read(siteRoot.appendingPathComponent(path).path) {
                do { return (try SourceFile(path: path, bytes: bytes).text, path) } catch { throw BuildFailure([error]) }
            }
        }
        return (NewPage.builtIn, "(built-in archetype)")
    }

    static let builtIn = """
    ---
    title: {{{title}}}
    date: {{date}}
    {{#author}}
    author: {{{author}}}
    {{/author}}
    summary: "\(Placeholder.mark) One sentence that says what the reader will learn."
    tags: []
    draft: true
    sources: []
    ---

    \(Placeholder.mark) Write the page here.

    """

    /// Text as a YAML double-quoted scalar: any title reads back as written, whatever it holds.
    static func yamlQuoted(_ text: String) -> String {
        var quoted = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": quoted += "\\\\"
            case "\"": quoted += "\\\""
            case "\n": quoted += "\\n"
            case "\t": quoted += "\\t"
            case "\r": quoted += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    quoted += "\\x" + String(format: "%02X", scalar.value)
                } else {
                    quoted.unicodeScalars.append(scalar)
                }
            }
        }
        return quoted + "\""
    }

    static func isoDay(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone.current
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }
}
