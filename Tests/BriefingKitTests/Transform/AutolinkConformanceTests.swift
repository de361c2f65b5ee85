import Testing
@testable import BriefingKit

/// Briefing's autolinks against Debian's `cmark-gfm -e autolink`: GFM's own examples, and seeded lines of
/// the pieces whose rules are easy to get subtly wrong (where an address starts, what ends it, brackets,
/// parentheses, underscores in a domain, e-mail addresses, letters beyond ASCII). Left out on purpose:
/// `&amp;` and `\\_` in an address (cmark-gfm writes them into the `href` as typed, Briefing as read), and
/// emphasis delimiters right after one (cmark has made them emphasis before the address is looked for).
@Suite struct AutolinkConformanceTests {
    static let examples = [
        "www.commonmark.org", "Visit www.commonmark.org/help for more information.", "Visit www.commonmark.org.",
        "Visit www.commonmark.org/a.b.", "www.google.com/search?q=Markup+(business)", "www.google.com/search?q=Markup+(business)))",
        "(www.google.com/search?q=Markup+(business))", "(www.google.com/search?q=Markup+(business)",
        "www.google.com/search?q=(business))+ok", "www.google.com/search?q=commonmark&hl=en", "www.google.com/search?q=commonmark&hl;",
        "www.commonmark.org/he<lp", "http://commonmark.org", "(Visit https://encrypted.google.com/search?q=Markup+(business))",
        "foo@bar.baz", "hello@mail+xyz.example isn't valid, but hello+xyz@mail.example is.", "a.b-c_d@a.b", "a.b-c_d@a.b.",
        "a.b-c_d@a.b-", "a.b-c_d@a.b_", "*www.commonmark.org*", "_https://www.state.gov/_", "**press@example.org**",
        "~~www.commonmark.org~~", "[a link](https://a.org) and https://b.org", "`https://a.org` and https://b.org",
    ]
    static let pieces = [
        "https://", "http://", "www.", "a", ".", "org", "b_c", "(", ")", "@", " ", "?", "-", "한", "'", ",", "/", "[", "]", ";", "x@y.kr", "~",
    ]

    @Test func addressesAreLinkedAsCmarkGFMLinksThem() throws {
        guard let oracle = GFMConformanceTests.oracle else {
            print("gfm autolinks: skipped: cmark-gfm is not installed (apt-get install cmark-gfm; .ci/run installs it)")
            return
        }
        var generator = SeededGenerator(seed: 0xA070)
        var lines: [String] = []
        while lines.count < 4_000 {
            let line = (0..<Int.random(in: 2...7, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            // A single tilde between letters is a range in Briefing, where GitHub may strike (`StrikethroughTests`).
            guard !line.contains(/[\p{L}\p{N}]~[\p{L}\p{N}]/) else { continue }
            // An address right after `](` is taken for a link's own (`Autolinks.mayHoldAddress`), which on a
            // page is what `](` writes; these lines put it there without a link.
            guard !line.contains("](") else { continue }
            if line.contains("www.") || line.contains("://") || line.contains("@") { lines.append(line) }
        }
        // Each line after a word, so that none is a list item, a heading or a link definition.
        let documents = Self.examples.map { $0 + "\n" } + lines.map { "x " + $0 + "\n" }
        let expected = try GFMConformanceTests.runOracle(oracle, on: documents)
        var failed = 0
        for (document, gfm) in zip(documents, expected) {
            let ours = TransformHarness.run(document, [Autolinks(), Strikethrough()]).html
            // Briefing links `www.` over https, where GitHub writes http.
            let theirs = gfm.replacing(/<a href="http:\/\/([^"]*)">www/) { "<a href=\"https://\($0.output.1)\">www" }
            guard ours != theirs else { continue }
            failed += 1
            if failed <= 20 { Issue.record("autolinks differ from cmark-gfm's:\n\(document)--- cmark-gfm:\n\(theirs)--- Briefing:\n\(ours)") }
        }
        print("gfm autolinks: \(documents.count - failed) passed, \(failed) failed")
        #expect(failed == 0)
    }
}
