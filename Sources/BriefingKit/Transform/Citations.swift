import BriefingSupport

/// The numbered sources of one page: its front matter `sources` first, then the sources of the tables
/// and figures it cites, in the order they appear; a source cited twice keeps its first number.
struct Citations {
    private(set) var sources: [SourceReference] = []
    private var numbers: [Key: Int] = [:]
    private var publishers: [Key: Int] = [:]

    private struct Key: Hashable {
        var title: String
        var url: String?
    }

    init(frontMatter: [SourceReference]) {
        for source in frontMatter { _ = cite(source) }
    }

    /// Sources at `url` are listed at `published` (a page's own address for its `x.md`); they are still
    /// cited by the address written.
    mutating func list(_ url: String, at published: String) {
        for index in sources.indices where sources[index].url == url { sources[index].url = published }
    }

    /// The source's number, 1-based. A figure or table that names only a publisher ("Statista") cites
    /// the front matter entry from that publisher at the same address rather than a second entry.
    mutating func cite(_ source: SourceReference) -> Int {
        let key = Key(title: source.title, url: source.url)
        if let number = numbers[key] ?? publishers[key] { return number }
        sources.append(source)
        numbers[key] = sources.count
        if let publisher = source.publisher {
            let publisherKey = Key(title: publisher, url: source.url)
            if publishers[publisherKey] == nil { publishers[publisherKey] = sources.count }
        }
        return sources.count
    }
}
