import BriefingTestSupport
import Foundation
import Testing
@testable import BriefingKit
@testable import BriefingSupport
@testable import BriefingTemplates

/// The theme's words: strings with placeholders as parts for templates, plural forms chosen by CLDR's
/// rule for the language, and dates in the language's format.
@Suite struct StringTableTests {
    static func table(_ yaml: String, code: String = "en") throws -> StringTable {
        try StringTable(file: SourceFile(path: "Templates/i18n/\(code).yaml", text: yaml), code: code)
    }

    /// Every table this repository ships (the theme's, and the right-to-left site of the browser suite)
    /// has every key of the English one: a key added to the theme and forgotten in one language is a
    /// failed build for every site in that language.
    @Test func everyTableOfTheRepositoryHasEveryEnglishKey() throws {
        let strings = DefaultTheme.strings
        let english = try Self.table(String(contentsOf: strings.appendingPathComponent("en.yaml"), encoding: .utf8))
        let rtlSite = strings.appendingPathComponent("../../Tests/e2e/rtl-site/Templates/i18n").standardizedFileURL
        var files = try FileManager.default.contentsOfDirectory(atPath: strings.path).map { strings.appendingPathComponent($0) }
        files += try FileManager.default.contentsOfDirectory(atPath: rtlSite.path).map { rtlSite.appendingPathComponent($0) }
        #expect(files.count >= 3)
        for file in files where file.pathExtension == "yaml" {
            let code = file.deletingPathExtension().lastPathComponent
            let table = try Self.table(String(contentsOf: file, encoding: .utf8), code: code)
            let missing = english.entries.keys.filter { table.entries[$0] == nil }.sorted()
            #expect(missing.isEmpty, "\(file.path) lacks \(missing.joined(separator: ", "))")
        }
    }

    /// An English `{monthName} {day}, {year}` failed the Korean table's `{year}년 {month}월 {day}일`, as if the two
    /// were one string translated: a language's date format is its own.
    @Test func eachLanguageWritesDatesWithItsOwnPlaceholders() throws {
        let months = (1...12).map { "M\($0)" }.joined(separator: ", ")
        let english = try Self.table("dateFormat: \"{monthName} {day}, {year}\"\nmonthNames: [\(months)]\nnotes: Notes\n")
        let korean = try Self.table("dateFormat: \"{year}년 {month}월 {day}일\"\nnotes: 주\n", code: "ko")
        #expect(korean.mismatches(against: english).isEmpty)
        let other = try Self.table("dateFormat: \"{day}/{month}/{year}\"\nnotes: \"{x}\"\n", code: "ko")
        #expect(other.mismatches(against: english).map { $0.message.prefix(20) } == ["'notes' has the plac"])
    }

