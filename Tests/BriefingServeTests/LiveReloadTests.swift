import Testing
@testable import BriefingServe

/// The script added to pages, and the events it reads.
@Suite
struct LiveReloadTests {
    @Test func scriptGoesBeforeTheLastBodyEnd() {
        let page = "<html><body><pre>&lt;/body&gt;</pre>\n</BODY></html>"
        let injected = LiveReloadScript.inject(into: page, build: "abc-1")
        #expect(injected.hasPrefix("<html><body><pre>&lt;/body&gt;</pre>\n<script data-briefing-live-reload>"))
        #expect(injected.hasSuffix("</script>\n</BODY></html>"))
        #expect(injected.contains("new EventSource(\"/__briefing/events?since=abc-1&page=\" + encodeURIComponent(location.pathname))"))
    }

    @Test func aPageWithoutBodyGetsTheScriptAtTheEnd() {
        let injected = LiveReloadScript.inject(into: "<p>fragment</p>", build: "b")
        #expect(injected.hasPrefix("<p>fragment</p><script data-briefing-live-reload>"))
    }

    /// A `</body>` in a trailing comment took the script into the comment: that page never reloaded.
    @Test func aBodyEndInsideACommentIsPassedOver() {
        let page = "<html><body>A</body></html>\n<!-- closes at </body> -->"
        #expect(LiveReloadScript.inject(into: page, build: "b").hasPrefix(page + "<script data-briefing-live-reload>"))
        let closed = "<body><!-- a note --></body>"
        #expect(LiveReloadScript.inject(into: closed, build: "b").hasPrefix("<body><!-- a note --><script"))
    }

    /// Before any build succeeded there is no last good version to speak of.
    @Test func theOverlaySaysWhetherAGoodVersionIsShown() {
        #expect(LiveReloadScript.tag(build: "b").contains("\"Build failed: this is the last good version of the page\""))
        #expect(LiveReloadScript.tag(build: "b", hasGoodVersion: false).contains("\"Build failed: the site has not built yet; fix the errors below\""))
    }

    @Test func theOverlayNeverParsesTheErrorAsHTML() {
        let script = LiveReloadScript.tag(build: "b")
        #expect(script.contains(".textContent = text"))
        #expect(!script.contains(".innerHTML"))
        #expect(script.contains("role\", \"alertdialog\""))
    }

    @Test func eventsOnTheWire() {
        #expect(ServerSentEvent.reload(build: "abc-2").text == "event: reload\ndata: abc-2\n\n")
        #expect(ServerSentEvent.retry(milliseconds: 500).text == "retry: 500\n\n")
        let error = ServerSentEvent.error("a.md:1:2: error: bad\r\ntitle: [x\n  ^\n1 error\n")
        #expect(error.text == "event: error\ndata: a.md:1:2: error: bad\ndata: title: [x\ndata:   ^\ndata: 1 error\n\n")
    }
}
