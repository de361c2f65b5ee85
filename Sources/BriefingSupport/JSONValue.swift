/// A JSON document built in code, written compactly and safe to embed in an HTML `<script>` element.
package enum JSONValue: Sendable, Equatable {
    case string(String)
    case number(Double)
    case int(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    /// Pairs rather than a dictionary so that output keeps the order the builder chose (`@context` first).
    case object([(String, JSONValue)])

    // Written by hand: tuples are not Equatable, so `object` defeats synthesis.
    package static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case let (.string(a), .string(b)): a == b
        case let (.number(a), .number(b)): a == b
        case let (.int(a), .int(b)): a == b
        case let (.bool(a), .bool(b)): a == b
        case (.null, .null): true
        case let (.array(a), .array(b)): a == b
        case let (.object(a), .object(b)): a.elementsEqual(b) { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    /// Compact JSON in which `<`, `>` and `&` never appear literally, so neither `</script>` nor `<!--`
    /// can end or derail the script element that holds it, whatever the strings contain.
    package func serialized() -> String {
        var output: [UInt8] = []
        write(to: &output)
        // Valid UTF-8: the strings' own bytes, cut only between scalars, and ASCII.
        return String(decoding: output, as: UTF8.self)
    }

    /// Written as bytes: appending to a String keeps its count and flags on every write, and the strings
    /// of a page's JSON-LD (its FAQ answers) are long.
    package func write(to output: inout [UInt8]) {
        switch self {
        case .string(let text):
            JSONValue.writeString(text, to: &output)
        case .number(let value):
            output += JSONValue.numberText(value).utf8
        case .int(let value):
            output += String(value).utf8
        case .bool(let value):
            output += (value ? "true" : "false").utf8
        case .null:
            output += "null".utf8
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                element.write(to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                JSONValue.writeString(key, to: &output)
                output.append(UInt8(ascii: ":"))
                value.write(to: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// Whole numbers print as integers (`3`, not `3.0`); JSON has no NaN or infinity, so those become null.
    private static func numberText(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if let whole = Int64(exactly: value) { return String(whole) }
        // Swift's description is the shortest text that reads back as the same double, and its forms
        // (`0.1`, `1e-07`, `1e+20`) are all valid JSON numbers.
        return String(value)
    }

    /// Copies the runs between escapes whole: FAQ answers with curly quotes (whose UTF-8 starts with the
    /// byte 0xE2, like U+2028's) went scalar by scalar, a third of a page's JSON-LD.
    private static func writeString(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var contiguous = text
        contiguous.withUTF8 { bytes in
            var runStart = 0
            var offset = 0
            while offset < bytes.count {
                // Eight bytes at a time past those holding none that may need an escape.
                if offset &+ 8 <= bytes.count,
                   !mayNeedEscape(UnsafeRawBufferPointer(bytes).loadUnaligned(fromByteOffset: offset, as: UInt64.self)) {
                    offset &+= 8
                    continue
                }
                guard mayNeedEscape(bytes[offset]), let (escape, length) = escape(at: offset, in: bytes)
                else {
                    offset += 1
                    continue
                }
                output += UnsafeBufferPointer(rebasing: bytes[runStart..<offset])
                switch escape {
                case .literal(let text): text.withUTF8Buffer { output += $0 }
                case .unicode(let text): output += text.utf8
                }
                offset += length
                runStart = offset
            }
            output += UnsafeBufferPointer(rebasing: bytes[runStart...])
        }
        output.append(UInt8(ascii: "\""))
    }

    /// Control characters, `"`, `&`, `<`, `>`, `\` and 0xE2 (U+2028's and U+2029's lead byte): the bytes
    /// `escape(at:in:)` is asked about. Spaces and digits, a fifth of the text, are not.
    @inline(__always)
    private static func mayNeedEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x22 || byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x5C || byte == 0xE2
    }

    /// The same for eight bytes at once: whether any of them may.
    @inline(__always)
    private static func mayNeedEscape(_ word: UInt64) -> Bool {
        let found = ByteWord.hasByte(below: 0x20, in: word) | ByteWord.has(0x22, in: word) | ByteWord.has(0x26, in: word)
            | ByteWord.has(0x3C, in: word) | ByteWord.has(0x3E, in: word) | ByteWord.has(0x5C, in: word) | ByteWord.has(0xE2, in: word)
        return found != 0
    }

    private enum Escape {
        /// The common escapes, appended from static memory: a FAQ answer's HTML has a `<` and a `>` for every tag.
        case literal(StaticString)
        case unicode(String)
    }

    /// The escape for the byte at `offset` and how many bytes it replaces, or nil when it is written as is.
    private static func escape(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (Escape, Int)? {
        switch bytes[offset] {
        case UInt8(ascii: "\""): (.literal("\\\""), 1)
        case UInt8(ascii: "\\"): (.literal("\\\\"), 1)
        case UInt8(ascii: "\n"): (.literal("\\n"), 1)
        case UInt8(ascii: "\r"): (.literal("\\r"), 1)
        case UInt8(ascii: "\t"): (.literal("\\t"), 1)
        case 0x08: (.literal("\\b"), 1)
        case 0x0C: (.literal("\\f"), 1)
        // `<` `>` `&` would let the text close the script element or open a comment in it; U+2028 and
        // U+2029 (E2 80 A8, E2 80 A9) are line terminators to JavaScript engines that predate ES2019.
        case UInt8(ascii: "<"): (.literal("\\u003c"), 1)
        case UInt8(ascii: ">"): (.literal("\\u003e"), 1)
        case UInt8(ascii: "&"): (.literal("\\u0026"), 1)
        case let byte where byte < 0x20: (.unicode(unicodeEscape(UInt32(byte))), 1)
        case 0xE2 where offset + 2 < bytes.count && bytes[offset + 1] == 0x80 && (bytes[offset + 2] == 0xA8 || bytes[offset + 2] == 0xA9):
            (.unicode(unicodeEscape(bytes[offset + 2] == 0xA8 ? 0x2028 : 0x2029)), 3)
        default:
            nil
        }
    }

    /// `\u003c`: four lowercase hex digits; every scalar escaped here lies in the Basic Multilingual Plane.
    private static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}
