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
    /// The text of the line the location points at, shown under the message.
    public var sourceLine: String?

    public init(_ severity: Severity, _ message: String, at location: SourceLocation? = nil, sourceLine: String? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
        self.sourceLine = sourceLine
    }

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
        var text = location.map { "\(paint("1", "\($0):")) " } ?? ""
        text += "\(severityText) \(message)"
        if let sourceLine, let location {
            let (shown, column) = Diagnostic.excerpt(of: sourceLine, around: location.column)
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

    /// The quoted line is left out: it follows from the location, and hashing it cost seconds when a page
    /// repeated one mistake thousands of times on a long line.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(severity)
        hasher.combine(message)
        hasher.combine(location)
    }

    /// Spaces up to the column, keeping tabs so the caret lines up under tab-indented text.
    package static func caretLine(under line: String, column: Int) -> String {
        var caret = ""
        for scalar in line.unicodeScalars.prefix(max(0, column - 1)) {
            caret.append(scalar == "\t" ? "\t" : " ")
        }
        return caret + "^"
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
