import BriefingTestSupport
import Foundation
import Testing
@testable import BriefingKit

/// The words Markdown extensions write into a page (the Notes heading, a note's label, a table's number,
/// a code block's name) come from the theme's string table of the page's language, never English alone.
@Suite struct ThemeWordsTests {
    static let site = """
    -- Content/site.yaml --
    title: Briefing
    baseURL: https://example.org/
    languages:
      en:
        name: English
      ko:
        name: 한국어
    -- Content/notes/page.md --
    ---
    title: Page
    summary: A page.
    ---
    Text.
    -- Content/notes/_index.ko.md --
    ---
    title: 메모
    ---
    -- Content/notes/page.ko.md --
    ---
    title: 문서
    summary: 문서입니다.
    ---
    분담금은 [](table:payments)에 있습니다.[^1]

    | 연도 | 금액 |
    |---|---:|
    | 2026 | 1조 5,192억 원 |

    Table: 분담금 {#payments}

    ```swift
    let x = 1
    ```

    - [x] 국회 비준 확인

    [^1]: 국회 비준 기준입니다.
    """

    @Test func aKoreanPageGetsKoreanLabels() throws {
        let fixture = try SiteFixture(Self.site)
        let report = try fixture.build()
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        let korean = try #require(fixture.output("ko/notes/page/index.html"))
        #expect(korean.contains(">표\u{A0}1</a>에 있습니다."), "the cross-reference")
        #expect(korean.contains(#"<span class="caption-number">표\#u{A0}1:</span> 분담금"#))
        #expect(korean.contains(#"aria-label="각주 1">1</a></sup>"#))
        #expect(korean.contains(#"<h2 id="notes-title">각주</h2>"#))
        #expect(korean.contains(#"aria-label="본문의 각주 1 위치로 돌아가기""#))
        #expect(korean.contains(#"aria-label="코드: swift""#))
        #expect(korean.contains(#"<span class="task-word">완료:</span></span>국회 비준 확인"#), "a task list's word")
        #expect(!korean.contains("Notes") && !korean.contains("Table 1") && !korean.contains("Back to"))
    }

    /// A Korean editor's `표:` and `출처:` lines stayed paragraphs, though the page labels them so; so did
    /// `표：` with the full-width colon a Korean input method types, and `출처 :` with a space before it.
    /// `자료:`, as Korean papers label a table's source, stayed a paragraph after the table too.
    @Test(arguments: [("표:", "출처:"), ("표：", "출처："), ("표 :", "출처 :"), ("표 ：", "출처："), ("표:", "자료:"), ("표:", "자료 ：")])
    func aKoreanPageReadsKoreanCaptionAndSourceLines(caption: String, source: String) throws {
        let fixture = try SiteFixture(
            Self.site.replacingOccurrences(of: "Table: 분담금 {#payments}", with: "\(caption) 분담금 {#payments}\n\n\(source) [국방부](https://www.mnd.go.kr/)")
        )
        let report = try fixture.build()
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        let korean = try #require(fixture.output("ko/notes/page/index.html"))
        #expect(korean.contains(#"<span class="caption-number">표\#u{A0}1:</span> 분담금</caption>"#))
        #expect(korean.contains(#"<p class="table-source">출처: <a href="https://www.mnd.go.kr/">국방부</a>"#))
        #expect(!korean.contains("<p>표") && !korean.contains("<p>출처") && !korean.contains("<p>자료"))
    }

    /// Korean reports number a table in brackets above it (`<표 1> …`, `[표 1] …`, `〈표 1〉 …`): each was a
    /// paragraph above a table without a caption. `<표 3-1>`, a chapter's numbering, is kept as typed.
    @Test(arguments: ["<표 1>", "[표 1]", "〈표 1〉", "【표 1】", "<표1>"])
    func aKoreanReportsBracketedCaptionAboveItsTable(marker: String) throws {
        let fixture = try SiteFixture(
            Self.site.replacingOccurrences(of: "| 연도 | 금액 |", with: "\(marker) 분담금\n\n| 연도 | 금액 |")
                .replacingOccurrences(of: "Table: 분담금 {#payments}", with: "자료: [국방부](https://www.mnd.go.kr/)")
                .replacingOccurrences(of: "[](table:payments)", with: "아래 표")
        )
        let report = try fixture.build()
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        let korean = try #require(fixture.output("ko/notes/page/index.html"))
        #expect(korean.contains(#"<caption><span class="caption-number">표\#u{A0}1:</span> 분담금</caption>"#), "\(marker)")
        #expect(korean.contains(#"<p class="table-source">출처: <a href="https://www.mnd.go.kr/">국방부</a>"#))
        let chapter = try SiteFixture(
            Self.site.replacingOccurrences(of: "| 연도 | 금액 |", with: "<표 3-1> 분담금\n\n| 연도 | 금액 |")
                .replacingOccurrences(of: "Table: 분담금 {#payments}", with: "").replacingOccurrences(of: "[](table:payments)", with: "아래 표")
        )
        try chapter.build()
        #expect(try #require(chapter.output("ko/notes/page/index.html")).contains("<caption>&lt;표 3-1&gt; 분담금</caption>"))
    }

