import ArgumentParser
import BriefingKit
import BriefingServe
import BriefingSupport
import Foundation

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build, serve on localhost and rebuild on every change.")

    @Option(help: "The port to listen on (0 picks a free one).")
    var port: UInt16 = 1313

    @Option(help: "The address to listen on; the default accepts connections from this computer only.")
    var host = "127.0.0.1"

    @Option(help: "The site folder, holding Content/ and Templates/.")
    var source: String = "."

    @Flag(help: "Include pages marked draft: true.")
    var drafts = false

    @Flag(help: "Include pages whose date is still to come (held back until then otherwise).")
    var future = false

    @Option(help: "Also write each complete version of the site into this folder, as build does (nothing is written by default).")
    var write: String?

    @Flag(help: "Print the time each stage of every build took.")
    var timings = false

    func validate() throws {
        if write?.isEmpty == true { throw ValidationError("--write is empty: give the folder to write the site to, or leave the option out") }
    }

    func run() async throws {
        var options = ServeOptions(source: URL(fileURLWithPath: source))
        options.host = host
        options.port = port
        options.includeDrafts = drafts
        options.includeFuture = future
        options.write = write.map { URL(fileURLWithPath: $0) }
        let terminal = Terminal()
        let timings = timings
        let serving = Task {
            try await SiteServer(options: options).run { event in terminal.show(event, timings: timings) }
        }
        // Ctrl-C and SIGTERM cancel the server instead of killing the process, so it deletes its
        // build folder and the command exits 0.
        let signals = TerminationSignals.handle { _ in serving.cancel() }
        defer { signals.forEach { $0.cancel() } }
        do {
            try await serving.value
        } catch let error as ServeError {
            terminal.printDiagnostics([Diagnostic(.error, error.description)])
            throw ExitCode.failure
        }
    }
}

private extension Terminal {
    func show(_ event: ServeEvent, timings: Bool) {
        switch event {
        case .built(let report):
            printDiagnostics(report.warnings)
            say(Terminal.summary(report, verb: "Built"))
            if timings { showStages(report) }
        case .serving(let url):
            say("Serving \(url.absoluteString) (Ctrl-C to stop)")
        case .rebuilt(let report):
            printDiagnostics(report.warnings)
            say(Terminal.summary(report, verb: "Rebuilt"))
            if timings { showStages(report) }
        case .failed(let failure):
            printDiagnostics(failure.diagnostics)
        }
    }

    func showStages(_ report: BuildReport) {
        say("    wall       CPU  stage")
        for stage in report.stages {
            say(String(format: "%8.3f s %7.3f s  %@", stage.seconds, stage.cpuSeconds, stage.name))
        }
    }

    /// Written at once, not through print's buffer, which holds lines back while stdout is a pipe.
    func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
