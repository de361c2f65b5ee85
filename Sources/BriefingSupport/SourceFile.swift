import Foundation

/// A text file of the site, read and checked as UTF-8, with the path shown in diagnostics.
public struct SourceFile: Sendable {
    /// The path as the user sees it, relative to the site folder (`Content/deterrence/tripwire.md`).
    public let path: String
    public let text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// Decodes bytes as UTF-8 (a leading BOM is dropped); invalid bytes are an error at their position.
    public init(path: String, bytes: [UInt8]) throws(Diagnostic) {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let text = String(validating: body, as: UTF8.self) {
            if let (offset, value) = body.withUnsafeBufferPointer(ForbiddenCharacter.first) {
                throw SourceFile.forbidden(value, at: body.startIndex + offset, in: body, path: path)
            }
            // One line ending everywhere keeps every later stage simple; lines do not move. A carriage return
            // alone ends a line too, for YAML and for CommonMark: messages must count it as they do.
            let hasCarriageReturn = body.withUnsafeBytes { bytes in bytes.baseAddress.map { memchr($0, 0x0D, bytes.count) != nil } ?? false }
            self.init(
                path: path,
                text: hasCarriageReturn ? text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") : text
            )
            return
        }
        throw SourceFile.invalidUTF8(in: body, path: path)
    }

    /// The text of a 1-based line, without its line ending.
    public func line(_ number: Int) -> String? {
        lineBytes(number) { bytes in String(decoding: bytes, as: UTF8.self) }
    }

    /// A location whose column is given in UTF-8 bytes (as libcmark reports), converted to Unicode scalars:
    /// one per byte that does not continue a multi-byte sequence.
    public func location(line: Int, byteColumn: Int) -> SourceLocation {
        let column = lineBytes(line) { bytes in
            1 + bytes.prefix(max(byteColumn - 1, 0)).count(where: PlainText.startsScalar)
        }
        return SourceLocation(path: path, line: line, column: column ?? byteColumn)
    }

    /// Calls `body` with the UTF-8 of a 1-based line, without its line ending; nil when there is no such
    /// line. Every diagnostic quotes and places its line, and a page may have thousands (a broken link
    /// pasted 8,000 times): line breaks are found by `memchr`, not a Character at a time, which took 24 s.
    private func lineBytes<Result>(_ number: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        guard number >= 1 else { return nil }
        var text = text
        return text.withUTF8 { bytes -> Result? in
            guard let base = bytes.baseAddress else { return number == 1 ? body(bytes) : nil }
            let end = base + bytes.count
            var start = base
            for _ in 1..<number {
                guard let found = memchr(start, 0x0A, end - start) else { return nil }
                start = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) + 1
            }
            let lineEnd = memchr(start, 0x0A, end - start).map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) } ?? end
            return body(UnsafeBufferPointer(start: start, count: lineEnd - start))
        }
    }

    public func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(path: path, line: line, column: column)
    }

    public func error(_ message: String, line: Int, column: Int) -> Diagnostic {
        .error(message, at: location(line: line, column: column), sourceLine: self.line(line))
    }

    public func diagnostic(_ severity: Diagnostic.Severity, _ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(severity, message, at: location, sourceLine: line(location.line))
    }

    /// The 1-based line and column of the byte at `offset` of UTF-8 text (where a reader stopped), the
    /// column counting Unicode scalars, as everywhere in diagnostics.
    package static func position(ofByte offset: Int, in bytes: some Sequence<UInt8>) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for byte in bytes.prefix(offset) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if PlainText.startsScalar(byte) {
                column += 1
            }
        }
        return (line, column)
    }

    /// A character no page may show (see `ForbiddenCharacter`), at its line and column.
    private static func forbidden(_ value: UInt32, at offset: Int, in bytes: ArraySlice<UInt8>, path: String) -> Diagnostic {
        let (line, column) = position(ofByte: offset - bytes.startIndex, in: bytes)
        let lineStart = bytes[..<offset].lastIndex(of: 0x0A).map { $0 + 1 } ?? bytes.startIndex
        let lineEnd = bytes[offset...].firstIndex(of: 0x0A) ?? bytes.endIndex
        // The others are counted, so that one pass mends the file (this runs only for a file that has one).
        var count = 0
        var lines: [Int] = []
        var lineOfNext = line
        var next = offset
        while true {
            // Past the character found, whose bytes after the first continue it.
            next += 1
            while next < bytes.endIndex, bytes[next] & 0xC0 == 0x80 { next += 1 }
            guard next < bytes.endIndex, let (found, _) = bytes[next...].withUnsafeBufferPointer(ForbiddenCharacter.first) else { break }
            lineOfNext += bytes[next..<(next + found)].count { $0 == 0x0A }
            count += 1
            if lines.last != lineOfNext { lines.append(lineOfNext) }
            next += found
        }
        let more = count == 0 ? ""
            : " (and \(count) more such character\(count == 1 ? "" : "s"), on line\(lines.count == 1 ? "" : "s") "
                + lines.prefix(10).map(String.init).joined(separator: ", ") + (lines.count > 10 ? ", …" : "") + ")"
        return .error(
            "\(ForbiddenCharacter.describe(value)) is not text a page may show: remove it\(more)",
            at: SourceLocation(path: path, line: line, column: column),
            sourceLine: String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self)
        )
    }

    private static func invalidUTF8(in bytes: ArraySlice<UInt8>, path: String) -> Diagnostic {
        var line = 1
        var column = 1
        var lineStart = bytes.startIndex
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = bytes.startIndex
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                let scalar = Unicode.UTF8.decode(encoded)
                offset += encoded.count
                if scalar == "\n" {
                    line += 1
                    column = 1
                    lineStart = offset
                } else {
                    column += 1
                }
            case .emptyInput:
                return .error("file is not valid UTF-8", at: SourceLocation(path: path, line: line, column: column))
            case .error:
                let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.endIndex
                let shown = String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self)
                let byte = String(format: "0x%02X", bytes[offset])
                // A byte-order mark of UTF-16 names the encoding the editor's program chose.
                let utf16 = offset == bytes.startIndex && bytes.count >= 2 && [[0xFF, 0xFE], [0xFE, 0xFF]].contains(Array(bytes.prefix(2)))
                return .error(
                    utf16 ? "the file is in UTF-16 (it starts with a byte-order mark): save it as UTF-8" : "invalid UTF-8 (byte \(byte)); save the file as UTF-8",
                    at: SourceLocation(path: path, line: line, column: column),
                    sourceLine: shown
                )
            }
        }
    }
}
