import Foundation

/// git run in a site folder as an editor runs it, for tests of what commits change (an undated page's date).
public enum Git {
    public static let isInstalled = FileManager.default.isExecutableFile(atPath: "/usr/bin/git")

    public struct Failed: Error, CustomStringConvertible {
        public let description: String
    }

    /// Runs `git arguments` in `folder`, its commits dated `date`; throws when git fails.
    public static func run(_ arguments: [String], in folder: URL, date: String = "2026-03-01T12:00:00Z") throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        process.arguments = ["-C", folder.path, "-c", "user.name=Editor", "-c", "user.email=e@example.org"] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(["GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failed(description: "git \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)") }
    }
}
