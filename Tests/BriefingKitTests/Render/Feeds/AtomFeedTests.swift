import Testing
@testable import BriefingKit
@testable import BriefingMarkdown
@testable import BriefingSupport

@Suite struct AtomFeedTests {
    private func feed(authors: [String] = ["Briefing Desk"], entries: [AtomFeed.Entry]) -> AtomFeed {
        AtomFeed(
            title: "Briefing", subtitle: "Notes on deterrence", siteURL: "https://example.org/",
            feedURL: "https://example.org/feed.xml", language: "en", authors: authors, entries: entries,
            buildTime: "2026-12-05T00:00:00Z"
        )
    }

    private func entry(_ title: String, published: String? = "2026-03-01", authors: [String] = []) -> AtomFeed.Entry {
        AtomFeed.Entry(title: title, url: "https://example.org/a/", published: published, authors: authors)
    }

    @Test func smallFeed() {
        let xml = feed(entries: [
            AtomFeed.Entry(
                title: "Tripwire forces", url: "https://example.org/deterrence/tripwire/",
                published: "2026-03-12 09:30", authors: ["A. Writer"], summary: "Why small garrisons deter.",
                contentHTML: "<p>Small <em>garrisons</em> &amp; big signals.</p>"
            ),
            AtomFeed.Entry(
                title: "Second-strike basics", url: "https://example.org/deterrence/second-strike/",
                published: "2026-02-01", updated: "2026-03-01", authors: []
            ),
        ]).render()
        #expect(xml == """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
              <title>Briefing</title>
              <subtitle>Notes on deterrence</subtitle>
              <link rel="self" type="application/atom+xml" href="https://example.org/feed.xml"/>
              <link rel="alternate" type="text/html" href="https://example.org/"/>
              <id>https://example.org/</id>
              <updated>2026-03-12T09:30:00Z</updated>
              <author>
                <name>Briefing Desk</name>
              </author>
              <generator>Briefing</generator>
              <entry>
                <title>Tripwire forces</title>
                <link rel="alternate" type="text/html" href="https://example.org/deterrence/tripwire/"/>
                <id>https://example.org/deterrence/tripwire/</id>
                <updated>2026-03-12T09:30:00Z</updated>
                <published>2026-03-12T09:30:00Z</published>
                <author>
                  <name>A. Writer</name>
                </author>
                <summary type="text">Why small garrisons deter.</summary>
                <content type="html">&lt;p&gt;Small &lt;em&gt;garrisons&lt;/em&gt; &amp;amp; big signals.&lt;/p&gt;</content>
              </entry>
              <entry>
                <title>Second-strike basics</title>
                <link rel="alternate" type="text/html" href="https://example.org/deterrence/second-strike/"/>
                <id>https://example.org/deterrence/second-strike/</id>
                <updated>2026-03-01T00:00:00Z</updated>
                <published>2026-02-01T00:00:00Z</published>
              </entry>
            </feed>

            """)
        let parsed = ParsedXML(xml)
        #expect(parsed.error == nil)
        #expect(parsed.texts["content"] == ["<p>Small <em>garrisons</em> &amp; big signals.</p>"])
    }

    @Test func markupInTextIsEscapedAndReadsBack() {
        let title = #"<script>alert("x")</script> & 'quotes'"#
        let content = #"<p title="a&b">Tom's <script>x()</script></p>"#
        var item = entry(title, authors: [#"O'Brien & "Sons""#])
        item.summary = "1 < 2 > 0"
        item.contentHTML = content
        let xml = feed(entries: [item]).render()
        #expect(xml.contains("<title>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;</title>"))
        #expect(xml.contains(
            "<content type=\"html\">&lt;p title=&quot;a&amp;b&quot;&gt;Tom&#39;s &lt;script&gt;x()&lt;/script&gt;&lt;/p&gt;</content>"
        ))
        let parsed = ParsedXML(xml)
        #expect(parsed.error == nil)
        #expect(parsed.texts["title"] == ["Briefing", title])
        #expect(parsed.texts["content"] == [content])
        #expect(parsed.texts["summary"] == ["1 < 2 > 0"])
        #expect(parsed.texts["name"] == ["Briefing Desk", #"O'Brien & "Sons""#])
    }

    @Test func forbiddenCharactersAreDropped() {
        let xml = feed(entries: [entry("Bell\u{07}\u{00}\u{1B}ed\u{FFFE}\u{FFFF}\tand\nkept")]).render()
        #expect(xml.contains("<title>Belled\tand\nkept</title>"))
        let parsed = ParsedXML(xml)
        #expect(parsed.error == nil)
        #expect(parsed.texts["title"]?.last == "Belled\tand\nkept")
    }

    @Test func feedUpdatedIsTheNewestEntryInAnyZone() {
        let xml = feed(entries: [
            entry("Tokyo morning", published: "2026-03-12T09:00:00+09:00"),
            entry("London night", published: "2026-03-12T01:00:00Z"),
            entry("Earlier day", published: "2026-03-11"),
        ]).render()
        #expect(xml.contains("</title>\n  <subtitle>Notes on deterrence</subtitle>"))
        #expect(xml.contains("<id>https://example.org/</id>\n  <updated>2026-03-12T01:00:00Z</updated>"))
        #expect(xml.contains("<published>2026-03-12T09:00:00+09:00</published>"))
    }

    /// Only a feed without entries (every page is dated by assembly) has no date of its own: it says
    /// the day of the build, never 1970.
    @Test func undatedFeedAndEntry() {
        let xml = feed(entries: [entry("Someday", published: "next spring")]).render()
        #expect(xml.contains("<id>https://example.org/</id>\n  <updated>2026-12-05T00:00:00Z</updated>"))
        #expect(xml.contains("<id>https://example.org/a/</id>\n    <updated>2026-12-05T00:00:00Z</updated>\n  </entry>"))
        #expect(!xml.contains("<published>"))
        #expect(feed(entries: []).render().contains("<updated>2026-12-05T00:00:00Z</updated>"))
    }

    @Test func everyEntryHasAnAuthor() {
        let titleAsAuthor = feed(authors: [], entries: [entry("Anonymous")]).render()
        #expect(titleAsAuthor.contains("  <author>\n    <name>Briefing</name>\n  </author>\n  <generator>"))
        let allSigned = feed(authors: [""], entries: [entry("Signed", authors: ["A. Writer"])]).render()
        #expect(allSigned.contains("</updated>\n  <generator>"))
        #expect(ParsedXML(titleAsAuthor).error == nil)
        #expect(ParsedXML(allSigned).error == nil)
    }

    @Test func emptyOptionalTextIsLeftOut() {
        var item = entry("Bare")
        item.summary = ""
        item.contentHTML = ""
        var bare = feed(entries: [item])
        bare.subtitle = nil
        let xml = bare.render()
        #expect(!xml.contains("<subtitle>"))
        #expect(!xml.contains("<summary"))
        #expect(!xml.contains("<content"))
    }
}
