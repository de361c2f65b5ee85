import Foundation

/// GitHub's rules for the lines of a pipe table, as cmark-gfm's table extension reads them: a row is
/// cells between pipes (the outer pipes optional, `\|` a pipe inside a cell), and the delimiter row is
/// cells of `-` with an optional `:` at either end for the column's alignment.
enum PipeTableRows {
    enum Alignment: Equatable, Sendable {
        case none, left, center, right

        /// As a table directive's `align:` names it; nil when the delimiter row asks for none.
        var side: String? {
            switch self {
            case .none: nil
            case .left: "left"
            case .center: "center"
            case .right: "right"
            }
        }
    }

    struct Cell: Equatable {
        /// Trimmed, with `\|` made `|`: the Markdown of the cell.
        var text: String
        /// 0-based byte offset of the cell's first character in the line.
        var offset: Int
        /// Offsets in `text` of the pipes whose backslash was taken out: each puts what follows one byte
        /// further in the line than in the text.
        var escapes: [Int] = []
    }

    /// The cells of one line (without its line break), or nil when it has none: a line of a lone `|`.
    static func cells(_ line: Substring) -> [Cell]? {
        let bytes = Array(line.utf8)
        let count = bytes.count
        let pipe = UInt8(ascii: "|"), backslash = UInt8(ascii: "\\")
        var index = 0
        func skipSpaces() {
            while index < count, isSpaceChar(bytes[index]) { index += 1 }
        }
        if index < count, bytes[index] == pipe {
            index += 1
            skipSpaces()
        }
        var cells: [Cell] = []
        while index < count {
            let start = index
            // Only `\|` escapes, as in cmark-gfm's cell scanner: `\\|` is a backslash and an escaped pipe.
            while index < count, bytes[index] != pipe {
                index += bytes[index] == backslash && index + 1 < count && bytes[index + 1] == pipe ? 2 : 1
            }
            let endsAtPipe = index < count
            if index > start || endsAtPipe {
                cells.append(cell(bytes[start..<index], offset: start))
            }
            guard endsAtPipe else { break }
            index += 1
            skipSpaces()
        }
        return cells.isEmpty ? nil : cells
    }

    /// Whether a line under a table's rows starts a block that cannot interrupt a paragraph, and so ends
    /// the table on GitHub where cmark had read more of the paragraph: an ordered list item numbered
    /// other than 1 (`2. …`, `10) …`), an empty list item (`*`, `+`, `3.`), an HTML tag alone on its line
    /// (`<span>`, `</b>`).
    static func startsBlock(_ line: Substring) -> Bool {
        let text = line.utf8
        guard let first = text.first else { return false }
        let digits = text.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        if (1...9).contains(digits.count) {
            let rest = text.dropFirst(digits.count)
            guard let delimiter = rest.first, delimiter == UInt8(ascii: ".") || delimiter == UInt8(ascii: ")") else { return false }
            return rest.count == 1 || rest.dropFirst().first == UInt8(ascii: " ") || rest.dropFirst().first == UInt8(ascii: "\t")
        }
        if first == UInt8(ascii: "*") || first == UInt8(ascii: "+") { return text.count == 1 }
        return isLoneTag(line)
    }

    /// A whole start or end tag and nothing after it but spaces, as CommonMark's seventh kind of HTML
    /// block starts (not `<script>`, `<style>`, `<pre>` or `<textarea>`, which start the first kind).
    private static func isLoneTag(_ line: Substring) -> Bool {
        let trimmed = line.utf8.reversed().drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        guard line.utf8.first == UInt8(ascii: "<"), trimmed.first == UInt8(ascii: ">") else { return false }
        let tag = line.trimmingCharacters(in: .whitespaces)
        let name = #"</?[A-Za-z][A-Za-z0-9-]*"#, attribute = #"\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?"#
        guard let whole = try? Regex(name + "(?:" + attribute + ")*\\s*/?>"), tag.wholeMatch(of: whole) != nil else { return false }
        return tag.firstMatch(of: /^<\/?(?i:script|style|pre|textarea)[\s\/>]/) == nil
    }

    /// The alignments of a delimiter row (`| :--- | ---: |`), or nil when the line is not one.
    static func delimiterRow(_ line: Substring) -> [Alignment]? {
        let bytes = Array(line.utf8)
        var index = 0
        let count = bytes.count
        while index < count, isSpaceChar(bytes[index]) { index += 1 }
        if index < count, bytes[index] == UInt8(ascii: "|") { index += 1 }
        var alignments: [Alignment] = []
        while true {
            while index < count, isSpaceChar(bytes[index]) { index += 1 }
            let left = index < count && bytes[index] == UInt8(ascii: ":")
            if left { index += 1 }
            let dashes = index
            while index < count, bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index > dashes else {
                // A trailing pipe followed by nothing closes the row; anything else is not a delimiter row.
                return !left && index == count && !alignments.isEmpty && bytes[count - 1 - trailingSpaces(bytes)] == UInt8(ascii: "|") ? alignments : nil
            }
            let right = index < count && bytes[index] == UInt8(ascii: ":")
            if right { index += 1 }
            while index < count, isSpaceChar(bytes[index]) { index += 1 }
            alignments.append(left && right ? .center : left ? .left : right ? .right : .none)
            if index == count { return alignments }
            guard bytes[index] == UInt8(ascii: "|") else { return nil }
            index += 1
        }
    }

    private static func trailingSpaces(_ bytes: [UInt8]) -> Int {
        var count = 0
        while count < bytes.count, isSpaceChar(bytes[bytes.count - 1 - count]) { count += 1 }
        return count
    }

    private static func cell(_ raw: ArraySlice<UInt8>, offset: Int) -> Cell {
        var text: [UInt8] = []
        text.reserveCapacity(raw.count)
        var escapes: [Int] = []
        var index = raw.startIndex
        while index < raw.endIndex {
            if raw[index] == UInt8(ascii: "\\"), index + 1 < raw.endIndex, raw[index + 1] == UInt8(ascii: "|") {
                index += 1
                escapes.append(text.count)
            }
            text.append(raw[index])
            index += 1
        }
        var start = 0, end = text.count
        while start < end, isWhitespace(text[start]) { start += 1 }
        while end > start, isWhitespace(text[end - 1]) { end -= 1 }
        return Cell(
            text: String(decoding: text[start..<end], as: UTF8.self), offset: offset + leadingWhitespace(raw), escapes: escapes.map { $0 - start }
        )
    }

    private static func leadingWhitespace(_ raw: ArraySlice<UInt8>) -> Int {
        raw.prefix(while: isWhitespace).count
    }

    /// re2c's `spacechar` in cmark-gfm's scanners.
    static func isSpaceChar(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        isSpaceChar(byte) || byte == 0x0A || byte == 0x0D
    }
}
