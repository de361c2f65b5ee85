import BriefingMarkdown
import BriefingSupport
import BriefingTemplates

/// A Markdown file split into its YAML front matter and its body.
public struct FrontMatter: Sendable {
    public var metadata: PageMetadata
    public var body: Substring
    /// Lines of the file before the body, added to Markdown positions to get file positions.
    public var bodyLineOffset: Int

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
        let metadata = try FrontMatterReader(source: source).read()
        return FrontMatter(metadata: metadata, body: text[closing...], bodyLineOffset: split.lines)
    }

    /// Finds the YAML range and the start of the body; nil when the file has no front matter.
    /// Lines are found in the UTF-8 bytes: searching the characters for a line break costs a grapheme
    /// breaking pass over every front matter of the site.
    private static func split(_ text: String) -> (yaml: Range<String.Index>, closing: String.Index?, lines: Int)? {
        let utf8 = text.utf8
        func lineEnd(from start: String.Index) -> String.Index {
            utf8[start...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
        }
        func nextLine(after end: String.Index) -> String.Index {
            end < utf8.endIndex ? utf8.index(after: end) : utf8.endIndex
        }
        let firstEnd = lineEnd(from: utf8.startIndex)
        guard isDelimiter(text[..<firstEnd], allowingDots: false) else { return nil }
        let yamlStart = nextLine(after: firstEnd)
        var index = yamlStart
        var lineCount = 1
        while index < utf8.endIndex {
            let end = lineEnd(from: index)
            lineCount += 1
            if isDelimiter(text[index..<end], allowingDots: true) {
                return (yamlStart..<index, nextLine(after: end), lineCount)
            }
            index = nextLine(after: end)
        }
        return (yamlStart..<utf8.endIndex, nil, lineCount)
    }

    private static func isDelimiter(_ line: Substring, allowingDots: Bool) -> Bool {
        var trimmed = line
        while let last = trimmed.last, last == " " || last == "\t" || last == "\r" { trimmed.removeLast() }
        return trimmed == "---" || (allowingDots && trimmed == "...")
    }
}

/// Reads the YAML mapping of a front matter block into `PageMetadata`, collecting every error.
struct FrontMatterReader {
    let source: YAMLSource

    func read() throws(BuildFailure) -> PageMetadata {
        var metadata = PageMetadata()
        let root: YAMLNode?
        do { root = try source.compose() } catch { throw BuildFailure([error]) }
        guard let root else { return metadata }
        guard let mapping = root.mapping else {
            throw BuildFailure([source.error("front matter must be a mapping of keys to values (like 'title: …')", at: root)])
        }
        var errors: [Diagnostic] = []
        for (keyNode, value) in mapping {
            let key = keyNode.scalarText ?? ""
            metadata.locations[key] = source.location(of: value)
            do {
                try read(key: key, value: value, keyNode: keyNode, into: &metadata)
            } catch {
                errors.append(error)
            }
        }
        if !errors.isEmpty { throw BuildFailure(errors) }
        return metadata
    }

    private func read(key: String, value: YAMLNode, keyNode: YAMLNode, into metadata: inout PageMetadata) throws(Diagnostic) {
        switch key {
        case "title": metadata.title = try nonEmptyString(value, key)
        case "date": metadata.date = try date(value, key)
        case "updated", "lastmod": metadata.updated = try date(value, key)
        case "author": metadata.authors = [try nonEmptyString(value, key)]
        case "authors": metadata.authors = try stringList(value, key)
        case "summary", "description": metadata.summary = try string(value, key)
        case "tags": metadata.tags = try stringList(value, key)
        case "draft": metadata.draft = try bool(value, key)
        case "weight": metadata.weight = try int(value, key)
        case "slug": metadata.slug = try nonEmptyString(value, key)
        case "layout": metadata.layout = try nonEmptyString(value, key)
        case "sources": metadata.sources = try sources(value)
        case "toc": metadata.toc = try toc(value)
        case "language": metadata.language = try languageCode(value, key)
        case "lang": metadata.lang = try languageCode(value, key)
        case "translationKey": metadata.translationKey = try nonEmptyString(value, key)
        case "translatedFrom": metadata.translatedFrom = try date(value, key)
        case "dir", "direction":
            guard let direction = Language.Direction(rawValue: try nonEmptyString(value, key)) else {
                throw source.error("'\(key)' must be ltr or rtl", at: value)
            }
            metadata.direction = direction
        default: metadata.params[key] = value.templateValue
        }
    }

