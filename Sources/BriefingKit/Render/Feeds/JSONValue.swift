/// A JSON document built in code, written compactly and safe to embed in an HTML `<script>` element.
enum JSONValue: Sendable, Equatable {
    case string(String)
    case number(Double)
    case int(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    /// Pairs rather than a dictionary so that output keeps the order the builder chose (`@context` first).
    case object([(String, JSONValue)])

    // Written by hand: tuples are not Equatable, so `object` defeats synthesis.
    static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
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
    func serialized() -> String {
        var output = ""
        write(to: &output)
        return output
    }

    private func write(to output: inout String) {
        switch self {
        case .string(let text):
            JSONValue.writeString(text, to: &output)
        case .number(let value):
            output += JSONValue.numberText(value)
        case .int(let value):
            output += String(value)
        case .bool(let value):
            output += value ? "true" : "false"
        case .null:
            output += "null"
        case .array(let elements):
            output += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { output += "," }
                element.write(to: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { output += "," }
                JSONValue.writeString(key, to: &output)
                output += ":"
                value.write(to: &output)
            }
            output += "}"
        }
    }

    /// Bytes that start something `writeString` escapes: quotes, backslashes, control characters,
    /// `<`, `>`, `&`, and 0xE2, the lead byte of U+2028 and U+2029.
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x3C || byte == 0x3E || byte == 0x26 || byte == 0xE2
    }

    /// Whole numbers print as integers (`3`, not `3.0`); JSON has no NaN or infinity, so those become null.
    private static func numberText(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if let whole = Int64(exactly: value) { return String(whole) }
        // Swift's description is the shortest text that reads back as the same double, and its forms
        // (`0.1`, `1e-07`, `1e+20`) are all valid JSON numbers.
        return String(value)
    }

    private static func writeString(_ text: String, to output: inout String) {
        output += "\""
        // Most text needs no escape at all; checking its bytes first keeps JSON-LD cheap on every page.
        if !text.utf8.contains(where: needsEscape) {
            output += text
            output += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            // `<` `>` `&` would let the text close the script element or open a comment in it; U+2028 and
            // U+2029 are line terminators to JavaScript engines that predate ES2019.
            case "<", ">", "&", "\u{2028}", "\u{2029}":
                output += unicodeEscape(scalar)
            case _ where scalar.value < 0x20:
                output += unicodeEscape(scalar)
            default:
                output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }

    /// `\u003c`: four lowercase hex digits; every scalar escaped here lies in the Basic Multilingual Plane.
    private static func unicodeEscape(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}
