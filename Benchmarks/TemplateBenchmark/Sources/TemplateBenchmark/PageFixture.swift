import BriefingTemplates

/// A briefing page as the site renders it: a base layout with blocks, a page layout that fills
/// them and pulls in header, footer, byline and table-of-contents partials, and the page's data.
///
/// Partial tags and block content sit at column 0: swift-mustache indents only the first line
/// of a section inside an indented partial or block (the spec indents every line), and the two
/// outputs are compared byte for byte before timing.
enum PageFixture {
    static let templates: [String: String] = [
        "base": """
            <!DOCTYPE html>
            <html lang="{{site.language}}">
            <head>
              <meta charset="utf-8">
              <title>{{$title}}{{site.title}}{{/title}}</title>
              <meta name="description" content="{{page.description}}">
              <link rel="stylesheet" href="{{site.baseURL}}/style.css">
              {{$head}}{{/head}}
            </head>
            <body class="{{$bodyClass}}default{{/bodyClass}}">
            {{>header}}
              <main id="content">
            {{$main}}<p>Nothing here yet.</p>{{/main}}
              </main>
            {{>footer}}
            </body>
            </html>

            """,
        "page": """
            {{<base}}
            {{$title}}{{page.title}} | {{site.title}}{{/title}}
            {{$head}}<link rel="canonical" href="{{site.baseURL}}{{page.url}}"><meta property="og:title" content="{{page.title}}">{{/head}}
            {{$bodyClass}}briefing{{/bodyClass}}
            {{$main}}
            <article class="briefing">
            <header>
            <p class="kicker">{{page.section}}</p>
            <h1>{{page.title}}</h1>
            <p class="summary">{{page.summary}}</p>
            {{>byline}}
            </header>
            {{>toc}}
            <div class="body">
            {{{page.content}}}
            </div>
            <footer>
            <ul class="tags">
            {{#page.tags}}
            <li><a href="{{site.baseURL}}/tags/{{slug}}/">{{name}}</a></li>
            {{/page.tags}}
            </ul>
            <section class="sources">
            <h2>Sources</h2>
            <ol>
            {{#page.sources}}
            <li><a href="{{url}}">{{title}}</a>, {{publisher}} ({{date}})</li>
            {{/page.sources}}
            </ol>
            </section>
            </footer>
            </article>
            <aside class="related">
            <h2>Related briefings</h2>
            <ul>
            {{#related}}
            <li><a href="{{site.baseURL}}{{url}}">{{title}}</a><span class="date">{{date}}</span><p>{{summary}}</p></li>
            {{/related}}
            {{^related}}<li>No related briefings.</li>{{/related}}
            </ul>
            </aside>
            {{/main}}
            {{/base}}

            """,
        "header": """
            <header class="site-header">
              <a class="brand" href="{{site.baseURL}}/">{{site.title}}</a>
              <nav>
                <ul>
                  {{#site.nav}}
                  <li><a href="{{site.baseURL}}{{url}}">{{title}}</a></li>
                  {{/site.nav}}
                </ul>
              </nav>
            </header>

            """,
        "footer": """
            <footer class="site-footer">
              <p>&copy; {{site.year}} {{site.publisher}}. {{site.license}}</p>
              <p>Built {{build.date}} with Briefing {{build.version}}.</p>
            </footer>

            """,
        "byline": """
            <p class="byline">
              By {{#page.authors}}<a rel="author" href="{{site.baseURL}}/authors/{{slug}}/">{{name}}</a>{{#role}} ({{role}}){{/role}}; {{/page.authors}}
              <time datetime="{{page.date}}">{{page.dateText}}</time>, {{page.readingTime}} min read
            </p>

            """,
        "toc": """
            <nav class="toc">
              <h2>Contents</h2>
              <ol>
                {{#page.toc}}
                <li class="level-{{level}}"><a href="#{{id}}">{{title}}</a></li>
                {{/page.toc}}
              </ol>
            </nav>

            """,
    ]

    static let sectionTitles = [
        "Background", "What happened", "Why it matters", "The numbers",
        "What officials say", "Risks & unknowns", "What comes next", "Bottom line",
    ]

    static let words = """
        deterrence posture alliance forces readiness budget procurement doctrine exercise border \
        escalation signal treaty inspection missile defense logistics brigade naval patrol airspace \
        sanctions energy pipeline cyber resilience command regional partners commitment capability \
        assessment intelligence report analysts estimate timeline pressure negotiation ceasefire \
        observers infrastructure deployment rotation training reserve mobilisation funding parliament
        """.split(separator: " ").map(String.init)