    /// The string table lists `출처:` and `자료:`: a table without either is told the first.
    @Test func aKoreanTableWithoutASourceIsToldTheFirstMarker() throws {
        let fixture = try SiteFixture(Self.site)
        let checked = try BriefingCommand.run(["check", "--source", fixture.root.path], environment: ["NO_COLOR": "1"])
        #expect(checked.stderr.contains("Content/notes/page.ko.md:"))
        #expect(checked.stderr.contains("cites no source: add a paragraph '출처: [publisher](https://…)' after it (or after its '표:' caption)"))
    }

    /// `출처:` and `표:` under a table in a Korean quotation on an English page stayed text, `{#id}` and all;
    /// and the source was listed in the English page's Sources unmarked, for an English voice to read.
    @Test func aQuotationsOwnLanguageMarksItsTablesCaptionAndSource() throws {
        let fixture = try SiteFixture(Self.site + """

            -- Content/notes/quoted.md --
            ---
            title: Quoted
            summary: A quotation.
            ---
            As [](table:inquote) shows:

            > [!LANG] ko
            > | 연도 | 병력 |
            > | --- | ---: |
            > | 2026 | 28,500 |
            >
            > 표: 주한미군 {#inquote}
            > 출처: [주한미군](https://www.usfk.mil/)
            """, templates: SiteFixture.templates.replacingOccurrences(of: "{{{page.content}}}{{/main}}", with: "{{{page.content}}}{{> sources}}{{/main}}"))
        let report = try fixture.build()
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        let html = try #require(fixture.output("notes/quoted/index.html"))
        #expect(html.contains("주한미군</caption>") && !html.contains("표:") && !html.contains("<p>출처:"))
        #expect(html.contains(#"<cite lang="ko" dir="ltr"><a href="https://www.usfk.mil/">주한미군</a></cite>"#))
    }

