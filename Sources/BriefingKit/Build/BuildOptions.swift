import BriefingSupport
import Foundation

public struct BuildOptions: Sendable {
    /// The site folder, holding Content/ and Templates/.
    public var source: URL
    /// Where the site is written; `Output/` in the site folder when nil.
    public var output: URL?
    /// Replaces site.yaml's baseURL, e.g. to publish the same site under a sub-path.
    public var baseURL: String?
    /// Replaces only the scheme and host of the base URL and keeps its path (`http://127.0.0.1:1313`
    /// serves a site made for `https://example.org/briefings/` at `/briefings/`).
    public var origin: String?
    public var includeDrafts = false
    /// Publish pages whose `date` is still to come, which are otherwise held back until then.
    public var includeFuture = false
    /// Build into an output folder that also holds files Briefing did not write.
    public var force = false
    /// When false the build checks everything and writes nothing (`briefing check`).
    public var writeOutput = true
    /// Also the editor's checks of `briefing check`: alt text, summaries, heading levels, `TK:`
    /// placeholders, and pages dated from their files.
    public var qualityChecks = false
    /// The build's clock, injected so that output with dates is reproducible in tests.
    public var now = Date()
    /// Told how far a long stage has come (`markdown`, `templates`), from any thread; a terminal shows it.
    public var progress: (@Sendable (_ stage: String, _ done: Int, _ total: Int) -> Void)?

    public init(source: URL, output: URL? = nil) {
        self.source = source
        self.output = output
    }

    /// Where the system puts `--output` (see `FilePaths`), or Output/ in the site's folder.
    var outputFolder: URL { URL(fileURLWithPath: FilePaths.resolved((output ?? source.appendingPathComponent("Output")).path)) }
}

public struct BuildReport: Sendable {
    public var pages: Int
    public var files: Int
    public var seconds: Double
    public var warnings: [Diagnostic]
    public var writer: SiteWriter.Summary
    public var output: URL
    /// Wall-clock and CPU seconds (all threads) spent in each stage, in order, for `--timings`.
    public var stages: [(name: String, seconds: Double, cpuSeconds: Double)]
    /// The address the site was built for.
    public var baseURL: BaseURL
}
