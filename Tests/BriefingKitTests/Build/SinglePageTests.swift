import BriefingTestSupport
import Foundation
import Testing
@testable import BriefingKit
@testable import BriefingSupport

@Suite struct SinglePageTests {
    @Test func rendersTheBodyWithEveryTransform() throws {
        let page = try SinglePage(partials: DefaultTheme.partialTexts())
        let result = try page.render("---\ntitle: T\n---\n> [!NOTE]\n> Hi.\n\n## FAQ\n### Why?\nBecause.\n")
        #expect(result.html.hasPrefix("<aside class=\"callout callout-note\" aria-label=\"Note\">\n<p>Hi.</p>\n</aside>\n<section class=\"faq\""))
        #expect(result.diagnostics.map(\.message) == ["page has no summary: add 'summary:' to the front matter for lists, feeds and search results"])
    }

    /// Inputs the fuzzer once crashed on, kept in its page corpus (`Fuzz/corpus/page/regression-*`, which
    /// CI's fuzzing starts from too), rendered as the fuzz target renders them: each must end in HTML or
    /// errors, never a trap. `regression-pipe-table-carriage-return`: cmark ends a line at a lone carriage
    /// return, the table reader did not, and a fence after one swallowed the cells after it.
    @Test func inputsTheFuzzerCrashedOnRenderOrFail() throws {
        var page = try SinglePage(partials: DefaultTheme.partialTexts())
        page.dataFiles = [
            "key-figures.csv": "Metric,Value,Source,Source URL\nTroops,\"28,500\",DoD,https://example.org/\n",
            "figures.yaml": "troops:\n  value: \"28,500\"\n  label: US troops\n  source: DoD\n  url: https://example.org/\n",
        ]
        let corpus = URL(fileURLWithPath: #filePath).appendingPathComponent("../../../../Fuzz/corpus/page").standardizedFileURL
        let names = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0.hasPrefix("regression-") }
        #expect(!names.isEmpty)
        for name in names {
            let bytes = try Data(contentsOf: corpus.appendingPathComponent(name))
            // As `FuzzInput`: the first byte picks the settings, the rest is the page.
            let selector = bytes.first ?? 0
            page.settings = """
                title: Briefing
                baseURL: https://example.org/
                markdown:
                  smartPunctuation: \(selector & 1 == 1)
                  unsafe: \(selector & 2 == 2)

                """
            _ = try? page.render(String(decoding: bytes.dropFirst(), as: UTF8.self))
        }
    }

    @Test func frontMatterErrorsStopItAsTheyStopABuild() throws {
        let page = try SinglePage(partials: DefaultTheme.partialTexts())
        #expect(throws: BuildFailure.self) { try page.render("---\ntitle: [\n---\n") }
    }
}
