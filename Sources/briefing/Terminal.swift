import BriefingKit
import BriefingSupport
import Foundation
import Synchronization

/// How diagnostics reach a person: on standard error, in colour only on a terminal without NO_COLOR.
struct Terminal {
    // no-color.org: only a NO_COLOR that is set and not empty turns colour off.
    let color = isatty(STDERR_FILENO) == 1 && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty

    func printDiagnostics(_ diagnostics: [Diagnostic]) {
        let text = DiagnosticReport.render(diagnostics, color: color)
        if !text.isEmpty { FileHandle.standardError.write(Data(text.utf8)) }
    }

    /// `Built 10005 pages in 2.41 s (4151 pages/s)`: the one line a build prints.
    static func summary(_ report: BuildReport, verb: String) -> String {
        let pages = report.pages == 1 ? "1 page" : "\(report.pages) pages"
        let rate = report.seconds > 0 ? Int((Double(report.pages) / report.seconds).rounded()) : 0
        return "\(verb) \(pages) in \(String(format: "%.2f", report.seconds)) s (\(rate) pages/s)"
    }

    /// A live counter on standard output when it is a terminal; nil otherwise, so logs stay clean.
    func progressLine(enabled: Bool) -> ProgressLine? {
        enabled && isatty(STDOUT_FILENO) == 1 ? ProgressLine() : nil
    }

    /// A path relative to the working folder when it is inside it.
    func display(_ url: URL) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        let path = url.standardizedFileURL.path
        return path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
    }
}

/// One line rewritten in place, at most ten times a second: `  markdown 5000/10005`.
final class ProgressLine: Sendable {
    private let lastShown = Mutex<UInt64>(0)

    func show(_ stage: String, _ done: Int, _ total: Int) {
        let now = DispatchTime.now().uptimeNanoseconds
        let due = lastShown.withLock { last in
            guard now > last + 100_000_000 || done == total else { return false }
            last = now
            return true
        }
        if due { FileHandle.standardOutput.write(Data("\r\u{1B}[2K  \(stage) \(done)/\(total)".utf8)) }
    }

    func clear() {
        FileHandle.standardOutput.write(Data("\r\u{1B}[2K".utf8))
    }
}
