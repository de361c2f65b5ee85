import Testing
@testable import BriefingSupport

/// What a diagnostic quotes and where its caret goes.
@Suite struct SourceFileTests {
    private let file = SourceFile(path: "Content/a.md", text: "# 동맹\n\nSee [x](/y/) and é [z](/w/)\n")

    /// A page with ESC, U+0085 and U+FFFF was refused for the ESC alone, and a build per character found the rest.
    @Test func everyForbiddenCharacterOfAFileIsCountedInItsMessage() {
        let bytes = Array("a\u{1B}b\nok\nc\u{85}d\u{FFFF}\n".utf8)
        #expect(throws: Diagnostic.self) { try SourceFile(path: "Content/a.md", bytes: bytes) }
        do {
            _ = try SourceFile(path: "Content/a.md", bytes: bytes)
        } catch {
            #expect(error.location?.line == 1 && error.location?.column == 2)
            #expect(error.message.hasSuffix("remove it (and 2 more such characters, on line 3)"))
        }
    }

    @Test func linesAreNumberedFromOneWithoutTheirLineEnding() {
        #expect(file.line(1) == "# 동맹")
        #expect(file.line(2) == "")
        #expect(file.line(3) == "See [x](/y/) and é [z](/w/)")
        #expect(file.line(4) == "")
        #expect(file.line(5) == nil)
        #expect(file.line(0) == nil)
        #expect(SourceFile(path: "a", text: "").line(1) == "")
        #expect(SourceFile(path: "a", text: "no break").line(1) == "no break")
    }

    /// cmark counts bytes; the reader counts characters: `é` is two bytes, `동맹` six.
    @Test func byteColumnsBecomeCharacterColumns() {
        #expect(file.location(line: 3, byteColumn: 5).column == 5)
        #expect(file.location(line: 3, byteColumn: 21).column == 20)
        #expect(file.location(line: 1, byteColumn: 9).column == 5)
        #expect(file.location(line: 1, byteColumn: 200).column == 5)
        #expect(file.location(line: 9, byteColumn: 7).column == 7)
    }
}

/// How a diagnostic shows its line.
@Suite struct DiagnosticExcerptTests {
    @Test func aShortLineIsShownWhole() {
        #expect(Diagnostic.excerpt(of: "See [x](/y/)", around: 5) == ("See [x](/y/)", 5))
    }

    /// 300 characters, the column at 200: a window of 120 around it, cut ends marked, the caret moved
    /// with the text (past the `…`).
    @Test func aLongLineIsCutAroundTheColumn() {
        let line = String(repeating: "가", count: 199) + "X" + String(repeating: "b", count: 100)
        let (shown, column) = Diagnostic.excerpt(of: line, around: 200)
        #expect(shown == "…" + String(repeating: "가", count: 60) + "X" + String(repeating: "b", count: 59) + "…")
        #expect(column == 62)
        #expect(Array(shown.unicodeScalars)[column - 1] == "X")
    }

    @Test func theWindowStopsAtEachEnd() {
        let line = "é" + String(repeating: "a", count: 199)
        #expect(Diagnostic.excerpt(of: line, around: 1) == ("é" + String(repeating: "a", count: 119) + "…", 1))
        let (shown, column) = Diagnostic.excerpt(of: line, around: 200)
        #expect(shown == "…" + String(repeating: "a", count: 120))
        #expect(column == 121)
    }

    /// Combining marks are scalars of their own: the window counts scalars, as columns do.
    @Test func aCutMayFallInsideACharacter() {
        let line = String(repeating: "e\u{301}", count: 100)
        let (shown, _) = Diagnostic.excerpt(of: line, around: 1)
        #expect(shown.unicodeScalars.count == 121)
    }
}
