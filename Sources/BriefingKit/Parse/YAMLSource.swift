import BriefingSupport
import Foundation
import Yams

/// YAML text that sits somewhere in a file (a front matter block, a whole settings or data file):
/// parses it and maps every position back to the file, so errors point at the right line.
struct YAMLSource {
    let file: SourceFile
    let yaml: String
    /// Lines of the file before the YAML starts (1 for front matter after its opening `---`).
    let lineOffset: Int

    /// No rules: Yams would try each rule's regular expression in turn on every scalar it hashes or is asked
    /// the type of, keys included. Plain scalars are typed by `PlainScalar` instead (see `YAMLNode.tagName`).
    static let resolver = Resolver.basic

    /// The root node, or nil for an empty document. Simple YAML is read by `SimpleYAMLParser`; whatever
    /// it declines goes to Yams, which also gives every error message.
    func compose() throws(Diagnostic) -> YAMLNode? {
        #if BRIEFING_YAMS_ONLY
        // Benchmarks/yaml-fast-path.sh builds with this to measure what SimpleYAMLParser saves.
        var root: YAMLNode?
        #else
        var root = SimpleYAMLParser.parse(yaml)
        #endif
        if root == nil { root = try composeWithYams() }
        // One walk for the two things a parsed tree can still hold that no page may: a number too large
        // for an `Int`, and a character libyaml refuses written as it is but lets an escape make
        // (`"\0"`, `"\x85"`).
        var forbidden: UInt32?
        var localTag: String?
        if let node = root?.first(where: { node in
            if node.tagName == .int, node.int == nil { return true }
            // `title: !important news` is the text `news` under a tag of the editor's own, which no one reads.
            // YAML's own tags are written out in full (`tag:yaml.org,2002:str`): only a local one starts with a `!`.
            if let tag = node.scalar?.tag?.rawValue, tag.utf8.first == UInt8(ascii: "!"), tag.utf8.count > 1,
               tag.utf8.dropFirst().first != UInt8(ascii: "!") {
                localTag = tag
                return true
            }
            guard node.scalar?.style == .doubleQuoted, let text = node.scalarText else { return false }
            forbidden = text.unicodeScalars.first { ForbiddenCharacter.isForbidden($0.value) }?.value
            return forbidden != nil
        }) {
            if let forbidden {
                throw error("an escape in this text makes \(ForbiddenCharacter.describe(forbidden)), which no page may show: remove it", at: node)
            }
            if let localTag {
                throw error(
                    "'\(localTag)' before this value is a YAML tag, so the value is '\(node.scalarText ?? "")' alone: put the whole value in quotes if it is text",
                    at: node
                )
            }
            let text = node.scalarText ?? ""
            // Only a tag makes quoted text a number (`!!int "5"`), and the quotes keep it from reading as one.
            if let style = node.scalar?.style, style == .singleQuoted || style == .doubleQuoted {
                throw error("'\(text)' is tagged !!int but quoted, which YAML reads as no number: remove the tag or the quotes", at: node)
            }
            // Colons make a number of base 60, which nobody means: said so, or the message puzzles.
            let sexagesimal = text.contains(":") ? " (YAML 1.1 reads '1:30' as 90)" : ""
            throw error("'\(text)' reads as a whole number too large to hold\(sexagesimal); quote it to keep it as text", at: node)
        }
        if let root, yaml.withUTF8Bytes({ $0.contains(UInt8(ascii: "<")) }), let merge = Self.mergeKey(in: root) {
            throw error("'<<' merges another mapping into this one in YAML 1.1, which Briefing does not read: write the keys out here", at: merge)
        }
        return root
    }

    /// A mapping's `<<` key: to libyaml a key like any other, so whatever it merged would be lost unsaid.
    private static func mergeKey(in root: YAMLNode) -> YAMLNode? {
        var pending = [root]
        while let node = pending.popLast() {
            switch node.content {
            case .scalar:
                continue
            case .sequence(let items):
                pending += items
            case .mapping(let pairs):
                if let pair = pairs.first(where: { $0.key.scalar?.style == .plain && $0.key.scalarText == "<<" }) { return pair.key }
                pending += pairs.map(\.value)
            }
        }
        return nil
    }

