import BriefingSupport

/// Splits template source into text and tags, applying delimiter changes as it goes, and drops
/// the whitespace and line break of standalone lines.
///
/// A line is standalone when it holds only whitespace and tags that print nothing themselves
/// (sections, comments, partials, parents, blocks, delimiter changes), as in mustache.js. The
/// whitespace before the first partial, parent or block on such a line becomes its indentation.
struct TemplateTokenizer {
    enum Sigil: Equatable {
        case variable, unescaped, section, inverted, close, comment, partial, parent, block, delimiters

        /// Whether a line holding this tag and whitespace only is dropped from the output.
        var canStandAlone: Bool { self != .variable && self != .unescaped }
    }

    struct Tag {
        var sigil: Sigil
        /// The trimmed name; for `{{>*name}}` without the asterisk.
        var name: String
        var isDynamic = false
        /// The whole tag, delimiters included, as byte offsets into the source.
        var range: Range<Int>
        var location: TemplatePosition
        /// The delimiters in force where the tag starts.
        var delimiters: Delimiters
        var isStandalone = false
        var indentation: [UInt8] = []
        /// For a standalone block: the whitespace that starts the line after it.
        var nextLineIndentation: [UInt8] = []
        /// For a block opened and closed on a standalone line: that line's break.
        var lineBreak: [UInt8] = []

        /// The name as a closing tag may repeat it.
        var spelledName: String { isDynamic ? "*" + name : name }
    }

    enum Token {
        case text(Range<Int>, startsLine: Bool, location: TemplatePosition)
        case tag(Tag)
    }

    private let bytes: [UInt8]
    private let source: TemplateSource
    private var delimiters: Delimiters
    private var position = 0
    private var line = 1
    private var lineStart = 0
    /// The last offset whose column was counted, so columns on long lines are counted once.
    private var counted = (offset: 0, column: 1)
    private var tokens: [Token] = []
    private var lineTokens: [Token] = []

    init(bytes: [UInt8], source: TemplateSource, delimiters: Delimiters) {
        self.bytes = bytes
        self.source = source
        self.delimiters = delimiters
    }

    mutating func tokenize() throws(TemplateError) -> [Token] {
        var textStart = 0
        while position < bytes.count {
            if bytes[position] == .newline {
                position += 1
                appendText(textStart..<position)
                finishLine()
                line += 1
                lineStart = position
                textStart = position
            } else if hasPrefix(delimiters.open, at: position) {
                if textStart < position { appendText(textStart..<position) }
                lineTokens.append(.tag(try readTag()))
                textStart = position
            } else {
                position += 1
            }
        }
        if textStart < position { appendText(textStart..<position) }
        finishLine()
        return tokens
    }

    private mutating func appendText(_ range: Range<Int>) {
        let location = currentLocation(of: range.lowerBound)
        lineTokens.append(.text(range, startsLine: range.lowerBound == lineStart, location: location))
    }

    // MARK: Standalone lines

    private mutating func finishLine() {
        defer { lineTokens.removeAll(keepingCapacity: true) }
        var tagCount = 0
        var isBlank = true
        for token in lineTokens {
            switch token {
            case .text(let range, _, _):
                if !isWhitespace(range) { isBlank = false }
            case .tag(let tag):
                tagCount += 1
                if !tag.sigil.canStandAlone { isBlank = false }
            }
        }
        guard tagCount > 0, isBlank else {
            indentInlineBlock()
            tokens.append(contentsOf: lineTokens)
            return
        }

        var leadingWhitespace: [UInt8] = []
        var lineBreak: [UInt8] = []
        for token in lineTokens {
            guard case .text(let range, _, _) = token else { break }
            leadingWhitespace += bytes[range]
        }
        if case .text(let range, _, _) = lineTokens.last, bytes[range].last == .newline {
            let carriageReturn = range.count > 1 && bytes[range.upperBound - 2] == .carriageReturn
            lineBreak = carriageReturn ? [.carriageReturn, .newline] : [.newline]
        }
        let nextLineIndentation = lineBreak.isEmpty ? [] : whitespaceRun(from: position)

        var indentationGiven = false
        for (index, token) in lineTokens.enumerated() {
            guard case .tag(var tag) = token else { continue }
            tag.isStandalone = true
            if !indentationGiven, [.partial, .parent, .block].contains(tag.sigil) {
                tag.indentation = leadingWhitespace
                indentationGiven = true
            }
            if tag.sigil == .block {
                tag.nextLineIndentation = nextLineIndentation
                if let next = nextTag(after: index), next.sigil == .close, next.name == tag.name {
                    tag.lineBreak = lineBreak
                }
            }
            tokens.append(.tag(tag))
        }
    }

