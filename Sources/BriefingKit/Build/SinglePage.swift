import BriefingSupport
import BriefingTemplates
import Foundation

/// One page through what a build does to it, in memory: site.yaml and the data files read, the page's
/// front matter read and the page placed in a site of its own, its Markdown through every transform.
/// The fuzz targets in Fuzz/ reach the build's code through it, with no folder to write per input.
public struct SinglePage: Sendable {
    /// The text of site.yaml.
    public var settings = "title: Briefing\nbaseURL: https://example.org/\n"
    /// The files of Content/data/ by name (`figures.yaml`, `key-figures.csv`), with their text.
    public var dataFiles: [String: String] = [:]
    private let theme: ThemeHTML

    /// `partials`: the theme's partials by name, those Markdown transforms render (`ThemeHTML.partials`)
    /// among them, compiled once for every page rendered.
    public init(partials: [String: String]) throws(BuildFailure) {
        var templates: [String: Template] = [:]
        var errors: [Diagnostic] = []
        for (name, source) in partials {
            do throws(TemplateError) {
                templates[name] = try Template(source: source, name: name, path: "Templates/partials/\(name).html")
            } catch {
                errors.append(Theme.diagnostic(error))
            }
        }
        if !errors.isEmpty { throw BuildFailure(errors) }
        do throws(Diagnostic) {
            let library: TemplateLibrary
            do throws(TemplateError) { library = try TemplateLibrary(templates: templates) } catch { throw Theme.diagnostic(error) }
            theme = try ThemeHTML(library: library)
        } catch {
            throw BuildFailure([error])
        }
    }

    /// The page's body as HTML, with the warnings and errors its Markdown gave; a failure for what stops
    /// a build before the Markdown stage (bad settings, data or front matter).
    public func render(_ text: String, path: String = "alliance/page.md") throws(BuildFailure) -> (html: String, diagnostics: [Diagnostic]) {
        let settings = try SiteSettings.parse(SourceFile(path: "Content/site.yaml", text: self.settings))
        let data = try SiteData.load(dataFiles.sorted { $0.key < $1.key }.map { ($0.key, SourceFile(path: "Content/data/" + $0.key, text: $0.value)) })
        let loaded = LoadedSite(
            settings: settings, pages: [ContentFile(relativePath: path, file: SourceFile(path: "Content/" + path, text: text))],
            templates: [], staticFiles: [], data: data, settingsText: self.settings
        )
        var assembler = SiteAssembler(options: BuildOptions(source: URL(fileURLWithPath: "/")))
        // The page is in memory: no file or commit dates it, and the fuzzer must not start git per input.
        assembler.siteRoot = nil
        let model = try assembler.assemble(loaded)
        // A page that stands in for front matter in error is for finding a site's other mistakes, and this is one page.
        let errors = model.diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty { throw BuildFailure(errors) }
        guard let id = model.pagesByPath[path] else { return ("", []) }
        let output = MarkdownStage(model: model, data: data, theme: theme, contentFiles: [], contentFolder: nil, qualityChecks: true).render(id)
        return (output.body.htmlText, output.record.diagnostics)
    }
}
