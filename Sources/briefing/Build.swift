import ArgumentParser
import BriefingKit
import Foundation

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build Content/ and Templates/ into Output/.")

    @Option(help: "The site folder, holding Content/ and Templates/.")
    var source: String = "."

    @Option(help: "Where to write the site (default: Output/ in the site folder).")
    var output: String?

    @Option(help: "Publish at this address instead of site.yaml's baseURL, e.g. https://example.org/briefings/.")
    var baseURL: String?

    @Flag(help: "Include pages marked draft: true.")
    var drafts = false

    @Flag(help: "Include pages whose date is still to come (held back until then otherwise).")
    var future = false

    @Flag(help: "Build into an output folder that also holds files Briefing did not write.")
    var force = false

    @Flag(help: "Print nothing but errors and warnings.")
    var quiet = false

    @Flag(help: "Print the time each stage of the build took.")
    var timings = false

    /// An empty `--output` (a deploy script's unset variable) is no folder: `URL(fileURLWithPath: "")` is the
    /// current one, and the site was built there, beside whatever it held.
    func validate() throws {
        if output?.isEmpty == true {
            throw ValidationError("--output is empty: give the folder to write the site to, or leave the option out to write Output/ in the site folder")
        }
    }

    func run() throws {
        var options = BuildOptions(source: URL(fileURLWithPath: source))
        options.output = output.map { URL(fileURLWithPath: $0) }
        options.baseURL = baseURL
        options.includeDrafts = drafts
        options.includeFuture = future
        options.force = force
        let terminal = Terminal()
        let counter = terminal.progressLine(enabled: !quiet)
        if let counter {
            options.progress = { stage, done, total in counter.show(stage, done, total) }
        }
        let interruptions = BuildInterruption.install()
        defer { interruptions.forEach { $0.cancel() } }
        do {
            // A Ctrl-C's cleanup may still run: its end ends the command, whatever the build came to.
            defer { BuildInterruption.settle() }
            let report = try SiteBuilder(options: options).build()
            counter?.clear()
            terminal.printDiagnostics(report.warnings)
            if !quiet {
                print(Terminal.summary(report, verb: "Built") + " → \(terminal.display(report.output))/")
            }
            if timings {
                print("    wall       CPU  stage")
                for stage in report.stages {
                    print(String(format: "%8.3f s %7.3f s  %@", stage.seconds, stage.cpuSeconds, stage.name))
                }
            }
        } catch {
            counter?.clear()
            terminal.printDiagnostics(error.diagnostics)
            throw ExitCode.failure
        }
    }
}