    /// `> [!참고]`, the Korean label of a note, stayed a quote with a message that said only that it was no marker.
    @Test func aMarkerWrittenAsTheLanguagesLabelIsToldTheEnglishKind() throws {
        let fixture = try SiteFixture(Self.site + "\n-- Content/notes/callout.ko.md --\n---\ntitle: 참고\nsummary: 참고.\n---\n> [!참고] 읽기 전에\n> 본문.\n")
        let report = try fixture.build()
        #expect(report.warnings.map { $0.description.components(separatedBy: "\n")[0] } == [
            "Content/notes/callout.ko.md:5:1: warning: '[!참고]' is no callout marker: a marker names its kind in English, [!NOTE], and the page labels it in its language; the quote stays as it is",
        ])
    }

    /// One figure in figures.yaml, dated, and its Korean words in figures.ko.yaml.
    static let figures = """

        -- Content/data/figures.yaml --
        troops:
          value: "28,500"
          label: US troops in Korea
          source: US Department of State
          url: https://www.state.gov/
          asOf: 2025-11-01
        -- Content/data/figures.ko.yaml --
        troops:
          value: "2만 8,500"
          label: 주한미군
          source: 미국 국무부
          url: https://www.state.gov/

        """

    /// A Korean page showed figures.ko.yaml's value but cited figures.yaml's source name, so a Korean front
    /// matter entry from the same publisher was listed a second time.
    @Test func aKoreanPageCitesAFigureAsItsLanguagesFileNamesIt() throws {
        let fixture = try SiteFixture(Self.site + Self.figures + """
        -- Content/notes/page.ko.md --
        ---
        title: 문서
        summary: 문서입니다.
        sources:
          - title: 한미 관계
            publisher: 미국 국무부
            url: https://www.state.gov/
        ---
        주한미군은 약 [](figure:troops)명입니다.
        """)
        _ = try fixture.build()
        let korean = try #require(fixture.output("ko/notes/page/index.html"))
        // Source 1 is the front matter's entry: with figures.yaml's name the figure cited a second one.
        #expect(korean.contains(##"<span class="figure" data-figure="troops">2만 8,500</span><sup class="cite">&#8288;<a href="#source-1""##))
    }

    /// A key-figures table on a Korean page showed figures.yaml's English label, value, source and date
    /// beside Korean prose that cited figures.ko.yaml's.
    @Test func aKoreanFiguresTableShowsItsLanguagesWordsAndDates() throws {
        let fixture = try SiteFixture(Self.site + Self.figures + """
        -- Content/notes/page.md --
        ---
        title: Page
        summary: A page.
        ---
        ```table
        figures: [troops]
        caption: Key figures
        ```
        -- Content/notes/page.ko.md --
        ---
        title: 문서
        summary: 문서입니다.
        ---
        ```table
        figures: [troops]
        caption: 주요 수치
        ```
        """)
        let report = try fixture.build()
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        let korean = try #require(fixture.output("ko/notes/page/index.html"))
        #expect(korean.contains(#"<th scope="row">주한미군</th><td class="num">2만 8,500</td>"#))
        #expect(korean.contains("2025년 11월 1일") && !korean.contains("US troops") && !korean.contains("November"))
        let english = try #require(fixture.output("notes/page/index.html"))
        #expect(english.contains(#"<th scope="row">US troops in Korea</th><td class="num">28,500</td>"#))
        #expect(english.contains("1 November 2025"))
    }

    /// An English report cited on a Korean page was read by a screen reader's Korean voice: a source's
    /// `language` marks its title, with the direction of its script; a source in the page's own language,
    /// or one the editor says nothing of, is not marked. A code that is none is an error at it.
    @Test func aSourceInAnotherLanguageHasItsTitleMarked() throws {
        let fixture = try SiteFixture(Self.site + """

        -- Content/notes/page.ko.md --
        ---
        title: 문서
        summary: 문서입니다.
        sources:
          - title: US forces in South Korea
            language: EN
            url: https://defensetech.org/
          - title: تقرير
            language: ar
          - title: 한미 관계
            language: ko
          - title: Statista
        ---
        본문.
        -- Templates/layouts/page.html --
        {{<base}}{{$main}}{{{page.content}}}{{> sources}}{{/main}}{{/base}}
        """)
        _ = try fixture.build()
        let korean = try #require(fixture.output("ko/notes/page/index.html"))
        #expect(korean.contains(#"<cite lang="en" dir="ltr"><a href="https://defensetech.org/">US forces in South Korea</a></cite>"#))
        #expect(korean.contains(#"<cite lang="ar" dir="rtl">تقرير</cite>"#))
        #expect(korean.contains("<cite>한미 관계</cite>"))
        #expect(korean.contains("<cite>Statista</cite>"))

        try FileTree.replace("language: EN", with: "language: English", in: "Content/notes/page.ko.md", fixture.root)
        let result = try BriefingCommand.run(["build", "--source", fixture.root.path, "--quiet"], environment: ["NO_COLOR": "1"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix(
            "Content/notes/page.ko.md:6:15: error: 'English' is not a language code: use a BCP 47 tag like en, ko or pt-BR\n"
        ))
    }

    /// Every partial a transform renders sees `t`, as layouts do, in the page's language (a theme's own
    /// callout or FAQ may label itself): before, only the citation, table and footnote partials did, and
    /// `{{t.contents}}` in a callout failed the build.
    @Test func everyTransformPartialSeesTheWordsOfItsPage() throws {
        let fixture = try SiteFixture(Self.site + """

        > [!NOTE]
        > 참고.

        ## 자주 묻는 질문

        ### 누가?

        양국.
        -- Templates/partials/callout.html --
        <aside data-words="{{t.contents}}">{{{content}}}</aside>
        -- Templates/partials/faq.html --
        {{#isSection}}<section data-words="{{t.contents}}">{{{content}}}</section>{{/isSection}}{{#isQuestion}}<div>{{{content}}}</div>{{/isQuestion}}{{#isAnswer}}<div>{{{content}}}</div>{{/isAnswer}}
        """)
        _ = try fixture.build()
        let korean = try #require(fixture.output("ko/notes/page/index.html"))
        #expect(korean.contains(#"<aside data-words="목차">"#))
        #expect(korean.contains(#"<section data-words="목차">"#))
    }

    /// A translation with other placeholders than the first language's (a `{` typed by mistake, a name
    /// misspelt) was reported as an unknown variable in base.html, or showed as nothing: it is an error at
    /// the string, naming both.
    @Test func aTranslationWithOtherPlaceholdersIsAnErrorAtItsString() throws {
        let fixture = try SiteFixture(Self.site)
        let strings = fixture.root.appendingPathComponent("Templates/i18n/ko.yaml")
        let text = try String(contentsOf: strings, encoding: .utf8)
        let line = try #require(text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("documentTitle:") }) + 1
        try fixture.write("-- Templates/i18n/ko.yaml --\n" + text.replacingOccurrences(of: #"documentTitle: "{page} · {site}""#, with: #"documentTitle: "{page} · {""#))
        #expect(fixture.failure() == [
            "Templates/i18n/ko.yaml:\(line):16: error: 'documentTitle' has the placeholders {page} where Templates/i18n/en.yaml has the placeholders {page}, {site}: every language's string takes the same ones (a brace with no name after it, like '{ ', is text)"
                + "\ndocumentTitle: \"{page} · {\"\n               ^",
        ])
    }

    /// A word missing from one language's table failed at the first template line asking for it
    /// (`unknown variable 't.contents'` in toc.html), naming neither the table nor the language.
    @Test func aTableLackingAWordOfTheFirstLanguageIsNamed() throws {
        let fixture = try SiteFixture(Self.site)
        let strings = fixture.root.appendingPathComponent("Templates/i18n/ko.yaml")
        let lines = try String(contentsOf: strings, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        try fixture.write("-- Templates/i18n/ko.yaml --\n" + lines.filter { !$0.hasPrefix("contents:") }.joined(separator: "\n"))
        #expect(fixture.failure().map { $0.components(separatedBy: "\n")[0] } == [
            "Templates/i18n/ko.yaml:1:1: error: Templates/i18n/ko.yaml lacks 'contents', which Templates/i18n/en.yaml has: templates ask every language for the same words",
        ])
        // Misspelt rather than left out: the error is at the misspelling.
        let line = try #require(lines.firstIndex { $0.hasPrefix("contents:") }) + 1
        try fixture.write("-- Templates/i18n/ko.yaml --\n" + lines.map { $0.hasPrefix("contents:") ? "contens" + $0.dropFirst("contents".count) : $0 }.joined(separator: "\n"))
        #expect(fixture.failure().map { $0.components(separatedBy: "\n")[0] } == [
            "Templates/i18n/ko.yaml:\(line):10: error: Templates/i18n/ko.yaml lacks 'contents', which Templates/i18n/en.yaml has: templates ask every language for the same words "
                + "(it has 'contens', which Templates/i18n/en.yaml has not: misspelt?)",
        ])
    }

    /// A word no table has, asked for by a section tag (`{{#t.backToText}}`) of a partial the build renders:
    /// it rendered nothing, without a word, and every note's link back had `aria-label=""`. A theme from
    /// before string tables (an upgrade) is told to write them.
    @Test func aWordNoTableHasIsAnErrorWhereverATagAsksForIt() throws {
        let fixture = try SiteFixture(Self.site)
        for code in ["en", "ko"] {
            let table = fixture.root.appendingPathComponent("Templates/i18n/\(code).yaml")
            let lines = try String(contentsOf: table, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            try fixture.write("-- Templates/i18n/\(code).yaml --\n" + lines.filter { !$0.hasPrefix("backToText:") }.joined(separator: "\n"))
        }
        #expect(fixture.failure().map { $0.components(separatedBy: "\n")[0] } == [
            "Templates/partials/footnote-back.html:4:162: error: 't.backToText' asks for the word 'backToText', which no string table has: "
                + "add it to Templates/i18n/en.yaml and Templates/i18n/ko.yaml",
        ])
        try FileManager.default.removeItem(at: fixture.root.appendingPathComponent("Templates/i18n"))
        let none = fixture.failure()
        #expect(none.first?.components(separatedBy: "\n")[0] == "Templates/partials/cite.html:5:120: error: 't.citationLabel' asks for a word of the theme's "
            + "string tables, and Templates/i18n/ holds none: write Templates/i18n/en.yaml and Templates/i18n/ko.yaml with 'citationLabel'; "
            + "the default theme's, which 'briefing init NEW-FOLDER' writes, have every word its partials ask for")
    }

    /// A word every table gives as plural forms was said to be in no table, and to be added to the tables that had it.
    @Test func aPluralAskedForThroughTIsToldToBeText() throws {
        let fixture = try SiteFixture(Self.site)
        for code in ["en", "ko"] {
            let table = fixture.root.appendingPathComponent("Templates/i18n/\(code).yaml")
            try fixture.write("-- Templates/i18n/\(code).yaml --\n" + String(contentsOf: table, encoding: .utf8) + "\nmyPlural:\n  other: \"{count} things\"\n")
        }
        try fixture.write("-- Templates/layouts/404.html --\n{{<base}}{{$main}}<h1>{{page.title}}</h1><p>{{t.myPlural}}</p>{{/main}}{{/base}}\n")
        #expect(fixture.failure().map { $0.components(separatedBy: "\n")[0] } == ["Templates/layouts/404.html:1:45: " + (
            "error: 't.myPlural' asks for 'myPlural', which the string tables give as plural forms (one, other, …): t gives templates text only, "
                + "and plural forms are the build's to choose (readingTime as page.readingTimeText, tagCount as a tag's countText); give 'myPlural' as text"
        )])
    }
}
