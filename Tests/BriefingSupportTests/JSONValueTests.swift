import Foundation
import Testing
@testable import BriefingSupport

@Suite struct JSONValueTests {
    @Test func compactOutputKeepsKeyOrder() {
        let value = JSONValue.object([
            ("b", .int(1)),
            ("a", .array([.bool(true), .bool(false), .null, .number(2.0), .number(0.5), .number(-3), .string("x")])),
            ("empty", .object([])),
        ])
        #expect(value.serialized() == #"{"b":1,"a":[true,false,null,2,0.5,-3,"x"],"empty":{}}"#)
    }

    @Test func numbersJSONCannotExpress() {
        #expect(JSONValue.number(.nan).serialized() == "null")
        #expect(JSONValue.number(-.infinity).serialized() == "null")
        #expect(JSONValue.number(1e18).serialized() == "1000000000000000000")
        // Beyond Int64 a whole double keeps Swift's exponent form, still without a fraction.
        #expect(JSONValue.number(1e20).serialized() == "1e+20")
        #expect(JSONValue.number(-0.0).serialized() == "0")
    }

    @Test func jsonEscapes() {
        let value = JSONValue.string("a\"b\\c\n\r\t\u{08}\u{0C}\u{01}\u{1F}é😀")
        #expect(value.serialized() == #""a\"b\\c\n\r\t\b\f\u0001\u001fé😀""#)
    }

    @Test func scriptBreakersAreEscaped() throws {
        let hostile = "</script><!-- a & b > c \u{2028}\u{2029}"
        let json = JSONValue.object([("text</script>", .string(hostile))]).serialized()
        #expect(json == #"{"text\u003c/script\u003e":"\u003c/script\u003e\u003c!-- a \u0026 b \u003e c \u2028\u2029"}"#)
        for forbidden in ["<", ">", "&", "\u{2028}", "\u{2029}"] {
            #expect(!json.contains(forbidden))
        }
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: String])
        #expect(decoded == ["text</script>": hostile])
    }

    /// Curly quotes, dashes and ellipses share their first UTF-8 byte with U+2028 and U+2029.
    @Test func typographyStaysAsWrittenBesideEscapedLineSeparators() throws {
        let text = "\u{2028}“Ironclad” – or more…\u{2029}‘yes’ — \u{2026}\u{2028}"
        let json = JSONValue.string(text).serialized()
        #expect(json == #""\u2028“Ironclad” – or more…\u2029‘yes’ — …\u2028""#)
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data("[\(json)]".utf8)) as? [String])
        #expect(decoded == [text])
    }

    @Test func equalityFollowsCaseAndOrder() {
        #expect(JSONValue.object([("a", .int(1)), ("b", .null)]) == .object([("a", .int(1)), ("b", .null)]))
        #expect(JSONValue.object([("a", .int(1)), ("b", .null)]) != .object([("b", .null), ("a", .int(1))]))
        #expect(JSONValue.object([("a", .int(1))]) != .object([("a", .int(1)), ("b", .null)]))
        #expect(JSONValue.int(1) != .number(1))
        #expect(JSONValue.array([.string("x")]) == .array([.string("x")]))
    }

    /// Strings are read eight bytes at a time: an escape at any position of a block, at either end of
    /// the string, beside multi-byte characters, comes out as a scalar-by-scalar writer would put it.
    @Test func everyPositionOfEveryBlockAsAScalarAtATime() {
        let pieces = ["a", " ", "\"", "\\", "\n", "\u{01}", "<", ">", "&", "é", "“", "–", "\u{2028}", "\u{2029}", "🇰🇷", "/"]
        var generator = SystemRandomNumberGenerator()
        for length in 0..<40 {
            for _ in 0..<50 {
                let text = (0..<length).map { _ in pieces.randomElement(using: &generator)! }.joined()
                #expect(JSONValue.string(text).serialized() == scalarAtATime(text), "\(text.debugDescription)")
            }
        }
    }

    private func scalarAtATime(_ text: String) -> String {
        var json = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": json += "\\\""
            case "\\": json += "\\\\"
            case "\n": json += "\\n"
            case "\r": json += "\\r"
            case "\t": json += "\\t"
            case "\u{08}": json += "\\b"
            case "\u{0C}": json += "\\f"
            case _ where scalar.value < 0x20 || "<>&\u{2028}\u{2029}".unicodeScalars.contains(scalar):
                let hex = String(scalar.value, radix: 16)
                json += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: json.unicodeScalars.append(scalar)
            }
        }
        return json + "\""
    }
}
