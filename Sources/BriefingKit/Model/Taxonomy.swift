import BriefingSupport

/// The tags of the site and the pages related to each page, worked out once from the model.
struct Taxonomy: Sendable {
    struct Tag: Sendable {
        var name: String
        var slug: String
        /// Tags are per language: the pages of `ko/tags/scm/` are the Korean pages tagged `scm`.
        var language = 0
        /// Newest first.
        var pages: [PageID]
        /// Only drafts have it (a `--drafts` preview): its page is no more announced than theirs.
        var isDraftOnly = false
    }

    /// By slug, sorted by name for the tags index.
    let tags: [Tag]
    /// For each page, by its index, its related pages.
    let related: [[PageID]]
    /// Tags listed under another's name because their addresses are the same once punctuation is dropped
    /// (`C` under `C++`, both `tags/c/`): the page that used the name first, the name, and the tag's.
    private(set) var merged: [(page: PageID, name: String, shownAs: String)] = []

    static let empty = Taxonomy(tags: [], related: [])

    /// The tags the sitemap lists: not those only drafts have.
    var announcedTags: [Tag] { tags.filter { !$0.isDraftOnly } }

    private init(tags: [Tag], related: [[PageID]]) {
        self.tags = tags
        self.related = related
    }

    /// A fingerprint of everything the taxonomy is made from: each page's path, kind, section, tags and
    /// place in the order, and how many related pages a page lists. The same key gives the same
    /// taxonomy, so `serve` keeps it across an edit of a page's text.
    static func key(of model: SiteModel) -> UInt64 {
        var key = Fingerprint()
        key.add(model.settings.relatedCount)
        key.add(model.pages.count)
        // By index: a copy of a page is a retain for each of its fields.
        for index in model.pages.indices {
            key.add(model.pages[index].source.relativePath)
            key.add(model.pages[index].kind.rawValue)
            key.add(model.pages[index].sectionPath)
            key.add(model.pages[index].metadata.draft ? 1 : 0)
            key.add(model.pages[index].metadata.tags.count)
            for tag in model.pages[index].metadata.tags { key.add(tag) }
            key.add(model.recency[index])
        }
        return key.value
    }

    init(model: SiteModel) {
        // Tags numbered as first met. A site has tens of tags and tens of thousands of uses of them: each
        // name is looked up once a use, and made a slug once.
        var numbers: [String: Int] = [:]
        var numbersBySlug: [String: Int] = [:]
        var found: [Tag] = []
        var merged: [(page: PageID, name: String, shownAs: String)] = []
        var pageTags = [[Int]](repeating: [], count: model.pages.count)
        // By index: a copy of a page is a retain for each of its fields.
        for index in model.pages.indices where model.pages[index].kind == .page {
            let language = model.pages[index].language
            for name in model.pages[index].metadata.tags {
                // The default language's tags by name, the others' by language and name.
                let key = language == 0 ? name : "\(language):\(name)"
                let number: Int
                if let known = numbers[key] {
                    number = known
                } else {
                    let slug = Taxonomy.slug(name)
                    let slugKey = language == 0 ? slug : "\(language):\(slug)"
                    if let known = numbersBySlug[slugKey] {
                        number = known
                        if Taxonomy.spelling(name) != Taxonomy.spelling(found[known].name) {
                            merged.append((PageID(index), name, found[known].name))
                        }
                    } else {
                        number = found.count
                        found.append(Tag(name: name, slug: slug, language: language, pages: []))
                        numbersBySlug[slugKey] = number
                    }
                    numbers[key] = number
                }
                // A page is filed under a tag once, however many of its names lead there (`Budget`, `budget`):
                // all of this page's uses of the tag come before the next page's.
                guard found[number].pages.last != PageID(index) else { continue }
                found[number].pages.append(PageID(index))
                pageTags[index].append(number)
            }
        }
        for number in found.indices {
            found[number].pages.sort { model.recency[$0.index] < model.recency[$1.index] }
            found[number].isDraftOnly = found[number].pages.allSatisfy { model.pages[$0.index].metadata.draft }
        }
        let order = found.indices.sorted { lhs, rhs in
            let left = found[lhs].name.lowercased(), right = found[rhs].name.lowercased()
            return left != right ? left < right : found[lhs].language < found[rhs].language
        }
        var renumbered = [Int](repeating: 0, count: found.count)
        for (position, number) in order.enumerated() { renumbered[number] = position }
        tags = order.map { found[$0] }
        related = RelatedPages(model: model, tags: tags, pageTags: pageTags.map { $0.map { renumbered[$0] } }).all()
        self.merged = merged
    }

