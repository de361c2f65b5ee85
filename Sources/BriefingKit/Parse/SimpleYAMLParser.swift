import BriefingSupport
import Yams

/// Reads the simple YAML nearly every front matter is written in, byte by byte, and declines (returns nil)
/// everything else, which `YAMLSource` then hands to Yams. Through libyaml's events and Yams' tree, a
/// front matter block costs about ten times more, and there is one per page.
///
/// It accepts, each construct on one line:
/// - block mappings of plain keys (letters, digits, `_`, `-`, `.`) and block sequences (`- item`), nested
///   by indentation, a sequence also level with its key, a mapping also right after `- `;
/// - as values: plain scalars, single- and double-quoted scalars without escapes, flow sequences and flow
///   mappings of such scalars, and nothing (null);
/// - blank lines, comment lines, and comments after a value.
///
/// It declines the rest: tabs, carriage returns, control, break and byte-order-mark characters; anchors,
/// aliases, tags, block scalars, escapes, scalars over several lines, nested flow collections, complex
/// and duplicate keys, document markers and directives, empty documents. Where it accepts, it must give
/// the very tree Yams gives, positions included: `SimpleYAMLParserTests` compares the two.
struct SimpleYAMLParser {
    static func parse(_ yaml: String) -> YAMLNode? {
        var yaml = yaml
        return yaml.withUTF8 { bytes in
            guard hasOnlySimpleCharacters(bytes) else { return nil }
            var parser = SimpleYAMLParser(bytes: bytes)
            return parser.document()
        }
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    /// The line being read: the offset of its first byte, and its number.
    private var lineStart = 0
    private var lineNumber = 1
    /// Block collections open around the line being read; past `maximumDepth`, Yams reads the document.
    private var depth = 0
    private static let maximumDepth = 32

    /// For text that is not all ASCII, how many scalars start before each byte: a column is then a
    /// subtraction. Counted from the line's start for each node, a flow mapping of 40,000 keys on one
    /// line took 25 s.
    private let scalarsBefore: [Int32]?

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        guard bytes.contains(where: { $0 >= 0x80 }) else {
            scalarsBefore = nil
            return
        }
        var counts = [Int32](repeating: 0, count: bytes.count + 1)
        for index in bytes.indices { counts[index + 1] = counts[index] + (PlainText.startsScalar(bytes[index]) ? 1 : 0) }
        scalarsBefore = counts
    }

    private mutating func document() -> YAMLNode? {
        guard nextContentLine() == 0, let root = blockCollection(indent: 0, at: lineStart), nextContentLine() == nil else {
            return nil
        }
        return root
    }

    // MARK: Block structure

    /// A block sequence when `offset` holds `- `, else a block mapping whose first key is at `offset`.
    private mutating func blockCollection(indent: Int, at offset: Int) -> YAMLNode? {
        depth += 1
        defer { depth -= 1 }
        guard depth <= SimpleYAMLParser.maximumDepth else { return nil }
        return isEntry(at: offset) ? sequence(indent: indent) : mapping(indent: indent, at: offset)
    }

    /// A block mapping whose keys are `indent` spaces into their lines, the first at `offset`.
    private mutating func mapping(indent: Int, at offset: Int) -> YAMLNode? {
        let line = lineNumber, column = column(of: offset)
        var pairs: [(key: YAMLNode, value: YAMLNode)] = []
        var keys: Set<String> = []
        var keyStart = offset
        while true {
            guard let colon = keyEnd(from: keyStart) else { return nil }
            let key = keyNode(keyStart..<colon)
            guard keys.insert(key.text).inserted, let value = blockValue(after: colon + 1, indent: indent) else { return nil }
            pairs.append((key.node, value))
            guard let next = nextContentLine(), next >= indent else { break }
            guard next == indent else { return nil }
            keyStart = lineStart + indent
        }
        return YAMLNode(content: .mapping(pairs), line: line, column: column)
    }

