import BriefingMarkdown
import BriefingSupport
import BriefingTemplates
import Foundation

/// A Markdown file split into its YAML front matter and its body.
public struct FrontMatter: Sendable {
    public var metadata: PageMetadata
    public var body: Substring
    /// Lines of the file before the body, added to Markdown positions to get file positions.
    public var bodyLineOffset: Int
    /// What is probably a mistake but still reads (a misspelled key, a tags list written as one string).
    public var warnings: [Diagnostic] = []

    /// Splits and parses a page. The front matter is YAML between a first line `---` and the next line
    /// `---` (or `...`); a file without one has only a body.
    public static func parse(_ file: SourceFile) throws(BuildFailure) -> FrontMatter {
        let text = file.text
        guard let split = split(text) else {
            return FrontMatter(metadata: PageMetadata(), body: text[...], bodyLineOffset: 0)
        }
        guard let closing = split.closing else {
            throw BuildFailure([file.error("front matter is not closed: add a line '---' after it", line: 1, column: 1)])
        }
        let source = YAMLSource(file: file, yaml: String(text[split.yaml]), lineOffset: 1)
        var reader = FrontMatterReader(source: source)
        let metadata = try reader.read()
        return FrontMatter(metadata: metadata, body: text[closing...], bodyLineOffset: split.lines, warnings: reader.warnings)
    }

    /// Why a page without front matter seems to have meant one: its `---` after blank lines, a line of
    /// more dashes, Hugo's TOML (`+++`) or JSON, or YAML keys with no `---` around them; nil when none of these.
    static func misplacedHint(_ text: String) -> String? {
        let lines = text.split(separator: "\n", maxSplits: 8, omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\r", with: "") }
        guard let first = lines.first else { return nil }
        if first == "+++" { return "front matter in TOML (between '+++' lines) is not read: write it in YAML between lines '---'" }
        // Hugo's JSON front matter: an object first in the file, `{ "title": … }`.
        if first.hasPrefix("{"), lines.prefix(3).contains(where: { $0.contains("\":") }) {
            return "front matter in JSON ('{ \"title\": … }') is not read: write it in YAML between lines '---' (title: …)"
        }
        if first.count > 3, first.allSatisfy({ $0 == "-" }) {
            return "'\(first)' opens no front matter: write exactly three dashes, '---', on the first line and after the front matter"
        }
        if first.isEmpty, let opening = lines.firstIndex(where: { !$0.isEmpty }), lines[opening] == "---" {
            return "its front matter's '---' is on line \(opening + 1): front matter starts on the file's first line, so remove the lines before it"
        }
        if first.wholeMatch(of: /[A-Za-z]+:( .*)?/) != nil, lines.dropFirst().first.map({ $0.wholeMatch(of: /[A-Za-z]+:( .*)?/) != nil }) == true {
            return "the first lines look like front matter without its '---' lines: put a line '---' before them and one after"
        }
        return nil
    }

    /// The body of a page whose front matter is in error, with no metadata: the lines after the front
    /// matter, or none when it is not closed.
    static func unread(_ file: SourceFile) -> FrontMatter {
        guard let split = split(file.text) else { return FrontMatter(metadata: PageMetadata(), body: file.text[...], bodyLineOffset: 0) }
        let body = split.closing.map { file.text[$0...] } ?? file.text[file.text.endIndex...]
        return FrontMatter(metadata: PageMetadata(), body: body, bodyLineOffset: split.lines)
    }

    /// Finds the YAML range and the start of the body; nil when the file has no front matter.
    /// Lines are found in the UTF-8 bytes: searching the characters for a line break costs a grapheme
    /// breaking pass over every front matter of the site.
    private static func split(_ text: String) -> (yaml: Range<String.Index>, closing: String.Index?, lines: Int)? {
        let offsets: (yaml: Range<Int>, closing: Int?, lines: Int)? = text.withUTF8Bytes { bytes in
            func lineEnd(from start: Int) -> Int {
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
                return end
            }
            func nextLine(after end: Int) -> Int { min(end + 1, bytes.count) }
            let firstEnd = lineEnd(from: 0)
            guard isDelimiter(bytes[..<firstEnd], allowingDots: false) else { return nil }
            let yamlStart = nextLine(after: firstEnd)
            var index = yamlStart
            var lineCount = 1
            while index < bytes.count {
                let end = lineEnd(from: index)
                lineCount += 1
                if isDelimiter(bytes[index..<end], allowingDots: true) {
                    return (yamlStart..<index, nextLine(after: end), lineCount)
                }
                index = nextLine(after: end)
            }
            return (yamlStart..<bytes.count, nil, lineCount)
        }
        guard let offsets else { return nil }
        let utf8 = text.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        return (index(offsets.yaml.lowerBound)..<index(offsets.yaml.upperBound), offsets.closing.map(index), offsets.lines)
    }

    /// `---` (or `...`) and nothing after it but spaces, tabs and a carriage return.
    private static func isDelimiter(_ line: Slice<UnsafeBufferPointer<UInt8>>, allowingDots: Bool) -> Bool {
        var end = line.endIndex
        while end > line.startIndex, line[end - 1] == 0x20 || line[end - 1] == 0x09 || line[end - 1] == 0x0D { end -= 1 }
        guard end - line.startIndex == 3 else { return false }
        let first = line[line.startIndex]
        guard first == UInt8(ascii: "-") || (allowingDots && first == UInt8(ascii: ".")) else { return false }
        return line[line.startIndex + 1] == first && line[line.startIndex + 2] == first
    }
}

/// Reads the YAML mapping of a front matter block into `PageMetadata`, collecting every error.
struct FrontMatterReader {
    let source: YAMLSource
    var warnings: [Diagnostic] = []

