import BriefingSupport
import Foundation

/// Dates for pages whose front matter has none: the file's last commit when the site is a git
/// checkout, else its modification time. One `git log` for the whole Content folder, not one per page:
/// a site of 10,000 undated pages must not start 10,000 processes.
public struct FileDates {
    /// The site folder, holding Content/.
    let siteRoot: URL

    enum Origin {
        case lastCommit
        case modificationTime
    }

    /// Each file's date and where it came from, by path relative to Content/, and the checkout they were
    /// read at (`checkout(of:)`).
    func dates(of relativePaths: [String]) -> (dates: [String: (date: Date, origin: Origin)], checkout: String) {
        let content = siteRoot.appendingPathComponent("Content")
        // Asked before the history: a commit in between then makes the next build look again.
        let checkout = FileDates.checkout(of: content)
        let commits = FileDates.lastCommits(in: content)
        var dates: [String: (date: Date, origin: Origin)] = [:]
        for path in relativePaths {
            if let committed = commits[path] {
                dates[path] = (committed, .lastCommit)
            } else if let modified = try? FileManager.default.attributesOfItem(atPath: content.appendingPathComponent(path).path)[.modificationDate] as? Date {
                dates[path] = (modified, .modificationTime)
            }
        }
        return (dates, checkout)
    }

    /// The commit a folder is checked out at (`git rev-parse HEAD`), or "" when it is in no checkout or git
    /// is missing: a commit, a reset or a checkout of another branch may date undated pages otherwise, and
    /// touch none of their files.
    static func checkout(of folder: URL) -> String {
        guard let output = git(["rev-parse", "HEAD"], in: folder) else { return "" }
        return String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `git log --name-only --format=@%ct` read once, newest commit first: each file's first appearance is
    /// its last commit. Empty when git is missing or the folder is not in a checkout.
    static func lastCommits(in folder: URL) -> [String: Date] {
        guard let data = git(["log", "--name-only", "--relative", "--format=@%ct", "--", "."], in: folder) else { return [:] }
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

    /// The sizes and times of the files git rewrites when a checkout moves to another commit (a commit, a
    /// reset, a checkout of a branch): HEAD, its log, the branch's ref and the packed refs. Cheap to ask
    /// twice a second, where asking git would start a process each time. Nil outside a checkout.
    public static func checkoutStamp(of folder: URL) -> (@Sendable () -> String)? {
        guard let output = git(["rev-parse", "--absolute-git-dir"], in: folder) else { return nil }
        let gitFolder = String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !gitFolder.isEmpty else { return nil }
        return {
            var files = ["HEAD", "logs/HEAD", "packed-refs"]
            if let head = try? FileBytes.read(gitFolder + "/HEAD"), head.starts(with: "ref: ".utf8) {
                files.append(String(decoding: head.dropFirst(5), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
            }
            return files.map { file in
                var status = stat()
                guard stat(gitFolder + "/" + file, &status) == 0 else { return "-" }
                return "\(status.st_size) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)"
            }.joined(separator: " ")
        }
    }

    /// What `git` printed, run in `folder`; nil when it failed or is missing.
    private static func git(_ arguments: [String], in folder: URL) -> Data? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "core.quotepath=off", "-C", folder.path] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? data : nil
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
