/// One error or warning about the site's input, in the form compilers and editors understand:
/// `path:line:col: error: message`, then the source line and a caret.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    public var severity: Severity
    public var message: String
    public var location: SourceLocation?
    /// The text of the line the location points at, shown under the message; of a long line, the
    /// excerpt shown, in which the location's column is `excerptColumn`.
    public private(set) var sourceLine: String?
    public private(set) var excerptColumn: Int?
    /// How many messages this one stands for in a count: 1, or the number a page's last message says
    /// were left out (see `counting(_:)`).
    public private(set) var tally = 1

    public init(_ severity: Severity, _ message: String, at location: SourceLocation? = nil, sourceLine: String? = nil) {
        self.severity = severity
        // A message quotes what the editor wrote (a link's address, a value): a 40,000-character one is
        // cut in the middle, as long lines are.
        self.message = message.utf8.count <= Self.longLine ? message : String(message.prefix(600)) + " … " + String(message.suffix(200))
        self.location = location
        self.sourceLine = sourceLine
        // Kept whole, a line a page repeats one mistake on thousands of times (10,000 broken links on a
        // 100 KB line) was a copy per message: a gigabyte.
        if let sourceLine, let location, sourceLine.utf8.count > Self.longLine {
            (self.sourceLine, excerptColumn) = Diagnostic.excerpt(of: sourceLine, around: location.column)
        }
    }

    /// A message read back from the build cache: its excerpt as it was made.
    package init(_ severity: Severity, _ message: String, at location: SourceLocation?, excerpt: String?, column: Int?, tally: Int) {
        self.init(severity, message, at: location, sourceLine: column == nil ? excerpt : nil)
        if column != nil {
            sourceLine = excerpt
            excerptColumn = column
        }
        self.tally = max(1, tally)
    }

    /// This message standing for `tally` messages of its severity, which were not made.
    package func counting(_ tally: Int) -> Diagnostic {
        var counted = self
        counted.tally = max(1, tally)
        return counted
    }

    /// Lines longer than this many bytes are kept as the excerpt shown.
    static let longLine = 1_024

    public static func error(_ message: String, at location: SourceLocation? = nil, sourceLine: String? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: location, sourceLine: sourceLine)
    }

    public static func warning(_ message: String, at location: SourceLocation? = nil, sourceLine: String? = nil) -> Diagnostic {
        Diagnostic(.warning, message, at: location, sourceLine: sourceLine)
    }

    public var description: String { formatted(color: false) }

    public func formatted(color: Bool) -> String {
        let label = severity.rawValue
        let paint = { (code: String, text: String) in color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
        let severityText = paint(severity == .error ? "1;31" : "1;33", "\(label):")
        var text = location.map { "\(paint("1", "\(Diagnostic.printable($0.description)):")) " } ?? ""
        text += "\(severityText) \(Diagnostic.printable(message))"
        if let sourceLine, let location {
            let (excerpt, column) = excerptColumn.map { (sourceLine, $0) } ?? Diagnostic.excerpt(of: sourceLine, around: location.column)
            let shown = Diagnostic.printable(excerpt)
            let caret = Diagnostic.caretLine(under: shown, column: column)
            text += "\n" + shown + "\n" + (color ? paint("1;32", caret) : caret)
        }
        return text
    }

    /// A long line is cut to a window around the column, marked with `…` at each cut end. Scalars are
    /// counted on the UTF-8: a page can quote one 64 KB line in thousands of diagnostics.
    package static func excerpt(of line: String, around column: Int, width: Int = 120) -> (String, Int) {
        var line = line
        return line.withUTF8 { bytes in
            let count = bytes.count(where: PlainText.startsScalar)
            guard count > width else { return (String(decoding: bytes, as: UTF8.self), column) }
            let start = max(0, min(column - 1 - width / 2, count - width))
            let end = min(count, start + width)
            var scalar = 0
            var startOffset = bytes.count
            var endOffset = bytes.count
            for offset in bytes.indices where PlainText.startsScalar(bytes[offset]) {
                if scalar == start { startOffset = offset }
                if scalar == end {
                    endOffset = offset
                    break
                }
                scalar += 1
            }
            var shown = String(decoding: UnsafeBufferPointer(rebasing: bytes[startOffset..<endOffset]), as: UTF8.self)
            var shownColumn = column - start
            if start > 0 {
                shown = "…" + shown
                shownColumn += 1
            }
            if end < count { shown += "…" }
            return (shown, shownColumn)
        }
    }

    /// Text from a page shown on a terminal: a control character (an escape sequence in a link, a bell,
    /// a line break in a file name) would recolour, retitle or erase what the editor reads, or forge a
    /// line of its own, so each shows as its picture (`␛`, `␊`), one column wide like the character it
    /// stands for. Tabs stay, for the caret's alignment.
    package static func printable(_ text: String) -> String {
        func isControl(_ scalar: Unicode.Scalar) -> Bool {
            (scalar.value < 0x20 && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
        }
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var shown = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard isControl(scalar) else {
                shown.append(scalar)
                continue
            }
            // U+2400–U+241F picture C0 controls, U+2421 delete; C1 controls have no picture.
            let picture = scalar.value < 0x20 ? 0x2400 + scalar.value : scalar.value == 0x7F ? 0x2421 : 0xFFFD
            shown.append(Unicode.Scalar(picture) ?? "\u{FFFD}")
        }
        return String(shown)
    }

    /// The quoted line is left out: it follows from the location, and hashing it cost seconds when a page
    /// repeated one mistake thousands of times on a long line.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(severity)
        hasher.combine(message)
        hasher.combine(location)
    }

    /// Spaces up to the column, keeping tabs so the caret lines up under tab-indented text, and two for
    /// a character a terminal shows two columns wide (Hangul, Han, Kana, most emoji), so that the caret
    /// stands under its character in a Korean line too; a combining mark takes none.
    package static func caretLine(under line: String, column: Int) -> String {
        var caret = ""
        for scalar in line.unicodeScalars.prefix(max(0, column - 1)) {
            if scalar == "\t" {
                caret.append("\t")
            } else if isWide(scalar) {
                caret.append("  ")
            } else if scalar.properties.generalCategory != .nonspacingMark {
                caret.append(" ")
            }
        }
        return caret + "^"
    }

    /// East Asian Wide and Fullwidth characters, and the emoji blocks: the ranges terminals draw in two
    /// columns (Swift does not expose the East Asian Width property).
    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            true
        default:
            false
        }
    }
}

/// A stage stopped because its input has errors; carries every diagnostic the stage collected.
public struct BuildFailure: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

extension Diagnostic {
    /// `line 4`, or `lines 4, 9 and 12`, naming ten at most and counting the rest (`… and 3 more`): a message
    /// naming every line of a mistake repeated, so that one pass over the file mends them all, without
    /// growing with a file of a hundred thousand of them.
    package static func lines(_ numbers: [Int]) -> String {
        let shown = numbers.prefix(10).map(String.init).joined(separator: ", ")
        return "line\(numbers.count == 1 ? "" : "s") \(shown)" + (numbers.count > 10 ? " and \(numbers.count - 10) more" : "")
    }
}
