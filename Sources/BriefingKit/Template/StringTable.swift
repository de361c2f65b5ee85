import BriefingSupport
import BriefingTemplates

/// The theme's words in one language, from `Templates/i18n/<code>.yaml`: flat keys, each a string with
/// `{name}` placeholders, a mapping of plural categories (`one`, `other`, …) chosen by `{count}`, or a
/// list (`monthNames`); `tagNames` maps tag slugs to their names in the language.
///
/// Templates see the table of the page's language as `t`. A plain string is a string (`{{t.contents}}`).
/// A string with placeholders is a list of parts, each with its `text` and, for a placeholder, a flag
/// `is<Name>` true: the template writes the value itself, with any markup around it:
/// `{{#t.published}}{{text}}{{#isDate}}<time>{{display}}</time>{{/isDate}}{{/t.published}}`.
/// Plural strings are chosen and filled by the build for the values the theme shows (`page.readingTimeText`).
/// A key the first language's table has and another lacks is an error at that table when the theme is
/// read; a key no table has, at the template line that asks for it: templates render strictly.
struct StringTable: Sendable {
    enum Entry: Sendable, Equatable {
        case text(String)
        case plural([String: String])
        case list([String])
        /// `tagNames`: a tag's name in the language, by its slug.
        case names([String: String])
    }

    let code: String
    let entries: [String: Entry]
    /// `Templates/i18n/ko.yaml`, for errors; empty for the empty table of a theme without one.
    let path: String
    /// How the language writes numbers: its `digits` (ten characters, zero first) and `decimalSeparator`;
    /// nil for ASCII digits and `.`.
    let numbers: NumberStyle?
    /// Where each key's value is written in the table's file, for errors about one string.
    private(set) var locations: [String: SourceLocation] = [:]
    /// The table's file, whose lines errors quote; nil for the empty table.
    private var file: SourceFile?

    static func empty(_ code: String) -> StringTable { StringTable(code: code, entries: [:], path: "") }

    init(code: String, entries: [String: Entry], path: String) {
        self.code = code
        self.entries = entries
        self.path = path
        if case .text(let digits)? = entries["digits"] {
            let separator = if case .text(let separator)? = entries["decimalSeparator"] { separator } else { "." }
            numbers = NumberStyle(digits: digits, decimalSeparator: separator)
        } else {
            numbers = nil
        }
    }

    init(file: SourceFile, code: String) throws(BuildFailure) {
        let source = YAMLSource(file: file, yaml: file.text, lineOffset: 0)
        let root: YAMLNode?
        do { root = try source.compose() } catch { throw BuildFailure([error]) }
        guard let mapping = root?.mapping else {
            throw BuildFailure([file.error("a string table must be a mapping of keys to strings, like 'contents: Contents'", line: 1, column: 1)])
        }
        var entries: [String: Entry] = [:]
        var errors: [Diagnostic] = []
        for (keyNode, value) in mapping {
            let key = keyNode.scalarText ?? ""
            if key == "digits", value.isNull || value.scalarText.flatMap({ NumberStyle(digits: $0) }) == nil {
                errors.append(source.error("'digits' must be the language's ten digits, zero to nine, like '٠١٢٣٤٥٦٧٨٩'", at: value))
            }
            if let text = value.scalarText, !value.isNull {
                entries[key] = .text(text)
            } else if key == "tagNames", let names = value.mapping {
                entries[key] = .names(Dictionary(names.map { ($0.key.scalarText ?? "", $0.value.scalarText ?? "") }, uniquingKeysWith: { first, _ in first }))
            } else if let forms = value.mapping {
                var plural: [String: String] = [:]
                for (formNode, form) in forms {
                    let category = formNode.scalarText ?? ""
                    guard StringTable.categories.contains(category), let text = form.scalarText, !form.isNull else {
                        errors.append(source.error("'\(key).\(category)' must be text under a plural category (zero, one, two, few, many, other)", at: formNode))
                        continue
                    }
                    plural[category] = text
                }
                if plural["other"] == nil { errors.append(source.error("plural '\(key)' needs an 'other' form", at: keyNode)) }
                entries[key] = .plural(plural)
            } else if let items = value.sequence {
                // Templates are given text and plural forms; a list is the months' names, or the words an
                // editor may start a table's caption or source line with (`출처:` and `자료:`).
                guard StringTable.listKeys.contains(key) else {
                    errors.append(source.error("'\(key)' is a list, which templates are not given: write it as text", at: value))
                    continue
                }
                entries[key] = .list(items.map { $0.scalarText ?? "" })
            } else {
                errors.append(source.error("'\(key)' must be text, a mapping of plural forms, or a list", at: value))
            }
        }
        if !errors.isEmpty { throw BuildFailure(errors) }
        self.init(code: code, entries: entries, path: file.path)
        self.file = file
        for (keyNode, value) in mapping { locations[keyNode.scalarText ?? ""] = source.location(of: value) }
    }

