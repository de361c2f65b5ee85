/// The tags of the site and the pages related to each page, worked out once from the model.
struct Taxonomy: Sendable {
    struct Tag: Sendable {
        var name: String
        var slug: String
        /// Page indexes, newest first.
        var pages: [Int]
    }

    /// By slug, sorted by name for the tags index.
    let tags: [Tag]
    /// For each page index, the indexes of its related pages.
    let related: [[Int]]

    static let route = "tags/"

    init(model: SiteModel) {
        var byTag: [String: Tag] = [:]
        for (index, page) in model.pages.enumerated() where page.kind == .page {
            for name in page.metadata.tags {
                let slug = Taxonomy.slug(name)
                byTag[slug, default: Tag(name: name, slug: slug, pages: [])].pages.append(index)
            }
        }
        tags = byTag.values.map { tag in
            var tag = tag
            tag.pages.sort { model.recency[$0] < model.recency[$1] }
            return tag
        }.sorted { $0.name.lowercased() < $1.name.lowercased() }
        related = Taxonomy.relatedPages(model: model, tags: tags)
    }

    static func slug(_ name: String) -> String { HeadingAnchors.slug(name) }

    static func route(ofTag slug: String) -> String { route + slug + "/" }

    /// Shared tags first, then the same section, then the most recent: the reading list under an article.
    /// Candidates come from the newest pages of each of the page's tags, so the cost per page stays
    /// bounded however large the site grows.
    private static func relatedPages(model: SiteModel, tags: [Tag]) -> [[Int]] {
        let count = model.settings.relatedCount
        let perTag = 200
        let newest = model.newestPages
        var ranks = [Int](repeating: Int.max, count: model.pages.count)
        for (position, index) in newest.enumerated() { ranks[index] = position }
        let rank = ranks
        // Each tag's newest pages by rank, ascending: a tag's list is newest first already.
        let tagRanks = Dictionary(uniqueKeysWithValues: tags.map { ($0.slug, $0.pages.prefix(perTag).map { rank[$0] }) })
        // Sections by number, so comparing two pages' sections compares integers.
        var sectionNumbers: [String: Int] = [:]
        for page in model.pages where sectionNumbers[page.sectionPath] == nil { sectionNumbers[page.sectionPath] = sectionNumbers.count }
        let section = model.pages.map { sectionNumbers[$0.sectionPath]! }
        return parallelMap(Array(model.pages.indices)) { index in
            let page = model.pages[index]
            guard page.kind == .page else { return [] }
            // A page shares as many tags with a candidate as the candidate appears in its tags' lists:
            // merging the sorted lists counts them without a dictionary or a sort per page.
            let lists = Set(page.metadata.tags.map(slug)).compactMap { tagRanks[$0] }
            var heads = [Int](repeating: 0, count: lists.count)
            var shared: [(page: Int, tags: Int)] = []
            while true {
                var lowest = Int.max
                for (list, head) in zip(lists, heads) where head < list.count { lowest = min(lowest, list[head]) }
                guard lowest != Int.max else { break }
                var count = 0
                for position in lists.indices where heads[position] < lists[position].count && lists[position][heads[position]] == lowest {
                    heads[position] += 1
                    count += 1
                }
                let candidate = newest[lowest]
                if candidate != index { shared.append((candidate, count)) }
            }
            // Keep the best few while scanning instead of sorting every candidate.
            func better(_ lhs: (page: Int, tags: Int), than rhs: (page: Int, tags: Int)) -> Bool {
                if lhs.tags != rhs.tags { return lhs.tags > rhs.tags }
                let left = section[lhs.page] == section[index]
                let right = section[rhs.page] == section[index]
                if left != right { return left }
                return rank[lhs.page] < rank[rhs.page]
            }
            var best: [(page: Int, tags: Int)] = []
            for candidate in shared {
                if best.count < count {
                    best.append(candidate)
                } else if better(candidate, than: best[count - 1]) {
                    best[count - 1] = candidate
                } else {
                    continue
                }
                var position = best.count - 1
                while position > 0, better(best[position], than: best[position - 1]) {
                    best.swapAt(position, position - 1)
                    position -= 1
                }
            }
            var chosen = best.map(\.page)
            for fillers in [model.sections[page.sectionPath]?.pages ?? [], newest] {
                for candidate in fillers where candidate != index && !chosen.contains(candidate) {
                    guard chosen.count < count else { return chosen }
                    chosen.append(candidate)
                }
            }
            return chosen
        }
    }
}
