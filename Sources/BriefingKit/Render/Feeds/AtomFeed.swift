import BriefingSupport

/// An Atom feed (RFC 4287) of a site's pages, newest first as the caller orders them.
struct AtomFeed: Sendable {
    struct Entry: Sendable {
        var title: String
        /// Absolute; it is also the entry's permanent id.
        var url: String
        /// An ISO date or timestamp as written in front matter.
        var published: String?
        var updated: String?
        var authors: [String]
        var summary: String?
        /// Rendered HTML, written escaped inside `<content type="html">`.
        var contentHTML: String?
        /// The entry's own language, when it is not the feed's (a page's front matter `lang:`).
        var language: String?
    }

    var title: String
    var subtitle: String?
    /// Absolute and ending with `/`; it is also the feed's id.
    var siteURL: String
    var feedURL: String
    var language: String
    var authors: [String]
    var entries: [Entry]
    var generator = "Briefing"

    /// What Atom's mandatory `<updated>` says when no date is known (a feed without entries): the time
    /// of the build, never 1970.
    var buildTime: String

    func render() -> String {
        let dated = entries.map { entry in
            entry.updated.flatMap(FeedDate.init) ?? entry.published.flatMap(FeedDate.init)
        }
        let newest = dated.compactMap { $0 }.max { $0.instant < $1.instant }
        var lines = [
            #"<?xml version="1.0" encoding="utf-8"?>"#,
            #"<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\#(XMLText.escaped(language))">"#,
            "  <title>\(XMLText.escaped(title))</title>",
        ]
        if let subtitle, !subtitle.isEmpty {
            lines.append("  <subtitle>\(XMLText.escaped(subtitle))</subtitle>")
        }
        lines += [
            #"  <link rel="self" type="application/atom+xml" href="\#(XMLText.escaped(feedURL))"/>"#,
            #"  <link rel="alternate" type="text/html" href="\#(XMLText.escaped(siteURL))"/>"#,
            "  <id>\(XMLText.escaped(siteURL))</id>",
            "  <updated>\(newest?.timestamp ?? buildTime)</updated>",
        ]
        lines += AtomFeed.authorElements(feedAuthors, indent: "  ")
        lines.append("  <generator>\(XMLText.escaped(generator))</generator>")
        for (entry, date) in zip(entries, dated) {
            lines += entryElement(entry, updated: date)
        }
        lines.append("</feed>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Atom requires an author for every entry (RFC 4287 §4.1.1): an entry without one inherits the feed's,
    /// so the feed needs one whenever an entry lacks it, falling back to the site's title.
    private var feedAuthors: [String] {
        let named = AtomFeed.names(authors)
        guard named.isEmpty, entries.contains(where: { AtomFeed.names($0.authors).isEmpty }) else { return named }
        return [title]
    }

    private func entryElement(_ entry: Entry, updated: FeedDate?) -> [String] {
        var lines = [
            entry.language.map { #"  <entry xml:lang="\#(XMLText.escaped($0))">"# } ?? "  <entry>",
            "    <title>\(XMLText.escaped(entry.title))</title>",
            #"    <link rel="alternate" type="text/html" href="\#(XMLText.escaped(entry.url))"/>"#,
            "    <id>\(XMLText.escaped(entry.url))</id>",
            "    <updated>\(updated?.timestamp ?? buildTime)</updated>",
        ]
        if let published = entry.published.flatMap(FeedDate.init) {
            lines.append("    <published>\(published.timestamp)</published>")
        }
        lines += AtomFeed.authorElements(AtomFeed.names(entry.authors), indent: "    ")
        if let summary = entry.summary, !summary.isEmpty {
            lines.append(#"    <summary type="text">\#(XMLText.escaped(summary))</summary>"#)
        }
        if let content = entry.contentHTML, !content.isEmpty {
            lines.append(#"    <content type="html">\#(XMLText.escaped(content))</content>"#)
        }
        lines.append("  </entry>")
        return lines
    }

    private static func names(_ authors: [String]) -> [String] {
        authors.filter { !$0.isEmpty }
    }

    private static func authorElements(_ names: [String], indent: String) -> [String] {
        names.flatMap { name in
            ["\(indent)<author>", "\(indent)  <name>\(XMLText.escaped(name))</name>", "\(indent)</author>"]
        }
    }
}
