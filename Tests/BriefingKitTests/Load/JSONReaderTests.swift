import BriefingTemplates
import Foundation
import Testing
@testable import BriefingKit
@testable import BriefingMarkdown
@testable import BriefingSupport

@Suite struct JSONReaderTests {
    /// Foundation's decoder, which data files went through before: the reader must read what it read.
    private static func decoded(_ json: String) -> TemplateValue? {
        try? JSONDecoder().decode(TemplateValue.self, from: Data(json.utf8))
    }

    static let documents = [
        #"{"title": "Home", "count": 3, "ratio": 0.5, "draft": false, "image": null, "tags": ["a", "b"], "author": {"name": "Ada"}}"#,
        "[1, -1, 0, -0, 1.0, -0.0, 1.5, 1e3, 1.5e1, 2E-2, 0.1, 9223372036854775807, 9223372036854775808, 123456789012345678901234567890]",
        #"["\"quoted\"", "back\\slash", "a\/b", "\f\n\r\t", "\u00e9\u4e2d", "\ud83d\ude00", "plain é 中 😀"]"#,
        #"{"a": 1, "b": {"a": [[], {}, [[[]]]]}}"#,
        " \n\t[ true , false , null ] \r\n",
        #""a lone string""#,
        "42",
        #"[{"year": 2019, "usd": "924 million", "source": "SMA 11th"}, {"year": 2021, "usd": 1.04e9}]"#,
    ]

    @Test(arguments: documents)
    func readsWhatFoundationRead(_ json: String) throws {
        let expected = try #require(JSONReaderTests.decoded(json))
        #expect(try JSONReader.read(json) == expected)
    }

    @Test func wholeNumbersAreInts() throws {
        #expect(try JSONReader.read("[1, 1.5, 1e3, 9223372036854775808]") == [1, 1.5, 1000, .double(9_223_372_036_854_775_808)])
    }

    /// A key written twice lost one of its values without a word, where YAML and CSV refuse it; the same
    /// key in two objects is two keys.
    @Test func aKeyWrittenTwiceInOneObjectIsRefusedAtItsSecond() throws {
        JSONReaderTests.expectRefused(Bad(json: #"{"budget": "1.2 billion", "budget": "9.9 billion"}"#, message: "the key 'budget' is given twice in this object: one of its values would be lost", offset: 26))
        #expect(try JSONReader.read(#"[{"a": 1}, {"a": 2}]"#) == [["a": 1], ["a": 2]])
    }

    struct Bad: CustomTestStringConvertible, Sendable {
        var json: String
        var message: String
        var offset: Int
        var testDescription: String { json }
    }

    static let bad = [
        Bad(json: #"{"count": }"#, message: "expected a value (a string, number, object, array, true, false or null)", offset: 10),
        Bad(json: "", message: "the document ends where a value should be", offset: 0),
        Bad(json: "[1, 2", message: "expected ',' or ']' after an array item", offset: 5),
        Bad(json: #"{"a" 1}"#, message: "expected ':' after the key", offset: 5),
        Bad(json: "{a: 1}", message: "expected a key in double quotes", offset: 1),
        Bad(json: #"{"a": 1 "b": 2}"#, message: "expected ',' or '}' after an object member", offset: 8),
        Bad(json: #"["open"#, message: "the string that starts here is not closed", offset: 1),
        Bad(json: "[\"tab\there\"]", message: "a control character in a string: write it as an escape such as \\n or \\u0009", offset: 5),
        Bad(json: #"["\x"]"#, message: #"invalid escape: use \", \\, \/, \b, \f, \n, \r, \t or \u and four hex digits"#, offset: 2),
        Bad(json: #"["\u12"]"#, message: #"\u must be followed by four hex digits"#, offset: 2),
        Bad(json: #"["\ud83d"]"#, message: #"\u escape of a lone surrogate: a scalar above U+FFFF is two escapes, high then low"#, offset: 2),
        Bad(json: "[01]", message: "invalid number", offset: 1),
        Bad(json: "[1.]", message: "invalid number: digits must follow the decimal point", offset: 1),
        Bad(json: "[1e]", message: "invalid number: digits must follow the exponent", offset: 1),
        Bad(json: "[1e400]", message: "number out of range", offset: 1),
        Bad(json: "[tru]", message: "expected a value (a string, number, object, array, true, false or null)", offset: 1),
        Bad(json: "{} {}", message: "unexpected text after the JSON value", offset: 3),
    ]

    /// JSON, but characters HTML forbids in a page (`ForbiddenCharacter`): refused at their escape.
    @Test(arguments: [
        Bad(json: #"["a\bb"]"#, message: "\\b escapes U+0008 (a control character), which no page may show: remove it", offset: 3),
        Bad(json: #"["\u0000"]"#, message: "this escape makes U+0000 (a control character), which no page may show: remove it", offset: 2),
        Bad(json: #"["\u0085"]"#, message: "this escape makes U+0085 (a control character, most often a Windows-1252 quote or dash read wrongly), which no page may show: remove it", offset: 2),
        Bad(json: #"["\uFDD0"]"#, message: "this escape makes U+FDD0 (not a character), which no page may show: remove it", offset: 2),
    ])
    func escapesOfCharactersNoPageMayShowAreRefused(_ bad: Bad) {
        JSONReaderTests.expectRefused(bad)
    }

    @Test(arguments: bad)
    func badJSONIsRefusedWhereItStopsBeingJSON(_ bad: Bad) {
        JSONReaderTests.expectRefused(bad)
        #expect(JSONReaderTests.decoded(bad.json) == nil, "Foundation refused it too")
    }

    /// The reader refuses `bad.json` with its message, at its offset.
    private static func expectRefused(_ bad: Bad) {
        do {
            _ = try JSONReader.read(bad.json)
            Issue.record("read \(bad.json)")
        } catch {
            #expect(error.message == bad.message)
            #expect(error.offset == bad.offset)
        }
    }

    @Test func nestingPastTheLimitIsRefusedWithoutExhaustingTheStack() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONReader.Failure.self) { try JSONReader.read(deep) }
        let limit = JSONReader.depthLimit
        let allowed = String(repeating: "[", count: limit) + String(repeating: "]", count: limit)
        #expect((try? JSONReader.read(allowed)) != nil)
    }
}
