import Foundation
import Testing
@testable import BriefingKit
@testable import BriefingMarkdown
@testable import BriefingSupport

@Suite struct CSVTableTests {
    private func parse(_ text: String) throws(Diagnostic) -> CSVTable {
        try CSVTable.parse(SourceFile(path: "Content/data/t.csv", text: text))
    }

    private func error(_ text: String) -> String? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func quotedFieldsDoubledQuotesAndNewlines() throws {
        let table = try parse("Metric,Value\n\"Troops, US\",\"about \"\"28,500\"\"\"\n\"two\nlines\",x\n")
        #expect(table.header == ["Metric", "Value"])
        #expect(table.rows == [["Troops, US", "about \"28,500\""], ["two\nlines", "x"]])
        #expect(table.rowLines == [2, 3])
    }

    /// Rows copied from a spreadsheet with tabs made a table of one column without a word; a European
    /// Excel's semicolons were told only that rows had more fields than the header.
    @Test func tabsOrSemicolonsBetweenFieldsAreNamed() {
        #expect(error("Year\tBudget\n2025\t$1.1bn\n")?.components(separatedBy: "\n")[0]
            == "Content/data/t.csv:1:1: error: the header is one column, 'Year\tBudget': this file's fields are separated by tabs, as a spreadsheet copies them; "
                + "save it as CSV with commas (in Excel, 'CSV UTF-8 (comma delimited)')")
        #expect(error("Year;Budget\n2025;1,1\n")?.contains("separated by semicolons, as Excel saves CSV in some languages") == true)
    }

    @Test func bomAndCRLF() throws {
        let file = try SourceFile(path: "Content/data/t.csv", bytes: [0xEF, 0xBB, 0xBF] + Array("a,b\r\n1,2\r\n".utf8))
        let table = try CSVTable.parse(file)
        #expect(table.header == ["a", "b"])
        #expect(table.rows == [["1", "2"]])
    }

    @Test func emptyFieldsAndNoFinalNewline() throws {
        #expect(try parse("a,b,c\n,,\n1,,3").rows == [["", "", ""], ["1", "", "3"]])
    }

    @Test func unterminatedQuote() {
        #expect(error("a,b\n1,\"open\n2,3\n") == "Content/data/t.csv:2:3: error: unterminated quoted field: add the closing \"\n1,\"open\n  ^")
    }

    @Test func wrongNumberOfFields() {
        #expect(error("a,b\n1,2\n1,2,3\n") == "Content/data/t.csv:3:1: error: row has 3 fields but the header has 2\n1,2,3\n^")
        // Every uneven row is named at once, not one per build.
        #expect(error("a,b\n1\n1,2\n1,2,3\n4\n") == "Content/data/t.csv:2:1: error: row has 1 field but the header has 2; the rows at lines 4, 5 do not match it either\n1\n^")
    }

    @Test func strayQuotes() {
        #expect(error("a,b\n1,x\"y\"\n") == "Content/data/t.csv:2:4: error: a quote inside an unquoted field; quote the whole field and write \"\" for a quote\n1,x\"y\"\n   ^")
        #expect(error("a,b\n1,\"x\"y\n") == "Content/data/t.csv:2:6: error: text after a closing quote; a quoted field ends at its quote\n1,\"x\"y\n     ^")
    }

    @Test func everyQuoteOutOfPlaceIsNamedAtOnce() {
        // Read on past the first, as uneven rows are, so that one build lists every line to mend.
        #expect(error("a,b\n\"x\" y,1\nfine,2\n3,say \"hi\"\n\"open,4\n") == """
        Content/data/t.csv:2:4: error: text after a closing quote; a quoted field ends at its quote; lines 4, 5 have a quote out of place too
        "x" y,1
           ^
        """)
    }

    @Test func emptyFile() {
        #expect(error("") == "Content/data/t.csv:1:1: error: the CSV file is empty: it needs a header row\n\n^")
    }
}
