import Testing
@testable import BriefingKit

/// Files whose text the check cannot see as a browser does are refused rather than passed: another
/// encoding than UTF-8 reads `<script>` where the bytes show none.
@Suite struct ScriptedFilesTests {
    @Test func aFileTheCheckCannotReadIsRefused() {
        let script = Array("<svg><script>x()</script></svg>".utf8)
        let utf16: [UInt8] = [0xFF, 0xFE] + script.flatMap { byte -> [UInt8] in [byte, 0] }
        #expect(ScriptedFiles.firstScript(in: utf16)?.what == "saved as UTF-16 or UTF-32, which cannot be checked: save it as UTF-8")
        #expect(ScriptedFiles.firstScript(in: [0x1F, 0x8B, 0x08, 0x00])?.what == "compressed with gzip, which cannot be checked: publish it uncompressed")
        // ISO-2022-JP's escape switches what the bytes after it mean.
        let escaped = Array("<svg><scr".utf8) + [0x1B] + Array("(Bipt>x()</script></svg>".utf8)
        #expect(ScriptedFiles.firstScript(in: escaped)! == (9, "a control character, U+001B, which can hide markup from the check"))
        #expect(ScriptedFiles.firstScript(in: Array("<svg>".utf8) + [0xC3, 0x28] + Array("</svg>".utf8))! == (5, "bytes that are not UTF-8, which cannot be checked: save it as UTF-8"))
    }

    /// Twelve kilobytes of entities made of entities stand for a terabyte: expanding them ran the build out
    /// of memory (exit 134). Past a bound, the file cannot be checked.
    @Test(.timeLimit(.minutes(1))) func entitiesThatExpandWithoutEndAreRefused() {
        let thousand = { (name: String) in String(repeating: "&\(name);", count: 1_000) }
        let bomb = "<!DOCTYPE svg [\n<!ENTITY e \"x\">\n<!ENTITY d \"\(thousand("e"))\">\n<!ENTITY c \"\(thousand("d"))\">\n"
            + "<!ENTITY b \"\(thousand("c"))\">\n<!ENTITY a \"\(thousand("b"))\">\n]>\n<svg><text>&a;</text></svg>\n"
        #expect(ScriptedFiles.firstScript(in: Array(bomb.utf8))! == (16, "entities that expand past 2 MB, which cannot be checked"))
        // Entities that expand a little, as a drawing program's namespaces do, are read through.
        let named = "<!DOCTYPE svg [<!ENTITY ns \"http://www.w3.org/2000/svg\"><!ENTITY s \"&ns;&ns;\">]><svg xmlns=\"&ns;\"><text>&s;</text></svg>"
        #expect(ScriptedFiles.firstScript(in: Array(named.utf8)) == nil)
    }

    /// Each unclosed `<?xml-stylesheet` was read to the file's end: a megabyte of them took 90 s in a
    /// release build. Each is read to the next `<` now.
    @Test(.timeLimit(.minutes(1))) func unclosedStyleSheetInstructionsAreReadOnce() {
        let many = String(repeating: "<?xml-stylesheet ", count: 60_000)
        #expect(ScriptedFiles.firstScript(in: Array(many.utf8)) == nil)
        #expect(ScriptedFiles.firstScript(in: Array((many + "<?xml-stylesheet type=\"text/xsl\" href=\"x.xsl\"?>").utf8))?.what
            == "an XSLT style sheet, which may write scripts")
    }

    @Test func plainDrawingsAndWordsPass() {
        for text in [
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><text x=\"1\" font-family=\"Open Sans\">Seoul &amp; Busan — once more</text></svg>",
            "<svg><style>.onward { fill: red }</style><path d=\"M0 0\" class=\"onward\"/></svg>",
            "<html><body><p>A chart of troop numbers.</p><a href=\"https://www.usfk.mil/\">USFK</a></body></html>",
        ] {
            #expect(ScriptedFiles.firstScript(in: Array(text.utf8)) == nil, "\(text)")
        }
    }
}