    /// An error about the table, at `key`'s value (its first line without one), quoting the line.
    func error(_ message: String, at key: String?) -> Diagnostic {
        let location = key.flatMap { locations[$0] } ?? SourceLocation(path: path, line: 1, column: 1)
        return file?.diagnostic(.error, message, at: location) ?? .error(message, at: location)
    }

    /// The twelve months' names, January's first; nil when the table has no such list.
    var monthNames: [String]? {
        if case .list(let names)? = entries["monthNames"], names.count == 12 { names } else { nil }
    }

    /// The keys that may be lists.
    private static let listKeys: Set<String> = ["monthNames", "tableCaptionMarker", "tableSourceMarker"]

    /// A tag's name in the language (`tagNames`, by slug), or the name the front matter gives it. Tags
    /// stay identifiers in front matter and URLs, so a translation keeps its original's tags.
    func tagName(_ name: String, slug: String) -> String { ownName(ofTag: slug) ?? name }

    /// The tag's name in `tagNames`, nil when the table gives it none.
    func ownName(ofTag slug: String) -> String? {
        guard case .names(let names)? = entries["tagNames"], let shown = names[slug], !shown.isEmpty else { return nil }
        return shown
    }

    /// The tag `tagNames` gives `name` to (`alliance` for `동맹`), whatever its case; nil when it names none so.
    func tag(named name: String) -> String? {
        guard case .names(let names)? = entries["tagNames"] else { return nil }
        return names.filter { $0.value.lowercased() == name.lowercased() }.keys.min()
    }

    /// Whether the table gives tags names of its own (`tagNames`).
    var namesTags: Bool { if case .names? = entries["tagNames"] { true } else { false } }

    /// A word the build writes: the table's, or the English one when the theme has no tables (a table
    /// that lacks it is an error when the theme is read).
    func word(_ key: String, english: String) -> String { text(key) ?? english }

    /// The same for a word with placeholders (`Table {number}`), filled with `values`.
    func word(_ key: String, english: String, filling values: [String: String]) -> String {
        StringTable.fill(word(key, english: english), values)
    }

    static let categories: Set<String> = ["zero", "one", "two", "few", "many", "other"]

    var isEmpty: Bool { entries.isEmpty }

    func text(_ key: String) -> String? {
        if case .text(let text)? = entries[key] { text } else { nil }
    }

    /// Text or a list of texts as a list: none when the table lacks the key.
    func texts(_ key: String) -> [String] {
        switch entries[key] {
        case .text(let text)?: [text]
        case .list(let items)?: items.filter { !$0.isEmpty }
        default: []
        }
    }

    /// The plural form for `count` (CLDR's rule for the language), filled in; `other` when the table has
    /// no form for the category.
    func plural(_ key: String, count: Int, values: [String: String] = [:]) -> String? {
        guard case .plural(let forms)? = entries[key] else { return text(key).map { StringTable.fill($0, values) } }
        let form = forms[StringTable.category(of: count, code: code)] ?? forms["other"] ?? ""
        // Every page's reading time comes here: no dictionary is made for its one placeholder.
        return StringTable.fill(form) { name in
            (values.isEmpty ? nil : values[String(name)]) ?? (name == "count" ? number(count, grouped: true) : nil)
        }
    }

    /// A whole number as the language writes it; a count (`grouped`) with the table's `groupSeparator`
    /// between groups of three digits from 1,000 up. Years, days and page numbers are not grouped.
    func number(_ value: Int, grouped: Bool = false) -> String {
        var text = String(value)
        if grouped, value.magnitude >= 1000, case .text(let separator)? = entries["groupSeparator"] {
            let digits = Array(String(value.magnitude))
            text = value < 0 ? "-" : ""
            for (offset, digit) in digits.enumerated() {
                if offset > 0, (digits.count - offset) % 3 == 0 { text += separator }
                text.append(digit)
            }
        }
        return numbers?.format(text) ?? text
    }

    /// A plural form as template parts, for placeholders whose values are HTML the template writes.
    func pluralParts(_ key: String, count: Int) -> TemplateValue {
        guard case .plural(let forms)? = entries[key] else { return text(key).map(StringTable.parts) ?? .null }
        return StringTable.parts(forms[StringTable.category(of: count, code: code)] ?? forms["other"] ?? "")
    }

    /// `{name}` replaced by `values[name]`; a placeholder without a value stays as written.
    static func fill(_ text: String, _ values: [String: String]) -> String {
        fill(text) { values[String($0)] }
    }

