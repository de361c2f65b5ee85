import Foundation
import Testing
@testable import BriefingKit
@testable import BriefingMarkdown
@testable import BriefingSupport

@Suite struct StructuredDataTests {
    @Test func article() {
        let value = StructuredData.article(
            headline: "Tripwire forces", description: "Why small garrisons deter.", authors: ["A. Writer", "B. Editor"],
            datePublished: "2026-03-12 09:30", dateModified: "2026-03-14", url: "https://example.org/tripwire/",
            publisherName: "Briefing", language: "en"
        )
        #expect(value.serialized() == """
            {"@context":"https://schema.org","@type":"Article","headline":"Tripwire forces",\
            "description":"Why small garrisons deter.",\
            "author":[{"@type":"Person","name":"A. Writer"},{"@type":"Person","name":"B. Editor"}],\
            "datePublished":"2026-03-12T09:30:00Z","dateModified":"2026-03-14",\
            "url":"https://example.org/tripwire/","mainEntityOfPage":"https://example.org/tripwire/",\
            "inLanguage":"en","publisher":{"@type":"Organization","name":"Briefing"}}
            """)
    }

    @Test func articleLeavesOutWhatIsUnknown() {
        let value = StructuredData.article(
            headline: "Notes", description: "", authors: [""], datePublished: "2026-03-12", dateModified: nil,
            url: "https://example.org/notes/", publisherName: "", language: ""
        )
        #expect(value.serialized() == """
            {"@context":"https://schema.org","@type":"Article","headline":"Notes",\
            "datePublished":"2026-03-12","dateModified":"2026-03-12",\
            "url":"https://example.org/notes/","mainEntityOfPage":"https://example.org/notes/"}
            """)
        let undated = StructuredData.article(
            headline: "Notes", description: nil, authors: [], datePublished: "soon", dateModified: nil,
            url: "https://example.org/notes/", publisherName: "Briefing", language: "en"
        )
        #expect(!undated.serialized().contains("date"))
    }

    @Test func faqPage() {
        let value = StructuredData.faqPage(
            [(question: "What is a tripwire?", answer: "A small force."), (question: "Why?", answer: "Credibility.")],
            url: "https://example.org/faq/"
        )
        #expect(value.serialized() == """
            {"@context":"https://schema.org","@type":"FAQPage","url":"https://example.org/faq/","mainEntity":[\
            {"@type":"Question","name":"What is a tripwire?","acceptedAnswer":{"@type":"Answer","text":"A small force."}},\
            {"@type":"Question","name":"Why?","acceptedAnswer":{"@type":"Answer","text":"Credibility."}}]}
            """)
    }

    @Test func oneScriptElementPerValueALineApart() {
        let elements = String(decoding: StructuredData.scriptElements([.object([("a", .int(1))]), .array([.string("b")])]), as: UTF8.self)
        #expect(elements == #"<script type="application/ld+json">{"a":1}</script>"# + "\n" + #"<script type="application/ld+json">["b"]</script>"#)
    }

    @Test func scriptElementCannotBeClosedFromInside() throws {
        let answer = "Yes.</script><script>alert(1)</script><!-- \u{2028}"
        let element = String(decoding: StructuredData.scriptElements([
            StructuredData.faqPage([(question: "Safe?", answer: answer)], url: "https://example.org/"),
        ]), as: UTF8.self)
        let open = #"<script type="application/ld+json">"#
        #expect(element.hasPrefix(open))
        #expect(element.hasSuffix("</script>"))
        let json = String(element.dropFirst(open.count).dropLast("</script>".count))
        #expect(!json.contains("<"))
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let question = try #require((decoded["mainEntity"] as? [[String: Any]])?.first)
        let accepted = try #require(question["acceptedAnswer"] as? [String: Any])
        #expect(accepted["text"] as? String == answer)
    }
}
