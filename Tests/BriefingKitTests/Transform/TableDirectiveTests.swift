import Testing
@testable import BriefingKit
@testable import BriefingMarkdown
@testable import BriefingSupport

/// ```table blocks: a data file placed as a table with the default theme's data-table partial.
@Suite struct TableDirectiveTests {
    static let data: SiteData = {
        let files: [(fileName: String, file: SourceFile)] = [
            ("troops.csv", SourceFile(path: "Content/data/troops.csv", text: """
            Country,Troops,Since
            Korea,"28,500",1950
            Japan,"55,000",1945

            """)),
            ("bases.csv", SourceFile(path: "Content/data/bases.csv", text: """
            Base,Troops,Source,Source URL
            Humphreys,"36,000",USFK,https://www.usfk.mil/
            Osan,"7,000",USAF,https://www.af.mil/
            Kunsan,"2,500",USFK,https://www.usfk.mil/

            """)),
            ("figures.yaml", SourceFile(path: "Content/data/figures.yaml", text: """
            sma:
              value: $1.1 billion
              label: Korea's 2024 SMA contribution
              source: Ministry of Foreign Affairs
              url: https://www.mofa.go.kr/
            troops:
              value: "28,500"
              label: US troops in Korea
              source: USFK

            """)),
        ]
        // The files above are well formed: a failure here is a failure of every test that uses them.
        return try! SiteData.load(files)
    }()

    static func run(_ markdown: String) -> TransformHarness.Result {
        TransformHarness.run(markdown, [TableDirective(data: data)], data: data)
    }

