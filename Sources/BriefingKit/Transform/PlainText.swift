/// Text helpers on hot paths, with an ASCII fast path: asking for Unicode properties is slow, and most
/// text in a briefing is ASCII.
enum PlainText {
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII
            ? scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || scalar == "\u{0B}" || scalar == "\u{0C}"
            : scalar.properties.isWhitespace
    }

    /// Runs of whitespace become one space; leading and trailing whitespace goes.
    static func collapsingWhitespace(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if isWhitespace(scalar) {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace {
                    result.unicodeScalars.append(" ")
                    pendingSpace = false
                }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

extension PlainText {
    /// cmark's smart punctuation for text that does not go through cmark (titles, summaries, table cells),
    /// so a headline and its article agree: `"` and `'` become curly quotes (opening after a space or an
    /// opening bracket, closing otherwise, so `it's` gets an apostrophe), `---` an em dash, `--` an en
    /// dash and `...` an ellipsis.
    static func smartened(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x22 || $0 == 0x27 || $0 == 0x2D || $0 == 0x2E }) else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        func opensAfter(_ position: Int) -> Bool {
            guard position > 0 else { return true }
            let previous = scalars[position - 1]
            return isWhitespace(previous) || "([{–—\u{201C}\u{2018}".unicodeScalars.contains(previous)
        }
        while index < scalars.count {
            let scalar = scalars[index]
            let rest = scalars[index...]
            if rest.starts(with: "---".unicodeScalars) {
                result.append("—")
                index += 3
            } else if rest.starts(with: "--".unicodeScalars) {
                result.append("–")
                index += 2
            } else if rest.starts(with: "...".unicodeScalars) {
                result.append("…")
                index += 3
            } else {
                switch scalar {
                case "\"": result.append(opensAfter(index) ? "\u{201C}" : "\u{201D}")
                case "'": result.append(opensAfter(index) ? "\u{2018}" : "\u{2019}")
                default: result.append(scalar)
                }
                index += 1
            }
        }
        return String(result)
    }
}