    init(source: YAMLSource) {
        self.source = source
    }

    /// The keys `read(key:…)` knows; any other reaches templates as `page.params`.
    static let knownKeys = [
        "title", "date", "updated", "lastmod", "author", "authors", "summary", "description", "tags", "draft", "weight",
        "slug", "layout", "sources", "toc", "aliases", "redirect_from",
    ]

    mutating func read() throws(BuildFailure) -> PageMetadata {
        var metadata = PageMetadata()
        let root: YAMLNode?
        do { root = try source.compose() } catch { throw BuildFailure([error]) }
        guard let root else { return metadata }
        guard let mapping = root.mapping else {
            throw BuildFailure([source.error("front matter must be a mapping of keys to values (like 'title: …')", at: root)])
        }
        var errors: [Diagnostic] = []
        // Made into the map at once: set one by one, each key moved half of a large map (70,000 keys, 4 s).
        var params: [(String, TemplateValue)] = []
        for (keyNode, value) in mapping {
            let key = keyNode.scalarText ?? ""
            metadata.locations[key] = source.location(of: value)
            if !FrontMatterReader.knownKeys.contains(key), let known = FrontMatterReader.suggestion(for: key) {
                warnings.append(source.file.diagnostic(
                    .warning, "'\(key)' is not a front matter key; did you mean '\(known)'?", at: source.location(of: keyNode)
                ))
            }
            if let (severity, message) = otherToolsMessage(key, value) {
                let diagnostic = source.file.diagnostic(severity, message, at: source.location(of: keyNode))
                if severity == .error { errors.append(diagnostic) } else { warnings.append(diagnostic) }
            }
            if key == "tags" { warnOfTagsWrittenAsOne(value) }
            if key == "author" || key == "authors" { warnOfAuthorsWrittenAsOne(value) }
            do {
                try read(key: key, value: value, keyNode: keyNode, into: &metadata, params: &params)
            } catch {
                errors.append(error)
            }
        }
        if !params.isEmpty { metadata.params = TemplateNames.map(params) }
        for key in ["date", "updated", "lastmod"] {
            guard let location = metadata.locations[key], let value = key == "date" ? metadata.date : metadata.updated, value.isFloating else { continue }
            warnings.append(source.file.diagnostic(
                .warning, "'\(key)' \(value.iso) has a time but no time zone: the feed and the sitemap read it as UTC; add Z or an offset such as +09:00",
                at: location
            ))
        }
        if let date = metadata.date, let updated = metadata.updated, updated.isBefore(date) {
            let key = metadata.locations["updated"] == nil ? "lastmod" : "updated"
            errors.append(source.file.diagnostic(
                .error, "'\(key)' (\(updated.iso)) is before 'date' (\(date.iso)): a page cannot be updated before it is published"
                    + (date.isFloating || updated.isFloating ? " (a time without a zone is read as UTC: add its zone, such as +09:00)" : ""),
                at: metadata.locations[key] ?? source.file.location(line: 1, column: 1)
            ))
        }
        if !errors.isEmpty { throw BuildFailure(errors) }
        return metadata
    }

