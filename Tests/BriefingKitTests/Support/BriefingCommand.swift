import Foundation

/// Runs the built `briefing` executable, as a user would from a shell.
enum BriefingCommand {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The test bundle and the executable are built into the same products folder.
    static var executable: URL {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = testBinary.deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("briefing")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: "briefing")
    }

    /// The same, waiting on a Dispatch thread: a test that waits for a build on one of Swift's few
    /// concurrency threads keeps the servers of other tests, which answer on them, from answering.
    static func run(_ arguments: [String], in folder: URL? = nil, environment: [String: String] = [:], launcher: [String] = []) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Swift.Result { try run(arguments, in: folder, environment: environment, launcher: launcher) })
            }
        }
    }

    /// `launcher` runs the command through another one, such as `setpriv` to build as another user;
    /// `program` is another copy of the executable.
    static func run(
        _ arguments: [String], in folder: URL? = nil, environment: [String: String] = [:], launcher: [String] = [], program: URL = executable
    ) throws -> Result {
        let process = Process()
        if let first = launcher.first {
            process.executableURL = URL(fileURLWithPath: first)
            process.arguments = launcher.dropFirst() + [program.path] + arguments
        } else {
            process.executableURL = program
            process.arguments = arguments
        }
        if let folder { process.currentDirectoryURL = folder }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self)
        )
    }
}
