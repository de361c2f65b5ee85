import BriefingMarkdown
import BriefingSupport

/// Which of a text node's delimiters the editor wrote escaped (`\~`, `\[`) or as an entity (`&#126;`),
/// which GitHub reads as text, never as markup. cmark merges the text of an escape into the text around
/// it, so the tree cannot tell `\~` from `~`: they are told apart in the line as written, where each of
/// the node's `character`s is one of the line's raw, escaped or entity ones, in order.
enum EscapedCharacters {
    /// The byte offsets, in the node's literal, of each `character` written escaped or as an entity.
    /// Empty when there are none, and when the node's text cannot be matched to its line (a node a
    /// transform made, a cell parsed on its own): its characters are then read as written.
    static func offsets(of character: UInt8, in node: MarkdownNode, diagnostics: PageDiagnostics) -> Set<Int> {
        guard node.start.line > 0, node.start.line == node.end.line else { return [] }
        let start = diagnostics.position(of: node)
        guard let line = diagnostics.bodyLine(start.line) else { return [] }
        let from = start.column - 1, to = from + node.end.column - node.start.column + 1
        let written = Array(line.utf8)
        guard from >= 0, to <= written.count,
              written[from..<to].contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "&") })
        else { return [] }
        var escaped: [Bool] = []
        var index = from
        while index < to {
            let byte = written[index]
            if byte == UInt8(ascii: "\\"), index + 1 < to, PlainText.isASCIIPunctuation(written[index + 1]) {
                if written[index + 1] == character { escaped.append(true) }
                index += 2
            } else if byte == UInt8(ascii: "&"), let length = entityLength(at: index, in: written, end: to, decodingTo: character) {
                escaped.append(true)
                index += length
            } else {
                if byte == character { escaped.append(false) }
                index += 1
            }
        }
        guard escaped.contains(true), let literalOffsets = node.withLiteralBytes({ bytes in bytes.indices.filter { bytes[$0] == character } }),
              literalOffsets.count == escaped.count
        else { return [] }
        return Set(zip(literalOffsets, escaped).filter(\.1).map(\.0))
    }

    /// The length of a numeric character reference at `index` (`&#126;`, `&#x7E;`) standing for `character`.
    private static func entityLength(at index: Int, in bytes: [UInt8], end: Int, decodingTo character: UInt8) -> Int? {
        guard index + 3 < end, bytes[index + 1] == UInt8(ascii: "#") else { return nil }
        let hex = bytes[index + 2] | 0x20 == UInt8(ascii: "x")
        var cursor = index + (hex ? 3 : 2)
        var value = 0
        while cursor < end, cursor - index < 16, let digit = digitValue(bytes[cursor], hex: hex) {
            value = value * (hex ? 16 : 10) + digit
            cursor += 1
        }
        guard cursor < end, bytes[cursor] == UInt8(ascii: ";"), cursor > index + (hex ? 3 : 2), value == Int(character)
        else { return nil }
        return cursor + 1 - index
    }

    private static func digitValue(_ byte: UInt8, hex: Bool) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: Int(byte - UInt8(ascii: "A")) + 10
        default: nil
        }
    }
}
