import BriefingSupport
import Foundation

/// What one `SitePreview` update made from its sources, before rendering: the next update takes it whole
/// when the only change is to the bodies of pages (the usual edit), and then makes again only those
/// pages' Markdown records, instead of assembling, theming and listing the whole site anew.
struct WarmSite {
    let loaded: LoadedSite
    /// Stamps of every file but the pages: an image, a template or a data file that changes decides
    /// what pages show even when no text of it is compared.
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
        scan.stamps.filter { !($0.path.hasPrefix("Content/") && $0.path.hasSuffix(".md")) }
    }

    /// A page whose body changed, with its new file.
    struct BodyEdit {
        var id: PageID
        var file: ContentFile
        /// The body's start in the new text, which is the old one's: the front matter before it is the same.
        var bodyOffset: Int
    }

    /// The pages whose body alone changed since this site was made, when nothing else did: the same
    /// settings, templates, data, files and day, and in each changed page the same front matter, with
    /// an explicit `date` (an undated page is dated by its file, which an edit changes). Nil when
    /// anything else changed, and the site must be made again.
    func bodyEdits(in new: LoadedSite, otherStamps newStamps: [FileStamp], day: String) -> [BodyEdit]? {
        guard day == self.day, new.settingsText == loaded.settingsText, newStamps == otherStamps,
              new.staticFiles.map(\.relativePath) == loaded.staticFiles.map(\.relativePath),
              new.templates.count == loaded.templates.count,
              zip(new.templates, loaded.templates).allSatisfy({ $0.kind == $1.kind && $0.name == $1.name && $0.file.text == $1.file.text }),
              new.data.files.count == loaded.data.files.count,
              new.data.files.allSatisfy({ loaded.data.files[$0.key]?.file.text == $0.value.file.text }),
              new.pages.count == loaded.pages.count
        else { return nil }
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