    /// `{name}` replaced by `value(name)`, written straight into the result.
    static func fill(_ text: String, value: (Substring) -> String?) -> String {
        guard text.utf8.contains(UInt8(ascii: "{")) else { return text }
        var result = ""
        scan(text, text: { result += $0 }, placeholder: { name in result += value(name) ?? "{\(name)}" })
        return result
    }

    enum Piece: Equatable {
        case text(String)
        case placeholder(String)
    }

    /// `Published {date}` → text `Published `, placeholder `date`. A `{` not closed by `}` after a name of
    /// ASCII letters and digits is text. Read byte by byte: every page's reading time is filled from it.
    static func pieces(_ text: String) -> [Piece] {
        var pieces: [Piece] = []
        scan(text, text: { pieces.append(.text(String($0))) }, placeholder: { pieces.append(.placeholder(String($0))) })
        return pieces
    }

    /// Calls `text` and `placeholder` with each piece of `pieces(_:)` in order, making no list.
    private static func scan(_ text: String, text visitText: (Substring) -> Void, placeholder: (Substring) -> Void) {
        let utf8 = text.utf8
        var textStart = utf8.startIndex
        var searchFrom = utf8.startIndex
        while let open = utf8[searchFrom...].firstIndex(of: UInt8(ascii: "{")) {
            let nameStart = utf8.index(after: open)
            let close = utf8[nameStart...].firstIndex { !PlainText.isASCIIAlphanumeric($0) } ?? utf8.endIndex
            guard close > nameStart, close < utf8.endIndex, utf8[close] == UInt8(ascii: "}") else {
                searchFrom = nameStart
                continue
            }
            if open > textStart { visitText(text[textStart..<open]) }
            placeholder(text[nameStart..<close])
            textStart = utf8.index(after: close)
            searchFrom = textStart
        }
        if textStart < utf8.endIndex { visitText(text[textStart...]) }
    }

    /// A string as `t` shows it: itself without placeholders, else its parts (see the type's comment).
    static func parts(_ text: String) -> TemplateValue {
        let pieces = pieces(text)
        guard pieces.contains(where: { if case .placeholder = $0 { true } else { false } }) else { return .string(text) }
        let names = pieces.compactMap { piece -> String? in if case .placeholder(let name) = piece { name } else { nil } }
        return .list(pieces.map { piece in
            var part = TemplateMap()
            for name in names { part[flag(name)] = .bool(false) }
            switch piece {
            case .text(let text): part["text"] = .string(text)
            case .placeholder(let name):
                part["text"] = .string("")
                part[flag(name)] = .bool(true)
            }
            return .map(part)
        })
    }

    /// `date` → `isDate`.
    static func flag(_ name: String) -> String { "is" + name.prefix(1).uppercased() + name.dropFirst() }

    /// `t`: every plain and placeholder string of the table; plural forms and lists are not in it.
    var templateValue: TemplateValue {
        var map = TemplateMap(minimumCapacity: entries.count)
        for (key, entry) in entries {
            if case .text(let text) = entry { map[key] = StringTable.parts(text) }
        }
        return .map(map)
    }

    /// CLDR's cardinal plural category of a whole number, for the languages whose rule is not the
    /// English one; a language not listed here takes English's (`one` for 1, else `other`).
    static func category(of count: Int, code: String) -> String {
        switch code.prefix(while: { $0 != "-" }) {
        case "ja", "ko", "zh", "th", "vi", "id", "ms", "lo", "my", "km": return "other"
        case "fr", "pt", "hi", "fa", "bn": return count == 0 || count == 1 ? "one" : "other"
        case "ar":
            switch count {
            case 0: return "zero"
            case 1: return "one"
            case 2: return "two"
            default:
                let rest = count % 100
                if (3...10).contains(rest) { return "few" }
                if (11...99).contains(rest) { return "many" }
                return "other"
            }
        case "ru", "uk", "be":
            let last = count % 10, lastTwo = count % 100
            if last == 1, lastTwo != 11 { return "one" }
            if (2...4).contains(last), !(12...14).contains(lastTwo) { return "few" }
            return "many"
        default: return count == 1 ? "one" : "other"
        }
    }

    /// A date in the table's `dateFormat` (`{year}년 {month}월 {day}일`, `{day} {monthName} {year}` with
    /// `monthNames`), or nil when the table has none.
    func format(_ date: PageDate) -> String? {
        guard let format = text("dateFormat") else { return nil }
        var values = ["year": number(date.year), "month": number(date.month), "day": number(date.day)]
        if let names = monthNames { values["monthName"] = names[date.month - 1] }
        return StringTable.fill(format, values)
    }
}
