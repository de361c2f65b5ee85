import BriefingMarkdown
import BriefingSupport

/// `briefing check`: Markdown, an HTML tag or entity in the front matter's title or summary, which are plain
/// text wherever they go (`<title>`, lists, feeds, JSON-LD) and show it as typed: `The *new* SMA` keeps
/// its asterisks, `Seoul &amp; Washington` its `&amp;`; and a whole value in curly quotes, pasted from a
/// word processor, which keeps them too.
struct PlainFieldsCheck: DocumentTransform {
    func apply(to document: MarkdownDocument, context: inout TransformContext) {
        let page = context.page
        let metadata = page.metadata
        let fields = [("title", metadata.title), (metadata.locations["summary"] == nil ? "description" : "summary", metadata.summary)]
        for case let (key, text?) in fields {
            let location = metadata.locations[key] ?? page.source.file.location(line: 1, column: 1)
            if let markup = Self.markup(in: text) {
                context.diagnostics.append(page.source.file.diagnostic(
                    .warning, "'\(key)' is plain text, so '\(markup)' is shown as typed: front matter takes no Markdown; write the words alone",
                    at: location
                ))
            }
            if let tag = Self.tag(in: text) {
                context.diagnostics.append(page.source.file.diagnostic(
                    .warning, "'\(key)' is plain text, so '\(tag)' is shown as typed: front matter takes no HTML; write the words alone",
                    at: location
                ))
            }
            if let entity = Self.entity(in: text) {
                context.diagnostics.append(page.source.file.diagnostic(
                    .warning, "'\(key)' is plain text, so '\(entity)' is shown as typed: front matter takes no HTML; write the character itself",
                    at: location
                ))
            }
            if let (open, close) = Self.curlyQuotes(around: text) {
                context.diagnostics.append(page.source.file.diagnostic(
                    .warning, "'\(key)' starts with \(open) and ends with \(close), which are shown as part of it: YAML quotes a value with straight quotes (\"…\")",
                    at: location
                ))
            }
        }
    }

    /// The first HTML tag in the text (`<br>`, `<em>`, `</i>`): a `<`, a letter or `/`, and a `>` soon after.
    static func tag(in text: String) -> String? {
        var rest = text[...]
        while let open = rest.firstIndex(of: "<") {
            let after = rest[rest.index(after: open)...]
            if let first = after.first, first.isASCII && first.isLetter || first == "/",
               let close = after.prefix(64).firstIndex(of: ">"), !after[..<close].contains("<") {
                return String(rest[open...close])
            }
            rest = after
        }
        return nil
    }

    /// The first character reference in the text, as HTML writes one: `&amp;`, `&mdash;`, `&#8212;`, `&#x2014;`.
    static func entity(in text: String) -> String? {
        var rest = text[...]
        while let ampersand = rest.firstIndex(of: "&") {
            let name = rest[rest.index(after: ampersand)...].prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "#") }
            if (2...31).contains(name.count), name.endIndex < rest.endIndex, rest[name.endIndex] == ";",
               name.first != "#" || name.dropFirst().allSatisfy(\.isNumber) || (name.dropFirst().first == "x" && name.count > 2 && name.dropFirst(2).allSatisfy(\.isHexDigit)) {
                return String(rest[ampersand...name.endIndex])
            }
            rest = rest[rest.index(after: ampersand)...]
        }
        return nil
    }

    /// The typographic quotes around a whole value, as a word processor turns `"…"` into `“…”` on paste.
    static func curlyQuotes(around text: String) -> (Character, Character)? {
        guard text.count > 1, let first = text.first, let last = text.last,
              ["“": "”", "‘": "’", "„": "“", "«": "»", "「": "」"][first] == last
        else { return nil }
        return (first, last)
    }

    /// The first piece of Markdown in the text: a link, a note's mark, strong or struck text, code, or
    /// emphasis: a `*`, `~` or `_` against a word on each side inside, and for `_` none outside
    /// (`snake_case_name` is a name).
    static func markup(in text: String) -> String? {
        for (open, close) in [("](", ")"), ("[^", "]"), ("**", "**"), ("~~", "~~"), ("`", "`"), ("*", "*"), ("~", "~"), ("_", "_")] {
            guard let start = text.range(of: open), let end = text.range(of: close, range: start.upperBound..<text.endIndex) else { continue }
            let inside = text[start.upperBound..<end.lowerBound]
            guard let first = inside.first, let last = inside.last, !first.isWhitespace, !last.isWhitespace else { continue }
            if open == "_", text[..<start.lowerBound].last?.isLetter == true || text[end.upperBound...].first?.isLetter == true { continue }
            // A link's whole markup starts at its `[`.
            let from = open == "](" ? text[..<start.lowerBound].lastIndex(of: "[") ?? start.lowerBound : start.lowerBound
            return String(text[from..<end.upperBound])
        }
        return nil
    }
}
