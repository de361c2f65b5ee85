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
            tag.pages.sort { newestFirst(model.pages[$0], model.pages[$1]) }
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
        let tagPages = Dictionary(uniqueKeysWithValues: tags.map { ($0.slug, $0.pages.prefix(perTag)) })
        let newest = model.pages.indices.filter { model.pages[$0].kind == .page }
            .sorted { newestFirst(model.pages[$0], model.pages[$1]) }
        var rank = [Int](repeating: Int.max, count: model.pages.count)
        for (position, index) in newest.enumerated() { rank[index] = position }
        return model.pages.indices.map { index in
            let page = model.pages[index]
            guard page.kind == .page else { return [] }
            var shared: [Int: Int] = [:]
            for tag in Set(page.metadata.tags.map(slug)) {
                for candidate in tagPages[tag] ?? [] where candidate != index { shared[candidate, default: 0] += 1 }
            }
            // Keep the best few while scanning instead of sorting every candidate.
            func better(_ lhs: Int, than rhs: Int) -> Bool {
                if shared[lhs]! != shared[rhs]! { return shared[lhs]! > shared[rhs]! }
                let left = model.pages[lhs].sectionPath == page.sectionPath
                let right = model.pages[rhs].sectionPath == page.sectionPath
                if left != right { return left }
                return rank[lhs] < rank[rhs]
            }
            var chosen: [Int] = []
            for candidate in shared.keys {
                if chosen.count < count {
                    chosen.append(candidate)
                } else if better(candidate, than: chosen[count - 1]) {
                    chosen[count - 1] = candidate
                } else {
                    continue
                }
                var position = chosen.count - 1
                while position > 0, better(chosen[position], than: chosen[position - 1]) {
                    chosen.swapAt(position, position - 1)
                    position -= 1
                }
            }
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
