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

    @Test func tablesAreNumberedInTheOrderTheyAppear() {
        let result = rendered("See [](table:second).\n\n| a |\n|---|\n| 1 |\n\nTable: First {#first}\n\n| b |\n|---|\n| 2 |\n\nTable: Second {#second}\n")
        #expect(result.html.hasPrefix("<p>See <a href=\"#second\">Table 2</a>.</p>"))
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
        #expect(result.messages.first?.hasPrefix("Content/alliance/page.md:7:1: error: the id 'x' is given twice on this page") == true)
    }

    /// `{#source-1}` or `{#main}` gave the page an id twice: invalid HTML, and `[1]` led to the table.
    @Test(arguments: ["source-1", "fn-2", "fnref-1-2", "main", "notes-title"])
    func anIdThePageHasOfItsOwnIsAnError(_ id: String) {
        let result = rendered("| a |\n|---|\n| 1 |\n\nTable: One {#\(id)}\n")
        #expect(result.messages.first?.hasPrefix(
            "Content/alliance/page.md:1:1: error: the id '\(id)' is one the page gives its own elements (its sources, notes or theme): choose another"
        ) == true)
        #expect(ThemeIDs.isPages("source-notes") == false && ThemeIDs.isPages("fn-") == false)
    }

    @Test func trailingIDs() {
        #expect(CrossReferences.trailingID("Key figures {#key-figures}")! == ("Key figures", "key-figures"))
        #expect(CrossReferences.trailingID("No id") == nil)
        #expect(CrossReferences.trailingID("Bad {#a b}") == nil)
    }
}