    /// The value after a key's `:`: on the same line, or a block collection on the lines below, or null.
    private mutating func blockValue(after colonEnd: Int, indent: Int) -> YAMLNode? {
        let start = skipSpaces(from: colonEnd)
        if !isLineEnd(start), bytes[start] != hash { return inlineValue(at: start) }
        // libyaml places an empty value right after the colon.
        let empty = scalarNode(text: "", style: .plain, tag: nil, at: colonEnd)
        nextLine(from: start)
        guard let next = nextContentLine() else { return empty }
        let first = lineStart + next
        guard next > indent || (next == indent && isEntry(at: first)) else { return empty }
        return blockCollection(indent: next, at: first)
    }

    /// A block sequence whose `-` are `indent` spaces into the current line and the ones below.
    private mutating func sequence(indent: Int) -> YAMLNode? {
        let line = lineNumber, column = indent + 1
        var items: [YAMLNode] = []
        repeat {
            let start = skipSpaces(from: lineStart + indent + 1)
            guard !isLineEnd(start), bytes[start] != hash else { return nil }
            let isMapping = keyEnd(from: start) != nil
            guard let item = isMapping ? blockCollection(indent: start - lineStart, at: start) : inlineValue(at: start) else {
                return nil
            }
            items.append(item)
            guard let next = nextContentLine(), next >= indent else { break }
            guard next == indent else { return nil }
        } while isEntry(at: lineStart + indent)
        return YAMLNode(content: .sequence(items), line: line, column: column)
    }

    /// A scalar or flow collection starting at `start`, then the rest of the line, which may hold only
    /// spaces and a comment.
    private mutating func inlineValue(at start: Int) -> YAMLNode? {
        var end = start
        let value: YAMLNode?
        switch bytes[start] {
        case openBracket: value = flowSequence(at: start, end: &end)
        case openBrace: value = flowMapping(at: start, end: &end)
        case singleQuote, doubleQuote: value = quotedScalar(at: start, end: &end)
        default: value = plainScalar(at: start, inFlow: false, end: &end)
        }
        let rest = skipSpaces(from: end)
        guard let value, isLineEnd(rest) || (bytes[rest] == hash && rest > end) else { return nil }
        nextLine(from: rest)
        return value
    }

    // MARK: Flow collections and scalars

    private func flowSequence(at start: Int, end: inout Int) -> YAMLNode? {
        var items: [YAMLNode] = []
        let closed = flowEntries(at: start, closing: closeBracket, end: &end) { offset in
            guard let item = flowScalar(at: offset, end: &offset) else { return false }
            items.append(item)
            return true
        }
        guard closed else { return nil }
        return YAMLNode(content: .sequence(items), line: lineNumber, column: column(of: start))
    }

    private func flowMapping(at start: Int, end: inout Int) -> YAMLNode? {
        var pairs: [(key: YAMLNode, value: YAMLNode)] = []
        var keys: Set<String> = []
        let closed = flowEntries(at: start, closing: closeBrace, end: &end) { offset in
            guard let colon = keyEnd(from: offset) else { return false }
            let key = keyNode(offset..<colon)
            offset = skipSpaces(from: colon + 1)
            guard keys.insert(key.text).inserted, let value = flowScalar(at: offset, end: &offset) else { return false }
            pairs.append((key.node, value))
            return true
        }
        guard closed else { return nil }
        return YAMLNode(content: .mapping(pairs), line: lineNumber, column: column(of: start))
    }

    /// Reads the comma-separated entries of a flow collection opened at `start`, each by `entry` (which
    /// moves the offset past what it read, or declines), up to `closing`; `end` is then just past it.
    private func flowEntries(at start: Int, closing: UInt8, end: inout Int, entry: (inout Int) -> Bool) -> Bool {
        var offset = skipSpaces(from: start + 1)
        if offset < bytes.count, bytes[offset] != closing {
            while true {
                guard entry(&offset) else { return false }
                offset = skipSpaces(from: offset)
                guard offset < bytes.count, bytes[offset] == comma else { break }
                offset = skipSpaces(from: offset + 1)
            }
        }
        guard offset < bytes.count, bytes[offset] == closing else { return false }
        end = offset + 1
        return true
    }

