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
