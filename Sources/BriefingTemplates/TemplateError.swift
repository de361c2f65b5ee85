/// A template that cannot be parsed, linked or rendered, with the position that caused it.
///
/// Printed the way compilers and editors understand:
/// ```
/// Templates/page.html:3:9: error: unknown variable 'page.titel'
/// <title>{{page.titel}}</title>
///        ^
/// ```
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// An opening delimiter without its closing delimiter.
        case unclosedTag
        /// A section, inverted section, parent or block that never closes.
        case unclosedSection(String)
        /// A closing tag that names another section than the one open.
        case mismatchedClosingTag(expected: String, found: String)
        /// A closing tag with no section open.
        case unexpectedClosingTag(String)
        /// A `{{=… …=}}` tag that does not hold exactly two delimiters.
        case badDelimiters
        /// A tag with no name, such as `{{ }}` or `{{#}}`.
        case emptyTag
        /// A name with whitespace or an empty dotted part, such as `{{a b}}` or `{{a..b}}`.
        case invalidName(String)
        /// A tag other than a block, comment or delimiter change inside a parent tag.
        case unexpectedTagInParent(String)
        case unknownPartial(String)
        case unknownParent(String)
        /// A block a child gives a parent that neither it nor any template it calls declares.
        case undeclaredBlock(String, parent: String, declared: [String])
        /// `TemplateLibrary.render` was asked for a template it does not hold.
        case unknownTemplate(String)
        /// Partials, parents or lambdas nested deeper than the library's limit.
        case recursionTooDeep(limit: Int)
        /// Sections, inverted sections, parents or blocks nested deeper than the parser's limit.
        case nestedTooDeep(limit: Int)
        /// Sections, blocks and partials entered one inside another deeper than the renderer's limit.
        case renderedTooDeep(limit: Int)
        /// More work done, or more bytes written, than any page needs.
        case renderedTooMuch(work: Int, megabytes: Int)
        /// Strict mode: an interpolated name that resolves to no key.
        case unknownVariable(String)
        /// In strict mode, a list or a map written as text: it would show nothing.
        /// A list or a map interpolated; `mapKey`: one of the map's keys, for the hint.
        case notText(String, isList: Bool, mapKey: String?)
    }

    public let kind: Kind
    /// The name the template is registered under.
    public let templateName: String
    /// The path shown in `description`; the name unless the template was given a path.
    public let path: String
    /// 1-based; 0 when the error has no position (an unknown template).
    public let line: Int
    /// 1-based, in Unicode scalars.
    public let column: Int
    /// The source line at `line`, without its line break.
    public let lineText: String

    public init(kind: Kind, templateName: String, path: String, line: Int, column: Int, lineText: String) {
        self.kind = kind
        self.templateName = templateName
        self.path = path
        self.line = line
        self.column = column
        self.lineText = lineText
    }

    /// A render stopped by the renderer's limits (work, output, depth): a layout that ran away on one
    /// page runs away on every page that uses it, each time up to the limit.
    public var isRunaway: Bool {
        switch kind {
        case .recursionTooDeep, .renderedTooDeep, .renderedTooMuch: true
        default: false
        }
    }

    public var message: String {
        switch kind {
        case .unclosedTag: "unclosed tag"
        case .unclosedSection(let name): "unclosed section '\(name)'"
        case .mismatchedClosingTag(let expected, let found):
            "closing tag '\(found)' does not match open section '\(expected)'"
        case .unexpectedClosingTag(let name): "closing tag '\(name)' has no open section"
        case .badDelimiters: "bad delimiter change: expected two delimiters, as in {{=<% %>=}}"
        case .emptyTag: "empty tag"
        case .invalidName(let name): "invalid name '\(name)'"
        case .unexpectedTagInParent(let tag): "only blocks may appear inside a parent tag, found '\(tag)'"
        case .unknownPartial(let name): "unknown partial '\(name)'"
        case .unknownParent(let name): "unknown parent template '\(name)'"
        case .undeclaredBlock(let name, let parent, let declared):
            "block '\(name)' is none that '\(parent)' declares (\(declared.isEmpty ? "it declares none" : declared.joined(separator: ", "))): its content would never show"
        case .unknownTemplate(let name): "unknown template '\(name)'"
        case .recursionTooDeep(let limit): "partials nested more than \(limit) deep (recursive partial?)"
        case .nestedTooDeep(let limit): "sections, parents and blocks nested more than \(limit) deep"
        case .renderedTooDeep(let limit): "sections and partials nested more than \(limit) deep while rendering (recursive partial?)"
        case .renderedTooMuch(let work, let megabytes):
            "rendering took more than \(work) steps or wrote more than \(megabytes) MB "
                + "(sections nested over lists multiply: is a list's section inside another over the same list? "
                + "A page's own text counts too: past maxPageMB's size, split the page)"
        case .unknownVariable(let name): "unknown variable '\(name)'"
        case .notText(let name, let isList, let mapKey):
            isList
                ? "'\(name)' is a list, which shows as nothing: go through it with {{#\(name)}}…{{/\(name)}}"
                : "'\(name)' is a map, which shows as nothing: write one of its values" + (mapKey.map { ", like {{\(name).\($0)}}" } ?? "")
        }
    }

    public var description: String {
        guard line > 0 else { return "\(path): error: \(message)" }
        return "\(path):\(line):\(column): error: \(message)\n\(lineText)\n\(caretLine)"
    }

    /// Spaces up to the column, keeping the line's tabs so the caret lines up in a terminal.
    private var caretLine: String {
        var caret = ""
        for scalar in lineText.unicodeScalars.prefix(max(column - 1, 0)) {
            caret.append(scalar == "\t" ? "\t" : " ")
        }
        caret.append("^")
        return caret
    }
}

/// Where a node starts in its template: 1-based line, and column in Unicode scalars.
struct TemplatePosition: Sendable, Equatable, CustomStringConvertible {
    let line: Int
    let column: Int

    var description: String { "\(line):\(column)" }
}

/// A template's identity and text, kept so an error can quote the failing line.
struct TemplateSource: Sendable {
    let name: String
    let path: String
    let text: String

    func error(_ kind: TemplateError.Kind, at location: TemplatePosition) -> TemplateError {
        TemplateError(
            kind: kind,
            templateName: name,
            path: path,
            line: location.line,
            column: location.column,
            lineText: lineText(location.line)
        )
    }

    private func lineText(_ number: Int) -> String {
        var current = 1
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == number {
                return String(line.hasSuffix("\r") ? line.dropLast() : line)
            }
            current += 1
        }
        return ""
    }
}
