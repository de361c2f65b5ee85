import Foundation

/// Every Markdown extension, in the order it runs on each page. The order matters where one transform
/// reads what another leaves: links are resolved before figures replace theirs; tables, callouts and FAQ
/// sections are made before words are counted and headings get ids (both read the headings, which
/// `HeadingAnchors` turns into HTML, last). Adding a transform is one file and one line here.
enum MarkdownTransforms {
    static func ordered(
        model: SiteModel, data: SiteData, contentFiles: Set<String>, contentFolder: URL?, qualityChecks: Bool
    ) -> [any DocumentTransform] {
        let smartPunctuation = model.settings.markdown.smartPunctuation
        // Tables and footnotes first: a pipe table's cells and a table directive's caption become paragraphs
        // of their own and a note's blocks move to the end of the page, and every later transform (links,
        // figures, words) sees them there.
        let links = InternalLinks(model: model, contentFiles: contentFiles)
        let figures = FigureCitations(figures: data.figures, localized: data.localizedFigures, links: links)
        var transforms: [any DocumentTransform] = [
            UnclosedBlocks(), LookalikeMarkup(), TemplateCodeInText(), Autolinks(),
            PipeTables(warnsOfMissingSources: qualityChecks, figures: figures),
            TableDirective(
                data: data, links: links, languageCodes: model.settings.isMultilingual ? model.languages.map(\.code) : [],
                smartPunctuation: smartPunctuation
            ),
            Footnotes(), Strikethrough(),
            // Before the checks, which would take `[x]` for a reference no line defines.
            TaskLists(),
        ]
        // Before links are rewritten, so that messages show a link or image as the editor wrote it; and
        // before headings and callout titles become HTML, whose words are then text no more.
        if qualityChecks { transforms += [AccessibleNameCheck(), PlaceholderCheck(), LiteralMarkupCheck(), InputLeftoversCheck()] }
        // Before words are counted, so that the text kept from raw HTML counts; or, where raw HTML is
        // trusted, its ids reserved before links to them are checked and headings take theirs.
        transforms.append(model.settings.markdown.unsafe ? RawHTMLIDs() : RawHTMLText())
        transforms += [
            Images(contentFolder: contentFolder, contentFiles: contentFiles, checksImageFiles: qualityChecks),
            links,
            SizeLimits(),
            figures,
            CrossReferences(),
            LanguageQuotes(languages: model.languages),
            Callouts(),
            FAQSections(),
            KoreanLineBreaks(),
            PageText(),
            CodeBlocks(),
            HeadingAnchors(siteLevels: model.settings.tocLevels),
        ]
        if qualityChecks { transforms += [OutlineCheck(), PlainFieldsCheck()] }
        return transforms
    }
}
