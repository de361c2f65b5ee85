import BriefingTemplates
import Foundation
import Testing

struct TemplateValueTests {
    @Test func literals() {
        let value: TemplateValue = ["s": "text", "i": 3, "d": 2.5, "b": true, "n": nil, "l": [1, "two"]]
        #expect(value == .map([
            "s": .string("text"),
            "i": .int(3),
            "d": .double(2.5),
            "b": .bool(true),
            "n": .null,
            "l": .list([.int(1), .string("two")]),
        ]))
    }

    @Test func repeatedLiteralKeyKeepsTheLastValue() {
        let value: TemplateValue = ["a": 1, "a": 2]
        #expect(value == ["a": 2])
    }

    @Test func subscriptReadsMaps() {
        let value: TemplateValue = ["page": ["title": "Home"]]
        #expect(value["page"]?["title"] == "Home")
        #expect(value["missing"] == nil)
        #expect(TemplateValue.string("x")["a"] == nil)
    }

    @Test func decodesJSON() throws {
        let json = """
            {"title": "Home", "count": 3, "ratio": 0.5, "draft": false, "image": null,
             "tags": ["a", "b"], "author": {"name": "Ada"}}
            """
        let value = try JSONDecoder().decode(TemplateValue.self, from: Data(json.utf8))
        #expect(value == [
            "title": "Home",
            "count": 3,
            "ratio": 0.5,
            "draft": false,
            "image": nil,
            "tags": ["a", "b"],
            "author": ["name": "Ada"],
        ])
    }

    @Test func decodedWholeNumbersAreInts() throws {
        let value = try JSONDecoder().decode(TemplateValue.self, from: Data("[1, 1.5, 1e3]".utf8))
        #expect(value == [1, 1.5, 1000])
    }

    @Test func htmlIsNotAString() {
        #expect(TemplateValue.html("<b>") != TemplateValue.string("<b>"))
    }

    @Test func decodedValuesRender() throws {
        let json = #"{"page": {"title": "A & B", "tags": ["x", "y"], "subtitle": null}}"#
        let context = try JSONDecoder().decode(TemplateValue.self, from: Data(json.utf8))
        let source = "{{page.title}}{{#page.tags}} #{{.}}{{/page.tags}}{{page.subtitle}}"
        let rendered = try render(source, context, strict: true)
        #expect(rendered == "A &amp; B #x #y")
    }
}
