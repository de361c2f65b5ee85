import Testing
@testable import BriefingKit
@testable import BriefingMarkdown
@testable import BriefingSupport

@Suite struct FeedDateTests {
    @Test(arguments: [
        ("2026-03-12", "2026-03-12T00:00:00Z", "2026-03-12"),
        ("2026-03-12 09:30", "2026-03-12T09:30:00Z", "2026-03-12T09:30:00Z"),
        ("2026-03-12T09:30:15", "2026-03-12T09:30:15Z", "2026-03-12T09:30:15Z"),
        ("2026-03-12t09:30z", "2026-03-12T09:30:00Z", "2026-03-12T09:30:00Z"),
        ("2026-03-12T09:30:15.25+09:00", "2026-03-12T09:30:15.25+09:00", "2026-03-12T09:30:15.25+09:00"),
        ("2026-03-12T09:30-05:30", "2026-03-12T09:30:00-05:30", "2026-03-12T09:30:00-05:30"),
    ])
    func normalizes(_ written: String, _ timestamp: String, _ w3c: String) throws {
        let date = try #require(FeedDate(written))
        #expect(date.timestamp == timestamp)
        #expect(date.w3c == w3c)
    }

    @Test(arguments: [
        "", "12 March 2026", "2026-3-12", "2026-13-01", "2026-03-00", "2026-03-12T9:30", "2026-03-12T24:00",
        "2026-03-12T09:30+0900", "2026-03-12T09:30:00Zjunk", "2026-03-12T09:30:00.", "2026-03-12X09:30",
    ])
    func rejects(_ written: String) {
        #expect(FeedDate(written) == nil)
    }

    @Test func instantIsUTC() throws {
        #expect(try #require(FeedDate("1970-01-01")).instant == 0)
        #expect(try #require(FeedDate("2000-03-01")).instant == 951_868_800)
        #expect(try #require(FeedDate("1969-12-31T23:59:59Z")).instant == -1)
        #expect(try #require(FeedDate("2026-03-12T09:00:00+09:00")).instant == FeedDate("2026-03-12")?.instant)
        #expect(try #require(FeedDate("2026-03-11T19:00:00-05:00")).instant == FeedDate("2026-03-12")?.instant)
    }
}
