import BriefingSupport

/// schema.org descriptions of a page as JSON-LD, the form search engines read for rich results.
enum StructuredData {
    static func article(
        headline: String,
        description: String?,
        authors: [String],
        datePublished: String?,
        dateModified: String?,
        url: String,
        publisherName: String,
        language: String
    ) -> JSONValue {
        let people = authors.filter { !$0.isEmpty }.map { name -> JSONValue in
            .object([("@type", .string("Person")), ("name", .string(name))])
        }
        let published = date(datePublished)
        return object([
            ("@context", text("https://schema.org")),
            ("@type", text("Article")),
            ("headline", text(headline)),
            ("description", text(description)),
            ("author", people.isEmpty ? nil : .array(people)),
            ("datePublished", published),
            // Search engines show dateModified as the page's date; an unrevised page was last changed when published.
            ("dateModified", date(dateModified) ?? published),
            ("url", text(url)),
            ("mainEntityOfPage", text(url)),
            ("inLanguage", text(language)),
            ("publisher", text(publisherName).map { .object([("@type", .string("Organization")), ("name", $0)]) }),
        ])
    }

    static func faqPage(_ entries: [(question: String, answer: String)], url: String, language: String? = nil) -> JSONValue {
        let questions = entries.map { entry -> JSONValue in
            .object([
                ("@type", .string("Question")),
                ("name", .string(entry.question)),
                ("acceptedAnswer", .object([("@type", .string("Answer")), ("text", .string(entry.answer))])),
            ])
        }
        return object([
            ("@context", text("https://schema.org")),
            ("@type", text("FAQPage")),
            ("url", text(url)),
            ("inLanguage", text(language)),
            ("mainEntity", .array(questions)),
        ])
    }

    /// The elements to place in `<head>`, one for each value, a line apart; `JSONValue` guarantees the
    /// JSON cannot close them early. Written into one buffer and kept as bytes, which the page's template
    /// copies as they are: a FAQPage holds every answer of the page, and copying it from string to
    /// string showed.
    static func scriptElements(_ values: [JSONValue]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(1024)
        for (index, value) in values.enumerated() {
            if index > 0 { output.append(UInt8(ascii: "\n")) }
            output += #"<script type="application/ld+json">"#.utf8
            value.write(to: &output)
            output += "</script>".utf8
        }
        return output
    }

    /// An object without the members that have no value: schema.org treats an absent property as unknown,
    /// whereas `""` or `null` would claim a value.
    private static func object(_ members: [(String, JSONValue?)]) -> JSONValue {
        .object(members.compactMap { key, value in value.map { (key, $0) } })
    }

    private static func text(_ value: String?) -> JSONValue? {
        guard let value, !value.isEmpty else { return nil }
        return .string(value)
    }

    /// ISO 8601 as schema.org expects; a date Briefing cannot read is left out rather than passed on.
    private static func date(_ value: String?) -> JSONValue? {
        value.flatMap(FeedDate.init).map { .string($0.w3c) }
    }
}