    private mutating func read(
        key: String, value: YAMLNode, keyNode: YAMLNode, into metadata: inout PageMetadata, params: inout [(String, TemplateValue)]
    ) throws(Diagnostic) {
        switch key {
        case "title": metadata.title = try title(value)
        case "date": metadata.date = try date(value, key)
        case "updated", "lastmod":
            try refuseBoth(key, "updated", "lastmod", in: metadata, at: keyNode)
            metadata.updated = try date(value, key)
        case "author", "authors":
            // Both given, the byline showed the second list and dropped the first without a word.
            guard metadata.locations[key == "author" ? "authors" : "author"] == nil else {
                throw source.error("'author' and 'authors' are both given: list every author under 'authors'", at: keyNode)
            }
            // `authors: [A, A]` made the byline "By A and A": each name once, the first repeated one warned of
            // (a set: a list of 100,000 names is no reason to wait).
            let names = (key == "author" ? [try nonEmptyString(value, key)] : try stringList(value, key)).map(Self.oneLine)
            var seen: Set<String> = []
            metadata.authors = []
            var warned = false
            for (index, name) in names.enumerated() {
                if seen.insert(name).inserted {
                    metadata.authors.append(name)
                } else if !warned, let node = value.sequence?[index] {
                    warned = true
                    warnings.append(source.file.diagnostic(
                        .warning, "'\(name)' is listed twice in 'authors': the byline names each author once", at: source.location(of: node)
                    ))
                }
            }
        case "summary", "description":
            try refuseBoth(key, "summary", "description", in: metadata, at: keyNode)
            metadata.summary = Self.oneLine(try string(value, key))
        case "tags": metadata.tags = try tags(value)
        case "draft": metadata.draft = try bool(value, key)
        case "weight": metadata.weight = try int(value, key)
        case "slug": metadata.slug = try nonEmptyString(value, key)
        case "layout": metadata.layout = try nonEmptyString(value, key)
        case "sources":
            let (sources, locations) = try sources(value)
            metadata.sources = sources
            metadata.locations.merge(locations) { first, _ in first }
        case "toc": metadata.toc = try toc(value)
        case "aliases", "redirect_from":
            try refuseBoth(key, "aliases", "redirect_from", in: metadata, at: keyNode)
            metadata.aliases = try aliases(value, key)
        case "language": metadata.language = try languageCode(value, key)
        case "lang": metadata.lang = try languageCode(value, key)
        case "translationKey": metadata.translationKey = try nonEmptyString(value, key)
        case "translatedFrom": metadata.translatedFrom = try date(value, key)
        case "dir", "direction":
            guard let direction = Language.Direction(rawValue: try nonEmptyString(value, key)) else {
                throw source.error("'\(key)' must be ltr or rtl", at: value)
            }
            metadata.direction = direction
        default: params.append((key, value.templateValue))
        }
    }

    /// Two names of one field (`summary` and Hugo's `description`): the page showed the second and dropped
    /// the first without a word.
    private func refuseBoth(_ key: String, _ one: String, _ other: String, in metadata: PageMetadata, at keyNode: YAMLNode) throws(Diagnostic) {
        guard metadata.locations[key == one ? other : one] != nil else { return }
        throw source.error("'\(one)' and '\(other)' are both given, and are one field: keep one", at: keyNode)
    }

