import ArgumentParser
import BriefingKit
import BriefingSupport
import Foundation

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the whole site without writing it: links, fragments, alt text, sources, summaries, headings.",
        discussion: "Exits 1 when there are errors, 0 when there are only warnings."
    )

    enum Format: String, ExpressibleByArgument {
        case text
        case json
    }

    @Option(help: "The site folder, holding Content/ and Templates/.")
    var source: String = "."

    @Flag(help: "Check pages marked draft: true too.")
    var drafts = false

    @Flag(help: "Check pages whose date is still to come too.")
    var future = false

    @Option(help: "text for people, json for CI.")
    var format: Format = .text

    func run() throws {
        var options = BuildOptions(source: URL(fileURLWithPath: source))
        options.includeDrafts = drafts
        options.includeFuture = future
        options.writeOutput = false
        options.qualityChecks = true
        let diagnostics: [Diagnostic]
        var failed = false
        do {
            diagnostics = try SiteBuilder(options: options).build().warnings
        } catch {
            diagnostics = error.diagnostics
            failed = true
        }
        switch format {
        case .json:
            print(DiagnosticReport.json(diagnostics), terminator: "")
        case .text:
            Terminal().printDiagnostics(diagnostics)
            if diagnostics.isEmpty { print("No problems found.") }
        }
        if failed { throw ExitCode.failure }
    }
}
