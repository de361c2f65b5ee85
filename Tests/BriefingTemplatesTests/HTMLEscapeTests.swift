import BriefingTemplates
import Testing

struct HTMLEscapeTests {
    @Test func replacesTheFiveCharactersAndKeepsTheRest() {
        #expect(HTMLEscape.escaped(#"<a href="x?a=1&b='2'">Zoë’s 한국</a>"#)
            == "&lt;a href=&quot;x?a=1&amp;b=&#39;2&#39;&quot;&gt;Zoë’s 한국&lt;/a&gt;")
        #expect(HTMLEscape.escaped("Burden-sharing, 2026: 1.5 trillion won") == "Burden-sharing, 2026: 1.5 trillion won")
        #expect(HTMLEscape.escaped("") == "")
        #expect(HTMLEscape.escaped("&") == "&amp;")
    }

    /// cmark's set for text: the same but for the apostrophe.
    @Test func keepsApostrophesWhenAskedAsCmarkDoes() {
        #expect(HTMLEscape.escaped(#"it's "1 < 2" & 'so'"#, keepingApostrophes: true) == "it's &quot;1 &lt; 2&quot; &amp; 'so'")
        #expect(HTMLEscape.escaped("it's", keepingApostrophes: true) == "it's")
    }

    /// A combining mark joins the `&` or `<` before it into one Character; the markup character must
    /// still be replaced.
    @Test func escapesAMarkupCharacterACombiningMarkFollows() {
        #expect(HTMLEscape.escaped("<\u{0338}script>&\u{0301}") == "&lt;\u{0338}script&gt;&amp;\u{0301}")
    }

    /// Text is read eight bytes at a time: a markup character in any position of a block, at either end
    /// of the text, next to multi-byte characters, is still replaced as one byte at a time would.
    @Test(arguments: [false, true])
    func everyPositionOfEveryBlockAsAByteAtATime(keepingApostrophes: Bool) {
        let pieces = ["a", " ", "&", "<", ">", "\"", "'", "é", "’", "한", "🇰🇷", "0", "\n", "?", "="]
        var generator = SystemRandomNumberGenerator()
        for length in 0..<40 {
            for _ in 0..<50 {
                let text = (0..<length).map { _ in pieces.randomElement(using: &generator)! }.joined()
                #expect(HTMLEscape.escaped(text, keepingApostrophes: keepingApostrophes) == byteAtATime(text, keepingApostrophes))
            }
        }
    }

    private func byteAtATime(_ text: String, _ keepingApostrophes: Bool) -> String {
        var output: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): output += "&amp;".utf8
            case UInt8(ascii: "<"): output += "&lt;".utf8
            case UInt8(ascii: ">"): output += "&gt;".utf8
            case UInt8(ascii: "\""): output += "&quot;".utf8
            case UInt8(ascii: "'") where !keepingApostrophes: output += "&#39;".utf8
            default: output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