    private func string(_ node: YAMLNode, _ key: String) throws(Diagnostic) -> String {
        guard let text = node.scalarText, !node.isNull else {
            if let items = node.sequence, FrontMatterReader.knownKeys.contains(key + "s") {
                let list = items.map { $0.scalarText ?? "…" }.joined(separator: ", ")
                throw source.error("'\(key)' must be text, not a list; for several, write '\(key)s: [\(list)]'", at: node)
            }
            throw source.error("'\(key)' must be text, not \(describe(node))", at: node)
        }
        return text
    }

    /// A title is one line wherever it goes (`<title>`, a feed, a list). `true` reads as a truth value;
    /// quoted, it is a word.
    private func title(_ node: YAMLNode) throws(Diagnostic) -> String {
        // Only a short word can be a truth value (`true`, `no`): longer titles are not asked their type.
        if let word = node.scalarText, word.utf8.count <= 5, node.tagName == .bool {
            throw source.error("'title' reads as true or false; quote it, title: \"\(word)\", if it is the title", at: node)
        }
        return Self.oneLine(try nonEmptyString(node, "title"))
    }

    /// A title, a summary or a name on one line, as `<title>`, a meta description, a feed and JSON-LD
    /// show it: a block scalar's (`|`) line breaks and tabs, with the spaces around them, become one space.
    static func oneLine(_ text: String) -> String {
        text.withUTF8Bytes { $0.contains { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 } } ? PlainText.collapsingWhitespace(text) : text
    }

    func nonEmptyString(_ node: YAMLNode, _ key: String) throws(Diagnostic) -> String {
        let text = try string(node, key)
        guard !PlainText.isBlank(text) else {
            throw source.error("'\(key)' must not be empty", at: node)
        }
        return text
    }

    /// Each tag needs a letter or a digit: its page's address (`tags/<slug>/`) is made of them; and it is a
    /// folder's name, which a file system keeps to 255 bytes.
    private func tags(_ node: YAMLNode) throws(Diagnostic) -> [String] {
        let tags = try stringList(node, "tags")
        for (tag, item) in zip(tags, node.sequence ?? [node]) {
            guard tag.contains(where: { $0.isLetter || $0.isNumber }) else {
                throw source.error("tag '\(tag)' has no letter or digit to make its address (tags/<name>/) from", at: item)
            }
            guard tag.utf8.count <= Slug.maxBytes else {
                throw source.error("a tag may have at most \(Slug.maxBytes) bytes (this one has \(tag.utf8.count)): it names its page's folder", at: item)
            }
        }
        return tags
    }

    func stringList(_ node: YAMLNode, _ key: String) throws(Diagnostic) -> [String] {
        if node.scalar != nil, !node.isNull { return [try nonEmptyString(node, key)] }
        guard let sequence = node.sequence else {
            throw source.error("'\(key)' must be a list of text, not \(describe(node))", at: node)
        }
        var items: [String] = []
        for item in sequence { items.append(try nonEmptyString(item, key)) }
        return items
    }

    private func bool(_ node: YAMLNode, _ key: String) throws(Diagnostic) -> Bool {
        if let word = node.yaml11BooleanWord {
            throw source.error("'\(key)' must be true or false, not '\(word)' (YAML 1.1's yes, no, on and off are not accepted)", at: node)
        }
        guard node.tagName == .bool, let value = node.bool else {
            // `draft: "true"` is text in YAML, and the message quoting it read as a contradiction.
            let quoted = ["true", "false"].contains(node.scalarText ?? "") ? " (without the quotes, which make it text)" : ""
            throw source.error("'\(key)' must be true or false, not \(describe(node))\(quoted)", at: node)
        }
        return value
    }

    private func int(_ node: YAMLNode, _ key: String) throws(Diagnostic) -> Int {
        guard node.tagName == .int, let value = node.int else {
            throw source.error("'\(key)' must be a whole number, not \(describe(node))", at: node)
        }
        return value
    }

