import Testing
@testable import BriefingKit
@testable import BriefingMarkdown
@testable import BriefingSupport

/// `> [!LANG] ar`: a quotation in another language keeps its blocks, with `lang` and `dir`.
@Suite struct LanguageQuotesTests {
    private func rendered(_ markdown: String) -> (html: String, warnings: [String]) {
        let korean = Language(code: "ko", name: "한국어", prefix: "ko/")
        let result = TransformHarness.run(markdown, [LanguageQuotes(languages: [korean]), Callouts()])
        return (result.html, result.diagnostics.map(\.description))
    }

    @Test func aQuotationInArabicIsRightToLeft() {
        let result = rendered("> [!LANG] ar\n> التحالف *قوي*.\n>\n> — وزير\n")
        #expect(result.html == """
            <blockquote class="language-quote" lang="ar" dir="rtl">
            <p>التحالف <em>قوي</em>.</p>
            <p>— وزير</p>
            </blockquote>

            """)
        #expect(result.warnings.isEmpty)
    }

    @Test func aSiteLanguageTakesItsDirectionAndOtherQuotesAreLeftAlone() {
        let result = rendered("> [!lang] ko\n> 철통같은 동맹.\n\n> [!NOTE]\n> A note.\n\n> A plain quote.\n")
        #expect(result.html == """
            <blockquote class="language-quote" lang="ko" dir="ltr">
            <p>철통같은 동맹.</p>
            </blockquote>
            <aside class="callout callout-note" aria-label="Note">
            <p>A note.</p>
            </aside>
            <blockquote>
            <p>A plain quote.</p>
            </blockquote>

            """)
    }

    /// A note's mark and a figure's citation inside a Korean quotation on an English page are labelled in
    /// English ("Note 1", "Source 1"): they say so, or screen readers read the label as Korean.
    @Test func marksInAQuotationSayTheyAreInThePagesLanguage() {
        let figure = Figure(id: "troops", value: "28,500", label: "Troops", unit: nil, source: "USFK", url: "https://www.usfk.mil/", asOf: nil, asOfLocation: nil, location: nil)
        let markdown = "> [!LANG] ko\n> 주한미군 [](figure:troops)명.[^1]\n\nOutside.[^2]\n\n[^1]: One.\n[^2]: Two.\n"
        let html = TransformHarness.run(markdown, [Footnotes(), FigureCitations(figures: ["troops": figure]), LanguageQuotes(languages: [])]).html
        #expect(html.contains(##"<sup class="cite" lang="en" dir="ltr">&#8288;<a href="#source-1" aria-label="Source 1">[1]</a></sup>"##))
        #expect(html.contains(##"<sup class="footnote-ref" lang="en" dir="ltr">&#8288;<a href="#fn-1""##))
        #expect(html.contains(##"Outside.<sup class="footnote-ref">&#8288;<a href="#fn-2""##))
    }

    /// A table's and a figure's number and a table's source line in a Korean quotation on an English page
    /// are English words: they say so.
    @Test func tableAndFigureNumbersInAQuotationSayTheyAreInThePagesLanguage() {
        let markdown = """
            > [!LANG] ko
            > | 연도 | 병력 |
            > | --- | --- |
            > | 2025 | 28,500 |
            >
            > Table: 주한미군 {#troops}
            >
            > Source: [주한미군](https://www.usfk.mil/)
            >
            > ![기지 지도](map.svg "주한미군 기지 {#bases}")

            Outside: [](table:troops) and [](image:bases).

            """
        let transforms: [any DocumentTransform] = [
            PipeTables(), Images(contentFolder: nil, contentFiles: ["alliance/map.svg"]), CrossReferences(), LanguageQuotes(languages: []),
        ]
        let html = TransformHarness.run(markdown, transforms).html
        #expect(html.contains(#"<caption><span class="caption-number" lang="en" dir="ltr">Table 1:</span> 주한미군</caption>"#))
        #expect(html.contains(#"<p class="table-source"><span lang="en" dir="ltr">Source: </span><a href="https://www.usfk.mil/">주한미군</a><sup class="cite" lang="en" dir="ltr">"#))
        #expect(html.contains(#"<figcaption><span class="caption-number" lang="en" dir="ltr">Figure 1:</span> 주한미군 기지</figcaption>"#))
        let outside = TransformHarness.run("| a |\n| --- |\n| 1 |\n\nTable: Plain {#t}\n\nSource: [S](https://example.org/)\n", [PipeTables()]).html
        #expect(outside.contains(#"<caption><span class="caption-number">Table 1:</span> Plain</caption>"#))
        #expect(outside.contains(#"<p class="table-source">Source: <a href="https://example.org/">S</a>"#))
    }

    @Test func aMarkerWithoutALanguageCodeIsAWarningAndTheQuoteStays() {
        let result = rendered("> [!LANG] Arabic\n> Text.\n")
        #expect(result.html == "<blockquote>\n<p>[!LANG] Arabic\nText.</p>\n</blockquote>\n")
        #expect(result.warnings == ["Content/alliance/page.md:1:1: warning: '[!LANG] Arabic' needs a language code, like [!LANG] ar; the quote stays as it is\n> [!LANG] Arabic\n^"])
        #expect(rendered("> [!LANG]\n> Text.\n").warnings.map { $0.split(separator: "\n")[0] } == [
            "Content/alliance/page.md:1:1: warning: '[!LANG]' needs a language code, like [!LANG] ar; the quote stays as it is",
        ])
    }

    /// Tags are the same in any case, written as BCP 47 recommends; a script subtag says the direction
    /// (`az-Arab` is right to left, `ku-Latn` left to right), and so do Hebrew's and Yiddish's old codes.
    @Test func aCodeInAnyCaseAndItsScriptsDirection() {
        let cases = [("KO", "ko", "ltr"), ("zh-hant-tw", "zh-Hant-TW", "ltr"), ("az-arab", "az-Arab", "rtl"), ("ku-Latn", "ku-Latn", "ltr"),
                     ("iw", "iw", "rtl"), ("pa-Arab", "pa-Arab", "rtl"), ("ar-EG-u-nu-latn", "ar-EG-u-nu-latn", "rtl"), ("ku", "ku", "ltr")]
        for (written, code, direction) in cases {
            #expect(rendered("> [!LANG] \(written)\n> Text.\n").html.hasPrefix("<blockquote class=\"language-quote\" lang=\"\(code)\" dir=\"\(direction)\">"), "\(written)")
        }
        #expect(rendered("> [!LANG] ko 대통령 담화\n> 본문.\n").warnings == [
            "Content/alliance/page.md:1:1: warning: '[!LANG] ko 대통령 담화': [!LANG] takes a language code alone; put the words on the quote's next line. "
                + "The quote stays as it is\n> [!LANG] ko 대통령 담화\n^",
        ])
    }
}