    /// A table of 2,000 columns stopped at the renderer's work limit, and the message asked whether the theme
    /// nested a list's section inside another: the table is what to mend.
    @Test func aTableTooLargeToRenderIsNamedAsSuch() {
        let limit = Diagnostic.error("rendering took more than 50000000 steps or wrote more than 64 MB (sections nested over lists multiply…)")
        #expect(DataTables.unrendered(of: nil, rows: 200, columns: 2000, limit)
            == "this table (200 rows, 2000 columns, 400000 cells) is too large to render: split it into tables a reader can take in")
        let other = Diagnostic.error("unknown variable 'missing'")
        #expect(DataTables.unrendered(of: "t.csv", rows: 1, columns: 2, other) == "the theme could not render this table of t.csv (1 row, 2 columns): unknown variable 'missing'")
    }

    @Test func aCSVFileWithCaptionAndChosenRenamedColumns() {
        let result = TableDirectiveTests.run("""
        ```table
        data: troops.csv
        caption: US troops abroad
        columns: {Country: Host, Troops: US troops}
        source: USFK
        source-url: https://www.usfk.mil/
        ```
        """)
        #expect(result.diagnostics.isEmpty)
        #expect(result.html == """
            <figure class="data-table">
            <div class="table-wrap" role="region" tabindex="0" aria-label="US troops abroad">
            <table>
            <caption>US troops abroad</caption>
            <thead>
            <tr><th scope="col">Host</th><th scope="col" class="num">US troops</th></tr>
            </thead>
            <tbody>
            <tr><th scope="row">Korea</th><td class="num">28,500</td></tr>
            <tr><th scope="row">Japan</th><td class="num">55,000</td></tr>
            </tbody>
            </table>
            </div>
            <p class="table-source">Source: <a href="https://www.usfk.mil/">USFK</a><sup class="cite">&#8288;<a href="#source-1" aria-label="Source 1">[1]</a></sup></p>
            </figure>

            """)
        #expect(result.context.citations.sources == [SourceReference(title: "USFK", url: "https://www.usfk.mil/")])
    }

    @Test func aSourceColumnBecomesLinkedSources() {
        let result = TableDirectiveTests.run("""
        ```table
        data: bases.csv
        columns: [Base, Source]
        ```
        """)
        #expect(result.diagnostics.isEmpty)
        #expect(result.html == """
            <figure class="data-table">
            <div class="table-wrap" role="region" tabindex="0" aria-label="Table">
            <table>
            <thead>
            <tr><th scope="col">Base</th><th scope="col">Source</th></tr>
            </thead>
            <tbody>
            <tr><th scope="row">Humphreys</th><td><a href="https://www.usfk.mil/">USFK</a></td></tr>
            <tr><th scope="row">Osan</th><td><a href="https://www.af.mil/">USAF</a></td></tr>
            <tr><th scope="row">Kunsan</th><td><a href="https://www.usfk.mil/">USFK</a></td></tr>
            </tbody>
            </table>
            </div>
            <p class="table-source">Sources: <a href="https://www.usfk.mil/">USFK</a><sup class="cite">&#8288;<a href="#source-1" aria-label="Source 1">[1]</a></sup>; <a href="https://www.af.mil/">USAF</a><sup class="cite">&#8288;<a href="#source-2" aria-label="Source 2">[2]</a></sup></p>
            </figure>

            """)
        #expect(result.context.citations.sources.map(\.title) == ["USFK", "USAF"])
    }

    @Test func everyFigureAsATable() {
        let result = TableDirectiveTests.run("""
        ```table
        figures: all
        caption: Key figures
        columns: [Figure, Value]
        ```
        """)
        #expect(result.diagnostics.isEmpty)
        #expect(result.html == """
            <figure class="data-table">
            <div class="table-wrap" role="region" tabindex="0" aria-label="Key figures">
            <table>
            <caption>Key figures</caption>
            <thead>
            <tr><th scope="col">Figure</th><th scope="col" class="num">Value</th></tr>
            </thead>
            <tbody>
            <tr><th scope="row">Korea&#39;s 2024 SMA contribution</th><td class="num">$1.1 billion</td></tr>
            <tr><th scope="row">US troops in Korea</th><td class="num">28,500</td></tr>
            </tbody>
            </table>
            </div>
            <p class="table-source">Sources: <a href="https://www.mofa.go.kr/">Ministry of Foreign Affairs</a><sup class="cite">&#8288;<a href="#source-1" aria-label="Source 1">[1]</a></sup>; USFK<sup class="cite">&#8288;<a href="#source-2" aria-label="Source 2">[2]</a></sup></p>
            </figure>

            """)
    }

    @Test func aTableWithoutASourceIsAWarning() {
        let result = TableDirectiveTests.run("""
        Intro.

        ```table
        data: troops.csv
        caption: US troops abroad
        ```
        """)
        #expect(result.diagnostics.map(\.description) == [
            "Content/alliance/page.md:3:1: warning: table 'US troops abroad' cites no source: add 'source:' and 'source-url:', or a Source column to troops.csv\n```table\n^",
        ])
        #expect(result.html.contains("<caption>US troops abroad</caption>"))
        #expect(!result.html.contains("table-source"))
    }

    @Test(arguments: [
        (
            "data: troops.csv\ncolour: red",
            "Content/alliance/page.md:3:1: error: unknown key 'colour' in the table directive (use data or figures, caption, columns, align, source, source-url, id)\ncolour: red\n^"
        ),
        (
            "data: troops.csv\ncolumns: [Country, Bases]",
            "Content/alliance/page.md:3:20: error: column 'Bases' not found in troops.csv (columns: 'Country', 'Troops', 'Since')\ncolumns: [Country, Bases]\n                   ^"
        ),
        (
            "data: troops.csv\nfigures: all",
            "Content/alliance/page.md:3:1: error: a table shows either 'data' or 'figures', not both: make two tables\nfigures: all\n^"
        ),
        (
            "data: missing.csv",
            "Content/alliance/page.md:2:7: error: data file 'missing.csv' not found in Content/data/ (there: bases.csv, figures.yaml, troops.csv)\ndata: missing.csv\n      ^"
        ),
        // A table with no cells, and two columns a reader cannot tell apart, were made without a word.
        (
            "data: troops.csv\ncolumns: []",
            "Content/alliance/page.md:3:10: error: 'columns' names no column: list those the table shows, or leave 'columns' out for all\ncolumns: []\n         ^"
        ),
        (
            "data: troops.csv\ncolumns: {Country: Where, Troops: Where}",
            "Content/alliance/page.md:3:27: error: the table shows two columns headed 'Where': give each its own heading\ncolumns: {Country: Where, Troops: Where}\n                          ^"
        ),
    ])
    func mistakesAreErrorsAtTheirPosition(_ yaml: String, _ message: String) {
        let result = TableDirectiveTests.run("```table\n\(yaml)\n```\n")
        #expect(result.diagnostics.map(\.description) == [message])
    }

    /// 200,000 rows took ten seconds and 900 MB, then failed with a message about the theme's template.
    @Test func aTableTooLargeForAPageIsAnErrorAboutItsSize() throws {
        let rows = (0..<50_001).map { "row\($0),\($0),x" }.joined(separator: "\n")
        let data = try SiteData.load([("big.csv", SourceFile(path: "Content/data/big.csv", text: "Name,Value,Note\n" + rows + "\n"))])
        let result = TransformHarness.run("```table\ndata: big.csv\ncolumns: [Name, Value]\n```\n", [TableDirective(data: data)], data: data)
        #expect(result.diagnostics.map(\.message) == [
            "big.csv has 50001 rows of 2 columns, 100002 cells, and a page shows at most 100000: split the data into smaller files, or show fewer columns",
        ])
    }

    /// `~` and `null` mean no value in YAML: a record's cell showed the character "~".
    @Test func aRecordsNullIsAnEmptyCell() throws {
        let data = try SiteData.load([("bases.yaml", SourceFile(path: "Content/data/bases.yaml", text: "- Base: Osan\n  Troops: ~\n- Base: Kunsan\n  Troops: null\n"))])
        let html = TransformHarness.run("```table\ndata: bases.yaml\nsource: USFK\n```\n", [TableDirective(data: data)], data: data).html
        #expect(html.contains("<th scope=\"row\">Osan</th><td></td>") || html.contains("<th scope=\"row\">Osan</th>\n<td></td>"), "\(html)")
        #expect(!html.contains("~") && !html.contains("null"))
    }

    /// Sources were numbered by the transform that found them: pipe tables', then figures', then table
    /// directives', so a directive at the top of a page cited [3].
    @Test func sourcesAreNumberedInReadingOrder() {
        let markdown = """
            ```table
            data: troops.csv
            source: Pentagon
            source-url: https://www.defense.gov/
            ```

            | A | B |
            |---|---|
            | [](figure:sma) | 2 |

            Source: [State](https://www.state.gov/)

            Troops: [](figure:troops).
            """
        let result = TransformHarness.run(
            markdown, [PipeTables(), FigureCitations(figures: TableDirectiveTests.data.figures), TableDirective(data: TableDirectiveTests.data)],
            data: TableDirectiveTests.data
        )
        let markers = result.html.matches(of: /aria-label="Source (\d)"/).map { String($0.output.1) }
        #expect(markers == ["1", "2", "3", "4"])
        #expect(result.context.citations.sources.map(\.title) == ["Pentagon", "Ministry of Foreign Affairs", "State", "USFK"])
    }

    /// A caption was plain text: `*2025*` and `[](figure:…)` were shown as typed, and a note cited in it was
    /// reported as never cited.
    @Test func aCaptionIsMarkdownAsAPipeTablesIs() {
        let markdown = "```table\ndata: troops.csv\ncaption: \"Troops in *2025*, [](figure:troops) in Korea[^a]\"\nsource: USFK\n```\n\n[^a]: A note.\n"
        let data = TableDirectiveTests.data
        let result = TransformHarness.run(markdown, [TableDirective(data: data), Footnotes(), FigureCitations(figures: data.figures)], data: data)
        #expect(result.html.contains("<caption>Troops in <em>2025</em>, <span class=\"figure\" data-figure=\"troops\">28,500</span>"))
        #expect(result.html.contains("in Korea<sup class=\"footnote-ref\">&#8288;<a href=\"#fn-1\" id=\"fnref-1\""))
        #expect(result.html.contains("aria-label=\"Troops in 2025, 28,500 in Korea\""))
        #expect(result.diagnostics.isEmpty)
    }

    /// `caption: … {#id}`, as a pipe table's caption is written, showed `{#capid}` and left the table
    /// without the id a citation asked for, whose message said to add the `{#capid}` it had.
    @Test func aCaptionsTrailingIDIsTheTablesID() {
        let data = TableDirectiveTests.data
        let markdown = "See [](table:capid).\n\n```table\ndata: troops.csv\ncaption: \"Troops {#capid}\"\nsource: USFK\n```\n"
        let result = TransformHarness.run(markdown, [TableDirective(data: data), CrossReferences()], data: data)
        #expect(result.html.contains("<p>See <a href=\"#capid\">Table 1</a>.</p>"))
        #expect(result.html.contains("<figure class=\"data-table\" id=\"capid\">"))
        #expect(result.html.contains("<caption><span class=\"caption-number\">Table 1:</span> Troops</caption>"))
        #expect(result.diagnostics.isEmpty)
        let twice = TransformHarness.run(markdown.replacingOccurrences(of: "source: USFK", with: "id: other\nsource: USFK"), [TableDirective(data: data)], data: data)
        #expect(twice.diagnostics.map { $0.description.components(separatedBy: "\n")[0] } == [
            "Content/alliance/page.md:5:10: error: the caption ends in {#capid} and 'id' is 'other': give the table one id, with 'id:'",
        ])
    }

    /// A Korean table of the same figures was left-aligned where the English one was right-aligned.
    @Test(arguments: ["28,500", "about 28,500", "$52.8 billion", "+13.9%", "약 2만 8,500명", "528억 달러", "1조 5,192억 원", "12척", "10억 3,000만 달러(13.9% 인상)"])
    func numbersAreRightAligned(_ cell: String) {
        #expect(DataTables.looksNumeric(cell))
    }

    @Test(arguments: ["Korea", "F-35A", "2만 명의 병력", "억 달러", "USFK 28,500", "2021(SMA)"])
    func wordsWithDigitsAreNot(_ cell: String) {
        #expect(!DataTables.looksNumeric(cell))
    }

    /// A figure in a note defined at the top of the file was numbered there, though readers meet it in
    /// the Notes at the end.
    @Test func aFigureInANoteIsNumberedWhereTheNotesAre() {
        let markdown = "[^a]: Troops: [](figure:troops).\n\nText.[^a]\n\n| A |\n|---|\n| 1 |\n\nSource: [State](https://www.state.gov/)\n"
        let data = TableDirectiveTests.data
        let result = TransformHarness.run(markdown, [PipeTables(), Footnotes(), FigureCitations(figures: data.figures)], data: data)
        #expect(result.context.citations.sources.map(\.title) == ["State", "USFK"])
    }

    /// A `source-url` of the site's own was written as typed and never checked.
    @Test func aSourceURLOfTheSitesOwnIsCheckedAndWrittenAsPublished() {
        let model = TransformHarness.run("", []).context.model
        let good = "```table\ndata: troops.csv\nsource: This page\nsource-url: page.md\n```\n"
        let result = TransformHarness.run(good, [TableDirective(data: TableDirectiveTests.data), InternalLinks(model: model, contentFiles: [])], data: TableDirectiveTests.data)
        #expect(result.html.contains("Source: <a href=\"/alliance/page/\">This page</a>"))
        #expect(result.diagnostics.isEmpty)
        let bad = good.replacingOccurrences(of: "page.md", with: "gone.md")
        let missing = TransformHarness.run(bad, [TableDirective(data: TableDirectiveTests.data), InternalLinks(model: model, contentFiles: [])], data: TableDirectiveTests.data)
        #expect(missing.diagnostics.map(\.description).map { $0.components(separatedBy: "\n")[0] } == [
            "Content/alliance/page.md:4:13: error: link to a missing page 'gone.md' (no file Content/alliance/gone.md)",
        ])
    }

    /// A data file's `/reports/x.pdf` that led nothing was an error at the table naming only the address:
    /// the file and line to mend were the editor's to find.
    @Test func aDataFilesAddressFromTheRootIsCheckedWhereTheFileGivesIt() throws {
        let model = TransformHarness.run("", []).context.model
        let data = try SiteData.load([("reports.csv", SourceFile(path: "Content/data/reports.csv", text: "Year,Source,Source URL\n2025,Page,/alliance/page/\n2026,Gone,/reports/gone.pdf\n"))])
        let links = InternalLinks(model: model, contentFiles: [])
        let result = TransformHarness.run("Text.\n\n```table\ndata: reports.csv\n```\n", [TableDirective(data: data, links: links), links], data: data)
        #expect(result.diagnostics.map(\.description).map { $0.components(separatedBy: "\n")[0] } == [
            "Content/alliance/page.md:3:1: error: link '/reports/gone.pdf', given at Content/data/reports.csv:3:11, leads to nothing this site publishes",
        ])
        #expect(result.html.contains("<a href=\"/alliance/page/\">Page</a>"))
    }

    @Test func everyMistakeOfADirectiveIsReportedAtOnce() {
        let result = TableDirectiveTests.run("```table\ndata: troops.csv\ncolour: red\nsource-url: javascript:alert(1)\ncolumns: [Country, Bases]\n```\n")
        #expect(result.diagnostics.map { "\($0.location!): \($0.message.prefix(24))" } == [
            "Content/alliance/page.md:3:1: unknown key 'colour' in ",
            "Content/alliance/page.md:4:13: 'source-url': the URL 'j",
            "Content/alliance/page.md:5:20: column 'Bases' not found",
        ])
        #expect(TableDirectiveTests.run("```table\ncaption: Troops\nid: a b\n```\n").diagnostics.map(\.message) == [
            "'id' is made of letters, digits, '-' and '_' (such as key-figures)",
            "the table directive needs 'data: <file in Content/data/>' or 'figures: all'",
        ])
    }

    /// `align` took only the data's column names, and said a column headed as the editor wrote it was not shown.
    @Test func alignNamesAColumnByItsNameOrItsHeading() {
        let aligned = TableDirectiveTests.run("```table\ndata: troops.csv\ncolumns: {Country: Host, Troops: US troops}\nalign: {Host: right, Troops: left}\nsource: USFK\n```\n")
        #expect(aligned.diagnostics.isEmpty)
        #expect(aligned.html.contains(#"<tr><th scope="col" class="num">Host</th><th scope="col">US troops</th></tr>"#))
        #expect(aligned.html.contains(#"<tr><th scope="row" class="num">Korea</th><td>28,500</td></tr>"#))
        let unknown = TableDirectiveTests.run("```table\ndata: troops.csv\ncolumns: {Country: Host, Troops: Troops}\nalign: {Since: right}\nsource: USFK\n```\n")
        #expect(unknown.diagnostics.map(\.message) == [
            "'align' names column 'Since', which the table does not show (it shows 'Country' (headed 'Host'), 'Troops')",
        ])
    }

    /// A table not made for a mistake in its directive left the note its caption cites said to be never
    /// cited, a second message at another line for the one mistake.
    @Test func aNoteCitedByADirectiveWithAMistakeIsNotSaidToBeUncited() {
        let markdown = "```table\ndata: troops.csv\ncaption: Troops[^n]\ncolour: red\n```\n\n[^n]: A note.\n"
        let result = TransformHarness.run(markdown, [TableDirective(data: TableDirectiveTests.data), Footnotes()], data: TableDirectiveTests.data)
        #expect(result.diagnostics.map(\.message) == [
            "unknown key 'colour' in the table directive (use data or figures, caption, columns, align, source, source-url, id)",
        ])
    }
}