    private func composeWithYams() throws(Diagnostic) -> YAMLNode? {
        // Only a document with an alias (`*name`) can stand for more values than it writes.
        if yaml.withUTF8Bytes({ $0.contains(UInt8(ascii: "*")) }), let excess = YAMLAliases.firstExcess(in: yaml) {
            throw file.error(
                "invalid YAML: the aliases up to '*\(excess.alias)' stand for more than \(YAMLAliases.limit) values; aliases inside aliased values multiply, so repeat less",
                line: excess.line + lineOffset, column: excess.column
            )
        }
        do {
            // Naming the encoding spares Yams a look at the whole environment per document, which was
            // a third of the cost of reading front matter.
            return try Yams.compose(yaml: yaml, YAMLSource.resolver, .default, .utf8).map(YAMLNode.init)
        } catch let error as YamlError {
            throw diagnostic(for: error)
        } catch {
            throw file.error("invalid YAML: \(error)", line: lineOffset + 1, column: 1)
        }
    }

    /// The line and column of the YAML's character at `offset` (Yams counts Characters), where it says a
    /// character is not allowed.
    private func position(ofCharacter offset: Int) -> (line: Int, column: Int) {
        let index = yaml.index(yaml.startIndex, offsetBy: offset, limitedBy: yaml.endIndex) ?? yaml.endIndex
        return SourceFile.position(ofByte: yaml.utf8.distance(from: yaml.startIndex, to: index), in: yaml.utf8)
    }

    /// The lines (1-based, in the YAML) where `key` starts an entry of the mapping that holds the key at
    /// `mark` (Yams gives one of the mapping's keys): the lines at its column, from the one where the
    /// mapping starts (perhaps after a list's `- `) to the first one less indented.
    private func lines(of key: String, inMappingAround mark: Mark) -> [Int] {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        guard mark.line >= 1, mark.line <= lines.count, mark.column >= 1 else { return [] }
        let indent = mark.column - 1
        func isContent(_ line: Substring) -> Bool {
            let trimmed = line.drop { $0 == " " }
            return !trimmed.isEmpty && !trimmed.hasPrefix("#")
        }
        func isInside(_ line: Substring) -> Bool { line.count > indent && line.prefix(indent).allSatisfy { $0 == " " } }
        var start = mark.line - 1
        var probe = start
        while probe > 0, isInside(lines[start]) {
            probe -= 1
            let above = lines[probe]
            // Blank lines and comments belong to no entry: the mapping goes on above them.
            guard isContent(above) else { continue }
            guard isInside(above) else {
                // `- first: …`: the list item's line holds the mapping's first key.
                if above.count > indent, above.prefix(indent).allSatisfy({ $0 == " " || $0 == "-" }), above.prefix(indent).contains("-") { start = probe }
                break
            }
            start = probe
        }
        var found: [Int] = []
        for number in start..<lines.count {
            let line = lines[number]
            guard isContent(line) else { continue }
            if number > start, !isInside(line) { break }
            let rest = line.dropFirst(indent)
            if [key, "\"\(key)\"", "'\(key)'"].contains(where: { rest.hasPrefix($0) && rest.dropFirst($0.count).drop(while: { $0 == " " || $0 == "\t" }).hasPrefix(":") }) {
                found.append(number + 1)
            }
        }
        return found
    }

    /// Where `key` starts an entry of the flow mapping (`{a: 1, a: 2}`) whose first key is at `mark`: the
    /// line and column (1-based, in the YAML) of each, up to the `}` that closes the mapping.
    private func flowPositions(of key: String, inMappingAt mark: Mark) -> [(line: Int, column: Int)] {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        guard mark.line >= 1, mark.line <= lines.count, mark.column >= 1 else { return [] }
        var found: [(line: Int, column: Int)] = []
        var depth = 1
        var quote: Character?
        // After `{` or `,`, a key may start.
        var atKey = true
        for number in (mark.line - 1)..<lines.count {
            let line = Array(lines[number])
            var column = number == mark.line - 1 ? mark.column - 1 : 0
            while column < line.count {
                let character = line[column]
                if let open = quote {
                    if character == open { quote = nil }
                } else if character == "\"" || character == "'" {
                    quote = character
                } else if character == "{" || character == "[" {
                    depth += 1
                } else if character == "}" || character == "]" {
                    depth -= 1
                    if depth == 0 { return found }
                } else if character == "," {
                    atKey = depth == 1
                    column += 1
                    continue
                } else if character != " ", character != "\t", atKey {
                    atKey = false
                    let rest = line[column...]
                    for written in [key, "\"\(key)\"", "'\(key)'"] where rest.starts(with: written) {
                        if rest.dropFirst(written.count).drop(while: { $0 == " " || $0 == "\t" }).first == ":" {
                            found.append((number + 1, column + 1))
                        }
                    }
                    if character == "\"" || character == "'" { quote = character }
                }
                column += 1
            }
        }
        return found
    }

