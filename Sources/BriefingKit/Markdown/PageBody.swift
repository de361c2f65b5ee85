import BriefingSupport

/// What a page's Markdown became that only the page's own template shows. A build makes it just
/// before the page's template renders and lets it go right after, so it holds a few pages' HTML at a
/// time rather than the whole site's (150 MB at 10,000 pages).
struct PageBody: Sendable, Equatable {
    /// UTF-8, as cmark wrote it.
    var html: [UInt8]
    var toc: TableOfContents
    var wordCount: Int
    /// Front matter sources, then the sources of the tables and figures the page cites, numbered.
    var sources: [SourceReference]
    /// Questions and answers of the page's FAQ sections, for FAQPage JSON-LD.
    var faq: [FAQSections.Entry]
    /// Han and Kana characters, read one by one (see `PlainText.readingCounts`).
    var characterCount = 0

    /// The HTML as text, for what shows one page's body alone (a single-page render, a test).
    var htmlText: String { String(decoding: html, as: UTF8.self) }

    /// Minutes to read: 230 words a minute, and 500 Han or Kana characters a minute.
    var readingMinutes: Int { max(1, (wordCount * 500 + characterCount * 230 + 114_999) / 115_000) }

    /// Stands for the body in its page's output fingerprint, and in the build cache: it changes whenever
    /// anything the page's template can show of the body does.
    var fingerprint: UInt64 {
        var fingerprint = Fingerprint()
        fingerprint.add(html)
        PageBody.add(toc.entries, to: &fingerprint)
        fingerprint.add(wordCount)
        fingerprint.add(characterCount)
        fingerprint.add(sources.count)
        for source in sources {
            fingerprint.add(source.title)
            for part in [source.url, source.publisher, source.date?.iso, source.language] { fingerprint.add(optional: part) }
        }
        fingerprint.add(faq.count)
        for entry in faq {
            fingerprint.add(entry.question)
            fingerprint.add(entry.answer)
        }
        return fingerprint.value
    }

    private static func add(_ entries: [TOCEntry], to fingerprint: inout Fingerprint) {
        fingerprint.add(entries.count)
        for entry in entries {
            fingerprint.add(entry.level)
            fingerprint.add(entry.id)
            fingerprint.add(entry.title)
            add(entry.children, to: &fingerprint)
        }
    }
}

/// What the rest of the site needs to know about a page's Markdown: small, held for every page.
struct PageFacts: Sendable {
    /// The ids links from other pages may point at: its headings', and those its transforms reserved.
    var headingIDs: Set<String>
    /// The first paragraph as plain text, the excerpt lists show of a page without a summary; empty for
    /// a page with one.
    var firstParagraph: String
}

/// What a page's Markdown gave besides its body: what this build and the next one need of every page.
/// `bodyHash` (the body's `fingerprint`) stands for the body, which is made again only when the page's
/// output must be rendered again.
struct PageRecord: Sendable {
    var bodyHash: UInt64
    var facts: PageFacts
    var diagnostics: [Diagnostic]
    var fragments: [FragmentReference]
}

/// Where a page's Markdown output comes from in a build.
enum PageMarkdown: Sendable {
    /// The page's file is unchanged since the last build, whose cache knows what its Markdown gave; the
    /// body is made again only if the page's output must be rendered.
    case reused(PageRecord)
    /// Rendered before the lists were made, since they show part of it.
    case rendered(PageBody, PageRecord)
    /// Rendered with its page.
    case waiting

    /// What the page's Markdown gave, when that is known before its page renders.
    var record: PageRecord? {
        switch self {
        case .reused(let record), .rendered(_, let record): record
        case .waiting: nil
        }
    }
}
