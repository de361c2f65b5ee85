/// Every Markdown extension, in the order it runs on each page. The order matters where one transform
/// reads what another leaves: links are resolved before figures replace theirs; tables, callouts and FAQ
/// sections are made before words are counted and headings get ids (both read the headings, which
/// `HeadingAnchors` turns into HTML, last). Adding a transform is one file and one line here.
enum MarkdownTransforms {
    static func ordered(model: SiteModel, data: SiteData, contentFiles: Set<String>, qualityChecks: Bool) -> [any DocumentTransform] {
        let smartPunctuation = model.settings.markdown.smartPunctuation
        var transforms: [any DocumentTransform] = []
        // Before links are rewritten, so that messages show an image as the editor wrote it.
        if qualityChecks { transforms.append(ImageAltTextCheck()) }
        transforms += [
            InternalLinks(model: model, contentFiles: contentFiles, checkPublishedURLs: qualityChecks),
            SizeLimits(),
            FigureCitations(figures: data.figures, localized: data.localizedFigures),
            TableDirective(
                data: data, languageCodes: model.settings.isMultilingual ? model.languages.map(\.code) : [], smartPunctuation: smartPunctuation
            ),
            LanguageQuotes(languages: model.languages),
            Callouts(),
            FAQSections(),
            PageText(),
            HeadingAnchors(siteLevels: model.settings.tocLevels),
        ]
        if qualityChecks { transforms.append(OutlineCheck()) }
        return transforms
    }
}
