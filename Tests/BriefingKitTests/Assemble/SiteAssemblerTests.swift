import Testing
@testable import BriefingKit
@testable import BriefingMarkdown
@testable import BriefingSupport

@Suite struct SiteAssemblerTests {
    private func model(_ pages: [(path: String, frontMatter: String)]) throws -> SiteModel {
        let files = pages.map { page in
            ContentFile(relativePath: page.path, file: SourceFile(path: "Content/" + page.path, text: "---\n\(page.frontMatter)\n---\nText.\n"))
        }
        return try PageAssembler(settings: SiteSettings(title: "Alliance", baseURL: .root), includeDrafts: false).build(files)
    }

    /// Newest first; on the same day a time sorts after midnight, and a day written with or without a time
    /// at midnight is the same instant, so weight and then title decide; undated pages come last.
    @Test func listsAreNewestFirstThenByWeightAndTitle() throws {
        let model = try model([
            ("news/undated.md", "title: Undated"),
            ("news/b.md", "title: Bravo\ndate: 2026-03-12"),
            ("news/a.md", "title: Alpha\ndate: 2026-03-12T00:00:00Z"),
            ("news/heavy.md", "title: Aardvark\ndate: 2026-03-12\nweight: 5"),
            ("news/light.md", "title: Zulu\ndate: 2026-03-12\nweight: 1"),
            ("news/later.md", "title: Later\ndate: 2026-03-12T09:30:00Z"),
            ("news/older.md", "title: Older\ndate: 2025-12-31"),
            ("news/draft.md", "title: Draft\ndate: 2027-01-01\ndraft: true"),
        ])
        let expected = ["Later", "Zulu", "Aardvark", "Alpha", "Bravo", "Older", "Undated"]
        #expect(model.newestPages.map { model[$0].title } == expected)
        let section = try #require(model.sections["news"])
        #expect(section.pages.map { model[$0].title } == expected)
        #expect(model.leftOut == ["news/draft.md": .draft])
        let ranks = model.newestPages.map { model.recency[$0.index] }
        #expect(ranks == ranks.sorted())
    }
}
