import BriefingSupport
import Foundation

/// The render target of `briefing serve`: every file of one version of the site, in memory. An output
/// whose fingerprint (templates, layout, context, body) is the one a file of the version before was made
/// from is that file: its bytes are shared, not rendered again.
///
/// `@unchecked Sendable`: `current` is touched under `lock` only; `previous` never changes.
final class PreviewFiles: RenderTarget, @unchecked Sendable {
    struct File: Sendable {
        var entry: SiteWriter.Manifest.Entry
        var bytes: [UInt8]
    }

    private let lock = NSLock()
    /// The files of the versions before, by path: what this one may take. Let go once this version has
    /// every file: after a template edit they are a whole site's worth of pages no version shows.
    private var previous: [String: File]
    private var current: [String: File] = [:]

    init(previous: [String: File]) {
        self.previous = previous
    }

    func reusable(_ path: OutputPath, input: UInt64) -> SiteWriter.Manifest.Entry? {
        guard input != 0 else { return nil }
        return lock.withLock {
            guard let old = previous[path.value], old.entry.input == input else { return nil }
            current[path.value] = old
            return old.entry
        }
    }

    /// Every file of this version is made: the files of the versions before are no longer needed.
    func complete() {
        let released = lock.withLock {
            defer { previous = [:] }
            return previous
        }
        // Freed here, outside the lock.
        withExtendedLifetime(released) {}
    }

    func stage(_ contents: some ContiguousBytes, at path: OutputPath, _ entry: SiteWriter.Manifest.Entry) throws(Diagnostic) -> OutputFile {
        let bytes = contents as? [UInt8] ?? contents.withUnsafeBytes { Array($0) }
        lock.withLock { current[path.value] = File(entry: entry, bytes: bytes) }
        return OutputFile(path: path, entry: entry, staged: true)
    }

    /// Takes the files at `paths` from the version before as they are; false, taking none, when it lacks one.
    func carry(_ paths: [OutputPath]) -> Bool {
        lock.withLock {
            guard paths.allSatisfy({ previous[$0.value] != nil }) else { return false }
            for path in paths { current[path.value] = previous[path.value] }
            return true
        }
    }

    /// The file at a path of this version, once it is made.
    subscript(path: String) -> File? {
        lock.withLock { current[path] }
    }

    /// What the next version may take: this version's files, and where it has not made one yet, the
    /// file of a version before. Once this version is complete, only its own files, so that files of
    /// outputs that went away are let go.
    func handOn(complete: Bool) -> [String: File] {
        let (made, before) = lock.withLock { (current, previous) }
        return complete ? made : before.merging(made) { _, new in new }
    }
}
