import BriefingSupport
import BriefingTemplates

/// Reads a JSON document (RFC 8259) straight into a template value: whole numbers become `.int`, other
/// numbers `.double`. A key written twice in one object is an error, as in a YAML mapping or a CSV header:
/// one of its values would be lost without a word.
///
/// Foundation's decoder took 9 ms for a 60 KB data file (a thrown error for every type it tried before
/// the right one), a build's largest fixed cost after start-up; and its errors gave a character offset,
/// where this gives the byte at which the document stops being JSON.
struct JSONReader {
    struct Failure: Error {
        let message: String
        /// Into the UTF-8 of the document.
        let offset: Int
    }

    private static let valueExpected = "expected a value (a string, number, object, array, true, false or null)"

    /// Arrays and objects nested deeper than this are refused rather than read with ever more stack.
    static let depthLimit = 512

    private let bytes: UnsafeBufferPointer<UInt8>
    private var offset = 0
    private var depth = 0

    static func read(_ text: String) throws(Failure) -> TemplateValue {
        var text = text
        return try text.withUTF8 { bytes in
            Result { () throws(Failure) in
                var reader = JSONReader(bytes: bytes)
                let value = try reader.value()
                reader.skipWhitespace()
                guard reader.offset == bytes.count else { throw Failure(message: "unexpected text after the JSON value", offset: reader.offset) }
                return value
            }
        }.get()
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    private var current: UInt8? { offset < bytes.count ? bytes[offset] : nil }

    private mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { offset += 1 }
    }

    private mutating func value() throws(Failure) -> TemplateValue {
        skipWhitespace()
        guard let byte = current else { throw Failure(message: "the document ends where a value should be", offset: offset) }
        switch byte {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw Failure(message: JSONReader.valueExpected, offset: offset)
        }
    }

    private mutating func literal(_ word: StaticString, _ value: TemplateValue) throws(Failure) -> TemplateValue {
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard bytes.count - offset >= expected.count, bytes[offset..<offset + expected.count].elementsEqual(expected) else {
            throw Failure(message: JSONReader.valueExpected, offset: offset)
        }
        offset += expected.count
        return value
    }

    private mutating func nested() throws(Failure) {
        depth += 1
        guard depth <= JSONReader.depthLimit else {
            throw Failure(message: "arrays and objects nested more than \(JSONReader.depthLimit) deep", offset: offset)
        }
    }

    private mutating func object() throws(Failure) -> TemplateValue {
        var members: [(String, TemplateValue)] = []
        var keys: Set<String> = []
        try container(closedBy: UInt8(ascii: "}"), separatorMissing: "expected ',' or '}' after an object member") { reader throws(Failure) in
            reader.skipWhitespace()
            guard reader.current == UInt8(ascii: "\"") else { throw Failure(message: "expected a key in double quotes", offset: reader.offset) }
            let keyStart = reader.offset
            let key = try reader.string()
            guard keys.insert(key).inserted else {
                throw Failure(message: "the key '\(key)' is given twice in this object: one of its values would be lost", offset: keyStart)
            }
            reader.skipWhitespace()
            guard reader.current == UInt8(ascii: ":") else { throw Failure(message: "expected ':' after the key", offset: reader.offset) }
            reader.offset += 1
            let member = try reader.value()
            members.append((key, member))
        }
        return .map(TemplateNames.map(members))
    }

    private mutating func array() throws(Failure) -> TemplateValue {
        var items: [TemplateValue] = []
        try container(closedBy: UInt8(ascii: "]"), separatorMissing: "expected ',' or ']' after an array item") { reader throws(Failure) in
            items.append(try reader.value())
        }
        return .list(items)
    }

