import Testing
@testable import BriefingKit
@testable import BriefingMarkdown
@testable import BriefingSupport

@Suite struct CrossReferencesTests {
    /// The transforms that number and cite, in the order a page build runs them.
    private func rendered(_ markdown: String) -> (html: String, messages: [String]) {
        let model = TransformHarness.run("", []).context.model
        let result = TransformHarness.run(markdown, [
            PipeTables(), Images(contentFolder: nil, contentFiles: ["alliance/map.svg"]), InternalLinks(model: model, contentFiles: ["alliance/map.svg"]),
            CrossReferences(), HeadingAnchors(siteLevels: 2...3),
        ])
        return (result.html, result.diagnostics.map(\.description))
    }

    /// With smart punctuation, `{#q1--2026}` in a heading or a caption was read as `{#q1–2026}` and refused.
    @Test func anIdWithTwoHyphensSurvivesSmartPunctuation() {
        let markdown = "See [](section:q1--2026) and [](table:t---1).\n\n## First quarter {#q1--2026}\n\n| A |\n|---|\n| 1 |\n\nTable: Results {#t---1}\n"
        let model = TransformHarness.model(of: markdown, options: MarkdownOptions(smartPunctuation: true))
        let result = TransformHarness.run(markdown, [
            PipeTables(), InternalLinks(model: model, contentFiles: []), CrossReferences(), HeadingAnchors(siteLevels: 2...3),
        ], options: MarkdownOptions(smartPunctuation: true))
        #expect(result.diagnostics.isEmpty, "\(result.messageLines)")
        #expect(result.html.contains(##"<p>See <a href="#q1--2026">First quarter</a> and <a href="#t---1">Table 1</a>.</p>"##))
        #expect(result.html.contains(#"<h2 id="q1--2026">First quarter</h2>"#))
        #expect(result.html.contains(#"<caption><span class="caption-number">Table 1:</span> Results</caption>"#))
    }

    @Test func tablesFiguresAndHeadingsAreCitedByNumberOrTitle() {
        let result = rendered("""
            ## Who pays

            As [](table:payments) shows, and [the map](image:bases) too ([](image:bases)); see [](section:who-pays).

            | Year | Paid |
            |---|---:|
            | 2026 | $1.2 billion |

            Table: What Seoul pays {#payments}

            ![Bases](map.svg "Where the bases are {#bases}")
            """)
        #expect(result.html.contains("<p>As <a href=\"#payments\">Table 1</a> shows, and <a href=\"#bases\">the map</a> too (<a href=\"#bases\">Figure 1</a>); see <a href=\"#who-pays\">Who pays</a>.</p>"))
        #expect(result.html.contains("<figure class=\"data-table\" id=\"payments\">"))
        #expect(result.html.contains("<caption><span class=\"caption-number\">Table 1:</span> What Seoul pays</caption>"))
        #expect(result.html.contains("<figure class=\"image-figure\" id=\"bases\">"))
        #expect(result.html.contains("<figcaption><span class=\"caption-number\">Figure 1:</span> Where the bases are</figcaption>"))
        #expect(result.messages.isEmpty)
    }

