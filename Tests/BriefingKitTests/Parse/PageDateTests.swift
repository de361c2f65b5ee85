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
                        "0000-01-01", "2024-01-01T00:00:00+99:99", "2024-01-01T00:00:00+24:00", "2024-01-01T00:00:00-05:60",
                        // A fraction without digits, and a leap second, which `<time datetime>` does not take.
                        "2026-01-01T10:00:00.Z", "2026-01-01T10:00:00.+09:00", "2026-01-01T23:59:60Z"])
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

    /// Ordered by the instant, not by the day as written: 00:30 on the 2nd at +14:00 is 10:30Z on the 1st,
    /// 23 hours before 23:30 on the 1st at −10:00. Lists, feeds and the updated-after-date check read this.
    @Test func orderIsByInstantAcrossTimeZones() throws {
        let kiribati = try #require(PageDate(parsing: "2026-01-02T00:30:00+14:00"))
        let hawaii = try #require(PageDate(parsing: "2026-01-01T23:30:00-10:00"))
        #expect(kiribati < hawaii)
        #expect(try #require(PageDate(parsing: "2026-01-01T20:00:00Z")) > kiribati)
        #expect(try #require(PageDate(parsing: "1970-01-01")).instant == 0)
        #expect(try #require(PageDate(parsing: "2000-03-01T00:00:00+01:00")).instant == 951_865_200)
        #expect(try #require(PageDate(parsing: "0001-01-01")).instant == -62_135_596_800)
    }
}