    private func string(_ node: YAMLNode, _ key: String) throws(Diagnostic) -> String {
        guard let text = node.scalarText, !node.isNull else {
            throw source.error("'\(key)' must be text, not \(describe(node))", at: node)
        }
        return text
    }

    private func languageCode(_ node: YAMLNode, _ key: String) throws(Diagnostic) -> String {
        let code = try nonEmptyString(node, key)
        guard Language.isCode(Substring(code)) else {
            throw source.error("'\(code)' is not a language code: use a BCP 47 tag like en, ko or pt-BR", at: node)
        }
        return code
    }

    private func nonEmptyString(_ node: YAMLNode, _ key: String) throws(Diagnostic) -> String {
        let text = try string(node, key)
        guard !PlainText.isBlank(text) else {
            throw source.error("'\(key)' must not be empty", at: node)
        }
        return text
    }

    private func stringList(_ node: YAMLNode, _ key: String) throws(Diagnostic) -> [String] {
        if node.scalar != nil, !node.isNull { return [try nonEmptyString(node, key)] }
        guard let sequence = node.sequence else {
            throw source.error("'\(key)' must be a list of text, not \(describe(node))", at: node)
        }
        var items: [String] = []
        for item in sequence { items.append(try nonEmptyString(item, key)) }
        return items
    }

    private func bool(_ node: YAMLNode, _ key: String) throws(Diagnostic) -> Bool {
        guard node.tagName == .bool, let value = node.bool else {
            throw source.error("'\(key)' must be true or false, not \(describe(node))", at: node)
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
            throw source.error("'\(key)' is not a valid date: write it as YYYY-MM-DD (e.g. 2026-03-12)", at: node)
        }
        return date
    }

    private func sources(_ node: YAMLNode) throws(Diagnostic) -> [SourceReference] {
        guard let sequence = node.sequence else {
            throw source.error("'sources' must be a list of sources, each with a title", at: node)
        }
        var references: [SourceReference] = []
        for item in sequence {
            guard let entry = item.mapping else {
                throw source.error("each source must be a mapping with title, url, publisher and date", at: item)
            }
            var reference = SourceReference(title: "")
            var hasTitle = false
            for (keyNode, value) in entry {
                let key = keyNode.scalarText ?? ""
                switch key {
                case "title":
                    reference.title = try nonEmptyString(value, "title")
                    hasTitle = true
                case "url": reference.url = try linkURL(value, "url")
                case "publisher": reference.publisher = try nonEmptyString(value, "publisher")
                case "date": reference.date = try date(value, "date")
                default:
                    throw source.error("unknown key '\(key)' in a source (use title, url, publisher, date)", at: keyNode)
                }
            }
            if !hasTitle { throw source.error("a source needs a title", at: item) }
            references.append(reference)
        }
        return references
    }

    /// A URL that will be a link: refused at its position unless `LinkURL` allows it.
    private func linkURL(_ node: YAMLNode, _ key: String) throws(Diagnostic) -> String {
        let url = try nonEmptyString(node, key)
        if let rejection = LinkURL.rejection(of: url) { throw source.error("'\(key)': \(rejection)", at: node) }
        return url
    }

    /// `toc: false` hides the table of contents; `toc: {from: 2, to: 4}` chooses the heading levels.
    private func toc(_ node: YAMLNode) throws(Diagnostic) -> TOCSetting {
        if node.tagName == .bool, let enabled = node.bool { return enabled ? .siteDefault : .hidden }
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

/// The `{from: 2, to: 3}` form shared by front matter and site settings.
enum HeadingLevels {
    static func read(_ node: YAMLNode, source: YAMLSource) throws(Diagnostic) -> ClosedRange<Int> {
        guard node.mapping != nil,
              let from = node["from"]?.int ?? Optional(2), let to = node["to"]?.int ?? Optional(3),
              (1...6).contains(from), (1...6).contains(to), from <= to
        else {
            throw source.error("'toc' must be true, false or {from: 2, to: 3} with levels 1 to 6", at: node)
        }
        return from...to
    }
}