    func location(of node: YAMLNode) -> SourceLocation {
        file.location(line: node.line + lineOffset, column: node.column)
    }

    func error(_ message: String, at node: YAMLNode) -> Diagnostic {
        file.diagnostic(.error, message, at: location(of: node))
    }

    /// `title: The SMA: what it costs` written as it should be, `title: "The SMA: what it costs"`; nil for a
    /// line that is not a plain key, `: ` and an unquoted value.
    static func quotingValue(_ line: String) -> String? {
        guard let (key, value) = plainEntry(line), let first = value.first, !"\"'[{|>&*!#".contains(first) else { return nil }
        return quoted(key, value)
    }

    /// `key: value` whose value is text starting with a character YAML reads as syntax (`@`, `` ` ``, `*`,
    /// `&`, `!`, `%`, `|`, `>`, or a `[…]` or `{…}` with words after it): the character, and the line with
    /// the value quoted.
    static func quotingIndicatedValue(_ line: String) -> (Character, String)? {
        guard let (key, value) = plainEntry(line), let first = value.first, "@`*&!%|>[{".contains(first), value.contains(" ") else { return nil }
        if first == "[" || first == "{" {
            // A list or mapping that closes at the end is one: its error is of another kind.
            guard let close = value.firstIndex(of: first == "[" ? "]" : "}"), close != value.index(before: value.endIndex) else { return nil }
        }
        return (first, quoted(key, value))
    }

    /// A line's key as written (its indentation and a list's `- ` kept) and its value trimmed, for a key of
    /// letters, digits, `_` and `-` followed by `: `; nil for any other line.
    private static func plainEntry(_ line: String) -> (key: Substring, value: String)? {
        guard let colon = line.range(of: ": ") else { return nil }
        let key = line[..<colon.lowerBound], value = line[colon.upperBound...].trimmingCharacters(in: .whitespaces)
        let keyName = key.drop { $0 == " " || $0 == "-" }
        guard !keyName.isEmpty, keyName.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else { return nil }
        return (key, value)
    }

    /// The entry with its value in double quotes, its backslashes and quotes escaped.
    private static func quoted(_ key: Substring, _ value: String) -> String {
        let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\(key): \"\(escaped)\""
    }

    /// The error at the last line before `line` that starts with a key and a colon YAML reads as none: the
    /// wide '：' of a Korean, Chinese or Japanese input method (`summary： …`), or ':' and a word processor's
    /// no-break space (`title:␣…`, U+00A0).
    private func wideColon(before line: Int) -> Diagnostic? {
        for number in stride(from: line - 1, through: lineOffset + 1, by: -1) {
            guard let text = file.line(number) else { continue }
            let wide = text.firstIndex(of: "\u{FF1A}"), noBreak = text.range(of: ":\u{A0}")?.lowerBound
            guard let colon = [wide, noBreak].compactMap({ $0 }).min() else { continue }
            let key = text[..<colon].trimmingCharacters(in: .whitespaces).drop { $0 == "-" }.trimmingCharacters(in: .whitespaces)
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else { continue }
            let message = colon == wide
                ? "invalid YAML: this line's colon is the wide '：' of an input method, which YAML does not read as one: type ':'"
                : "invalid YAML: the space after '\(key):' is a no-break space (U+00A0), pasted from a word processor, which YAML does not read as one: type a plain space"
            return file.error(message, line: number, column: text.distance(from: text.startIndex, to: colon) + 1)
        }
        return nil
    }

