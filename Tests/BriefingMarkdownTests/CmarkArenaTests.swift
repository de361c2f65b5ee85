import Testing
@testable import BriefingMarkdown

/// Trees live in their thread's arena: memory is reused only once no document of the thread is left.
@Suite struct CmarkArenaTests {
    static let page = (1...40).map { "## Part \($0)\n\nSome *emphasis*, a [link](https://example.org/\($0)) and `code`.\n" }.joined(separator: "\n")

    @Test func aDocumentStaysIntactWhileOthersComeAndGoOnItsThread() throws {
        let kept = MarkdownDocument(markdown: CmarkArenaTests.page)
        let expected = kept.renderHTML()
        for number in 1...50 {
            let passing = MarkdownDocument(markdown: "# Passing \(number)\n\n" + CmarkArenaTests.page)
            #expect(passing.renderHTML().hasPrefix("<h1>Passing \(number)</h1>"))
        }
        let heading = try #require(kept.root.children.first)
        try heading.replace(with: kept.makeCustomBlock(onEnter: "<h2 id=\"one\">Part 1</h2>\n", onExit: ""))
        #expect(kept.renderHTML() == expected.replacingOccurrences(of: "<h2>Part 1</h2>", with: "<h2 id=\"one\">Part 1</h2>"))
    }

    @Test func aBodyLargerThanAChunkRendersWhole() {
        let paragraph = String(repeating: "Burden-sharing talks went on. ", count: 40_000)
        let html = MarkdownDocument(markdown: paragraph + "\n\n" + paragraph).renderHTML()
        #expect(html == "<p>\(paragraph.dropLast())</p>\n<p>\(paragraph.dropLast())</p>\n")
    }

    @Test func memoryIsReusedOnceTheThreadsDocumentsAreGone() {
        func renderOne() { #expect(MarkdownDocument(markdown: CmarkArenaTests.page).renderHTML().contains("<h2>Part 40</h2>")) }
        renderOne()
        let reserved = CmarkArena.current.reservedBytes
        for _ in 1...200 { renderOne() }
        #expect(CmarkArena.current.reservedBytes == reserved)
        #expect(reserved > 0)
    }
}
