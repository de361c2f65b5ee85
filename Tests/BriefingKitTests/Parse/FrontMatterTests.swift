import Testing
@testable import BriefingKit
@testable import BriefingMarkdown
@testable import BriefingSupport

@Suite struct FrontMatterTests {
    private func parse(_ text: String) throws(BuildFailure) -> FrontMatter {
        try FrontMatter.parse(SourceFile(path: "Content/a.md", text: text))
    }

    private func errors(_ text: String) -> [String] {
        do {
            _ = try parse(text)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    /// Plain scalars get YAML's types; quoted ones and ones tagged `!!str` stay text, whatever they spell.
    @Test func yamlTypesAsTemplatesSeeThem() throws {
        let page = try parse("""
        ---
        title: Types
        draft: true
        weight: 0x1F
        count: 1_000
        ratio: 2.5e+3
        time: 1:30
        nothing: ~
        empty:
        flag: "true"
        number: '42'
        tagged: !!str 7
        typed: !!int 8
        words: 28,500 troops
        when: 2026-03-12
        list: [on, "off", .inf, -.5, 0o17]
        ---
        """)
        let params = page.metadata.params
        #expect(page.metadata.draft)
        #expect(page.metadata.weight == 31)
        #expect(params["count"] == .int(1000))
        #expect(params["ratio"] == .double(2500))
        #expect(params["time"] == .int(90))
        #expect(params["nothing"] == .null)
        #expect(params["empty"] == .null)
        #expect(params["flag"] == .string("true"))
        #expect(params["number"] == .string("42"))
        #expect(params["tagged"] == .string("7"))
        #expect(params["typed"] == .int(8))
        #expect(params["words"] == .string("28,500 troops"))
        #expect(params["when"] == .string("2026-03-12"))
        #expect(params["list"] == .list([.bool(true), .string("off"), .double(.infinity), .string("-.5"), .int(15)]))
        #expect(errors("---\ntitle: A\ndraft: \"yes\"\n---\n").first?.hasPrefix("Content/a.md:3:8: error: 'draft' must be true or false, not 'yes'") == true)
        #expect(errors("---\ntitle: A\ndraft: \"true\"\n---\n").first?.hasPrefix(
            "Content/a.md:3:8: error: 'draft' must be true or false, not 'true' (without the quotes, which make it text)"
        ) == true)
    }

