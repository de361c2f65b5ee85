import Testing
@testable import BriefingKit

/// A pipe table's caption and source lines as editors type them, from a word processor's habits: each of
/// these was text under the table, the table left without its caption or its numbered sources.
@Suite struct PipeTableMarkersTests {
    private func rendered(_ markdown: String) -> TransformHarness.Result {
        TransformHarness.run(markdown, [PipeTables(warnsOfMissingSources: true), Footnotes(), CrossReferences()])
    }

    private let table = "| Year | Paid |\n|---|---|\n| 2026 | 1.5 |\n\n"
    private let stateSource = ##"<p class="table-source">Source: <a href="https://www.state.gov/">State</a><sup class="cite">"##

    @Test func aMarkerInCapitalsOrLowerCase() {
        for line in ["SOURCE: [State](https://www.state.gov/)", "source: [State](https://www.state.gov/)", "SOURCES : [State](https://www.state.gov/)"] {
            let result = rendered(table + "TABLE: What Seoul pays\n\n" + line + "\n")
            #expect(result.html.contains("<caption>What Seoul pays</caption>"), "\(line)")
            #expect(result.html.contains(stateSource), "\(line)")
            #expect(result.messageLines.isEmpty, "\(line)")
        }
    }

    @Test func aMarkerInItalicsOrBold() {
        let italic = rendered(table + "*Table: What Seoul pays*\n\n*Source: [State](https://www.state.gov/)*\n")
        #expect(italic.html.contains("<caption>What Seoul pays</caption>"))
        #expect(italic.html.contains(stateSource))
        #expect(italic.messageLines.isEmpty)
        let bold = rendered(table + "**Table:** What Seoul pays\n\n**Source:** [State](https://www.state.gov/)\n")
        #expect(bold.html.contains("<caption>What Seoul pays</caption>"))
        #expect(bold.html.contains(stateSource))
        #expect(bold.messageLines.isEmpty)
        // Right under the caption, as one paragraph with it.
        let underCaption = rendered(table + "Table: What Seoul pays\n_Source:_ [State](https://www.state.gov/)\n")
        #expect(underCaption.html.contains("<caption>What Seoul pays</caption>"))
        #expect(underCaption.html.contains(stateSource))
        #expect(underCaption.messageLines.isEmpty)
        let row = rendered("| a |\n|---|\n| 1 |\n*Source:* [State](https://www.state.gov/)\n")
        #expect(row.messageLines.contains(
            "Content/alliance/page.md:4:1: warning: this line is a row of the table above, not its caption or sources: leave a blank line before it"
        ))
    }

    /// `Table 1: …` was no caption at all; it now numbers the table, in order with those given an id.
    @Test func aNumberTypedInTheCaptionNumbersTheTable() {
        let markdown = table + "Table 1: First\n\n" + table + "Table 2. Second {#second}\n\nSee [](table:second).\n"
        let result = rendered(markdown)
        #expect(result.html.contains(##"<caption><span class="caption-number">Table 1:</span> First</caption>"##))
        #expect(result.html.contains(##"<caption><span class="caption-number">Table 2:</span> Second</caption>"##))
        #expect(result.html.contains(##"See <a href="#second">Table 2</a>."##))
        #expect(!result.messageLines.contains { !$0.contains("cites no source") })
    }

    @Test func aWrongNumberIsShownAsTheBuildNumbersAndWarnedOf() {
        let result = rendered(table + "Table: Unnumbered\n\n" + table + "Table: First {#first}\n\n" + table + "Table 3: Second\n")
        #expect(result.html.contains(##"<caption><span class="caption-number">Table 2:</span> Second</caption>"##))
        #expect(result.messageLines.filter { !$0.contains("cites no source") } == [
            "Content/alliance/page.md:17:1: warning: this caption numbers its table 3, but it is the page's numbered table 2, so readers see "
                + "'Table 2': the build numbers tables in order; leave the number out of the caption",
        ])
    }

    /// `Table 2.1:` showed as "Table 1: 1: …", and `Table 1.5 million…` lost its sentence to a caption.
    @Test func aChaptersNumberingIsKeptAsTypedAndADecimalIsNoMarker() {
        let chapter = rendered(table + "Table 2.1: Defence budgets\n\n*Source*: [State](https://www.state.gov/)\n")
        #expect(chapter.html.contains("<caption>Table 2.1: Defence budgets</caption>"))
        #expect(chapter.html.contains(stateSource))
        #expect(chapter.messageLines.isEmpty)
        let sentence = rendered(table + "Table 1.5 million people were counted.\n")
        #expect(sentence.html.contains("<p>Table 1.5 million people were counted.</p>"))
        let spaced = rendered(table + "Table 1 : Spaced\n\nSource:\n")
        #expect(spaced.html.contains(##"<caption><span class="caption-number">Table 1:</span> Spaced</caption>"##))
        #expect(spaced.messageLines == [
            "Content/alliance/page.md:7:1: warning: this Source: line names no source: write it after the colon, as 'Source: [publisher](https://…)'",
        ])
    }

    /// `Table I:`, `Table A1:` and `Table 3-1:` were text under their table.
    @Test func aLabelTheBuildCannotNumberIsKeptAsTyped() {
        for label in ["Table I: Roman", "Table IV: Roman", "Table IV. Roman", "Table A1: Annex", "Table 3-1: Chapter", "Table 1a: Part", "[Table 2.1] Bracketed", "Table iv: Small Roman", "Table Ⅳ: Unicode Roman", "Table xii. Twelve", "[Table Ⅱ] Bracketed Roman"] {
            let result = rendered(table + label + "\n\nSource: [State](https://www.state.gov/)\n")
            #expect(result.html.contains("<caption>\(label)</caption>"), "\(label)")
            #expect(result.messageLines.isEmpty, "\(label)")
        }
        for prose in ["Tables: chairs and desks.", "Table of contents: none.", "Table one: a sentence.", "Table mix: a word.", "Table ix-ray: a word."] {
            #expect(rendered(table + prose + "\n").html.contains("<p>\(prose)</p>"), "\(prose)")
        }
    }

    /// A caption above its table (where Korean reports and many others put it) was text, and the table
    /// had none; between two tables, a caption is the first's, as in pandoc.
    @Test func aCaptionAboveItsTable() {
        let above = rendered("Table 1: What Seoul pays\n\n" + table + "Source: [State](https://www.state.gov/)\n")
        #expect(above.html.contains(##"<caption><span class="caption-number">Table 1:</span> What Seoul pays</caption>"##))
        #expect(above.html.contains(stateSource))
        #expect(above.messageLines.isEmpty)
        #expect(!above.html.contains("<p>Table"))
        // Above a table followed by a code block, with no blank line between.
        let codeAfter = rendered("Table: What Seoul pays\n\n" + table.dropLast() + "    let x = 1\n")
        #expect(codeAfter.html.contains("<caption>What Seoul pays</caption>"))
        let noBlankLine = rendered("*Table: What Seoul pays*\n" + table)
        #expect(noBlankLine.html.contains("<caption>What Seoul pays</caption>"))
        let both = rendered("Table: First\n\n" + table + "Table: Second\n\n" + table + "Table: Third\n")
        #expect(both.html.contains("<caption>First</caption>"))
        #expect(both.html.contains("<caption>Second</caption>"))
        #expect(both.messageLines.filter { !$0.contains("cites no source") } == [
            "Content/alliance/page.md:13:1: warning: this table already has its caption above it, so readers see this one as text: keep one of the two",
        ])
        let between = rendered(table + "Table: Of the first\n\n" + table)
        // The caption is inside its table: the HTML before it holds one `<table>` for the first, two for the second.
        #expect(between.html.components(separatedBy: "<caption>Of the first</caption>").first?.components(separatedBy: "<table>").count == 2)
        // After the first table's source line, or its own caption, a caption right above a table is that table's.
        let afterSource = rendered(table + "Source: [State](https://www.state.gov/)\n\nTable: Of the second\n\n" + table)
        #expect(afterSource.html.components(separatedBy: "<caption>Of the second</caption>").first?.components(separatedBy: "<table>").count == 3)
        let afterCaption = rendered("Table: First\n\n" + table + "Table: Second\n\n" + table)
        #expect(afterCaption.html.components(separatedBy: "<caption>Second</caption>").first?.components(separatedBy: "<table>").count == 3)
        #expect(afterCaption.messageLines.allSatisfy { $0.contains("cites no source") })
    }

    /// A second caption under a table with one above it was "a caption that belongs to no table", and the
    /// source line under it was cut off the table.
    @Test func aSecondCaptionIsNamedAndTheSourceStillTaken() {
        let result = rendered("Table: Above\n\n" + table + "Table: After\n\nSource: [State](https://www.state.gov/)\n")
        #expect(result.html.contains("<caption>Above</caption>"))
        #expect(result.html.contains("<p>Table: After</p>"))
        #expect(result.html.contains(stateSource))
        #expect(result.messageLines == [
            "Content/alliance/page.md:7:1: warning: this table already has its caption above it, so readers see this one as text: keep one of the two",
        ])
    }

    /// The caption on the last line of a paragraph of prose, or under a callout's or a quotation's marker,
    /// was more of that paragraph, and the table had none.
    @Test func aCaptionLineEndingTheParagraphAboveIsTheCaption() {
        let prose = rendered("Some intro text.\nTable: Bases\n\n" + table)
        #expect(prose.html.hasPrefix("<p>Some intro text.</p>\n"))
        #expect(prose.html.contains("<caption>Bases</caption>"))
        let callout = rendered("> [!NOTE]\n> Table: In a callout\n>\n> | Year | Paid |\n> |---|---|\n> | 2026 | 1.5 |\n")
        #expect(callout.html.contains("<p>[!NOTE]</p>"))
        #expect(callout.html.contains("<caption>In a callout</caption>"))
    }

    /// `Table: *The Korea Times*` lost its italics: only a paste's emphasis around the marker is dropped.
    @Test func aCaptionsOwnEmphasisIsKept() {
        #expect(rendered(table + "Table: *The Korea Times* on the alliance\n").html.contains("<caption><em>The Korea Times</em> on the alliance</caption>"))
        #expect(rendered(table + "Table: *The Korea Times*\n").html.contains("<caption><em>The Korea Times</em></caption>"))
        #expect(rendered(table + "*Table: The Korea Times*\n").html.contains("<caption>The Korea Times</caption>"))
    }

    /// `[Table 1]: Troops` is a link definition, gone from the page without a word; with more words it
    /// showed "Table 1: : Troops".
    @Test func aBracketedNumberFollowedByAColon() {
        let definition = rendered(table + "[Table 1]: Troops\n")
        #expect(!definition.html.contains("Troops"))
        #expect(definition.messageLines.contains(
            "Content/alliance/page.md:5:1: warning: '[Table 1]:' makes this line a link definition (as on GitHub), so readers never see it: "
                + "write the caption without the colon, '[Table 1] Troops', right above or after its table"
        ))
        let words = rendered(table + "[Table 1]: US troops\n")
        #expect(words.html.contains(##"<caption><span class="caption-number">Table 1:</span> US troops</caption>"##))
        #expect(rendered(table + "[Table A1] Annex\n").html.contains("<caption>[Table A1] Annex</caption>"))
    }

    /// `Source: [](figure:us-troops)` showed no source line: the figure's source is the table's.
    @Test func aFigureOnTheSourceLineIsTheTablesSource() {
        let troops = Figure(id: "us-troops", value: "28,500", label: "Troops", unit: nil, source: "USFK", url: "https://www.usfk.mil/", asOf: nil, asOfLocation: nil, location: nil)
        let figures = FigureCitations(figures: ["us-troops": troops])
        let run = { (markdown: String) in
            TransformHarness.run(markdown, [PipeTables(warnsOfMissingSources: true, figures: figures), Footnotes(), figures, CrossReferences()])
        }
        let result = run(table + "Source: [](figure:us-troops); [State](https://www.state.gov/)\n")
        #expect(result.html.contains(##"<p class="table-source">Sources: <a href="https://www.usfk.mil/">USFK</a><sup class="cite">"##))
        #expect(result.html.contains(##"<a href="https://www.state.gov/">State</a>"##))
        #expect(!result.html.contains("28,500"))
        #expect(result.messageLines.isEmpty)
        // Struck through, a retracted source: in neither the line nor the page's Sources. Two figures of one
        // publication are one source.
        let sma = Figure(id: "sma", value: "1", label: "SMA", unit: nil, source: "State", url: "https://www.state.gov/", asOf: nil, asOfLocation: nil, location: nil)
        let both = FigureCitations(figures: ["us-troops": troops, "sma": sma, "sma-rise": sma])
        let struck = TransformHarness.run(
            table + "Source: ~~[](figure:us-troops)~~ [](figure:sma); [](figure:sma-rise)\n",
            [PipeTables(warnsOfMissingSources: true, figures: both), Footnotes(), both, CrossReferences()]
        )
        #expect(struck.html.contains(stateSource + ##"&#8288;<a href="#source-1" aria-label="Source 1">[1]</a></sup></p>"##))
        #expect(!struck.html.contains("usfk"))
        #expect(struck.context.citations.sources.map(\.title) == ["State"])
        let unknown = run(table + "Source: [](figure:us-troop)\n")
        #expect(unknown.messageLines == [
            "Content/alliance/page.md:5:9: error: unknown figure 'us-troop' (figures.yaml defines: us-troops)",
        ])
    }

    /// A word that starts a sentence is no marker: only a number and a period or a colon make one.
    @Test func proseAfterATableStaysProse() {
        let result = rendered(table + "Tables like this one show the trend.\n\nSources say more.\n\nTable 2 shows the rest.\n")
        #expect(result.html.contains("<p>Tables like this one show the trend.</p>"))
        #expect(result.html.contains("<p>Sources say more.</p>"))
        #expect(result.html.contains("<p>Table 2 shows the rest.</p>"))
    }
}
