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
}
