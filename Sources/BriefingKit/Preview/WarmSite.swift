import BriefingSupport
import BriefingTemplates
import Foundation

/// What one `SitePreview` update made from its sources, before rendering: the next update takes it whole
/// when the only change is to the bodies of pages (the usual edit), and then makes again only those
/// pages' Markdown records; or, when only layouts and partials changed, only the theme. Either way it
/// skips assembling and listing the whole site anew.
struct WarmSite {
    let loaded: LoadedSite
    /// Stamps of every file but the pages and templates (whose texts are compared): an image or a theme
    /// asset that changes decides what pages show.
    let otherStamps: [FileStamp]
    let model: SiteModel
    let theme: Theme
    let pageLayouts: [String]
    let templatesKey: UInt64
    let markdown: MarkdownStage
    let siteKey: UInt64
    /// Every page's Markdown record.
    let states: [PageMarkdown]
    let context: TemplateContext
    /// The day it was made (`2026-12-05`, UTC): feeds are dated by it, and the copyright line shows its year.
    let day: String

    static func otherStamps(_ scan: SiteScan) -> [FileStamp] {
        scan.stamps.filter { stamp in
            !(stamp.path.hasPrefix("Content/") && stamp.path.hasSuffix(".md")) && !stamp.path.hasPrefix("Templates/layouts/")
                && !stamp.path.hasPrefix("Templates/partials/") && !stamp.path.hasPrefix("Templates/i18n/")
        }
    }

    /// What changed since this site was made, when it can be taken from it.
    enum Change {
        /// The bodies of these pages, and nothing else.
        case bodies([BodyEdit])
        /// Layouts and partials no Markdown transform renders, and nothing else.
        case layouts
    }

    /// A page whose body changed, with its new file.
    struct BodyEdit {
        var id: PageID
        var file: ContentFile
        /// The body's start in the new text, which is the old one's: the front matter before it is the same.
        var bodyOffset: Int
    }

    /// What changed since this site was made, when only page bodies did or only templates did, and not
    /// the settings, data, other files or day. A body edit keeps the page's front matter, with an explicit
    /// `date` (an undated page is dated by its file, which an edit changes, or a save of the same text,
    /// or a touch: any of the `touched` pages, by path in Content/); a template edit keeps the theme's
    /// words and the partials Markdown transforms render. Nil when the site must be made again.
    func change(to new: LoadedSite, otherStamps newStamps: [FileStamp], day: String, touched: Set<String>) -> Change? {
        guard day == self.day, new.settingsText == loaded.settingsText, newStamps == otherStamps,
              !touched.contains(where: { path in model.pagesByPath[path].map { model[$0].metadata.locations["date"] == nil } ?? false }),
              new.staticFiles.map(\.relativePath) == loaded.staticFiles.map(\.relativePath),
              new.data.files.count == loaded.data.files.count,
              new.data.files.allSatisfy({ loaded.data.files[$0.key]?.file.text == $0.value.file.text }),
              new.pages.count == loaded.pages.count, new.templates.count == loaded.templates.count
        else { return nil }
        let changedTemplates = zip(new.templates, loaded.templates).filter { $0.kind != $1.kind || $0.name != $1.name || $0.file.text != $1.file.text }
        guard let edits = bodyEdits(in: new) else { return nil }
        if changedTemplates.isEmpty { return .bodies(edits) }
        let bodyPartials = WarmSite.partialsBodiesUse(new.templates)
        guard edits.isEmpty, changedTemplates.allSatisfy({ new, old in
            new.kind == old.kind && new.name == old.name && new.kind != .strings && !bodyPartials.contains(new.name)
        }) else { return nil }
        return .layouts
    }

    /// The partials Markdown transforms render, with every template they include, however deep (layouts
    /// and partials share one set of names); every template when one of them names another by a value
    /// (`{{>*name}}`) or does not parse, which the full update then reports.
    static func partialsBodiesUse(_ templates: [TemplateFile]) -> Set<String> {
        let files = Dictionary(templates.filter { $0.kind != .strings }.map { ($0.name, $0.file) }) { first, _ in first }
        var used = Set(ThemeHTML.partials.map(\.key) + ThemeHTML.optionalPartials.map(\.key))
        var pending = Array(used)
        while let name = pending.popLast() {
            guard let file = files[name] else { continue }
            guard let template = try? Template(source: file.text, name: name), !template.referencesTemplatesByValue else {
                return Set(files.keys)
            }
            for included in template.referencedTemplates where used.insert(included).inserted { pending.append(included) }
        }
        return used
    }

    /// The pages whose text changed, when only their bodies did.
    private func bodyEdits(in new: LoadedSite) -> [BodyEdit]? {
        var edits: [BodyEdit] = []
        for (file, old) in zip(new.pages, loaded.pages) {
            guard file.relativePath == old.relativePath else { return nil }
            // Unchanged pages keep the string they were read into: this is a pointer comparison.
            if file.file.text == old.file.text { continue }
            // A draft left out of the site may have been published by the edit.
            guard let id = model.pagesByPath[file.relativePath] else { return nil }
            let page = model[id]
            let frontMatter = old.file.text[..<page.body.startIndex]
            guard !frontMatter.isEmpty, page.metadata.locations["date"] != nil, file.file.text.hasPrefix(frontMatter) else { return nil }
            edits.append(BodyEdit(id: id, file: file, bodyOffset: frontMatter.utf8.count))
        }
        return edits
    }

    /// This site with the new layouts and partials: the same pages, records and lists.
    func applyingLayouts(loaded new: LoadedSite) throws(BuildFailure) -> WarmSite {
        let theme = try Theme(new.templates, languages: model.settings.languages, pageBytes: model.settings.maxPageBytes)
        return WarmSite(
            loaded: new, otherStamps: otherStamps, model: model, theme: theme, pageLayouts: try theme.layouts(of: model),
            templatesKey: Theme.fingerprint(new.templates), markdown: markdown, siteKey: siteKey, states: states, context: context, day: day
        )
    }

    /// This site with the edited pages' new bodies: the same model but for them, the same theme, and the
    /// Markdown records and list entries of the edited pages made again.
    func applying(_ edits: [BodyEdit], loaded new: LoadedSite) -> WarmSite {
        var model = self.model
        for edit in edits {
            let text = edit.file.file.text
            model.pages[edit.id.index].source = edit.file
            model.pages[edit.id.index].body = text[text.utf8.index(text.startIndex, offsetBy: edit.bodyOffset)...]
        }
        let markdown = markdown.replacing(model: model)
        var states = states
        var firstParagraphs = context.firstParagraphs
        for edit in edits {
            let record = markdown.render(edit.id).record
            states[edit.id.index] = .reused(record)
            firstParagraphs[edit.id.index] = record.facts.firstParagraph
        }
        return WarmSite(
            loaded: new, otherStamps: otherStamps, model: model, theme: theme, pageLayouts: pageLayouts, templatesKey: templatesKey,
            markdown: markdown, siteKey: siteKey, states: states,
            context: context.replacing(model: model, firstParagraphs: firstParagraphs, changed: edits.map(\.id)), day: day
        )
    }
}