    /// A block tag that only whitespace precedes on a line with other content: that whitespace
    /// is the block's indentation, for the lines of its content after the first.
    private mutating func indentInlineBlock() {
        var leadingWhitespace: [UInt8] = []
        for (index, token) in lineTokens.enumerated() {
            switch token {
            case .text(let range, _, _):
                guard bytes[range].allSatisfy({ $0 == .space || $0 == .tab }) else { return }
                leadingWhitespace += bytes[range]
            case .tag(var tag):
                guard tag.sigil == .block else { return }
                tag.indentation = leadingWhitespace
                lineTokens[index] = .tag(tag)
                return
            }
        }
    }

    private func nextTag(after index: Int) -> Tag? {
        for token in lineTokens[(index + 1)...] {
            if case .tag(let tag) = token { return tag }
        }
        return nil
    }

    /// Spaces and tabs only, allowing the line's closing `\n` or `\r\n`.
    private func isWhitespace(_ range: Range<Int>) -> Bool {
        for index in range {
            switch bytes[index] {
            case .space, .tab, .newline: continue
            case .carriageReturn where index + 1 < bytes.count && bytes[index + 1] == .newline: continue
            default: return false
            }
        }
        return true
    }

    private func whitespaceRun(from start: Int) -> [UInt8] {
        var end = start
        while end < bytes.count, bytes[end] == .space || bytes[end] == .tab { end += 1 }
        return Array(bytes[start..<end])
    }

    // MARK: Tags

    private mutating func readTag() throws(TemplateError) -> Tag {
        let start = position
        let location = currentLocation(of: start)
        let tagDelimiters = delimiters
        var contentStart = start + delimiters.open.count
        var sigil = Sigil.variable
        var closing = delimiters.close
        if contentStart < bytes.count {
            switch bytes[contentStart] {
            case UInt8(ascii: "{"):
                sigil = .unescaped
                closing = [UInt8(ascii: "}")] + closing
            case UInt8(ascii: "&"): sigil = .unescaped
            case UInt8(ascii: "#"): sigil = .section
            case UInt8(ascii: "^"): sigil = .inverted
            case UInt8(ascii: "/"): sigil = .close
            case UInt8(ascii: "!"): sigil = .comment
            case UInt8(ascii: ">"): sigil = .partial
            case UInt8(ascii: "<"): sigil = .parent
            case UInt8(ascii: "$"): sigil = .block
            case UInt8(ascii: "="): sigil = .delimiters
            default: break
            }
            if sigil != .variable { contentStart += 1 }
        }
        guard let closeStart = firstIndex(of: closing, from: contentStart) else {
            throw source.error(.unclosedTag, at: location)
        }
        position = closeStart + closing.count
        advanceLines(through: start..<position)

        var tag = Tag(sigil: sigil, name: "", range: start..<position, location: location, delimiters: tagDelimiters)
        switch sigil {
        case .comment:
            return tag
        case .delimiters:
            delimiters = try readDelimiters(contentStart..<closeStart, at: location)
            return tag
        default:
            break
        }

        var content = trimmed(contentStart..<closeStart)
        // `{{<* name}}` and its closing `{{/* name}}`: whitespace after the asterisk is ignored, as inside any tag.
        let starred = [.partial, .parent, .close].contains(sigil) && !content.isEmpty && bytes[content.lowerBound] == UInt8(ascii: "*")
        if starred {
            tag.isDynamic = sigil != .close
            content = trimmed((content.lowerBound + 1)..<content.upperBound)
        }
        tag.name = String(decoding: bytes[content], as: UTF8.self)
        try validateName(of: tag, content: content, tagRange: start..<position)
        if starred, sigil == .close { tag.name = "*" + tag.name }
        return tag
    }

