import BriefingKit
import Foundation

/// How diagnostics reach a person: on standard error, in colour only on a terminal without NO_COLOR.
struct Terminal {
    let color = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil

    func printDiagnostics(_ diagnostics: [Diagnostic]) {
        let text = DiagnosticReport.render(diagnostics, color: color)
        if !text.isEmpty { FileHandle.standardError.write(Data(text.utf8)) }
    }

    /// A path relative to the working folder when it is inside it.
    func display(_ url: URL) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        let path = url.standardizedFileURL.path
        return path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
    }
}
