import BriefingSupport
import Foundation

/// The dates of pages: an undated page takes its file's, and a date after the latest day on Earth is in the future.
extension PageAssembler {
    /// Gives each page without a `date` its file's date (last commit, else modification time), so that no
    /// list, feed or sitemap shows it undated; `check` names each such page. The checkout the dates were
    /// read at, when a page took one (`SiteModel.datesCheckout`).
    func dateUndatedPages(_ pages: inout ChunkedArray<Page>) -> (warnings: [Diagnostic], checkout: String?) {
        var undated = pages.indices.filter { pages[$0].kind == .page && pages[$0].metadata.date == nil }
        // Jekyll's posts are dated by their file names (`2024-01-05-talks.md`): the day the editor wrote there.
        undated.removeAll { index in
            guard let date = Self.dateInFileName(pages[index].source.relativePath) else { return false }
            pages[index].metadata.date = date
            return true
        }
        guard let siteRoot, !undated.isEmpty else { return ([], nil) }
        let (dates, checkout, problem) = FileDates(siteRoot: siteRoot).dates(of: undated.map { pages[$0].source.relativePath })
        var warnings: [Diagnostic] = problem.map { [.warning($0)] } ?? []
        for index in undated {
            guard let found = dates[pages[index].source.relativePath], var date = FileDates.pageDate(found.date) else { continue }
            guard !pages[index].isStandIn else {
                pages[index].metadata.date = date
                continue
            }
            // A page the editor says was updated on a day was published by then, whatever its file's date:
            // else its byline, feed entry and JSON-LD would have it updated before it was published.
            if let updated = pages[index].metadata.updated, updated.isBefore(date) { date = updated }
            pages[index].metadata.date = date
            if pages[index].metadata.updated != nil {
                let key = pages[index].metadata.locations["updated"] == nil ? "lastmod" : "updated"
                warnings.append(pages[index].source.file.diagnostic(
                    .warning, "'\(key)' but no 'date': the page is dated \(date.day10), from its file or its '\(key)'; add 'date:' with the day it was first published",
                    at: pages[index].metadata.locations[key] ?? pages[index].source.file.location(line: 1, column: 1)
                ))
            } else if qualityChecks {
                let origin = found.origin == .lastCommit ? "its last commit" : "its file's modification time"
                warnings.append(pages[index].source.file.diagnostic(
                    .warning, "page has no 'date': dated \(date.day10) from \(origin); add 'date: \(date.day10)' to the front matter to keep it",
                    at: pages[index].source.file.location(line: 1, column: 1)
                ))
            }
        }
        return (warnings, checkout)
    }

    /// The date a file's name starts with, as Jekyll names posts (`2024-01-05-talks.md`); nil for any other name.
    static func dateInFileName(_ path: String) -> PageDate? {
        let name = path.split(separator: "/").last ?? ""
        guard name.utf8.count > 11, name.utf8.dropFirst(10).first == UInt8(ascii: "-") else { return nil }
        return PageDate(parsing: String(name.prefix(10)))
    }

    /// The latest calendar day it is anywhere on Earth now (UTC+14): a date after it is in the future
    /// wherever the editor is.
    static func latestDay(_ now: Date) -> (year: Int, month: Int, day: Int) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: now.addingTimeInterval(14 * 3600))
        return (parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}
