import Testing
@testable import BriefingKit

/// Hugo shortcodes and Jekyll's Liquid pasted into a page were shown to readers as typed, without a word.
@Suite struct TemplateCodeInTextTests {
    private func messages(_ markdown: String) -> [String] {
        TransformHarness.run(markdown, [TemplateCodeInText()]).messageLines
    }

    @Test func eachKindIsWarnedOfWhereItIsWritten() {
        let found = messages(
            "A {{< figure src=\"map.png\" >}} here.\n\n{{% note %}}\nText\n{{% /note %}}\n\n{% include foo.html %}\n\n[Home]({{ site.baseurl }}/)\n"
        )
        #expect(found.map { $0.components(separatedBy: ": warning: ")[0] } == [
            "Content/alliance/page.md:1:3", "Content/alliance/page.md:3:1", "Content/alliance/page.md:7:1", "Content/alliance/page.md:9:8",
        ])
        #expect(found[0].contains("'{{< figure src=\"map.png\" >}}' is a Hugo shortcode, which Briefing does not run, so readers see it as typed"))
        #expect(found[2].contains("'{% include foo.html %}' is a Liquid tag (Jekyll's)"))
        #expect(found[3].contains("'{{ site.baseurl }}' is template code, which pages do not run"))
    }

    @Test func codeAndBracesOfProseAreNone() {
        #expect(messages("`{{< x >}}` and {not code} and {{ never closed\n\n```\n{% include a.html %}\n```\n\n    {{ x }}\n").isEmpty)
    }
}