    /// `{dya}`, or `{monthName}` without twelve month names, printed as typed in every date of the language.
    @Test func aDateFormatThatCannotFillItsPlacesIsAnErrorAtItsLine() throws {
        func mistakes(_ yaml: String) throws -> [String] { try Self.table(yaml, code: "ko").dateMistakes().map { $0.description.components(separatedBy: "\n")[0] } }
        #expect(try mistakes("dateFormat: \"{year}년 {month}월 {dya}일\"\n") == [
            "Templates/i18n/ko.yaml:1:13: error: 'dateFormat' has {dya}, which is not a part of a date: use {year}, {month}, {day} and {monthName}",
        ])
        #expect(try mistakes("dateFormat: \"{day} {monthName} {year}\"\n") == [
            "Templates/i18n/ko.yaml:1:13: error: 'dateFormat' has {monthName}, but the table has no 'monthNames': add the twelve months' names as a list",
        ])
        #expect(try mistakes("dateFormat: \"{day} {monthName} {year}\"\nmonthNames: [1월, 2월, 3월]\n") == [
            "Templates/i18n/ko.yaml:2:13: error: 'monthNames' must be a list of the twelve months' names, January's first",
        ])
        let months = (1...12).map { "\($0)월" }.joined(separator: ", ")
        #expect(try mistakes("dateFormat: \"{year}년 {monthName} {day}일\"\nmonthNames: [\(months)]\n").isEmpty)
    }

    /// A table started from en.yaml, which needs no `dateFormat`, wrote every date of the language in English.
    @Test func aLanguageOtherThanEnglishWithoutADateFormatIsAnError() throws {
        #expect(try Self.table("notes: 주석\n", code: "ko").dateMistakes().map { $0.description.components(separatedBy: "\n")[0] } == [
            "Templates/i18n/ko.yaml:1:1: error: the table has no 'dateFormat', so its dates would read in English (8 April 2026): add one, such as \"{year}년 {month}월 {day}일\", or \"{day} {monthName} {year}\" with the twelve 'monthNames'",
        ])
        #expect(try Self.table("notes: Notes\n", code: "en-GB").dateMistakes().isEmpty)
    }

    /// `{cuont}` in a plural form printed as typed in every page's reading time; a list under a key of text
    /// was "unknown variable" at the template that asked for it.
    @Test func aPluralFormWithAPlaceholderTheBuildDoesNotFillAndAListOfTextAreErrors() throws {
        let table = try Self.table("readingTime:\n  one: \"{cuont} min read\"\n  other: \"{count} min read\"\ntableSource:\n  other: \"Sources: {sources} ({count})\"\n")
        // Quoting the line, as every error does.
        #expect(table.pluralMistakes().map(\.description) == [
            "Templates/i18n/en.yaml:2:3: error: 'readingTime.one' has {cuont}, which the build does not fill: use {count}\n  one: \"{cuont} min read\"\n  ^",
        ])
        do throws(BuildFailure) {
            _ = try StringTable(file: SourceFile(path: "Templates/i18n/en.yaml", text: "contents:\n  - Contents\n"), code: "en")
            Issue.record("a list under 'contents' was taken")
        } catch {
            #expect(error.diagnostics.first?.description.hasPrefix("Templates/i18n/en.yaml:2:3: error: 'contents' is a list, which templates are not given: write it as text") == true)
        }
    }

    @Test func aStringWithoutPlaceholdersIsItselfAndOneWithThemIsParts() throws {
        let t = try Self.table("contents: Contents\npublished: \"Published {date}\"\nbraces: \"a {b c} {\"\n").templateValue
        #expect(t["contents"] == .string("Contents"))
        #expect(t["braces"] == .string("a {b c} {"), "a brace that does not close a name is text")
        #expect(t["published"] == .list([
            .map(["text": .string("Published "), "isDate": .bool(false)]),
            .map(["text": .string(""), "isDate": .bool(true)]),
        ]))
    }

    @Test func partsRenderWithTheValueAndMarkupTheTemplateGives() throws {
        let t = try Self.table("pageOfTotal: \"{total}쪽 중 {current}쪽\"\n", code: "ko").templateValue
        let template = try Template(source: "{{#t.pageOfTotal}}{{text}}{{#isCurrent}}<b>{{current}}</b>{{/isCurrent}}{{#isTotal}}{{total}}{{/isTotal}}{{/t.pageOfTotal}}", name: "pagination")
        let html = try TemplateLibrary(templates: ["pagination": template]).render("pagination", context: ["t": t, "current": 2, "total": 5], strict: true)
        #expect(html == "5쪽 중 <b>2</b>쪽")
    }

    @Test func pluralFormsFollowTheLanguagesRule() throws {
        let english = try Self.table("readingTime:\n  one: \"{count} min read\"\n  other: \"{count} min read\"\ntagCount:\n  one: \"{count} briefing\"\n  other: \"{count} briefings\"\n")
        #expect(english.plural("tagCount", count: 1) == "1 briefing")
        #expect(english.plural("tagCount", count: 0) == "0 briefings")
        let korean = try Self.table("readingTime:\n  other: \"{count}분 분량\"\n", code: "ko")
        #expect(korean.plural("readingTime", count: 1) == "1분 분량")
        #expect(StringTable.category(of: 0, code: "fr") == "one")
        #expect([0, 1, 2, 3, 11, 100].map { StringTable.category(of: $0, code: "ar") } == ["zero", "one", "two", "few", "many", "other"])
        #expect([1, 2, 5, 21, 22, 11].map { StringTable.category(of: $0, code: "ru") } == ["one", "few", "many", "one", "few", "many"])
    }

    @Test func datesTakeTheTablesFormatOrTheEnglishOne() throws {
        let date = try #require(PageDate(parsing: "2026-04-08"))
        #expect(try Self.table("dateFormat: \"{year}년 {month}월 {day}일\"\n", code: "ko").format(date) == "2026년 4월 8일")
        #expect(try Self.table("contents: Contents\n").format(date) == nil)
        #expect(date.display == "8 April 2026")
        let names = "monthNames: [janvier, février, mars, avril, mai, juin, juillet, août, septembre, octobre, novembre, décembre]\n"
        #expect(try Self.table("dateFormat: \"{day} {monthName} {year}\"\n" + names, code: "fr").format(date) == "8 avril 2026")
    }

    @Test func tagNamesGiveATagItsNameInTheLanguage() throws {
        let korean = try Self.table("tagNames:\n  burden-sharing: 방위비 분담\n", code: "ko")
        #expect(korean.tagName("burden-sharing", slug: "burden-sharing") == "방위비 분담")
        #expect(korean.tagName("SMA", slug: "sma") == "SMA", "a tag the table does not name keeps its own name")
        #expect(korean.templateValue["tagNames"] == nil)
    }

    @Test func countsAreGroupedAndNumbersWrittenInTheLanguagesDigits() throws {
        let english = try Self.table("groupSeparator: \",\"\ntagCount:\n  other: \"{count} briefings\"\n")
        #expect(english.plural("tagCount", count: 999) == "999 briefings")
        #expect(english.plural("tagCount", count: 1000) == "1,000 briefings")
        #expect(english.number(-1_234_567, grouped: true) == "-1,234,567")
        #expect(english.number(2026) == "2026", "a year, a day or a page number is not grouped")
        let persian = try Self.table("digits: \"۰۱۲۳۴۵۶۷۸۹\"\ndecimalSeparator: \"٫\"\n", code: "fa")
        #expect(persian.number(2026) == "۲۰۲۶")
        let template = try Template(source: "{{n}} {{x}} {{s}}", name: "n")
        let html = try TemplateLibrary(templates: ["n": template]).render("n", context: ["n": 1405, "x": 12.5, "s": "2026"], numbers: persian.numbers)
        #expect(html == "۱۴۰۵ ۱۲٫۵ 2026", "numbers take the language's digits; text is written as it is")
        let markup = try Template(
            source: #"<img width="{{n}}" alt="Map {{n}}" data-n="{{n}}"><h{{level}} aria-label="{{n}}">{{n}}</h{{level}}>"#, name: "m"
        )
        let attributes = try TemplateLibrary(templates: ["m": markup]).render("m", context: ["n": 640, "level": 2], numbers: persian.numbers)
        #expect(
            attributes == #"<img width="640" alt="Map ۶۴۰" data-n="640"><h2 aria-label="۶۴۰">۶۴۰</h2>"#,
            "a number in markup (a size, a level, data) stays ASCII; in text and in what readers hear it takes the digits"
        )
        // Quotes of one kind inside a value quoted with the other: `"` in `title='…'` was taken for a value's end.
        let quoted = try Template(
            source: #"<a data-json='{"n": {{n}}}' title='Map "{{n}}"' width={{n}} aria-label="{{n}}">{{n}}</a>"#, name: "q"
        )
        #expect(try TemplateLibrary(templates: ["q": quoted]).render("q", context: ["n": 7], numbers: persian.numbers)
            == #"<a data-json='{"n": 7}' title='Map "۷"' width=7 aria-label="۷">۷</a>"#)
        // A script's or a style's numbers are code: `var words = ٩٦;` and `width:١em` broke them.
        let code = try Template(source: "<script>var n = {{n}};</script><style>.bar{width:{{n}}em}</style><p>{{n}}</p>", name: "c")
        #expect(try TemplateLibrary(templates: ["c": code]).render("c", context: ["n": 96], numbers: persian.numbers)
            == "<script>var n = 96;</script><style>.bar{width:96em}</style><p>۹۶</p>")
        // A tag in a script's strings, or a `>` in an attribute's value, was taken for the end of the code or the tag.
        let tricky = try Template(source: #"""
            <script>var s = "<b>"; var n = {{n}};</script><script>var t = "</p>"; if (a<b) x = {{n}};</script>\#
            <script type="text/template"><b>{{n}}</b></script><p title="a>b" data-x="{{n}}">{{n}}</p><p data-x="a>b {{n}}" title="a>b {{n}}"></p>
            """#, name: "t")
        #expect(try TemplateLibrary(templates: ["t": tricky]).render("t", context: ["n": 385], numbers: persian.numbers) == #"""
            <script>var s = "<b>"; var n = 385;</script><script>var t = "</p>"; if (a<b) x = 385;</script>\#
            <script type="text/template"><b>385</b></script><p title="a>b" data-x="385">۳۸۵</p><p data-x="a>b 385" title="a>b ۳۸۵"></p>
            """#)
        let separator = try Template(source: "{{x}} {{{x}}}", name: "x")
        let escaped = try TemplateLibrary(templates: ["x": separator])
            .render("x", context: ["x": 12.5], numbers: NumberStyle(digits: "0123456789", decimalSeparator: "<"))
        #expect(escaped == "12&lt;5 12<5", "a separator is escaped as any value is")
        #expect(NumberStyle(digits: "abcdefghij") == nil && NumberStyle(digits: "01234<6789") == nil && NumberStyle(digits: "9876543210") == nil)
    }

    @Test func digitsThatAreNotTenCharactersAreAnErrorAtTheValue() {
        let failure = #expect(throws: BuildFailure.self) { try Self.table("digits: \"٠١٢٣\"\n", code: "ar") }
        #expect(failure?.diagnostics.map(\.description) == [
            "Templates/i18n/ar.yaml:1:9: error: 'digits' must be the language's ten digits, zero to nine, like '٠١٢٣٤٥٦٧٨٩'\ndigits: \"٠١٢٣\"\n        ^",
        ])
    }

    @Test func aPluralWithoutOtherIsAnErrorAtItsKey() throws {
        let failure = #expect(throws: BuildFailure.self) { try Self.table("tagCount:\n  one: \"{count} briefing\"\n") }
        #expect(failure?.diagnostics.map(\.description) == ["Templates/i18n/en.yaml:1:1: error: plural 'tagCount' needs an 'other' form\ntagCount:\n^"])
    }
}