    private func diagnostic(for error: YamlError) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            if let unclosed = unclosedQuote(context, problem) ?? quoteOpenAtLineEnd(before: mark.line) ?? quoteClosedEarly(onLine: mark.line) {
                return unclosed
            }
            let line = mark.line + lineOffset
            var message = "invalid YAML: \(problem)"
            if let context { message += " (\(context.text) at line \(context.mark.line + lineOffset))" }
            if let text = file.line(line), text.prefix(while: { $0 == " " || $0 == "\t" }).contains("\t") {
                message = "invalid YAML: a tab in the indentation; YAML is indented with spaces only"
                return file.error(message, line: line, column: 1)
            }
            // libyaml's own words name its C function (`…, set with yaml_set_max_nest_level())`).
            if problem.hasPrefix("Maximum nesting level reached") {
                message = "invalid YAML: lists and mappings nested too deep; a page's or a data file's values need a few levels at most"
            }
            if problem == "mapping values are not allowed in this context" {
                // `title： …` typed with an input method's colon reads as text that runs on into the next key.
                if let wide = wideColon(before: line) { return wide }
                if let quoted = file.line(line).flatMap(Self.quotingValue) {
                    message = "invalid YAML: a ': ' inside a value reads as the start of another key; put the value in quotes: \(quoted)"
                }
            }
            // `title: [oops`: libyaml finds the list unclosed on a later line; the '[' is where to mend it.
            if problem.hasPrefix("did not find expected ',' or "), let context, context.mark.line < mark.line {
                let bracket = problem.hasSuffix("']'") ? ("[", "]", "list") : ("{", "}", "mapping")
                return file.error(
                    "invalid YAML: this '\(bracket.0)' opens a \(bracket.2) that is never closed: end it with '\(bracket.1)', or put the value in quotes if it is text",
                    line: context.mark.line + lineOffset, column: context.mark.column
                )
            }
            // `title: @handle speaks`, `title: *Bold* claims`, `title: [Breaking] Talks end`: text that starts
            // with a character of YAML's syntax, in libyaml's words about tokens, aliases and keys.
            if message.hasPrefix("invalid YAML: \(problem)"), !problem.hasPrefix("did not find expected ',' or ") {
                for number in [context.map { $0.mark.line + lineOffset }, line, line - 1].compactMap({ $0 }) where number > lineOffset {
                    guard let (indicator, quoted) = file.line(number).flatMap(Self.quotingIndicatedValue) else { continue }
                    return file.error(
                        "invalid YAML: a value that starts with '\(indicator)' reads as YAML's own syntax, not as text; put it in quotes: \(quoted)",
                        line: number, column: 1
                    )
                }
            }
            // A line without a ':' (a stray sentence in front matter) is found at the next key, which reads as
            // its continuation: the line libyaml started the key at is the one to show.
            if problem == "could not find expected ':'", let context, context.mark.line < mark.line {
                let start = context.mark.line + lineOffset
                if let wide = wideColon(before: start + 1) { return wide }
                return file.error(
                    "invalid YAML: this line is no 'key: value' (a line of text in front matter, or a key without its ':')", line: start, column: context.mark.column
                )
            }
            return file.error(message, line: line, column: mark.column)
        case let .duplicatedKeysInMapping(duplicates, context):
            // Each key with the lines it is on; shown at the first line that repeats one, the one to remove.
            let found = duplicates.map { ($0, lines(of: $0, inMappingAround: context.mark).map { $0 + lineOffset }) }
                .filter { $0.1.count > 1 }.sorted { $0.1[1] < $1.1[1] }
            guard let first = found.first else {
                // `{a: 1, a: 2}`: a mapping on one line, shown at the key that repeats.
                if let key = duplicates.sorted().first {
                    let places = flowPositions(of: key, inMappingAt: context.mark)
                    if places.count > 1 {
                        let times = places.count == 2 ? "twice" : "\(places.count) times"
                        return file.error(
                            "invalid YAML: '\(key)' is given \(times) in this mapping: keep one", line: places[1].line + lineOffset, column: places[1].column
                        )
                    }
                }
                let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
                return file.error(
                    "invalid YAML: \(keys) \(duplicates.count == 1 ? "is" : "are") given more than once in this mapping: keep one of each",
                    line: context.mark.line + lineOffset, column: context.mark.column
                )
            }
            let each = found.map { key, lines in
                let numbers = lines.dropLast().map(String.init).joined(separator: ", ") + " and \(lines[lines.count - 1])"
                return "'\(key)' is given \(lines.count == 2 ? "twice" : "\(lines.count) times"), on lines \(numbers)"
            }
            let message = "invalid YAML: " + each.joined(separator: "; ") + (found.count == 1 ? ": keep one" : ": keep one of each")
            return file.error(message, line: first.1[1], column: context.mark.column)
        case let .reader(problem, offset, _, _):
            let (line, column) = offset.map(position(ofCharacter:)) ?? (1, 1)
            return file.error("invalid YAML: \(problem)", line: line + lineOffset, column: column)
        default:
            return file.error("invalid YAML: \(error)", line: lineOffset + 1, column: 1)
        }
    }
}
