import BriefingSupport

/// The numbered sources of one page: its front matter `sources` first, then the sources of the tables
/// and figures it cites, in the order they appear; a source cited twice keeps its first number.
struct Citations {
    private(set) var sources: [SourceReference] = []
    private var numbers: [Key: Int] = [:]
    private var publishers: [Key: Int] = [:]
    /// The first source at each address: a table or figure naming its source in other words (a
    /// translation, "미국 국무부" for "US Department of State") at the same address cites that entry.
    private var addresses: [String: Int] = [:]

    private struct Key: Hashable {
        var title: String
        var url: String?
    }

    init(frontMatter: [SourceReference]) {
        // Each entry the editor listed is its own, whatever its address.
        for source in frontMatter { _ = cite(source, byAddress: false) }
    }

    /// The source's number, 1-based. A figure or table that names only a publisher ("Statista"), or
    /// names its source otherwise at an address the page cites already, cites that entry rather than a
    /// second one.
    mutating func cite(_ source: SourceReference) -> Int {
        cite(source, byAddress: true)
    }

    private mutating func cite(_ source: SourceReference, byAddress: Bool) -> Int {
        let key = Key(title: source.title, url: source.url)
        if let number = numbers[key] ?? publishers[key] { return number }
        if byAddress, let url = source.url, let number = addresses[url] { return number }
        sources.append(source)
        numbers[key] = sources.count
        if let publisher = source.publisher {
            let publisherKey = Key(title: publisher, url: source.url)
            if publishers[publisherKey] == nil { publishers[publisherKey] = sources.count }
        }
        if let url = source.url, addresses[url] == nil { addresses[url] = sources.count }
        return sources.count
    }
}