    func date(_ node: YAMLNode, _ key: String) throws(Diagnostic) -> PageDate {
        guard let text = node.scalarText, let date = PageDate(parsing: text) else {
            let written = node.scalarText ?? ""
            if written.contains("\u{A0}") {
                throw source.error("'\(key)' holds a no-break space (U+00A0), pasted from a word processor, which no date has: delete it", at: node)
            }
            // A date as a Korean or a wide-digit keyboard writes it (2026년 11월 21일, ２０２６-11-21), or in words
            // (5 December 2026): its own numbers.
            if !written.contains(":"), let meant = Self.dayWrittenOtherwise(written) {
                throw source.error("'\(key)' is not a valid date: write it as YYYY-MM-DD (\(meant))", at: node)
            }
            let offsetWithoutColon = written.contains(":") && written.wholeMatch(of: /.*[+-][0-9]{4}/) != nil
            throw source.error(written.utf8.count > 10
                ? "'\(key)' is not a valid timestamp: write it as YYYY-MM-DDTHH:MM:SS with Z or an offset from -23:59 to +23:59 (e.g. 2026-03-12T09:30:00+09:00)"
                    + (offsetWithoutColon ? "; the offset takes a colon, as +09:00" : "")
                : PageDate.isShapedLikeADate(written)
                    ? "'\(key)' \(written) is no day of the calendar: check the month and the day"
                    : "'\(key)' is not a valid date: write it as YYYY-MM-DD (e.g. 2026-03-12)", at: node)
        }
        return date
    }

    /// The sources, and where each one's `title` and `url` are written (`PageMetadata.sourceKey(_:_:)`).
    private mutating func sources(_ node: YAMLNode) throws(Diagnostic) -> ([SourceReference], [String: SourceLocation]) {
        guard let sequence = node.sequence else {
            throw source.error("'sources' must be a list of sources, each with a title", at: node)
        }
        var references: [SourceReference] = []
        var locations: [String: SourceLocation] = [:]
        for item in sequence {
            guard let entry = item.mapping else {
                throw source.error("each source must be a mapping with title, url, publisher, date and language", at: item)
            }
            var reference = SourceReference(title: "")
            var hasTitle = false
            for (keyNode, value) in entry {
                let key = keyNode.scalarText ?? ""
                switch key {
                case "title":
                    reference.title = try nonEmptyString(value, "title")
                    locations[PageMetadata.sourceKey(references.count, "title")] = source.location(of: value)
                    hasTitle = true
                case "url":
                    reference.url = try linkURL(value, "url")
                    locations[PageMetadata.sourceKey(references.count, "url")] = source.location(of: value)
                case "publisher": reference.publisher = try nonEmptyString(value, "publisher")
                case "date": reference.date = try date(value, "date")
                case "language": reference.language = try languageCode(value, "language")
                default:
                    throw source.error("unknown key '\(key)' in a source (use title, url, publisher, date, language)", at: keyNode)
                }
            }
            if !hasTitle { throw source.error("a source needs a title", at: item) }
            references.append(reference)
        }
        return (references, locations)
    }

    /// A URL that will be a link: refused at its position unless `LinkURL` allows it.
    private func linkURL(_ node: YAMLNode, _ key: String) throws(Diagnostic) -> String {
        let url = try nonEmptyString(node, key)
        if let rejection = LinkURL.rejection(of: url) { throw source.error("'\(key)': \(rejection)", at: node) }
        return url
    }

    /// `toc: false` hides the table of contents; `toc: {from: 2, to: 4}` chooses the heading levels.
    private func toc(_ node: YAMLNode) throws(Diagnostic) -> TOCSetting {
        if node.tagName == .bool, node.bool != nil { return try bool(node, "toc") ? .siteDefault : .hidden }
        return .levels(try HeadingLevels.read(node, source: source))
    }

    private func describe(_ node: YAMLNode) -> String {
        switch node.content {
        case .scalar(let scalar): node.isNull ? "nothing" : "'\(scalar.text)'"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }
}
