import BriefingSupport

/// A date as written in front matter (`2026-03-12`, `2026-03-12 09:30`, `2026-03-12T09:30:00+09:00`),
/// brought into the stricter forms that feeds, sitemaps and JSON-LD require.
struct FeedDate: Sendable {
    /// `2026-03-12`
    private let day: String
    /// `09:30:00` or `09:30:00.25`; nil for a plain date.
    private let time: String?
    /// `Z` or `+09:00`; a timestamp written without a zone is taken as UTC, as elsewhere in Briefing.
    private let zone: String
    /// Seconds since 1970 UTC, so that dates written in different zones compare correctly.
    let instant: Int

    /// Nil when the text is no date of the accepted forms: feeds leave an unknown date out rather than
    /// write one that readers and validators reject.
    init?(_ text: String) {
        let bytes = Array(text.utf8)
        func digits(_ start: Int, _ count: Int) -> Int? {
            guard start + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[start..<start + count] {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        func byte(_ index: Int, is character: Character) -> Bool {
            index < bytes.count && bytes[index] == character.asciiValue
        }
        guard let year = digits(0, 4), byte(4, is: "-"), let month = digits(5, 2), byte(7, is: "-"),
              let day = digits(8, 2), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        let dayText = String(decoding: bytes[0..<10], as: UTF8.self)
        let dayNumber = FeedDate.daysSince1970(year: year, month: month, day: day)
        guard bytes.count > 10 else {
            self.init(day: dayText, time: nil, zone: "Z", instant: dayNumber * 86_400)
            return
        }
        // RFC 3339 allows a space or a lowercase `t` for the separator; feeds expect `T`.
        guard byte(10, is: "T") || byte(10, is: "t") || byte(10, is: " "),
              let hour = digits(11, 2), byte(13, is: ":"), let minute = digits(14, 2), hour < 24, minute < 60
        else { return nil }
        var index = 16
        var second = 0
        var secondText = "00"
        if byte(index, is: ":") {
            guard let whole = digits(17, 2), whole < 61 else { return nil }
            second = whole
            index = 19
            // A fraction is kept in the text but not in `instant`: no two pages differ by less than a second.
            if byte(index, is: "."), digits(20, 1) != nil {
                index = 20
                while digits(index, 1) != nil { index += 1 }
            }
            secondText = String(decoding: bytes[17..<index], as: UTF8.self)
        }
        var zone = "Z"
        var offset = 0
        if byte(index, is: "+") || byte(index, is: "-") {
            guard index + 6 == bytes.count, let hours = digits(index + 1, 2), byte(index + 3, is: ":"),
                  let minutes = digits(index + 4, 2), hours < 24, minutes < 60
            else { return nil }
            zone = String(decoding: bytes[index...], as: UTF8.self)
            offset = (hours * 60 + minutes) * 60 * (byte(index, is: "+") ? 1 : -1)
        } else if index < bytes.count {
            guard byte(index, is: "Z") || byte(index, is: "z"), index + 1 == bytes.count else { return nil }
        }
        let hourText = String(decoding: bytes[11..<16], as: UTF8.self)
        let instant = dayNumber * 86_400 + hour * 3600 + minute * 60 + second - offset
        self.init(day: dayText, time: hourText + ":" + secondText, zone: zone, instant: instant)
    }

    private init(day: String, time: String?, zone: String, instant: Int) {
        self.day = day
        self.time = time
        self.zone = zone
        self.instant = instant
    }

    /// A full RFC 3339 timestamp, as Atom's date constructs require (RFC 4287 §3.3): a plain date
    /// becomes midnight UTC, and seconds and a zone are always present.
    var timestamp: String { day + "T" + (time ?? "00:00:00") + zone }

    /// W3C Datetime, as sitemaps and schema.org take it: a plain date stays a plain date rather than
    /// claiming a time of day nobody wrote.
    var w3c: String { time == nil ? day : timestamp }

    /// Days from 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's `days_from_civil`).
    private static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