    @Test func readsEveryKnownKey() throws {
        let page = try parse("""
        ---
        title: "Tripwire"
        date: 2026-03-12
        updated: 2026-04-01T09:30:00+09:00
        authors: [Min-ji Park, Daniel Reyes]
        summary: Why troops matter.
        tags: [deterrence, troops]
        draft: true
        weight: 3
        slug: trip-wire
        layout: wide
        toc: {from: 2, to: 4}
        sources:
          - title: Troop numbers
            url: https://defensetech.org/
            publisher: DefenseTech.org
            date: 2025-11-01
        region: Korea
        ---
        Body line
        """)
        let metadata = page.metadata
        #expect(metadata.title == "Tripwire")
        #expect(metadata.date?.display == "12 March 2026")
        #expect(metadata.updated?.iso == "2026-04-01T09:30:00+09:00")
        #expect(metadata.authors == ["Min-ji Park", "Daniel Reyes"])
        #expect(metadata.summary == "Why troops matter.")
        #expect(metadata.tags == ["deterrence", "troops"])
        #expect(metadata.draft)
        #expect(metadata.weight == 3)
        #expect(metadata.slug == "trip-wire")
        #expect(metadata.layout == "wide")
        #expect(metadata.toc == .levels(2...4))
        #expect(metadata.sources == [SourceReference(
            title: "Troop numbers", url: "https://defensetech.org/", publisher: "DefenseTech.org", date: PageDate(parsing: "2025-11-01")
        )])
        #expect(metadata.params["region"] == .string("Korea"))
        #expect(page.body == "Body line")
        #expect(page.bodyLineOffset == 19)
    }

    /// `authors: [A, A]` made the byline "By A and A" without a word.
    @Test func anAuthorListedTwiceIsNamedOnceWithAWarning() throws {
        let page = try parse("---\ntitle: A\nauthors: [Kim, Lee, Kim]\n---\n")
        #expect(page.metadata.authors == ["Kim", "Lee"])
        #expect(page.warnings.map(\.description) == [
            "Content/a.md:3:21: warning: 'Kim' is listed twice in 'authors': the byline names each author once\nauthors: [Kim, Lee, Kim]\n                    ^",
        ])
    }

    @Test func singleAuthorAndNoFrontMatter() throws {
        #expect(try parse("---\ntitle: A\nauthor: Hannah Cole\n---\n").metadata.authors == ["Hannah Cole"])
        let bare = try parse("# Just Markdown\n")
        #expect(bare.metadata.title == nil)
        #expect(bare.bodyLineOffset == 0)
    }

    /// The block's lines are `---` with only spaces, tabs or a carriage return after; it may close with `...`.
    @Test func delimiterLines() throws {
        let closedByDots = try parse("--- \t\ntitle: A\n... \nBody")
        #expect(closedByDots.metadata.title == "A")
        #expect(closedByDots.body == "Body")
        #expect(closedByDots.bodyLineOffset == 3)
        let closedAtTheEnd = try parse("---\ntitle: B\n---")
        #expect(closedAtTheEnd.metadata.title == "B")
        #expect(closedAtTheEnd.body == "")
        // Not a block: `...` cannot open one, and `----` or `--- x` is no delimiter.
        for text in ["...\ntitle: C\n...\n", "----\ntitle: C\n---\n", "--- x\ntitle: C\n---\n"] {
            let page = try parse(text)
            #expect(page.metadata.title == nil, "\(text.debugDescription)")
            #expect(page.body == text[...])
        }
        #expect(errors("---\ntitle: D\n----\n-- -\n") == [
            "Content/a.md:1:1: error: front matter is not closed: add a line '---' after it\n---\n^",
        ])
    }

    /// Reported at the `---` after it, where libyaml found the list unclosed: the `[` is where to mend it.
    @Test func badYAMLIsReportedAtItsLineInTheMarkdownFile() {
        #expect(errors("---\ntitle: A\ntags: [one, two\n---\nBody\n") == ["""
        Content/a.md:3:7: error: invalid YAML: this '[' opens a list that is never closed: end it with ']', or put the value in quotes if it is text
        tags: [one, two
              ^
        """])
    }

    /// libyaml's message named its C function, with a stray `)`.
    @Test func yamlNestedTooDeepIsSaidInAnEditorsWords() {
        let deep = String(repeating: "[", count: 2_000) + String(repeating: "]", count: 2_000)
        #expect(errors("---\ntitle: A\ntags: \(deep)\n---\nBody\n").map { $0.components(separatedBy: "\n")[0] } == [
            "Content/a.md:3:8: error: invalid YAML: lists and mappings nested too deep; a page's or a data file's values need a few levels at most",
        ])
    }

    /// A stray line of text in front matter was reported at the key after it, which libyaml reads as its
    /// continuation; the line itself was named only in a parenthesis.
    @Test func aLineWithoutAKeyIsReportedAtItself() {
        #expect(errors("---\ntitle: E\nThis is a stray sentence\nsummary: x\n---\nBody\n") == ["""
        Content/a.md:3:1: error: invalid YAML: this line is no 'key: value' (a line of text in front matter, or a key without its ':')
        This is a stray sentence
        ^
        """])
    }

    /// The commonest mistake in a title: a colon and a space in it. The message writes the line as it should be.
    @Test func aColonInAValueSaysToQuoteIt() {
        #expect(errors("---\ntitle: The SMA: what \"it\" costs\n---\nBody\n") == [#"""
        Content/a.md:2:15: error: invalid YAML: a ': ' inside a value reads as the start of another key; put the value in quotes: title: "The SMA: what \"it\" costs"
        title: The SMA: what "it" costs
                      ^
        """#])
        #expect(YAMLSource.quotingValue("  - name: Kim: Seoul") == #"  - name: "Kim: Seoul""#)
        #expect(YAMLSource.quotingValue("title: \"A: B\": C") == nil)
    }

    /// libyaml finds a quote left open at the end of the YAML: the message points at the quote itself.
    @Test func aQuoteNeverClosedIsReportedWhereItOpens() {
        #expect(errors("---\ntitle: \"Burden sharing\ndate: 2026-01-01\n---\nBody\n") == ["""
        Content/a.md:2:8: error: invalid YAML: this " is never closed: end the value with " (a " inside it is written \\")
        title: "Burden sharing
               ^
        """])
        #expect(errors("---\ntitle: A\nsummary: '동맹의 '' 미래\n---\n") == ["""
        Content/a.md:3:10: error: invalid YAML: this ' is never closed: end the value with ' (a ' inside it is written '')
        summary: '동맹의 '' 미래
                 ^
        """])
    }

    /// YAML 1.1's merge key is a key like any other to libyaml: what it merged was silently lost.
    @Test func aMergeKeyIsAnErrorAtTheKey() {
        #expect(errors("---\ndefaults: &d\n  author: Min-ji Park\n<<: *d\ntitle: A\n---\n") == [
            "Content/a.md:4:1: error: '<<' merges another mapping into this one in YAML 1.1, which Briefing does not read: write the keys out here\n<<: *d\n^",
        ])
        #expect(errors("---\ntitle: \"<<\"\nsummary: a << b\n---\n").isEmpty)
    }

    /// A block scalar's line breaks went into `<title>`, the feed and every list; `title: true` was the
    /// word "true".
    @Test func aTitleIsOneLineAndText() throws {
        #expect(try parse("---\ntitle: |\n  The alliance\n  at seventy\n---\n").metadata.title == "The alliance at seventy")
        #expect(try parse("---\ntitle: \"Two  spaces\"\n---\n").metadata.title == "Two  spaces", "as typed")
        let folded = try parse("---\ntitle: A\nsummary: |\n  Line one\n  line two\nauthor: |\n  Kim\n  Park\n---\n").metadata
        #expect(folded.summary == "Line one line two" && folded.authors == ["Kim Park"])
        #expect(try parse("---\ntitle: \"true\"\n---\n").metadata.title == "true")
        #expect(errors("---\ntitle: true\n---\n") == ["Content/a.md:2:8: error: 'title' reads as true or false; quote it, title: \"true\", if it is the title\ntitle: true\n       ^"])
    }

    /// Most front matter has a quoted summary: a title's quote left open read on to it, and the error was
    /// reported there. An apostrophe in a single-quoted value closed it early.
    @Test func aQuoteOpenOrClosedEarlyIsReportedAtItsLine() {
        #expect(errors("---\ntitle: \"Burden sharing\ndate: 2026-01-01\nsummary: \"Who pays.\"\n---\n") == ["""
        Content/a.md:2:8: error: invalid YAML: this " is not closed on its line, so the value runs on into the lines after it: end it with " (a " inside it is written \\")
        title: "Burden sharing
               ^
        """])
        #expect(errors("---\ntitle: 'Seoul's plan'\nsummary: 'x'\n---\n") == ["""
        Content/a.md:2:14: error: invalid YAML: this ' ends the quoted value, and 's plan'' cannot follow it: a ' inside the value is written '' (Seoul''s)
        title: 'Seoul's plan'
                     ^
        """])
    }

    @Test func aTabInIndentationSaysSo() {
        #expect(errors("---\ntitle: A\nsources:\n\t- title: B\n---\n") == ["""
        Content/a.md:4:1: error: invalid YAML: a tab in the indentation; YAML is indented with spaces only
        \t- title: B
        ^
        """])
    }

    @Test func wrongTypesAndBadDatesPointAtTheValue() {
        #expect(errors("---\ntitle: A\ndate: 2026-02-30\ntags: {a: 1}\ndraft: maybe\n---\n") == [
            "Content/a.md:3:7: error: 'date' 2026-02-30 is no day of the calendar: check the month and the day\ndate: 2026-02-30\n      ^",
            "Content/a.md:4:7: error: 'tags' must be a list of text, not a mapping\ntags: {a: 1}\n      ^",
            "Content/a.md:5:8: error: 'draft' must be true or false, not 'maybe'\ndraft: maybe\n       ^",
        ])
    }

    @Test func unclosedFrontMatter() {
        #expect(errors("---\ntitle: A\n") == [
            "Content/a.md:1:1: error: front matter is not closed: add a line '---' after it\n---\n^",
        ])
    }

    @Test func sourceWithoutTitle() {
        #expect(errors("---\ntitle: A\nsources:\n  - url: https://x.org/\n---\n") == [
            "Content/a.md:4:5: error: a source needs a title\n  - url: https://x.org/\n    ^",
        ])
    }

    @Test func windowsLineEndingsAndBOM() throws {
        let file = try SourceFile(path: "Content/a.md", bytes: [0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: A\r\n---\r\nText\r\n".utf8))
        let page = try FrontMatter.parse(file)
        #expect(page.metadata.title == "A")
        #expect(page.body == "Text\n")
    }

    /// A carriage return alone ends a line for YAML: the message named line 4 and quoted another one.
    @Test func aCarriageReturnAloneEndsALineInMessagesToo() throws {
        let file = try SourceFile(path: "Content/a.md", bytes: Array("---\ntitle: A\ndate: 2026-01-02\rweight: heavy\n---\n".utf8))
        #expect(throws: BuildFailure.self) { try FrontMatter.parse(file) }
        do throws(BuildFailure) { _ = try FrontMatter.parse(file) } catch {
            #expect(error.diagnostics.map(\.description) == ["Content/a.md:4:9: error: 'weight' must be a whole number, not 'heavy'\nweight: heavy\n        ^"])
        }
    }

    /// A key at most two edits from a known one, or a known one in another case, is probably it; a key
    /// further from all of them is the editor's own (`page.params`).
    @Test(arguments: [
        ("dat", "date"), ("autor", "author"), ("summmary", "summary"), ("Title", "title"), ("TAGS", "tags"), ("tag", "tags"),
        ("updatd", "updated"), ("region", nil), ("image", nil), ("hero-image", nil), ("sources-note", nil),
        ("titel", "title"), ("suthor", "author"), ("math", nil), ("note", nil), ("path", nil), ("c", nil), ("resources", nil),
    ] as [(String, String?)])
    func misspelledKeysAreRecognised(key: String, expected: String?) {
        #expect(FrontMatterReader.suggestion(for: key) == expected)
    }

    @Test func warningsComeWithTheFrontMatter() throws {
        let page = try parse("---\ntitle: A\ndat: 2026-01-01\ntags: a, b\n---\n")
        #expect(page.warnings.map(\.description) == [
            "Content/a.md:3:1: warning: 'dat' is not a front matter key; did you mean 'date'?\ndat: 2026-01-01\n^",
            "Content/a.md:4:7: warning: 'tags' is one tag 'a, b'; for several tags write a list: tags: [a, b]\ntags: a, b\n      ^",
        ])
        #expect(page.metadata.params["dat"] == .string("2026-01-01"))
    }

    /// A date as a Korean keyboard or a wide-digit input writes it, and an offset without its colon, were
    /// told the whole timestamp syntax, not what to type.
    @Test(arguments: [
        ("2026년 11월 21일", "'date' is not a valid date: write it as YYYY-MM-DD (2026-11-21)"),
        ("２０２６-11-21", "'date' is not a valid date: write it as YYYY-MM-DD (2026-11-21)"),
        ("2026/11/21", "'date' is not a valid date: write it as YYYY-MM-DD (2026-11-21)"),
        ("21 November 2026", "'date' is not a valid date: write it as YYYY-MM-DD (2026-11-21)"),
        ("Nov. 21, 2026", "'date' is not a valid date: write it as YYYY-MM-DD (2026-11-21)"),
        ("2026-11-21\u{A0}", "'date' holds a no-break space (U+00A0), pasted from a word processor, which no date has: delete it"),
        ("2026-11-21T09:00:00+0900", "'date' is not a valid timestamp: write it as YYYY-MM-DDTHH:MM:SS with Z or an offset from -23:59 to +23:59 (e.g. 2026-03-12T09:30:00+09:00); the offset takes a colon, as +09:00"),
    ])
    func aDateWrittenOtherwiseIsToldWhatToType(written: String, message: String) {
        #expect(errors("---\ntitle: A\ndate: \(written)\n---\n").map { $0.components(separatedBy: "\n")[0] } == ["Content/a.md:3:7: error: " + message])
    }

    @Test func aKeyWithAWideColonIsNamed() {
        #expect(errors("---\ntitle: A\nsummary： \"요약\"\ndate: 2026-01-01\n---\n") == [
            "Content/a.md:3:8: error: invalid YAML: this line's colon is the wide '：' of an input method, which YAML does not read as one: type ':'\nsummary： \"요약\"\n       ^",
        ])
        // Followed by a key, the line read as text running on into it: the error was at the next key's
        // colon, and said to quote that key's value.
        #expect(errors("---\ntitle： \"전각 콜론 제목\"\ndate: 2026-09-01\n---\n").map { $0.components(separatedBy: "\n")[0] } == [
            "Content/a.md:2:6: error: invalid YAML: this line's colon is the wide '：' of an input method, which YAML does not read as one: type ':'",
        ])
        // A word processor's no-break space after the colon, then a key: the error was at that key, with
        // the advice to quote its value; alone on its line, "this line is no 'key: value'".
        for front in ["title:\u{A0}\"Budget\"\ndate: 2026-09-01", "title: A\nauthor:\u{A0}Jane Doe\ndate: 2026-09-01"] {
            #expect(errors("---\n\(front)\n---\n").first?.components(separatedBy: "\n")[0].contains(
                "error: invalid YAML: the space after '\(front.hasPrefix("title:\u{A0}") ? "title" : "author"):' is a no-break space (U+00A0), pasted from a word processor"
            ) == true)
        }
        // A wide colon inside a value is the value's.
        #expect(errors("---\ntitle: A\nsummary: 12：30 기준\ndate: 2026-09-01\n---\n").isEmpty)
    }

    @Test func tagsSeparatedByAWideCommaAreWarnedOf() throws {
        let page = try parse("---\ntitle: A\ntags: [alliance，연합훈련、드론, news]\n---\n")
        #expect(page.warnings.map { $0.description.components(separatedBy: "\n")[0] } == [
            "Content/a.md:3:8: warning: 'alliance，연합훈련、드론' is one tag: a wide comma ('，' or '、') separates no tags; write tags: [alliance, 연합훈련, 드론]",
        ])
        // In full-width brackets, the list was one tag, and the message suggested `tags: [［alliance, news］]`.
        #expect(try parse("---\ntitle: A\ntags: ［alliance, 뉴스］\n---\n").warnings.map { $0.description.components(separatedBy: "\n")[0] } == [
            "Content/a.md:3:7: warning: 'tags' is one tag '［alliance, 뉴스］': full-width brackets ('［', '］') make no list; write tags: [alliance, 뉴스]",
        ])
    }

    /// `author: Ji-woo Kim, Sam Lee` made one author of two, in the byline and the JSON-LD, without a word.
    @Test func severalAuthorsWrittenAsOneAreWarnedOf() throws {
        let warned = { (front: String) in try self.parse("---\ntitle: A\n\(front)\n---\n").warnings.map { $0.description.components(separatedBy: "\n")[0] } }
        #expect(try warned("author: Ji-woo Kim, Sam Lee") == [
            "Content/a.md:3:9: warning: 'Ji-woo Kim, Sam Lee' is one author's name; for several authors write a list: authors: [Ji-woo Kim, Sam Lee]",
        ])
        #expect(try warned("authors: [김지우， 이샘]") == [
            "Content/a.md:3:11: warning: '김지우， 이샘' is one author's name; for several authors write a list: authors: [김지우, 이샘]",
        ])
        // Surname first is one person.
        #expect(try warned("author: Kim, Ji-woo").isEmpty)
        #expect(try warned("authors: [Kim, Ji-woo]").isEmpty)
    }

    /// `lang: kr` marked the text as Kanuri, and `jp` as no language at all, without a word; then with a
    /// warning, but still so.
    @Test func aCountrysCodeForALanguageIsWarnedOf() throws {
        let page = try parse("---\ntitle: A\nlang: kr\nsources:\n  - title: S\n    language: jp\n---\n")
        #expect(page.warnings.map { $0.description.components(separatedBy: "\n")[0] } == [
            "Content/a.md:3:7: warning: 'kr' is a country's code, not Korean's: Korean is 'ko' ('kr' is Kanuri), which the page is marked with: write 'ko'",
            "Content/a.md:6:15: warning: 'jp' is a country's code, not Japanese's: Japanese is 'ja', which the page is marked with: write 'ja'",
        ])
        // Published as the language meant, which a screen reader reads in the right voice.
        #expect(page.metadata.lang == "ko" && page.metadata.sources.first?.language == "ja")
        #expect(try parse("---\ntitle: A\nlang: kr-KR\n---\n").metadata.lang == "ko-KR")
        #expect(try parse("---\ntitle: A\nlang: ko-KR\n---\n").warnings.isEmpty)
    }
}

import Foundation
