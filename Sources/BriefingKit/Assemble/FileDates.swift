import BriefingSupport
import Foundation
import Synchronization

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

    /// Each file's date and where it came from, by path relative to Content/; the checkout they were read
    /// at (`checkout(of:)`); and what a publisher must hear of: a checkout whose history git could not
    /// read, or a shallow one, which dates every page older than its one commit by that commit.
    func dates(of relativePaths: [String]) -> (dates: [String: (date: Date, origin: Origin)], checkout: String, warning: String?) {
        let content = siteRoot.appendingPathComponent("Content")
        // Asked before the history: a commit in between then makes the next build look again.
        let checkout = FileDates.checkout(of: content)
        let history = FileDates.history(in: content, checkout: checkout)
        var dates: [String: (date: Date, origin: Origin)] = [:]
        for path in relativePaths {
            if let committed = history.commits[path] {
                dates[path] = (committed, .lastCommit)
            } else if let modified = try? FileManager.default.attributesOfItem(atPath: content.appendingPathComponent(path).path)[.modificationDate] as? Date {
                dates[path] = (modified, .modificationTime)
            }
        }
        return (dates, checkout, history.warning)
    }

    /// The commit a folder is checked out at (`git rev-parse HEAD`, with its repository), and the edge of
    /// its history when the clone is shallow: a commit, a reset, a checkout of another branch or a deeper
    /// fetch may date undated pages otherwise, and touch none of their files. "" when the folder is in no
    /// checkout, or git is missing.
    static func checkout(of folder: URL) -> String {
        guard case .success(let output) = git(["rev-parse", "--absolute-git-dir", "HEAD"], in: folder) else { return "" }
        let lines = String(decoding: output, as: UTF8.self).split(separator: "\n")
        guard let repository = lines.first else { return "" }
        let shallow = (try? FileBytes.read(repository + "/shallow")).map { String(decoding: $0, as: UTF8.self) } ?? ""
        // The repository's path starts with "/": a shallow checkout's key cannot be read as another's.
        return (shallow.isEmpty ? "" : "shallow " + shallow + " ") + lines.joined(separator: " ")
    }

    /// Each file's last commit, and a warning when the history could not be read in a checkout or is cut
    /// short. Kept for the last checkout read: `serve` makes the site again on many edits, and `git log`
    /// over a long history takes a second or more.
    private static func history(in folder: URL, checkout: String) -> (commits: [String: Date], warning: String?) {
        let key = folder.path + "\n" + checkout
        if !checkout.isEmpty, let known = lastHistory.withLock({ $0?.key == key ? $0?.history : nil }) { return known }
        let history: (commits: [String: Date], warning: String?)
        switch git(["log", "--name-only", "--relative", "-z", "--format=%x00%ct", "--", "."], in: folder) {
        case .success(let output):
            let shallow = checkout.hasPrefix("shallow ")
                ? "the git checkout is shallow (cloned with --depth): a page without a date whose last commit it does not hold is dated by its oldest commit; fetch the whole history (git fetch --unshallow, or fetch-depth: 0 in CI)"
                : nil
            history = (lastCommits(output), shallow)
        case .failure(let failure):
            // A folder in no checkout, or in one without a commit yet, is dated by its files as it should be.
            let isExpected = !isInCheckout(folder) || failure.message.contains("does not have any commits")
            history = ([:], isExpected ? nil : "Content/ is in a git checkout, but git could not read its history (\(failure.message)): pages without a date are dated by their files' modification times")
        }
        if !checkout.isEmpty { lastHistory.withLock { $0 = (key, history) } }
        return history
    }

    private static let lastHistory = Mutex<(key: String, history: (commits: [String: Date], warning: String?))?>(nil)

    /// `git log -z --name-only --format=%x00%ct` read once, newest commit first: each file's first
    /// appearance is its last commit. Its fields are separated by NUL, which no file name holds: an empty
    /// field comes before each commit's time, and its first file name follows a line feed.
    static func lastCommits(_ output: Data) -> [String: Date] {
        var commits: [String: Date] = [:]
        var current: Date?
        var isTime = false
        var isFirstName = false
        for field in output.split(separator: 0, omittingEmptySubsequences: false) {
            if field.isEmpty {
                isTime = true
            } else if isTime {
                current = Int(String(decoding: field, as: UTF8.self)).map { Date(timeIntervalSince1970: TimeInterval($0)) }
                isTime = false
                isFirstName = true
            } else {
                let name = isFirstName && field.first == UInt8(ascii: "\n") ? field.dropFirst() : field[...]
                isFirstName = false
                let path = String(decoding: name, as: UTF8.self)
                if let current, commits[path] == nil { commits[path] = current }
            }
        }
        return commits
    }

    /// The sizes and times of the files git rewrites when a checkout moves to another commit (a commit, a
    /// reset, a checkout of a branch, a deeper fetch): HEAD, its log, the branch's ref, the packed refs and
    /// the shallow edge. Cheap to ask twice a second, where asking git would start a process each time. Nil
    /// outside a checkout.
    public static func checkoutStamp(of folder: URL) -> (@Sendable () -> String)? {
        guard case .success(let output) = git(["rev-parse", "--absolute-git-dir"], in: folder) else { return nil }
        let repository = String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !repository.isEmpty else { return nil }
        return {
            var files = ["HEAD", "logs/HEAD", "packed-refs", "shallow"]
            if let head = try? FileBytes.read(repository + "/HEAD"), head.starts(with: "ref: ".utf8) {
                files.append(String(decoding: head.dropFirst(5), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
            }
            return files.map { file in
                var status = stat()
                guard stat(repository + "/" + file, &status) == 0 else { return "-" }
                return "\(status.st_size) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)"
            }.joined(separator: " ")
        }
    }

    /// Whether the folder or one above it holds `.git`, as a checkout (or a worktree, or a submodule) does.
    private static func isInCheckout(_ folder: URL) -> Bool {
        var path = folder.standardizedFileURL.path
        while true {
            if FileManager.default.fileExists(atPath: path + "/.git") { return true }
            guard let slash = path.lastIndex(of: "/"), path != "/" else { return false }
            path = slash == path.startIndex ? "/" : String(path[..<slash])
        }
    }

    /// What `git` printed, run in `folder`; or why it failed: the first line it wrote to standard error,
    /// or that it is not installed.
    private static func git(_ arguments: [String], in folder: URL) -> Result<Data, GitFailure> {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "core.quotepath=off", "-C", folder.path] + arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do { try process.run() } catch { return .failure(GitFailure(message: "git could not be started")) }
        // Read before waiting: a history larger than a pipe's buffer would otherwise block git forever.
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus != 0 else { return .success(data) }
        // env's own exit status when it finds no such program.
        if process.terminationStatus == 127 { return .failure(GitFailure(message: "git is not installed")) }
        let first = String(decoding: message, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
        return .failure(GitFailure(message: first.isEmpty ? "git exited with status \(process.terminationStatus)" : first))
    }

    private struct GitFailure: Error {
        let message: String
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