    static func slug(_ name: String) -> String { HeadingAnchors.slug(name) }

    /// A tag name as its letters, digits and punctuation, without case, spaces, dashes or underscores:
    /// `Burden sharing` and `burden-sharing` are one tag spelt two ways, `C` and `C++` two tags.
    private static func spelling(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { scalar in
            !scalar.properties.isWhitespace && scalar.properties.generalCategory != .dashPunctuation && scalar != "_"
        }.map(Character.init))
    }

    /// Warnings for the tags listed under another's name, at the front matter of the page that used
    /// each first.
    func mergedWarnings(in model: SiteModel) -> [Diagnostic] {
        merged.map { merge in
            let page = model[merge.page]
            let slug = Taxonomy.slug(merge.name)
            return page.source.file.diagnostic(
                .warning,
                "tag '\(merge.name)' has the address of tag '\(merge.shownAs)' (tags/\(slug)/) and is listed under that name; rename one if they are different tags",
                at: page.metadata.locations["tags"] ?? page.source.file.location(line: 1, column: 1)
            )
        }
    }
}

/// Shared tags first, then the same section, then the most recent: the reading list under an article.
/// Candidates come from the newest pages of each of the page's tags, so the cost per page stays bounded
/// however large the site grows.
private struct RelatedPages {
    let model: SiteModel
    let count: Int
    /// Per tag, by its number in the taxonomy: the newest pages that may be suggested.
    let candidates: [ArraySlice<PageID>]
    /// Per page, the numbers of its tags, each once.
    let pageTags: [[Int]]
    /// Per page, its position among the site's pages newest first.
    let rank: [Int]
    /// Per page, its section by number, so comparing two pages' sections compares integers.
    let section: [Int]

    init(model: SiteModel, tags: [Taxonomy.Tag], pageTags: [[Int]]) {
        self.model = model
        count = model.settings.relatedCount
        candidates = tags.map { $0.pages.prefix(200) }
        self.pageTags = pageTags
        var rank = [Int](repeating: Int.max, count: model.pages.count)
        for (position, id) in model.newestPages.enumerated() { rank[id.index] = position }
        self.rank = rank
        var sectionNumbers: [String: Int] = [:]
        for index in model.pages.indices where sectionNumbers[model.pages[index].sectionKey] == nil {
            sectionNumbers[model.pages[index].sectionKey] = sectionNumbers.count
        }
        section = model.pages.indices.map { sectionNumbers[model.pages[$0].sectionKey]! }
    }

    /// Every page's list, the pages in runs: each run counts shared tags in one array as long as the site.
    func all() -> [[PageID]] {
        let pageCount = model.pages.count
        let runLength = max(64, pageCount / 64)
        let runs = stride(from: 0, to: pageCount, by: runLength).map { $0..<min($0 + runLength, pageCount) }
        return parallelMap(runs) { run in
            var counts = [Int32](repeating: 0, count: pageCount)
            var seen: [Int] = []
            return counts.withUnsafeMutableBufferPointer { shared in
                run.map { related(to: $0, shared: shared, seen: &seen) }
            }
        }.flatMap { $0 }
    }

    /// `shared` is all zeros on entry and on return; `seen` is scratch space.
    private func related(to index: Int, shared: UnsafeMutableBufferPointer<Int32>, seen: inout [Int]) -> [PageID] {
        guard model.pages[index].kind == .page else { return [] }
        // A page shares as many tags with a candidate as the candidate appears in its tags' lists.
        seen.removeAll(keepingCapacity: true)
        for tag in pageTags[index] {
            for candidate in candidates[tag].lazy.map(\.index) where candidate != index {
                if shared[candidate] == 0 { seen.append(candidate) }
                shared[candidate] += 1
            }
        }
        // Keep the best few while scanning instead of sorting every candidate. The order is total (ranks
        // differ), so the order of the scan does not change the choice.
        func better(_ lhs: Int, than rhs: Int) -> Bool {
            if shared[lhs] != shared[rhs] { return shared[lhs] > shared[rhs] }
            let left = section[lhs] == section[index]
            let right = section[rhs] == section[index]
            if left != right { return left }
            return rank[lhs] < rank[rhs]
        }
        var best: [Int] = []
        for candidate in seen {
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
        for candidate in seen { shared[candidate] = 0 }
        var related = best.map(PageID.init)
        for fillers in [model.sections[model.pages[index].sectionKey]?.pages ?? [], model.newest(in: model.pages[index].language)] {
            for candidate in fillers where candidate.index != index && !related.contains(candidate) {
                guard related.count < count else { return related }
                related.append(candidate)
            }
        }
        return related
    }
}
