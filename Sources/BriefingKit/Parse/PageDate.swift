import BriefingSupport
import Foundation

/// A date from front matter: `2026-03-12`, or a full ISO 8601 timestamp such as `2026-03-12T09:30:00+09:00`.
/// Kept as written so that output never shifts a date across time zones.
public struct PageDate: Sendable, Hashable, Comparable {
    public let year: Int
    public let month: Int
    public let day: Int
    /// The ISO 8601 text as written (`2026-03-12` or `2026-03-12T09:30:00+09:00`), used in `<time datetime>`.
    public let iso: String
    /// A time written without `Z` or an offset (`2026-03-12T09:30`): feeds and the sitemap need an
    /// instant, and read it as UTC.
    let isFloating: Bool
    /// Seconds from midnight UTC of the day as written to the instant (below 0 or past a day when the
    /// offset moves it across midnight); 0 for plain dates.
    let secondsOfDay: Int

    private static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    /// Parses `YYYY-MM-DD` with an optional `THH:MM[:SS][Z|±HH:MM]`; nil when the text is no valid date,
    /// a year before 0001 or an offset beyond ±23:59 included (RFC 3339's range, which feeds require).
    /// `2026-02-30`: four digits, two and two, whether or not the calendar has that day.
    static func isShapedLikeADate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.count == 10 && bytes.indices.allSatisfy { [4, 7].contains($0) ? bytes[$0] == 0x2D : (0x30...0x39).contains(bytes[$0]) }
    }

    public init?(parsing text: String) {
        let scalars = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= scalars.count else { return nil }
            var value = 0
            for byte in scalars[range] {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard scalars.count >= 10, scalars[4] == 0x2D, scalars[7] == 0x2D,
              // There is no year 0 in the calendar feeds and sitemaps use: a date before 0001 has no instant.
              let year = number(0..<4), year >= 1, let month = number(5..<7), let day = number(8..<10),
              (1...12).contains(month), day >= 1, day <= PageDate.daysIn(month: month, year: year)
        else { return nil }
        var seconds = 0
        var floating = false
        if scalars.count > 10 {
            guard scalars[10] == 0x54 || scalars[10] == 0x20, let hour = number(11..<13), scalars.count >= 16,
                  scalars[13] == 0x3A, let minute = number(14..<16), hour < 24, minute < 60
            else { return nil }
            var index = 16
            var second = 0
            if index < scalars.count, scalars[index] == 0x3A {
                // 0–59, as HTML's `<time datetime>` takes it: a leap second's :60 is not a valid time there.
                guard let value = number(17..<19), value < 60 else { return nil }
                second = value
                index = 19
                if index < scalars.count, scalars[index] == 0x2E {
                    index += 1
                    let digits = index
                    while index < scalars.count, (0x30...0x39).contains(scalars[index]) { index += 1 }
                    // `10:00:00.Z` is no timestamp: a fraction has digits.
                    guard index > digits else { return nil }
                }
            }
            var offset = 0
            floating = index == scalars.count
            if index < scalars.count {
                switch scalars[index] {
                case 0x5A where index == scalars.count - 1:
                    break
                case 0x2B, 0x2D:
                    guard scalars.count == index + 6, scalars[index + 3] == 0x3A,
                          let hours = number(index + 1..<index + 3), let minutes = number(index + 4..<index + 6),
                          hours < 24, minutes < 60
                    else { return nil }
                    offset = (hours * 60 + minutes) * 60 * (scalars[index] == 0x2B ? 1 : -1)
                default:
                    return nil
                }
            }
            seconds = hour * 3600 + minute * 60 + second - offset
        }
        self.year = year
        self.month = month
        self.day = day
        self.iso = text.replacingOccurrences(of: " ", with: "T")
        self.secondsOfDay = seconds
        self.isFloating = floating
    }

    /// `12 March 2026`: unambiguous for readers everywhere.
    public var display: String { "\(day) \(PageDate.monthNames[month - 1]) \(year)" }

    /// `2026-03-12`, the calendar day alone.
    public var day10: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// Seconds since 1970-01-01T00:00:00Z: what orders pages and compares `updated` with `date`. The calendar
    /// day as written is not: `2026-01-02T00:30:00+14:00` is a day earlier than `2026-01-01T23:30:00-10:00`.
    var instant: Int {
        // Days from the civil date (Howard Hinnant's algorithm), for any year of the Gregorian calendar.
        let shifted = month <= 2 ? year - 1 : year
        let era = (shifted >= 0 ? shifted : shifted - 399) / 400
        let yearOfEra = shifted - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return (era * 146_097 + dayOfEra - 719_468) * 86_400 + secondsOfDay
    }

    /// Whether this comes before `other` as an editor means them: by calendar day where either is a day
    /// alone (`2026-11-03` and `2026-11-03T08:00:00+09:00` are one day, not midnight UTC and eight hours
    /// before it), by instant where both have a time.
    func isBefore(_ other: PageDate) -> Bool {
        guard hasTime, other.hasTime else { return (year, month, day) < (other.year, other.month, other.day) }
        return instant < other.instant
    }

    /// When a page of this date may be published, in seconds since 1970: the instant written, or for a day
    /// alone the moment that day begins anywhere on Earth (UTC+14), so that a page dated today is never
    /// held back, wherever its editor is. A time and zone (`2026-03-12T06:00:00+09:00`) holds it to the hour.
    var release: Int { hasTime ? instant : instant - 14 * 3600 }

    /// Whether a page of this date is still to come at `now` (`release`).
    func isToCome(at now: Date) -> Bool {
        !Self.hasPassed(release, at: now)
    }

    /// Whether a `release` (seconds since 1970) has come at `now`: the one rule for a page held back for its
    /// date, as the assembler, the cache, the preview and the server's clock read it.
    public static func hasPassed(_ release: Int, at now: Date) -> Bool {
        Double(release) <= now.timeIntervalSince1970
    }

    /// Written with a time of day, not as `2026-03-12` alone.
    private var hasTime: Bool { iso.utf8.count > "2026-03-12".utf8.count }

    public static func < (lhs: PageDate, rhs: PageDate) -> Bool {
        lhs.instant < rhs.instant
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
