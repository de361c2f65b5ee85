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

    @Test func inlineCodeIsLeftAlone() {
        #expect(rendered("Some `code`.\n") == "<p>Some <code>code</code>.</p>\n")
    }
}
