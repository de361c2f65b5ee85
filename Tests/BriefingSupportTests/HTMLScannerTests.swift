import Testing
@testable import BriefingSupport

@Suite struct HTMLScannerTests {
    /// The parts as a browser's tokenizer would make them, written back as `text|<start>|</end>`.
    private func parts(_ html: String) -> [String] {
        var html = html
        var parts: [String] = []
        html.withUTF8 { bytes in
            HTMLScanner.scan(bytes) { part in
                switch part {
                case .text(let text): parts.append(String(decoding: text, as: UTF8.self))
                case .startTag(let name, let tag): parts.append("<\(name)>" + (tag.last == UInt8(ascii: ">") ? "" : " unclosed"))
                case .endTag(let name): parts.append("</\(name)>")
                }
            }
        }
        return parts
    }

    @Test func tagsAndTextInOrder() {
        #expect(parts(#"Some <B class="x">bold</B> words<br/>."#) == ["Some ", "<b>", "bold", "</b>", " words", "<br>", "."])
    }

    /// Passed over: comments (even with a tag inside), declarations, and what a script or style holds.
    @Test func commentsScriptsAndStylesHoldNoParts() {
        #expect(parts(#"a<!-- <a id="x"> -->b<!DOCTYPE html><?xml?>c"#) == ["a", "b", "c"])
        #expect(parts(#"<script>var s = '<a id="y">';</script>d<STYLE>p{}</Style>"#) == ["<script>", "</script>", "d", "<style>", "</style>"])
    }

    /// A `<` that starts no tag is text, as browsers show it (`</` and a space start a comment to the next
    /// `>`); a tag the HTML ends inside ends the HTML.
    @Test func aLessThanSignIsTextAndAnOpenTagEndsTheHTML() {
        #expect(parts("if a < b and c > d") == ["if a < b and c > d"])
        #expect(parts("x <3 y </ z > w") == ["x <3 y ", " w"])
        #expect(parts(#"before <a title="never closed"#) == ["before "])
        #expect(parts("before <!-- never closed") == ["before "])
        #expect(parts("<script>never closed") == ["<script>"])
    }

    /// A `>` inside a quoted value is not the tag's end.
    @Test func aQuotedGreaterThanSignStaysInTheTag() {
        #expect(parts(#"<a title="a > b">x</a>"#) == ["<a>", "x", "</a>"])
    }
}
