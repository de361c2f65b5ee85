/// Text made safe for XML 1.0 element content and double- or single-quoted attribute values.
enum XMLText {
    /// Escapes the five markup characters and drops the characters XML 1.0 forbids outright (C0 controls
    /// other than tab, line feed and carriage return; U+FFFE and U+FFFF): one of those in a page title
    /// would otherwise make the whole feed unreadable to a conforming parser.
    static func escaped(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&apos;"
            case "\t", "\n", "\r": output.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
