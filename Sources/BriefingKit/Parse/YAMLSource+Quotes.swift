import BriefingSupport
import Yams

/// Where a quote went wrong in YAML an editor typed: libyaml reports the place it could read no further,
/// often lines after the quote to fix. Each finds that quote, for `YAMLSource`'s messages.
extension YAMLSource {
    /// A quote left open runs to the end of the YAML, where libyaml reports it: the place to fix is the quote.
    func unclosedQuote(_ context: YamlError.Context?, _ problem: String) -> Diagnostic? {
        guard let context, context.text == "while scanning a quoted scalar", problem.hasSuffix("end of stream") else { return nil }
        let line = context.mark.line + lineOffset
        let quote = file.line(line).flatMap { text in text.unicodeScalars.dropFirst(context.mark.column - 1).first }.map(String.init) ?? "\""
        let escaped = quote == "'" ? "''" : #"\""#
        return file.error(
            "invalid YAML: this \(quote) is never closed: end the value with \(quote) (a \(quote) inside it is written \(escaped))",
            line: line, column: context.mark.column
        )
    }

    /// A quoted value that is not closed on its line, with a `key:` on the next: YAML reads the value on
    /// to the next quote of the file (a quoted summary's), and the error comes there. The place to fix is
    /// the first quote. `errorLine` counts from the YAML's first line.
    func quoteOpenAtLineEnd(before errorLine: Int) -> Diagnostic? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.prefix(max(errorLine - 1, 0)).enumerated() where index + 1 < lines.count {
            guard let quote = Self.openingQuote(of: line), !Self.closes(line[line.index(after: quote)...], quote: line[quote]),
                  Self.isKeyLine(lines[index + 1])
            else { continue }
            let mark = String(line[quote])
            return file.error(
                "invalid YAML: this \(mark) is not closed on its line, so the value runs on into the lines after it: end it with \(mark) "
                    + "(a \(mark) inside it is written \(mark == "'" ? "''" : #"\""#))",
                line: index + 1 + lineOffset, column: line[..<quote].unicodeScalars.count + 1
            )
        }
        return nil
    }

    /// `title: 'Seoul's plan'`: the value's quote closes before its line ends and more text follows, which
    /// no YAML value may have; the quote meant as an apostrophe is the one to escape.
    func quoteClosedEarly(onLine number: Int) -> Diagnostic? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        guard number >= 1, number <= lines.count else { return nil }
        let line = lines[number - 1]
        guard let open = Self.openingQuote(of: line), let close = Self.closingQuote(in: line[line.index(after: open)...], quote: line[open]) else {
            return nil
        }
        let after = line[line.index(after: close)...].drop { $0 == " " }
        guard let next = after.first, next != "#", next != ",", next != "]", next != "}" else { return nil }
        let mark = String(line[open])
        return file.error(
            "invalid YAML: this \(mark) ends the quoted value, and '\(after)' cannot follow it: a \(mark) inside the value is written "
                + (mark == "'" ? "'' (Seoul''s)" : #"\" (say \"yes\")"#),
            line: number + lineOffset, column: line[..<close].unicodeScalars.count + 1
        )
    }

    /// Where a `key: "value` or `- 'item` line's value opens its quote.
    private static func openingQuote(of line: Substring) -> Substring.Index? {
        var rest = line.drop { $0 == " " }
        if rest.hasPrefix("- ") { rest = rest.dropFirst(2).drop { $0 == " " } }
        if let colon = rest.firstRange(of: ": "), !rest.hasPrefix("\""), !rest.hasPrefix("'") {
            rest = rest[colon.upperBound...].drop { $0 == " " }
        }
        guard let first = rest.first, first == "\"" || first == "'" else { return nil }
        return rest.startIndex
    }

    /// Whether the quote closes in `text`: `"` unless escaped with `\`, `'` unless doubled.
    private static func closes(_ text: Substring, quote: Character) -> Bool {
        closingQuote(in: text, quote: quote) != nil
    }

    private static func closingQuote(in text: Substring, quote: Character) -> Substring.Index? {
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let at = index
            index = text.index(after: index)
            if quote == "\"", character == "\\" {
                if index < text.endIndex { index = text.index(after: index) }
            } else if character == quote {
                guard quote == "'", index < text.endIndex, text[index] == "'" else { return at }
                index = text.index(after: index)
            }
        }
        return nil
    }

    /// `key:` or `key: value`, as a line of a mapping starts.
    private static func isKeyLine(_ line: Substring) -> Bool {
        let key = line.drop { $0 == " " }.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
        guard !key.isEmpty else { return false }
        let after = line.drop { $0 == " " }.dropFirst(key.count)
        return after.hasPrefix(":") && (after.count == 1 || after.dropFirst().first == " ")
    }
}