    /// About 1,500 words of article HTML, eight headed sections of three paragraphs each.
    static let article: String = {
        var html = ""
        var wordIndex = 0
        var count = 0
        for (sectionIndex, title) in sectionTitles.enumerated() {
            let heading = title.replacingOccurrences(of: "&", with: "&amp;")
            html += "<h2 id=\"section-\(sectionIndex + 1)\">\(heading)</h2>\n"
            for paragraph in 0..<3 {
                var sentence: [String] = []
                for position in 0..<62 {
                    var word = words[wordIndex % words.count]
                    wordIndex += 7
                    if position == 0 { word = word.prefix(1).uppercased() + word.dropFirst() }
                    if position % 17 == 5 { word = "<em>\(word)</em>" }
                    if position % 29 == 11 { word = "<a href=\"https://example.org/\(word)\">\(word)</a>" }
                    sentence.append(word)
                    count += 1
                }
                let ending = paragraph == 2 ? ".</p>\n" : ". “Quoted” text &amp; more.</p>\n"
                html += "<p>" + sentence.joined(separator: " ") + ending
            }
        }
        return html
    }()

    static let context: TemplateValue = {
        let toc: [TemplateValue] = sectionTitles.enumerated().map { index, title in
            ["level": 2, "id": .string("section-\(index + 1)"), "title": .string(title)]
        }
        let tags: [TemplateValue] = ["Deterrence", "NATO", "Baltic states", "Air defence", "Budget", "Readiness"].map {
            ["name": .string($0), "slug": .string($0.lowercased().replacingOccurrences(of: " ", with: "-"))]
        }
        let sources: [TemplateValue] = (1...5).map { number in
            [
                "title": .string("Report \(number): “Force posture & readiness” <annex \(number)>"),
                "url": .string("https://example.org/reports/\(number)?lang=en&format=pdf"),
                "publisher": .string(["IISS", "RAND", "SIPRI", "Chatham House", "CSIS"][number - 1]),
                "date": .string("2026-0\(number)-1\(number)"),
            ]
        }
        let related: [TemplateValue] = (1...5).map { number in
            [
                "title": .string("Related briefing \(number): the O'Neill memo & its critics"),
                "url": .string("/briefings/related-\(number)/"),
                "date": .string("2026-10-0\(number)"),
                "summary": .string("Summary of related briefing \(number), with \"quotes\" and <angle brackets>."),
            ]
        }
        let authors: [TemplateValue] = [
            ["name": "Ada Lovelace", "slug": "ada-lovelace", "role": "defence editor"],
            ["name": "Grace Hopper", "slug": "grace-hopper", "role": nil],
            ["name": "Edsger Dijkstra", "slug": "edsger-dijkstra", "role": "data"],
        ]
        let nav: [TemplateValue] = [
            ["title": "Briefings", "url": "/briefings/"],
            ["title": "Topics", "url": "/topics/"],
            ["title": "Data", "url": "/data/"],
            ["title": "About", "url": "/about/"],
        ]
        return [
            "site": [
                "title": "Defence Briefing",
                "language": "en",
                "baseURL": "https://briefing.example.org",
                "year": 2026,
                "publisher": "Briefing & Partners",
                "license": "CC BY 4.0",
                "nav": .list(nav),
            ],
            "build": ["date": "2026-11-23", "version": "0.1.0"],
            "page": [
                "title": "Baltic air defence: what the new budget buys",
                "section": "Deterrence",
                "summary": "The alliance's plan adds <b>six</b> batteries & a shared radar picture — at a cost.",
                "description": "Baltic air defence budget, explained.",
                "url": "/briefings/baltic-air-defence/",
                "date": "2026-11-20",
                "dateText": "20 November 2026",
                "readingTime": 7,
                "authors": .list(authors),
                "toc": .list(toc),
                "tags": .list(tags),
                "sources": .list(sources),
                "content": .html(article),
            ],
            "related": .list(related),
        ]
    }()

    /// The same data for swift-mustache, which reads `[String: Any]` through reflection.
    static func anyValue(_ value: TemplateValue) -> Any? {
        switch value {
        case .null: nil
        case .bool(let flag): flag
        case .int(let number): number
        case .double(let number): number
        case .string(let text), .html(let text): text
        case .list(let items): items.map { anyValue($0) as Any }
        case .map(let entries): Dictionary(entries.compactMap { key, value in anyValue(value).map { (key, $0) } }, uniquingKeysWith: { first, _ in first })
        case .lambda: nil
        }
    }
}
