import BriefingSupport
import Foundation
import Synchronization

/// One version of the site as `briefing serve` shows it: the model, theme and context of one set of
/// sources, and their files, each rendered when first asked for (a request, the pages open in a browser)
/// or by `renderRemaining` in the background. A file is never taken from an older version unless its
/// fingerprint says it is the same, so what this version serves equals what a clean build writes.
public final class PreviewVersion: Sendable {
    /// The address the site is built for.
    public let baseURL: BaseURL
    /// `/` or `/briefings/`, from the base URL.
    public var basePath: String { baseURL.path }
    let files: PreviewFiles
    /// Every output the site has (`notes/first/index.html`, `feed.xml`, `assets/site.css`), by path; the
    /// templated ones are made on demand. A version whose site has the same outputs takes it: made anew,
    /// it cost an edit of a 10,000-page site 3 ms.
    let outputs: [String: PlannedOutput]
    /// When the first page this version holds back for its date falls due (`SiteModel.nextRelease`).
    public let nextRelease: Int?
    private let renderer: Renderer
    private let states: [PageMarkdown]
    private let templatesKey: UInt64
    private let stopped = Atomic<Bool>(false)
    private let completed = Atomic<Bool>(false)

    init(
        baseURL: BaseURL, files: PreviewFiles, model: SiteModel, sameOutputsAs earlier: PreviewVersion?, renderer: Renderer,
        states: [PageMarkdown], templatesKey: UInt64, complete: Bool
    ) {
        self.baseURL = baseURL
        self.files = files
        outputs = earlier?.outputs ?? Dictionary(model.outputs.map { ($0.path.value, $0) }) { first, _ in first }
        nextRelease = model.nextRelease
        self.renderer = renderer
        self.states = states
        self.templatesKey = templatesKey
        completed.store(complete, ordering: .relaxed)
    }

    /// Whether the site has a file at this path, relative to its root.
    public func contains(_ path: String) -> Bool {
        outputs[path] != nil
    }

    /// The file at a path, rendered now if it is not yet; nil when the site has none there.
    public func contents(at path: String) -> Result<[UInt8], BuildFailure>? {
        if let file = files[path] { return .success(file.bytes) }
        guard let planned = outputs[path], planned.isTemplated else { return nil }
        switch renderer.render(planned, markdownStates: states, templatesKey: templatesKey).file {
        case .success:
            guard let file = files[path] else { return .failure(BuildFailure([.error("\(path) was rendered but not kept")])) }
            return .success(file.bytes)
        case .failure(let diagnostic):
            return .failure(BuildFailure([diagnostic]))
        }
    }

    /// Every file not made yet, on all cores; the errors of those that failed, as the build words them.
    /// Stops early, with no errors, once `stop()` is called: a newer version replaces this one.
    public func renderRemaining() -> [Diagnostic] {
        // In the plan's order, which names the first page an error met as the build does.
        let remaining = renderer.model.outputs.filter { $0.isTemplated && files[$0.path.value] == nil }
        let failures = parallelMap(remaining) { planned -> (PlannedOutput, Diagnostic)? in
            guard !stopped.load(ordering: .relaxed) else { return nil }
            if case .failure(let diagnostic) = renderer.render(planned, markdownStates: states, templatesKey: templatesKey).file {
                return (planned, diagnostic)
            }
            return nil
        }
        let errors = SiteBuilder.ordered(renderer.naming(failures.compactMap { $0 }))
        if errors.isEmpty, !stopped.load(ordering: .relaxed) {
            completed.store(true, ordering: .relaxed)
            files.complete()
        }
        return errors
    }

    /// Ends `renderRemaining` early.
    public func stop() {
        stopped.store(true, ordering: .relaxed)
    }

    /// Every file is made.
    public var isComplete: Bool { completed.load(ordering: .relaxed) }
}
