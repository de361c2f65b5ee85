import Testing
@testable import BriefingKit

/// Briefing's strikethrough against Debian's `cmark-gfm` on every short line of tildes, letters, Hangul,
/// spaces, punctuation and escaped tildes: how runs of different lengths, the rule of three and escapes
/// pair is easy to get subtly wrong, and a wrong pairing strikes the figure the editor kept.
@Suite struct StrikethroughConformanceTests {
    static let pieces = ["~", "~~", "a", " ", "월", ".", "\\~"]

    @Test func everyShortLineStrikesAsCmarkGFMDoes() throws {
        guard let oracle = GFMConformanceTests.oracle else {
            print("gfm strikethrough: skipped: cmark-gfm is not installed (apt-get install cmark-gfm; .ci/run installs it)")
            return
        }
        // Every line of up to five pieces with a tilde in it, each its own paragraph after a word, so that
        // no line is a fence or a list item.
        var lines = [""]
        var documents: [String] = []
        for _ in 1...5 {
            lines = lines.flatMap { line in Self.pieces.map { line + $0 } }
            documents += lines.filter { $0.contains("~") }.map { "x" + $0 + "\n" }
        }
        // A single tilde between letters is a range in Briefing, where GitHub may strike (`StrikethroughTests`).
        documents.removeAll { $0.contains(/[xa월]~[a월]/) }
        let expected = try GFMConformanceTests.runOracle(oracle, on: documents)
        var failed = 0
        for (document, gfm) in zip(documents, expected) {
            let ours = TransformHarness.run(document, [Strikethrough()]).html
            guard ours != gfm else { continue }
            failed += 1
            if failed <= 20 { Issue.record("strikethrough differs from cmark-gfm's:\n\(document)--- cmark-gfm:\n\(gfm)--- Briefing:\n\(ours)") }
        }
        print("gfm strikethrough: \(documents.count - failed) passed, \(failed) failed")
        #expect(failed == 0)
    }
}
