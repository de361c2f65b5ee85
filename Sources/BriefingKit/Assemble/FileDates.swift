import BriefingSupport
import Foundation

/// Dates for pages whose front matter has none: the file's last commit when the site is a git
/// checkout, else its modification time. One `git log` for the whole Content folder, not one per page:
/// a site of 10,000 undated pages must not start 10,000 processes.
struct FileDates {
    /// The site folder, holding Content/.
    let siteRoot: URL

    enum Origin {
        case lastCommit
        case modificationTime
    }

    /// Each file's date and where it came from, by path relative to Content/.
    func dates(of relativePaths: [String]) -> [String: (date: Date, origin: Origin)] {
        let content = siteRoot.appendingPathComponent("Content")
        let commits = FileDates.lastCommits(in: content)
        var dates: [String: (date: Date, origin: Origin)] = [:]
        for path in relativePaths {
            if let committed = commits[path] {
                dates[path] = (committed, .lastCommit)
            } else if let modified = try? FileManager.default.attributesOfItem(atPath: content.appendingPathComponent(path).path)[.modificationDate] as? Date {
                dates[path] = (modified, .modificationTime)
            }
        }
        return dates
    }

    /// `git log --name-only --format=@%ct` read once, newest commit first: each file's first appearance is
    /// its last commit. Empty when git is missing or the folder is not in a checkout.
    static func lastCommits(in folder: URL) -> [String: Date] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "core.quotepath=off", "-C", folder.path, "log", "--name-only", "--relative", "--format=@%ct", "--", "."]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return [:] }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return [:] }
        var commits: [String: Date] = [:]
        var current: Date?
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            if line.first == "@", let seconds = Int(line.dropFirst()) {
                current = Date(timeIntervalSince1970: TimeInterval(seconds))
            } else if let current, commits[String(line)] == nil {
                commits[String(line)] = current
            }
        }
        return commits
    }

    /// A date as a front matter timestamp in UTC (`2026-03-12T09:30:00Z`).
    static func pageDate(_ date: Date) -> PageDate? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let text = String(
            format: "%04d-%02d-%02dT%02d:%02d:%02dZ", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0,
            parts.minute ?? 0, parts.second ?? 0
        )
        return PageDate(parsing: text)
    }
}
