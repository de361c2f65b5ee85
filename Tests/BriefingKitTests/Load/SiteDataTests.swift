import Testing
@testable import BriefingKit
@testable import BriefingSupport

/// `Content/data/` as the build reads it: figures in each language.
@Suite struct SiteDataTests {
    /// `us-troopz:` in figures.ko.yaml made Korean pages show the English value without a word.
    @Test func aLanguagesFigureWithoutItsOriginalIsWarnedOfAtItsId() throws {
        let data = try SiteData.load([
            ("figures.yaml", SourceFile(path: "Content/data/figures.yaml", text: """
                us-troops:
                  value: "28,500"
                  label: US troops in South Korea
                  source: DefenseTech.org
                """)),
            ("figures.ko.yaml", SourceFile(path: "Content/data/figures.ko.yaml", text: """
                us-troopz:
                  value: "2만 8,500"
                  label: 주한미군 병력
                  source: DefenseTech.org
                """)),
        ])
        #expect(data.unmatchedFigureWarnings.map(\.description) == [
            "Content/data/figures.ko.yaml:1:1: warning: figure 'us-troopz' is not in figures.yaml, so no page shows it: "
                + "a language's file gives the words of figures.yaml's figures; check the id\nus-troopz:\n^",
        ])
    }
}
