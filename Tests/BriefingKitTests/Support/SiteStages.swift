import Foundation
@testable import BriefingKit
@testable import BriefingSupport

/// A fixture's site taken through the first stages by hand, for tests of one stage's own API.
struct SiteStages {
    let loaded: LoadedSite
    let model: SiteModel
    let theme: Theme
    let root: URL

    init(_ fixture: SiteFixture, _ configure: (inout BuildOptions) -> Void = { _ in }) throws {
        root = fixture.root
        loaded = try SiteLoader(root: fixture.root).load()
        model = try SiteAssembler(options: fixture.options(configure)).assemble(loaded)
        theme = try Theme(loaded.templates, languages: model.settings.languages)
    }

    func markdown(qualityChecks: Bool = false) -> MarkdownStage {
        MarkdownStage(
            model: model, data: loaded.data, theme: theme.html, contentFiles: loaded.contentFiles,
            contentFolder: root.appendingPathComponent("Content"), qualityChecks: qualityChecks
        )
    }

    /// The id of the page at a path relative to Content/.
    func id(_ path: String) throws -> PageID {
        guard let id = model.pagesByPath[path] else { throw StageError.noPage(path) }
        return id
    }

    static let progress = ProgressCounter(stage: "test", total: 0, report: nil)

    enum StageError: Error { case noPage(String) }
}
