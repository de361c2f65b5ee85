import BriefingTestSupport
import Foundation
@testable import BriefingKit
@testable import BriefingMarkdown
@testable import BriefingSupport
@testable import BriefingTemplates

/// One page's Markdown run through chosen transforms as the Markdown stage runs them (then the work they
/// left for the end), with the default theme's partials from this repository's Templates/.
enum TransformHarness {
    struct Result {
        var html: String
        var context: TransformContext
        var diagnostics: [Diagnostic] { context.diagnostics.all }
        /// Each message's first line, `file:line:column: severity: message`, without its source line.
        var messageLines: [String] { diagnostics.map { $0.description.components(separatedBy: "\n")[0] } }
    }

    /// The body starts on line 1 of the page's file, as if it had no front matter, so positions in
    /// messages are the body's own.
    static func run(
        _ markdown: String, _ transforms: [any DocumentTransform], options: MarkdownOptions = MarkdownOptions(),
        data: SiteData = SiteData()
    ) -> Result {
        let model = model(of: markdown, options: options)
        let source = MarkdownSource(body: Substring(markdown), options: options)
        let document = source.document
        var context = TransformContext(pageID: PageID(0), model: model, data: data, theme: theme, footnotes: source.footnotes)
        for transform in transforms { transform.apply(to: document, context: &context) }
        context.finish()
        return Result(html: document.renderHTML(), context: context)
    }

    /// A site of one page, `alliance/page.md`, published at `https://example.org/alliance/page/`.
    static func model(of markdown: String = "", options: MarkdownOptions = MarkdownOptions()) -> SiteModel {
        var settings = SiteSettings(title: "Briefing", baseURL: BaseURL("https://example.org/")!)
        settings.markdown = options
        let file = ContentFile(relativePath: "alliance/page.md", file: SourceFile(path: "Content/alliance/page.md", text: markdown))
        let page = Page(
            kind: .page, source: file, metadata: PageMetadata(), body: Substring(markdown), bodyLineOffset: 0, sectionPath: "alliance",
            route: "alliance/page/"
        )
        return SiteModel(
            settings: settings, pages: ChunkedArray([page]), router: Router(baseURL: settings.baseURL), sections: [:], pagesByPath: ["alliance/page.md": PageID(0)],
            leftOut: [:], newestPages: [PageID(0)], recency: [0]
        )
    }

    /// The partials of the default theme, compiled once; they parse, or every test that uses them fails.
    static let theme: ThemeHTML = try! defaultTheme()

    /// The default theme's partials and English words, with some of a test's own partials by name.
    static func defaultTheme(adding extra: [String: String] = [:]) throws -> ThemeHTML {
        var templates: [String: Template] = [:]
        for (name, _) in Array(ThemeHTML.partials) + Array(ThemeHTML.optionalPartials) {
            let path = DefaultTheme.partials.appendingPathComponent(name + ".html").path
            templates[name] = try Template(source: String(contentsOfFile: path, encoding: .utf8), name: name, path: path)
        }
        for (name, text) in extra {
            templates[name] = try Template(source: text, name: name, path: "Templates/partials/\(name).html")
        }
        let english = DefaultTheme.strings.appendingPathComponent("en.yaml").path
        let strings = try StringTable(file: SourceFile(path: english, text: String(contentsOfFile: english, encoding: .utf8)), code: "en")
        return try ThemeHTML(library: TemplateLibrary(templates: templates), strings: [strings])
    }
}

extension FigureCitations {
    /// Figure citations on the harness's one-page site.
    init(figures: [String: Figure], localized: [String: [String: Figure]] = [:]) {
        self.init(figures: figures, localized: localized, links: InternalLinks(model: TransformHarness.model(), contentFiles: []))
    }
}