    /// An object's members or an array's items, from the opening bracket to `closing`, read one by one by
    /// `element`, with commas between them.
    private mutating func container(
        closedBy closing: UInt8, separatorMissing: String, _ element: (inout JSONReader) throws(Failure) -> Void
    ) throws(Failure) {
        try nested()
        offset += 1
        skipWhitespace()
        if current == closing {
            offset += 1
            depth -= 1
            return
        }
        while true {
            try element(&self)
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","):
                offset += 1
            case closing:
                offset += 1
                depth -= 1
                return
            default:
                throw Failure(message: separatorMissing, offset: offset)
            }
        }
    }

    /// A string starting at the opening quote; runs without escapes are copied whole.
    private mutating func string() throws(Failure) -> String {
        let start = offset
        offset += 1
        var text: [UInt8] = []
        var run = offset
        while true {
            guard let byte = current else { throw Failure(message: "the string that starts here is not closed", offset: start) }
            switch byte {
            case UInt8(ascii: "\""):
                text += bytes[run..<offset]
                offset += 1
                // The document is valid UTF-8 (a `SourceFile`), and escapes write whole scalars.
                return String(decoding: text, as: UTF8.self)
            case UInt8(ascii: "\\"):
                text += bytes[run..<offset]
                try escape(into: &text)
                run = offset
            case ..<0x20:
                throw Failure(message: "a control character in a string: write it as an escape such as \\n or \\u0009", offset: offset)
            default:
                offset += 1
            }
        }
    }

    private mutating func escape(into text: inout [UInt8]) throws(Failure) {
        let start = offset
        offset += 1
        guard let byte = current else { throw Failure(message: "the document ends inside an escape", offset: start) }
        offset += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(byte)
        case UInt8(ascii: "b"):
            throw Failure(message: "\\b escapes \(ForbiddenCharacter.describe(0x08)), which no page may show: remove it", offset: start)
        case UInt8(ascii: "f"): text.append(0x0C)
        case UInt8(ascii: "n"): text.append(0x0A)
        case UInt8(ascii: "r"): text.append(0x0D)
        case UInt8(ascii: "t"): text.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try hexQuad(escapeAt: start)
            if (0xD800...0xDBFF).contains(scalar) {
                // A high surrogate must be followed by the escape of a low one; together they are one scalar.
                guard bytes.count - offset >= 2, bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u") else {
                    throw Failure(message: "\\u escape of a lone surrogate: a scalar above U+FFFF is two escapes, high then low", offset: start)
                }
                offset += 2
                let low = try hexQuad(escapeAt: offset - 2)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw Failure(message: "\\u escape of a lone surrogate: a scalar above U+FFFF is two escapes, high then low", offset: start)
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(scalar) {
                throw Failure(message: "\\u escape of a lone surrogate: a scalar above U+FFFF is two escapes, high then low", offset: start)
            }
            if ForbiddenCharacter.isForbidden(scalar) {
                throw Failure(message: "this escape makes \(ForbiddenCharacter.describe(scalar)), which no page may show: remove it", offset: start)
            }
            text += UTF8.encode(Unicode.Scalar(scalar)!)!
        default:
            throw Failure(message: "invalid escape: use \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\u and four hex digits", offset: start)
        }
    }

    private mutating func hexQuad(escapeAt start: Int) throws(Failure) -> UInt32 {
        guard bytes.count - offset >= 4 else { throw Failure(message: "\\u must be followed by four hex digits", offset: start) }
        var value: UInt32 = 0
        for byte in bytes[offset..<offset + 4] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw Failure(message: "\\u must be followed by four hex digits", offset: start)
            }
            value = value << 4 | UInt32(digit)
        }
        offset += 4
        return value
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`: an integer when it is whole and fits.
    private mutating func number() throws(Failure) -> TemplateValue {
        let start = offset
        func digits() -> Int {
            let first = offset
            while let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { offset += 1 }
            return offset - first
        }
        if current == UInt8(ascii: "-") { offset += 1 }
        let leadingZero = current == UInt8(ascii: "0")
        let whole = digits()
        guard whole > 0, !leadingZero || whole == 1 else { throw Failure(message: "invalid number", offset: start) }
        var integral = true
        if current == UInt8(ascii: ".") {
            offset += 1
            guard digits() > 0 else { throw Failure(message: "invalid number: digits must follow the decimal point", offset: start) }
            integral = false
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            offset += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { offset += 1 }
            guard digits() > 0 else { throw Failure(message: "invalid number: digits must follow the exponent", offset: start) }
            integral = false
        }
        let text = String(decoding: bytes[start..<offset], as: UTF8.self)
        if integral, let number = Int(text) { return .int(number) }
        guard let number = Double(text), number.isFinite else { throw Failure(message: "number out of range", offset: start) }
        if let whole = Int(exactly: number) { return .int(whole) }
        return .double(number)
    }
}