    private func flowScalar(at start: Int, end: inout Int) -> YAMLNode? {
        guard start < bytes.count else { return nil }
        if bytes[start] == singleQuote || bytes[start] == doubleQuote { return quotedScalar(at: start, end: &end) }
        return plainScalar(at: start, inFlow: true, end: &end)
    }

    /// A plain scalar up to the end of the line or a comment, or in a flow collection up to `,`, `]` or
    /// `}`, without the spaces before that. Declines where YAML would read a `:` as a key's, and in a flow
    /// collection a `:`, `#`, `[` or `{` at all.
    private func plainScalar(at start: Int, inFlow: Bool, end: inout Int) -> YAMLNode? {
        guard canStartPlainScalar(at: start) else { return nil }
        var offset = start
        var textEnd = start
        scan: while !isLineEnd(offset) {
            switch bytes[offset] {
            case space:
                offset += 1
                continue scan
            case hash where inFlow || bytes[offset - 1] == space:
                if inFlow { return nil }
                break scan
            case colon where inFlow || isLineEnd(offset + 1) || bytes[offset + 1] == space:
                return nil
            case comma where inFlow, closeBracket where inFlow, closeBrace where inFlow:
                break scan
            case openBracket where inFlow, openBrace where inFlow:
                return nil
            default:
                offset += 1
                textEnd = offset
            }
        }
        end = textEnd
        return scalarNode(text: string(start..<textEnd), style: .plain, tag: nil, at: start)
    }

    /// A quoted scalar closed on its line; in double quotes, without escapes.
    private func quotedScalar(at start: Int, end: inout Int) -> YAMLNode? {
        let quote = bytes[start]
        var offset = start + 1
        var hasDoubledQuote = false
        while true {
            guard !isLineEnd(offset), !(bytes[offset] == backslash && quote == doubleQuote) else { return nil }
            if bytes[offset] == quote {
                guard quote == singleQuote, offset + 1 < bytes.count, bytes[offset + 1] == singleQuote else { break }
                hasDoubledQuote = true
                offset += 1
            }
            offset += 1
        }
        end = offset + 1
        let text = hasDoubledQuote ? singleQuotedText(start + 1..<offset) : string(start + 1..<offset)
        return scalarNode(text: text, style: quote == singleQuote ? .singleQuoted : .doubleQuoted, tag: .str, at: start)
    }

    /// `''` in single quotes stands for one quote.
    private func singleQuotedText(_ range: Range<Int>) -> String {
        var text: [UInt8] = []
        var offset = range.lowerBound
        while offset < range.upperBound {
            text.append(bytes[offset])
            offset += bytes[offset] == singleQuote ? 2 : 1
        }
        return String(decoding: text, as: UTF8.self)
    }

    // MARK: Lines and characters

    /// The offset of the `:` after a plain key starting at `start`, when a space or the line's end follows;
    /// keys over 1,000 bytes are declined, as libyaml gives up on keys of 1,024 characters.
    private func keyEnd(from start: Int) -> Int? {
        guard start < bytes.count, PlainText.isASCIIAlphanumeric(bytes[start]) || bytes[start] == underscore else { return nil }
        var offset = start + 1
        while offset < bytes.count, PlainText.isASCIIAlphanumeric(bytes[offset]) || bytes[offset] == underscore || bytes[offset] == dash || bytes[offset] == dot {
            offset += 1
        }
        guard offset - start <= 1000, offset < bytes.count, bytes[offset] == colon, isLineEnd(offset + 1) || bytes[offset + 1] == space else {
            return nil
        }
        return offset
    }

