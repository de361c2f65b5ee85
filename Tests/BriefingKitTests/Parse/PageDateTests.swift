import Testing
@testable import BriefingKit
@testable import BriefingMarkdown
@testable import BriefingSupport

@Suite struct PageDateTests {
    @Test(arguments: ["2026-03-12", "2024-02-29", "2026-03-12T09:30:00Z", "2026-03-12T09:30:00+09:00", "2026-03-12T09:30", "0001-01-01", "2026-03-12T09:30:00-23:59"])
    func validDates(_ text: String) {
        #expect(PageDate(parsing: text) != nil)
    }

    @Test(arguments: ["2026-3-12", "2026-13-01", "2025-02-29", "2026-04-31", "12 March 2026", "2026-03-12T25:00", "2026-03-12Tnoon", "",
                        "0000-01-01", "2024-01-01T00:00:00+99:99", "2024-01-01T00:00:00+24:00", "2024-01-01T00:00:00-05:60"])
    func invalidDates(_ text: String) {
        #expect(PageDate(parsing: text) == nil)
    }

    @Test func displayAndOrder() throws {
        let early = try #require(PageDate(parsing: "2026-03-12T09:00:00+09:00"))
        let late = try #require(PageDate(parsing: "2026-03-12T09:00:00Z"))
        #expect(early.display == "12 March 2026")
        #expect(early < late)
        #expect(try #require(PageDate(parsing: "2025-12-31")) < early)
    }
}
