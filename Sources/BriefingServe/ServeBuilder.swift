import BriefingKit
import BriefingSupport
import Foundation

/// The server's builds, in memory, for site.yaml's base path on the local origin
/// (`https://example.org/briefings/` becomes `http://127.0.0.1:1313/briefings/`), so that a site
/// published under a sub-path works locally at the same paths.
struct ServeBuilder: Sendable {
    let preview: SitePreview
    /// `http://127.0.0.1:1313`
    let origin: String
    /// What `--write` builds, when asked.
    private let written: BuildOptions?
    private let report: @Sendable (ServeEvent) -> Void

    init(options: ServeOptions, origin: String, report: @escaping @Sendable (ServeEvent) -> Void) {
        var build = BuildOptions(source: options.source)
        build.origin = origin
        build.includeDrafts = options.includeDrafts
        build.includeFuture = options.includeFuture
        preview = SitePreview(options: build)
        self.origin = origin
        written = options.write.map { folder in
            var written = build
            written.output = folder
            return written
        }
        self.report = report
    }

    /// With `--write`: the site as it is now into the folder, by the on-disk build, which rewrites only
    /// what changed. Its errors are reported; the served site is not affected.
    func write() async {
        guard let written else { return }
        let failure: BuildFailure? = await onQueue {
            do throws(BuildFailure) {
                _ = try SiteBuilder(options: written).build()
                return nil
            } catch {
                return error
            }
        }
        if let failure { report(.failed(failure)) }
    }

    /// A build blocks its thread (files, and `parallelMap` waiting for its workers), so builds run on
    /// their own queue rather than on the few threads that also answer the browser's requests; one at a
    /// time, the rendering of a version's remaining pages included.
    private static let queue = DispatchQueue(label: "briefing.serve.build")

    /// A new version with the pages at `openPages` rendered; `changed`: the files changed since the last
    /// one, when the watcher knows (see `SitePreview.update`). A failed build keeps the base path the
    /// last good one served under.
    func update(rendering openPages: [String], changed: Set<String>? = nil, fallbackBasePath: String) async -> BuildOutcome {
        await onQueue {
            do throws(BuildFailure) {
                let (version, report) = try preview.update(rendering: openPages, changed: changed)
                return BuildOutcome(result: .success((version, report)), basePath: version.basePath)
            } catch {
                return BuildOutcome(result: .failure(error), basePath: fallbackBasePath)
            }
        }
    }

    /// Renders the pages of `version` not rendered yet; their errors, if any.
    func renderRemaining(_ version: PreviewVersion) async -> BuildFailure? {
        await onQueue {
            let errors = version.renderRemaining()
            #if canImport(Glibc)
            // The version before is let go now, a whole site's pages after a template edit, freed by the
            // threads that rendered them: glibc keeps such memory in its per-thread arenas unless asked
            // to give it back, and the server's resident set grew by some 150 MB an edit at 10,000 pages.
            _ = releaseFreeMemory(0)
            #endif
            return errors.isEmpty ? nil : BuildFailure(errors)
        }
    }

    private func onQueue<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            ServeBuilder.queue.async { continuation.resume(returning: work()) }
        }
    }
}

struct BuildOutcome: Sendable {
    var result: Result<(version: PreviewVersion, report: BuildReport), BuildFailure>
    /// The path the site is served under, from site.yaml's baseURL.
    var basePath: String

    func event(first: Bool) -> ServeEvent {
        switch result {
        case .success(let made): first ? .built(made.report) : .rebuilt(made.report)
        case .failure(let failure): .failed(failure)
        }
    }
}

#if canImport(Glibc)
/// glibc's `malloc_trim`, which its Swift module does not export: returns the free memory of every arena
/// to the system.
@_silgen_name("malloc_trim")
private func releaseFreeMemory(_ pad: Int) -> Int32
#endif
