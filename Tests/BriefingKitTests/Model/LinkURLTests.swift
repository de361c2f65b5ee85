import Testing
@testable import BriefingKit
@testable import BriefingMarkdown
@testable import BriefingSupport

@Suite struct LinkURLTests {
    @Test(arguments: [
        "javascript:alert(1)", "JavaScript:alert(1)", " javascript:x", "\u{01}javascript:x", "java\tscript:x",
        "java\nscript:x", "vbscript:x", "data:text/html,x", "file:///etc/passwd", "ftp://example.org/",
    ])
    func refusesWhatABrowserWouldRun(_ url: String) {
        #expect(!LinkURL.isAllowed(url))
    }

    @Test(arguments: [
        "https://example.org/", "HTTP://example.org/", "mailto:a@example.org", "/deterrence/", "../a.md",
        "#sources", "", "a/b:c", "//example.org/x", "?q=javascript:x", "report.pdf#page=2",
    ])
    func allowsWebMailRelativeAndFragments(_ url: String) {
        #expect(LinkURL.isAllowed(url))
    }

    @Test func namesTheSchemeABrowserSees() {
        #expect(LinkURL.scheme(of: "  JaVa\tScRiPt:alert(1)") == "javascript")
        #expect(LinkURL.scheme(of: "../x") == nil)
    }
}
