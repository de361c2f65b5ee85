import BriefingSupport
import Yams

/// The YAML type of a plain (unquoted, untagged) scalar: bool, int, float or null by YAML 1.1's rules as
/// Yams writes them (`Resolver.Rule.bool`, `.int`, `.float`, `.null`, tried in that order), else text.
/// Timestamps stay text, for `PageDate` to read.
///
/// Matched by hand, byte by byte: Yams tries each rule's `NSRegularExpression` in turn on every scalar it is
/// asked about, mapping keys included, which was a third of the cost of reading front matter.
/// `PlainScalarTests` checks these matchers against Yams' own expressions.
enum PlainScalar {
    static func type(of text: String) -> Tag.Name {
        // Most scalars (keys, titles, names, tags) are text that no rule can match, told by their first byte
        // and length: numbers start with a sign, a digit or a dot, and the bool and null words are words of
        // at most five letters starting with one of `yYnNtTfFoO~`.
        if let first = text.utf8.first, !startsNumber(first), text.utf8.count > 5 || !startsWord(first) { return .str }
        let bytes = Array(text.utf8)
        if boolWords.contains(text) { return .bool }
        if isInt(bytes) { return .int }
        if isFloat(bytes) { return .float }
        if nullWords.contains(text) { return .null }
        return .str
    }

    private static func startsNumber(_ byte: UInt8) -> Bool {
        isSign(byte) || isDigit(byte) || byte == UInt8(ascii: ".")
    }

    private static func startsWord(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"),
             UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "o"), UInt8(ascii: "O"), UInt8(ascii: "~"): true
        default: false
        }
    }

    private static let boolWords: Set<String> = [
        "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF",
    ]
    private static let nullWords: Set<String> = ["~", "null", "Null", "NULL", ""]

    /// `[-+]?0b[0-1_]+ | [-+]?0o?[0-7_]+ | [-+]?(0|[1-9][0-9_]*) | [-+]?0x[0-9a-fA-F_]+ | [-+]?[1-9][0-9_]*(:[0-5]?[0-9])+`
    private static func isInt(_ bytes: [UInt8]) -> Bool {
        var start = Cursor(bytes)
        _ = start.skip(where: isSign)
        var binary = start
        if binary.skip("0b"), binary.skipRun(where: { $0 == 0x30 || $0 == 0x31 || $0 == underscore }) > 0, binary.atEnd { return true }
        var octal = start
        if octal.skip("0") {
            _ = octal.skip("o")
            if octal.skipRun(where: { (0x30...0x37).contains($0) || $0 == underscore }) > 0, octal.atEnd { return true }
        }
        var hex = start
        if hex.skip("0x"), hex.skipRun(where: { PlainText.isASCIIHexDigit($0) || $0 == underscore }) > 0, hex.atEnd { return true }
        var zero = start
        if zero.skip("0"), zero.atEnd { return true }
        var decimal = start
        guard decimal.skip(where: { (0x31...0x39).contains($0) }) else { return false }
        decimal.skipRun(where: isDigitOrUnderscore)
        if decimal.atEnd { return true }
        return decimal.skipSexagesimalGroups() && decimal.atEnd
    }

    /// `[-+]?[0-9][0-9_]*(\.[0-9_]*)?([eE][-+]?[0-9]+)? | \.[0-9_]+([eE][-+][0-9]+)?
    /// | [-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]* | [-+]?\.(inf|Inf|INF) | \.(nan|NaN|NAN)`
    private static func isFloat(_ bytes: [UInt8]) -> Bool {
        var start = Cursor(bytes)
        let signed = start.skip(where: isSign)
        var number = start
        if number.skip(where: isDigit) {
            number.skipRun(where: isDigitOrUnderscore)
            var plain = number
            if plain.skip(".") { plain.skipRun(where: isDigitOrUnderscore) }
            if plain.skipExponent(signRequired: false), plain.atEnd { return true }
            var sexagesimal = number
            if sexagesimal.skipSexagesimalGroups(), sexagesimal.skip(".") {
                sexagesimal.skipRun(where: isDigitOrUnderscore)
                if sexagesimal.atEnd { return true }
            }
        }
        var special = start
        if special.skip("."), special.skipAny(of: ["inf", "Inf", "INF"]), special.atEnd { return true }
        guard !signed else { return false }
        var fraction = start
        if fraction.skip("."), fraction.skipRun(where: isDigitOrUnderscore) > 0, fraction.skipExponent(signRequired: true),
           fraction.atEnd
        {
            return true
        }
        var notANumber = start
        return notANumber.skip(".") && notANumber.skipAny(of: ["nan", "NaN", "NAN"]) && notANumber.atEnd
    }

    private static let underscore = UInt8(ascii: "_")
    private static func isSign(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") }
    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
    private static func isDigitOrUnderscore(_ byte: UInt8) -> Bool { isDigit(byte) || byte == underscore }

    /// A position in the scalar's bytes; each `skip` moves past what it matched, or stays and says no.
    private struct Cursor {
        let bytes: [UInt8]
        var offset = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        var atEnd: Bool { offset == bytes.count }

        mutating func skip(where matches: (UInt8) -> Bool) -> Bool {
            guard offset < bytes.count, matches(bytes[offset]) else { return false }
            offset += 1
            return true
        }

        @discardableResult
        mutating func skipRun(where matches: (UInt8) -> Bool) -> Int {
            let first = offset
            while offset < bytes.count, matches(bytes[offset]) { offset += 1 }
            return offset - first
        }

        mutating func skip(_ literal: StaticString) -> Bool {
            let count = literal.utf8CodeUnitCount
            guard bytes.count - offset >= count else { return false }
            for index in 0..<count where bytes[offset + index] != literal.utf8Start[index] { return false }
            offset += count
            return true
        }

        mutating func skipAny(of literals: [StaticString]) -> Bool {
            literals.contains { skip($0) }
        }

        /// `[eE][-+]?[0-9]+` (the sign required when asked), or nothing: false only for a partial exponent.
        mutating func skipExponent(signRequired: Bool) -> Bool {
            var exponent = self
            guard exponent.skip(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) else { return true }
            if !exponent.skip(where: PlainScalar.isSign), signRequired { return false }
            guard exponent.skipRun(where: PlainScalar.isDigit) > 0 else { return false }
            self = exponent
            return true
        }

        /// `(:[0-5]?[0-9])+`, followed by the end or a `.`: one or more groups of a colon and one digit, or
        /// two with the first below 6. Digits a group cannot take match nothing after it, so a group with
        /// more fails the whole alternative.
        mutating func skipSexagesimalGroups() -> Bool {
            var cursor = self
            var groups = 0
            while cursor.offset < cursor.bytes.count, cursor.bytes[cursor.offset] == UInt8(ascii: ":") {
                cursor.offset += 1
                let first = cursor.offset
                let digits = cursor.skipRun(where: PlainScalar.isDigit)
                guard digits == 1 || (digits == 2 && cursor.bytes[first] <= UInt8(ascii: "5")) else { return false }
                groups += 1
            }
            guard groups > 0 else { return false }
            self = cursor
            return true
        }
    }
}
