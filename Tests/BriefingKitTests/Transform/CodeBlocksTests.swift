import Testing
@testable import BriefingKit
@testable import BriefingMarkdown
@testable import BriefingSupport

@Suite struct CodeBlocksTests {
    private func rendered(_ markdown: String) -> String {
        TransformHarness.run(markdown, [CodeBlocks()]).html
    }

    @Test func aCodeBlockIsAFocusableLabelledRegion() {
        #expect(rendered("```swift\nlet a = \"<b>\" && b\n```\n") == """
            <pre class="code-block" role="region" tabindex="0" aria-label="Code: swift"><code class="language-swift">let a = &quot;&lt;b&gt;&quot; &amp;&amp; b
            </code></pre>

            """)
        #expect(rendered("    indented\n") == "<pre class=\"code-block\" role=\"region\" tabindex=\"0\" aria-label=\"Code\"><code>indented\n</code></pre>\n")
    }

    /// Two regions or asides of one name cannot be told apart in a screen reader's list of landmarks.
    @Test func landmarksOfOneKindGetNamesOfTheirOwn() {
        let markdown = """
            ```
            a
            ```

            ```
            b
            ```

            > [!NOTE]
            > One.

            > [!NOTE]
            > Two.

            | a |
            |---|
            | 1 |

            | b |
            |---|
            | 2 |
            """
        let html = TransformHarness.run(markdown, [PipeTables(), Callouts(), CodeBlocks()]).html
        let names = html.matches(of: /aria-label="([^"]*)"/).map { String($0.output.1) }
        #expect(names == ["Code", "Code (2)", "Note", "Note (2)", "Table", "Table (2)"])
        // A caption of no words (an id alone) names nothing: aria-label="" was a region without a name. Its
        // number, which the table shows as its caption, names it.
        let idOnly = TransformHarness.run("| a |\n|---|\n| 1 |\n\nTable: {#t}\n", [PipeTables()]).html
        #expect(idOnly.contains(#"aria-label="Table 1""#))
    }

    @Test func inlineCodeIsLeftAlone() {
        #expect(rendered("Some `code`.\n") == "<p>Some <code>code</code>.</p>\n")
    }
}