    /// Yams resolves every key's tag while checking for duplicates, and its resolver has no rules: keys are text.
    private func keyNode(_ range: Range<Int>) -> (text: String, node: YAMLNode) {
        let text = string(range)
        return (text, scalarNode(text: text, style: .plain, tag: .str, at: range.lowerBound))
    }

    /// The first character of a plain scalar: none that YAML reads as an indicator, nor a `-` that could be
    /// one; fewer than YAML allows, to stay clear of its corners.
    private func canStartPlainScalar(at offset: Int) -> Bool {
        guard offset < bytes.count else { return false }
        let byte = bytes[offset]
        if PlainText.isASCIIAlphanumeric(byte) || byte >= 0x80 { return true }
        if byte == dash { return offset + 1 < bytes.count && (PlainText.isASCIIAlphanumeric(bytes[offset + 1]) || bytes[offset + 1] == dot) }
        return SimpleYAMLParser.plainStartCharacters.contains(byte)
    }

    private static let plainStartCharacters: [UInt8] = Array("_./~$()+=;<^".utf8)

    private func isEntry(at offset: Int) -> Bool {
        offset + 1 < bytes.count && bytes[offset] == dash && bytes[offset + 1] == space
    }

    private func isLineEnd(_ offset: Int) -> Bool {
        offset >= bytes.count || bytes[offset] == newline
    }

    private func skipSpaces(from offset: Int) -> Int {
        var offset = offset
        while offset < bytes.count, bytes[offset] == space { offset += 1 }
        return offset
    }

    /// Skips blank and comment lines; the indentation of the line it stops at, or nil at the end.
    private mutating func nextContentLine() -> Int? {
        while lineStart < bytes.count {
            let first = skipSpaces(from: lineStart)
            if !isLineEnd(first), bytes[first] != hash { return first - lineStart }
            nextLine(from: first)
        }
        return nil
    }

    private mutating func nextLine(from offset: Int) {
        var offset = offset
        while !isLineEnd(offset) { offset += 1 }
        lineStart = offset + 1
        lineNumber += 1
    }

    /// Columns count Unicode scalars, as libyaml's do: every byte but UTF-8's continuation bytes.
    private func column(of offset: Int) -> Int {
        guard let scalarsBefore else { return offset - lineStart + 1 }
        return Int(scalarsBefore[offset] - scalarsBefore[lineStart]) + 1
    }

    private func scalarNode(text: String, style: YAMLNode.Style, tag: Tag.Name?, at offset: Int) -> YAMLNode {
        YAMLNode(content: .scalar(YAMLNode.Scalar(text: text, style: style, tag: tag)), line: lineNumber, column: column(of: offset))
    }

    private func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// Line feeds and printable characters only. libyaml also takes tabs and carriage returns, reads
    /// U+0085, U+2028 and U+2029 as line breaks, skips a byte order mark, and rejects other control
    /// characters and U+FFFE and U+FFFF; declining them all spares the parser every such case.
    private static func hasOnlySimpleCharacters(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case newline, 0x20...0x7E, 0x80...0xBF:
                break
            case 0x00...0x1F, 0x7F:
                return false
            case 0xC2 where bytes[index + 1] < 0xA0:
                return false
            case 0xE2 where bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                return false
            case 0xEF where (bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF) || (bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE):
                return false
            default:
                break
            }
            index += 1
        }
        return true
    }
}

private let newline = UInt8(ascii: "\n")
private let space = UInt8(ascii: " ")
private let hash = UInt8(ascii: "#")
private let colon = UInt8(ascii: ":")
private let comma = UInt8(ascii: ",")
private let dash = UInt8(ascii: "-")
private let dot = UInt8(ascii: ".")
private let underscore = UInt8(ascii: "_")
private let backslash = UInt8(ascii: "\\")
private let singleQuote = UInt8(ascii: "'")
private let doubleQuote = UInt8(ascii: "\"")
private let openBracket = UInt8(ascii: "[")
private let closeBracket = UInt8(ascii: "]")
private let openBrace = UInt8(ascii: "{")
private let closeBrace = UInt8(ascii: "}")