    private func validateName(of tag: Tag, content: Range<Int>, tagRange: Range<Int>) throws(TemplateError) {
        // A tag that runs into another tag (`{{page.title</h1>{{/main}}`) lost its closing delimiter:
        // say so at the tag, rather than at the mismatched section it causes later.
        let runsIntoAnotherTag =
            firstIndex(of: delimiters.open, from: content.lowerBound).map { $0 < content.upperBound } ?? false
        if runsIntoAnotherTag { throw source.error(.unclosedTag, at: tag.location) }
        let hasInnerWhitespace = bytes[content].contains {
            $0 == .space || $0 == .tab || $0 == .newline || $0 == .carriageReturn
        }
        guard content.isEmpty || hasInnerWhitespace else {
            if [.partial, .parent].contains(tag.sigil) || tag.name == "." { return }
            if tag.name.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty) {
                throw source.error(.invalidName(tag.name), at: tag.location)
            }
            return
        }
        // A tag that runs over a line most likely lost its closing delimiter.
        if bytes[tagRange].contains(.newline) {
            throw source.error(.unclosedTag, at: tag.location)
        }
        throw source.error(content.isEmpty ? .emptyTag : .invalidName(tag.name), at: tag.location)
    }

    private func readDelimiters(_ content: Range<Int>, at location: TemplatePosition) throws(TemplateError) -> Delimiters
    {
        guard content.count >= 2, bytes[content.upperBound - 1] == UInt8(ascii: "=") else {
            throw source.error(.badDelimiters, at: location)
        }
        let parts = bytes[content.lowerBound..<(content.upperBound - 1)]
            .split(whereSeparator: { $0 == .space || $0 == .tab || $0 == .newline || $0 == .carriageReturn })
        guard parts.count == 2, !parts.contains(where: { $0.contains(UInt8(ascii: "=")) }) else {
            throw source.error(.badDelimiters, at: location)
        }
        return Delimiters(open: Array(parts[0]), close: Array(parts[1]))
    }

    // MARK: Bytes

    private func hasPrefix(_ prefix: [UInt8], at index: Int) -> Bool {
        guard index + prefix.count <= bytes.count else { return false }
        for offset in 0..<prefix.count where bytes[index + offset] != prefix[offset] { return false }
        return true
    }

    private func firstIndex(of needle: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + needle.count <= bytes.count {
            if hasPrefix(needle, at: index) { return index }
            index += 1
        }
        return nil
    }

    private func trimmed(_ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        let isSpace = { (byte: UInt8) in byte == .space || byte == .tab || byte == .newline || byte == .carriageReturn }
        while lower < upper, isSpace(bytes[lower]) { lower += 1 }
        while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    private mutating func advanceLines(through range: Range<Int>) {
        for index in range where bytes[index] == .newline {
            line += 1
            lineStart = index + 1
        }
    }

    /// Columns count Unicode scalars: every byte that does not continue a UTF-8 sequence.
    private mutating func currentLocation(of offset: Int) -> TemplatePosition {
        if counted.offset < lineStart || counted.offset > offset {
            counted = (lineStart, 1)
        }
        var column = counted.column
        for index in counted.offset..<offset where PlainText.startsScalar(bytes[index]) {
            column += 1
        }
        counted = (offset, column)
        return TemplatePosition(line: line, column: column)
    }
}

extension UInt8 {
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
}
