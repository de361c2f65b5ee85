import BriefingTemplates

/// The root's `index.html` when the default language is published under a prefix of its own (`/en/`
/// beside `/ko/`): a browser goes on at once to the default language's home page, which search engines
/// are told is the page, and a reader whose browser does not follow the redirect finds every language's
/// home page listed, each named in its own language.
struct LanguageRoot {
    let model: SiteModel

    func render() -> String {
        let router = model.router
        let first = model.languages[0]
        let title = HTMLEscape.escaped(first.title ?? model.settings.title)
        let home = HTMLEscape.escaped(router.url(router.homeRoute(0)))
        var html = """
        <!doctype html>
        <html lang="\(first.code)" dir="\(first.direction.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title)</title>
        <link rel="canonical" href="\(HTMLEscape.escaped(router.permalink(router.homeRoute(0))))">
        <meta http-equiv="refresh" content="0; url=\(home)">
        </head>
        <body>
        <main>
        <h1>\(title)</h1>
        <ul>

        """
        for (number, language) in model.languages.enumerated() {
            let url = HTMLEscape.escaped(router.url(router.homeRoute(number)))
            html += "<li><a href=\"\(url)\" hreflang=\"\(language.code)\" lang=\"\(language.code)\" dir=\"\(language.direction.rawValue)\">\(HTMLEscape.escaped(language.name))</a></li>\n"
        }
        return html + "</ul>\n</main>\n</body>\n</html>\n"
    }
}
