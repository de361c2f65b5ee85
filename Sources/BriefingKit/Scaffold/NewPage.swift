import BriefingMarkdown
import BriefingSupport
import BriefingTemplates
import Foundation

/// `briefing new <section>/<slug>`: a new Markdown page from an archetype in `Templates/archetypes/`
/// (`<section>.md`, else `default.md`), with its front matter filled in.
public struct NewPage: Sendable {
    public let siteRoot: URL
    /// `news/budget-2027`: a section folder and a slug, both plain path segments.
    public let path: String
    public let title: String?
    public let now: Date

    public init(siteRoot: URL, path: String, title: String? = nil, now: Date = Date()) {
        self.siteRoot = siteRoot
        self.path = path
        self.title = title
        self.now = now
    }

    /// Writes the page and returns its path relative to the site folder; never overwrites a page.
    public func create() throws(BuildFailure) -> String {
        var segments = path.split(separator: "/").map(String.init)
        if segments.last?.hasSuffix(".md") == true { segments[segments.count - 1].removeLast(3) }
        guard !segments.isEmpty, segments.allSatisfy(Slug.isSafe) else {
            throw BuildFailure([.error("'\(path)' must be <section>/<slug> made of letters, digits, '-', '_' or '.', like news/budget-2027")])
        }
        let relative = "Content/" + segments.joined(separator: "/") + ".md"
        let target = siteRoot.appendingPathComponent(relative)
        guard !FileManager.default.fileExists(atPath: target.path) else {
            throw BuildFailure([.error("\(relative) already exists; choose another slug or edit that page")])
        }
        let section = segments.count > 1 ? segments[0] : ""
        let settingsFile = siteRoot.appendingPathComponent("Content/site.yaml")
        let author = (try? SourceFile(path: "Content/site.yaml", bytes: FileBytes.read(settingsFile.path)))
            .flatMap { try? SiteSettings.parse($0) }?.author
        let (archetype, archetypePath) = try archetype(for: section)
        let context: TemplateValue = .map([
            "title": .string(title ?? Slug.title(fromFolder: segments.last!)),
            "date": .string(NewPage.isoDay(now)),
            "author": author.map(TemplateValue.string) ?? .null,
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
        do {
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            // withoutOverwriting: a page created between the check above and now is still not replaced.
            try Data(text.utf8).write(to: target, options: .withoutOverwriting)
        } catch {
            throw BuildFailure([.error("cannot create \(relative): \(error.localizedDescription)")])
        }
        return relative
    }

    /// The section's archetype, else the default one, else a built-in page skeleton.
    private func archetype(for section: String) throws(BuildFailure) -> (String, String) {
        for name in [section, "default"] where !name.isEmpty {
            let path = "Templates/archetypes/\(name).md"
            if let bytes = try? FileBytes.read(siteRoot.appendingPathComponent(path).path) {
                do { return (try SourceFile(path: path, bytes: bytes).text, path) } catch { throw BuildFailure([error]) }
            }
        }
        return (NewPage.builtIn, "(built-in archetype)")
    }

    static let builtIn = """
    ---
    title: "{{title}}"
    date: {{date}}
    {{#author}}
    author: "{{author}}"
    {{/author}}
    summary: ""
    tags: []
    draft: true
    sources: []
    ---

    Write the page here.

    """

    static func isoDay(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone.current
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }
}
