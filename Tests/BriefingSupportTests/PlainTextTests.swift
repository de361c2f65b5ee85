import Foundation
import Testing
import BriefingMarkdown
@testable import BriefingSupport

@Suite struct PlainTextTests {
    @Test(arguments: [
        ("South Korea's 2026 Contribution", "South Korea’s 2026 Contribution"),
        ("a 'titanium' partnership", "a ‘titanium’ partnership"),
        ("\"Ironclad\" -- or more...", "“Ironclad” – or more…"),
        ("1950---1953 (\"the war\")", "1950—1953 (“the war”)"),
        ("No punctuation", "No punctuation"),
    ])
    func smartPunctuationMatchesCmark(_ pair: (String, String)) {
        #expect(PlainText.smartened(pair.0) == pair.1)
    }

    @Test func collapsesWhitespace() {
        #expect(PlainText.collapsingWhitespace("  a \n\t b  ") == "a b")
        #expect(PlainText.collapsingWhitespace("") == "")
        #expect(PlainText.collapsingWhitespace(" \u{0B}\u{0C}\r ") == "")
        // Unicode spaces (no-break, em, ideographic, line separator) count; other scalars of every length stay.
        #expect(PlainText.collapsingWhitespace("\u{A0}Séoul\u{2003}\u{3000}한국 \u{2028}🇰🇷\u{A0}") == "Séoul 한국 🇰🇷")
    }

    /// Blank as a reader sees it: Foundation's `.whitespaces` (space separators, tab, zero width space, not
    /// line breaks), and the characters that draw nothing which a title of them alone got past before
    /// (line and paragraph separators, format characters, Hangul fillers, the blank braille pattern).
    @Test func blankMeansNothingAReaderWouldSee() {
        let invisible: Set<UInt32> = [0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800]
        let samples = ["", " ", "\t \t", "\u{A0}\u{2003}\u{3000}", " a ", "\n", " \r", "\u{0B}", "\u{200B}", "한", "\u{85}"]
        for text in samples + (Array(0...0x3100) + [0xFEFF, 0xE0020, 0x10FFFF]).compactMap({ Unicode.Scalar($0).map { " \(Character($0)) " } }) {
            let drawsNothing = text.unicodeScalars.allSatisfy {
                invisible.contains($0.value) || [.lineSeparator, .paragraphSeparator, .format].contains($0.properties.generalCategory)
                    || String($0).trimmingCharacters(in: .whitespaces).isEmpty
            }
            #expect(PlainText.isBlank(text) == drawsNothing, "\(text.debugDescription)")
        }
        #expect(PlainText.isBlank("\u{A0} \t") && PlainText.isBlank("\u{2028}\u{2029}") && PlainText.isBlank("\u{3164}\u{AD}\u{202E}"))
        #expect(!PlainText.isBlank(" \n ") && !PlainText.isBlank("\u{3164}가"))
    }

    @Test func countsWordsSeparatedByAnyWhitespace() {
        #expect(PlainText.wordCount("") == 0)
        #expect(PlainText.wordCount("  one\ttwo\u{A0}three—four\n") == 3)
        #expect(PlainText.wordCount("미군 주둔 비용") == 3)
    }

    /// Han and Kana are read a character at a time and are no part of a word; Hangul is written in words.
    @Test func countsHanAndKanaByCharacterAndOtherScriptsByWord() {
        func counts(_ text: String) -> [Int] {
            var text = text
            let counts = text.withUTF8(PlainText.readingCounts)
            return [counts.words, counts.characters]
        }
        #expect(counts("日本語の文章です。") == [1, 8], "the full stop is a word of its own: it is neither Han nor Kana")
        #expect(counts("美军驻扎") == [0, 4])
        #expect(counts("미군 주둔 비용") == [3, 0])
        #expect(counts("Наш союз и حلفاؤنا") == [4, 0])
        #expect(counts("The word 同盟 means alliance") == [4, 2], "one Han word in English prose leaves its words counted as words")
        #expect(counts("ｶﾀｶﾅ and 𠮷") == [1, 5], "half-width Katakana and a Han character beyond the BMP")
    }

    /// Eight bytes at a time where the text is ASCII, one scalar at a time elsewhere: the same words as
    /// splitting at every whitespace scalar, whatever the mix and wherever the eight-byte chunks fall.
    @Test func countsTheSameWordsAsSplittingAtWhitespace() {
        let pieces = ["a", "Zz", "9", " ", "  ", "\t", "\n", "\r\n", "\u{0B}", "\u{0C}", "\u{0E}", "\u{08}", "\u{1F}", "!", "~", "\u{7F}",
                      "é", "—", "\u{A0}", "\u{3000}", "\u{2028}", "미군", "😀"]
        for text in PlainTextTests.texts(of: pieces, upTo: 30, seed: 42) {
            let words = text.unicodeScalars.split(whereSeparator: PlainText.isWhitespace)
            #expect(PlainText.wordCount(text) == words.count, "\(text.debugDescription)")
            #expect(PlainText.collapsingWhitespace(text) == words.map { String($0) }.joined(separator: " "), "\(text.debugDescription)")
        }
    }

    /// Prose is mostly words and lone spaces, which are copied eight bytes at a time: the same text as
    /// joining the words, wherever a double space, a line break or a non-ASCII scalar falls.
    @Test func collapsesProseAsJoiningItsWords() {
        let pieces = ["word", "a", "alliance", "Zz", " ", " ", " ", "  ", "\n", "\t", "é", "\u{A0}", "—", ".", "1950"]
        for text in PlainTextTests.texts(of: pieces, upTo: 60, seed: 7) {
            let words = text.unicodeScalars.split(whereSeparator: PlainText.isWhitespace)
            #expect(PlainText.collapsingWhitespace(text) == words.map { String($0) }.joined(separator: " "), "\(text.debugDescription)")
        }
    }

    /// 5,000 texts of fewer than `limit` pieces each, the same every run (a linear congruential generator).
    private static func texts(of pieces: [String], upTo limit: Int, seed: UInt64) -> [String] {
        var state = seed
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        return (0..<5_000).map { _ in (0..<(next() % limit)).map { _ in pieces[next() % pieces.count] }.joined() }
    }

    /// A page's words are counted in the bytes cmark holds; a sequence cut off at the end is never read past.
    @Test func countsWordsInTheBytesOfMarkdownNodes() {
        let document = MarkdownDocument(markdown: "Burden\u{3000}sharing *in `the SMA`*\n\n    code  block\n")
        let counts = document.root.descendants(ofKind: .text, .code, .codeBlock).compactMap { $0.withLiteralBytes(PlainText.wordCount) }
        #expect(counts == [2, 1, 2, 2])
        #expect(document.root.withLiteralBytes(PlainText.wordCount) == nil)
        let truncated: [UInt8] = [0x61, 0x20, 0xE3, 0x80]
        #expect(truncated.withUnsafeBufferPointer(PlainText.wordCount) == 2)
    }
}