    /// `[](table:x)를` was right while the table was the second; a table added above made it `1를`.
    @Test func aKoreanParticleAfterACitationAgreesWithWhatItShows() {
        let result = rendered("""
            ## 분담금

            [](table:first)를 보면 [](table:second)과 [](table:first)으로 [](section:분담금)는 [](table:second)이번

            | a |
            |---|
            | 1 |

            Table: First {#first}

            | b |
            |---|
            | 2 |

            Table: Second {#second}
            """)
        #expect(result.html.contains(
            "<a href=\"#first\">Table 1</a>을 보면 <a href=\"#second\">Table 2</a>와 <a href=\"#first\">Table 1</a>로 "
                + "<a href=\"#%EB%B6%84%EB%8B%B4%EA%B8%88\">분담금</a>은 <a href=\"#second\">Table 2</a>이번"
        ))
    }

    @Test(arguments: [
        ("를 보십시오", "1", "을 보십시오"), ("을", "2", "를"), ("이 늘었다", "4", "가 늘었다"), ("가", "10", "이"),
        ("로서", "3", "으로서"), ("으로", "7", "로"), ("와", "100", "과"), ("는", "표", "는"), ("은", "Figure", "은"),
    ])
    func particlesFollowTheSoundOfTheWord(text: String, word: String, agreeing: String) {
        #expect((KoreanParticles.agreeing(text, after: word) ?? text) == agreeing)
    }

    @Test func tablesAreNumberedInTheOrderTheyAppear() {
        let result = rendered("See [](table:second).\n\n| a |\n|---|\n| 1 |\n\nTable: First {#first}\n\n| b |\n|---|\n| 2 |\n\nTable: Second {#second}\n")
        #expect(result.html.hasPrefix("<p>See <a href=\"#second\">Table 2</a>.</p>"))
    }

    /// `Table: {#a}` gave the table a number the text cited ("See Table 1") and no caption to show it in:
    /// the reader found no "Table 1" anywhere, and its region was announced as "Table".
    @Test func aTableWithAnIdAndNoCaptionWordsShowsItsNumber() {
        let result = rendered("See [](table:a).\n\n| a |\n|---|\n| 1 |\n\nTable: {#a}\n")
        #expect(result.html.contains("<p>See <a href=\"#a\">Table 1</a>.</p>"))
        #expect(result.html.contains("aria-label=\"Table 1\">\n<table>\n<caption><span class=\"caption-number\">Table 1</span></caption>\n<thead>"))
        #expect(result.messages.isEmpty)
    }

    /// An image labelled "Figure 1" cited as `[](figure:bases)` was told only what figures.yaml defines.
    @Test func anImageCitedAsAFigureIsToldItsScheme() {
        let model = TransformHarness.run("", []).context.model
        let result = TransformHarness.run("See [](figure:bases).\n\n![Bases](map.svg \"Where the bases are {#bases}\")\n", [
            Images(contentFolder: nil, contentFiles: ["alliance/map.svg"]), InternalLinks(model: model, contentFiles: ["alliance/map.svg"]),
            FigureCitations(figures: [:]), CrossReferences(),
        ])
        #expect(result.diagnostics.map { $0.description.components(separatedBy: "\n")[0] } == [
            "Content/alliance/page.md:1:5: error: unknown figure 'bases' (figures.yaml defines: none); an image of this page has the id 'bases': cite it as [](image:bases)",
        ])
    }

    @Test func anUnknownIdIsAnErrorAtTheLink() {
        let result = rendered("Intro.\n\nSee [](table:missing) and [](section:nowhere).\n")
        #expect(result.messages == [
            """
            Content/alliance/page.md:3:5: error: no table with the id 'missing' on this page (tables with ids: none); give one an id with {#missing}
            See [](table:missing) and [](section:nowhere).
                ^
            """,
            """
            Content/alliance/page.md:3:27: error: no heading with the id 'nowhere' on this page (headings: none)
            See [](table:missing) and [](section:nowhere).
                                      ^
            """,
        ])
    }

    @Test func anIdGivenTwiceIsAnError() {
        let result = rendered("| a |\n|---|\n| 1 |\n\nTable: One {#x}\n\n![B](map.svg \"Two {#x}\")\n")
        #expect(result.messages.first?.hasPrefix("Content/alliance/page.md:7:19: error: the id 'x' is given twice on this page") == true)
    }

    /// `{#source-1}` or `{#main}` gave the page an id twice: invalid HTML, and `[1]` led to the table.
    @Test(arguments: ["source-1", "fn-2", "fnref-1-2", "main", "notes-title"])
    func anIdThePageHasOfItsOwnIsAnError(_ id: String) {
        let result = rendered("| a |\n|---|\n| 1 |\n\nTable: One {#\(id)}\n\nSee [](table:\(id)).\n")
        // Where the caption gives it, and once: citing it is no second mistake.
        #expect(result.messages.map { $0.components(separatedBy: "\n")[0] } == [
            "Content/alliance/page.md:5:12: error: the id '\(id)' is one the page gives its own elements (its sources, notes or theme): choose another"
        ])
        #expect(ThemeIDs.isPages("source-notes") == false && ThemeIDs.isPages("fn-") == false)
    }

    @Test func trailingIDs() {
        #expect(CrossReferences.trailingID("Key figures {#key-figures}")! == ("Key figures", "key-figures"))
        #expect(CrossReferences.trailingID("주요 수치 {#표-하나}")! == ("주요 수치", "표-하나"))
        #expect(CrossReferences.trailingID("Cap {#Über_1}")! == ("Cap", "Über_1"))
        #expect(CrossReferences.trailingID("No id") == nil)
        #expect(CrossReferences.trailingID("Bad {#a b}") == nil)
        #expect(CrossReferences.trailingNonID("Bad {#a b}") == "{#a b}")
        #expect(CrossReferences.trailingNonID("Good {#a-b}") == nil && CrossReferences.trailingNonID("No id") == nil)
    }

    /// `{#표-하나}` and `{#Über_1}` were left in the caption as text, without a number or a word, and a
    /// `[](table:표-하나)` then failed saying "give one an id with {#표-하나}", as the editor had.
    @Test func idsInAnyScriptNumberTablesAndFiguresAndOthersAreWarnedOf() {
        let result = rendered("""
            See [](table:표-하나) and [](image:Über_1).

            | a |
            |---|
            | 1 |

            Table: 주요 수치 {#표-하나}

            ![Bases](map.svg "Bases {#Über_1}")

            | b |
            |---|
            | 2 |

            Table: Not one {#bad id!}

            ![Map](map.svg "Not one either {#Upper.Case}")
            """)
        #expect(result.html.hasPrefix(##"<p>See <a href="#%ED%91%9C-%ED%95%98%EB%82%98">Table 1</a> and <a href="#%C3%9Cber_1">Figure 1</a>.</p>"##))
        #expect(result.html.contains(#"<figure class="data-table" id="표-하나">"#))
        #expect(result.html.contains(#"<figure class="image-figure" id="Über_1">"#))
        #expect(result.html.contains("<caption>Not one {#bad id!}</caption>"))
        #expect(result.messages.map { $0.components(separatedBy: "\n")[0] } == [
            "Content/alliance/page.md:15:16: warning: '{#bad id!}' at the end of the caption is not an id, which is letters, digits, '-' and '_' (such as {#key-figures}): it is shown as written",
            "Content/alliance/page.md:17:32: warning: '{#Upper.Case}' at the end of the image's title is not an id, which is letters, digits, '-' and '_' (such as {#key-figures}): it is shown as written",
        ])
    }
}
