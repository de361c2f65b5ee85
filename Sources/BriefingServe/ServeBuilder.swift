import BriefingKit
import BriefingSupport
import Foundation

/// One build for the server: into the private folder, with site.yaml's base path on the local origin
/// (`https://example.org/briefings/` becomes `http://127.0.0.1:1313/briefings/`), so that a site
/// published under a sub-path works locally at the same paths.
struct ServeBuilder: Sendable {
    let options: ServeOptions
    let output: URL
    /// `http://127.0.0.1:1313`
    let origin: String

    /// A build blocks its thread (files, and `parallelMap` waiting for its workers), so builds run on
    /// their own queue rather than on the few threads that also answer the browser's requests.
    private static let queue = DispatchQueue(label: "briefing.serve.build")

    func build(fallbackBasePath: String) async -> BuildOutcome {
        await withCheckedContinuation { continuation in
            ServeBuilder.queue.async {
                continuation.resume(returning: buildNow(fallbackBasePath: fallbackBasePath))
            }
        }
    }

    /// A failed build keeps the base path the last good one served under.
    private func buildNow(fallbackBasePath: String) -> BuildOutcome {
        var buildOptions = BuildOptions(source: options.source, output: output)
        buildOptions.origin = origin
        buildOptions.includeDrafts = options.includeDrafts
        do {
            let report = try SiteBuilder(options: buildOptions).build()
            return BuildOutcome(result: .success(report), basePath: report.baseURL.path)
        } catch {
            return BuildOutcome(result: .failure(error), basePath: fallbackBasePath)
        }
    }
}

struct BuildOutcome: Sendable {
    var result: Result<BuildReport, BuildFailure>
    /// The path the site is served under, from site.yaml's baseURL.
    var basePath: String

    func event(first: Bool) -> ServeEvent {
        switch result {
        case .success(let report): first ? .built(report) : .rebuilt(report)
        case .failure(let failure): .failed(failure)
        }
    }
}
