import BriefingSupport
import Foundation
import Synchronization

/// Folders known to exist, so that writing ten thousand pages does not ask the file system ten
/// thousand times. Shared by the parallel writers.
final class FolderCache: Sendable {
    private let known = Mutex<Set<String>>([])
    /// Made by the build before any file: never made again here, so a write racing the folder's removal
    /// (a build stopped by Ctrl-C) fails rather than leave a folder behind.
    private let root: String

    init(root: String) {
        self.root = root
    }

    func ensure(_ folder: String) throws(FileBytes.IOError) {
        if folder == root || known.withLock({ $0.contains(folder) }) { return }
        if mkdir(folder, 0o755) != 0 {
            switch errno {
            case EEXIST: break
            case ENOENT:
                guard let slash = folder.lastIndex(of: "/"), slash != folder.startIndex else { throw .fromErrno() }
                try ensure(String(folder[..<slash]))
                if mkdir(folder, 0o755) != 0, errno != EEXIST { throw .fromErrno() }
            default: throw .fromErrno()
            }
        }
        known.withLock { _ = $0.insert(folder) }
    }
}

/// The hidden folder a build stages changed files in, laid out as the output folder is.
struct StagingArea: Sendable {
    let root: URL
    let outputExisted: Bool
    private let folders: FolderCache

    init(root: URL, outputExisted: Bool) {
        self.root = root
        self.outputExisted = outputExisted
        folders = FolderCache(root: root.path)
    }

    /// A page rendered as bytes, or a file read as it is; the time the file was written (`Manifest.Entry.modified`).
    func write(_ contents: some ContiguousBytes, to path: OutputPath) throws(Diagnostic) -> Int64 {
        try contents.withUnsafeBytes { bytes in write(bytes, to: path) }.get()
    }

    private func write(_ bytes: UnsafeRawBufferPointer, to path: OutputPath) -> Result<Int64, Diagnostic> {
        let target = root.path + "/" + path.value
        // Ctrl-C: the staging folder is being removed, and a write now would make its folders again.
        let written = BuildInterruption.writing { () -> Result<Int64, Diagnostic> in
            do throws(FileBytes.IOError) {
                if let slash = target.lastIndex(of: "/") { try folders.ensure(String(target[..<slash])) }
                return .success(SiteWriter.Manifest.nanoseconds(try FileBytes.write(bytes, to: target)))
            } catch {
                return .failure(.error("cannot write \(target): \(error.message)"))
            }
        }
        return written ?? .failure(.error("cannot write \(target): the build was stopped"))
    }
}
