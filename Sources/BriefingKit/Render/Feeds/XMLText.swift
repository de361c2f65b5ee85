import BriefingSupport
import BriefingTemplates

/// Text made safe for XML 1.0 element content and double- or single-quoted attribute values.
enum XMLText {
    /// Drops the characters XML 1.0 forbids outright (C0 controls other than tab, line feed and carriage
    /// return; U+FFFE and U+FFFF), since one of those in a page title would make the whole feed unreadable
    /// to a conforming parser, then escapes the markup characters as HTML does (`&#39;` is XML too).
    static func escaped(_ text: String) -> String {
        let forbidden = { (scalar: Unicode.Scalar) in
            (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r")
                || scalar.value == 0xFFFE || scalar.value == 0xFFFF
        }
        guard text.unicodeScalars.contains(where: forbidden) else { return HTMLEscape.escaped(text) }
        var allowed = String.UnicodeScalarView()
        allowed.append(contentsOf: text.unicodeScalars.filter { !forbidden($0) })
        return HTMLEscape.escaped(String(allowed))
    }
}
