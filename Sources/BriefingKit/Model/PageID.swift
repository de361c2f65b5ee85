/// A page of one build's `SiteModel`: its place in `pages`, typed so that it cannot be mixed up with
/// the other integers of a build (list page numbers, tag numbers, counts).
public struct PageID: Sendable, Hashable, Comparable {
    public let index: Int

    init(_ index: Int) {
        self.index = index
    }

    public static func < (lhs: PageID, rhs: PageID) -> Bool { lhs.index < rhs.index }
}
