/// The languages a page is in: the one it is filed under, whose words the theme shows around it, and the
/// one its front matter may say its title and text are written in.
extension SiteModel {
    /// The `lang` of a language: on a single-language site, `language` from site.yaml as it always was.
    func languageCode(_ language: Int) -> String {
        settings.isMultilingual ? languages[language].code : settings.language
    }

    /// The language a page is written in when its front matter's `lang:` is not the one it is filed under
    /// (an Arabic statement on an English site), with its `dir:`, else its script's direction: its title
    /// and text are marked with it, and the theme's words around and among them with the other.
    func ownLanguage(of page: Page) -> (code: String, direction: Language.Direction)? {
        guard let code = page.metadata.lang, code != languageCode(page.language) else { return nil }
        return (code, page.metadata.direction ?? Language.direction(ofCode: code))
    }
}
