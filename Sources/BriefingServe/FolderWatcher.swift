import BriefingSupport
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Reports changes anywhere below some folders. A burst of events (an editor's save writes, renames
/// and deletes; `git checkout` touches hundreds of files) becomes one change, once `debounce` has
/// passed without another. The stream buffers one change: saves during a build make one more build.
enum FolderWatcher {
    static func changes(in folders: [URL], debounce: DispatchTimeInterval) throws -> AsyncStream<Void> {
        try watch(folders, debounce: debounce).signals
    }

    /// The changes as signals, and the paths that changed since they were last taken: a signal that
    /// replaces one not yet taken loses nothing. A change of `polled`, asked twice a second, is a signal
    /// with no path: something outside the folders that the site depends on (the commit its checkout is at).
    static func watch(
        _ folders: [URL], debounce: DispatchTimeInterval, polling polled: (@Sendable () -> String)? = nil
    ) throws -> (signals: AsyncStream<Void>, paths: ChangedPaths) {
        let (stream, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let paths = ChangedPaths()
        let watch = try FolderWatch(folders: folders, debounce: debounce, continuation: continuation, paths: paths)
        let poll = polled.map { Poll($0, continuation: continuation) }
        // Ends when the server stops iterating: the watch closes its descriptor.
        continuation.onTermination = { _ in
            watch.stop()
            poll?.stop()
        }
        return (stream, paths)
    }
}

/// Asks a value twice a second and signals when it changes.
///
/// `@unchecked Sendable`: the timer is set once, and a dispatch source may be cancelled from any thread.
private final class Poll: @unchecked Sendable {
    private let timer: DispatchSourceTimer

    init(_ value: @escaping @Sendable () -> String, continuation: AsyncStream<Void>.Continuation) {
        let last = Mutex(value())
        timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "briefing.serve.poll"))
        timer.schedule(deadline: .now() + .milliseconds(500), repeating: .milliseconds(500))
        timer.setEventHandler {
            let current = value()
            let changed = last.withLock { last in
                defer { last = current }
                return last != current
            }
            if changed { continuation.yield() }
        }
        timer.resume()
    }

    func stop() {
        timer.cancel()
    }
}

/// The files that changed below the watched folders since the last `take()`, by absolute path; or, when
/// the watch cannot tell (lost events, a folder created, moved or deleted), that anything may have.
final class ChangedPaths: Sendable {
    private let state = Mutex<(paths: Set<String>, anything: Bool)>(([], false))

    func add(_ path: String) {
        state.withLock { _ = $0.paths.insert(path) }
    }

    func addAnything() {
        state.withLock { $0.anything = true }
    }

    /// The paths changed since the last call, and forgets them; nil when anything may have changed.
    func take() -> Set<String>? {
        state.withLock { state in
            defer { state = ([], false) }
            return state.anything ? nil : state.paths
        }
    }
}

#if canImport(Glibc)
/// inotify watches one folder, not its subfolders: this keeps a watch on every folder below the roots
/// and adds one for each folder created or moved in later.
///
/// `@unchecked Sendable`: the watch table and the pending debounce are touched on `queue` only.
private final class FolderWatch: @unchecked Sendable {
    private let descriptor: Int32
    private let queue = DispatchQueue(label: "briefing.serve.watch")
    private let source: DispatchSourceRead
    private let debounce: DispatchTimeInterval
    private let continuation: AsyncStream<Void>.Continuation
    private let paths: ChangedPaths
    private let roots: [URL]
    /// The folder of each watch descriptor.
    private var folders: [Int32: URL] = [:]
    private var pending: DispatchWorkItem?

    private static let events = UInt32(
        IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_ATTRIB | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF
    ) | UInt32(IN_ONLYDIR)

    init(folders roots: [URL], debounce: DispatchTimeInterval, continuation: AsyncStream<Void>.Continuation, paths: ChangedPaths) throws {
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else {
            throw ServeError("cannot watch for changes: inotify_init1 failed (\(String(cString: strerror(errno))))")
        }
        self.debounce = debounce
        self.continuation = continuation
        self.paths = paths
        self.roots = roots
        source = DispatchSource.makeReadSource(fileDescriptor: descriptor, queue: queue)
        source.setCancelHandler { [descriptor] in close(descriptor) }
        do {
            try queue.sync {
                for root in roots { try addWatches(below: root) }
            }
        } catch {
            // A source must be running before it is released; cancelling it closes the descriptor.
            source.resume()
            source.cancel()
            throw error
        }
        source.setEventHandler { [self] in readEvents() }
        source.resume()
    }

    func stop() {
        queue.async { [self] in
            pending?.cancel()
            source.cancel()
        }
    }

    /// A watch on the folder and every folder inside it, hidden ones aside: the build skips them.
    private func addWatches(below root: URL) throws {
        try addWatch(root)
        for folder in FolderWatch.subfolders(of: root.path) { try addWatch(URL(fileURLWithPath: folder, isDirectory: true)) }
    }

    /// Every folder below `path`, hidden ones and links aside, from the folders' listings alone: a
    /// FileManager enumerator asked each of the 10,000 pages of a large site whether it was a folder,
    /// which took longer than the first build.
    private static func subfolders(of path: String) -> [String] {
        guard let stream = opendir(path) else { return [] }
        defer { closedir(stream) }
        var found: [String] = []
        while let entry = readdir(stream) {
            let name = String(decoding: FileBytes.name(of: entry), as: UTF8.self)
            // `.`, `..` and hidden names.
            if name.hasPrefix(".") { continue }
            let child = path + "/" + name
            var isFolder = entry.pointee.d_type == UInt8(DT_DIR)
            if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                var status = stat()
                isFolder = lstat(child, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
            }
            if isFolder { found += [child] + subfolders(of: child) }
        }
        return found
    }

    private func addWatch(_ folder: URL) throws {
        let watch = inotify_add_watch(descriptor, folder.path, FolderWatch.events)
        guard watch >= 0 else {
            // A folder that went away before its watch was added is no longer there to watch.
            if errno == ENOENT || errno == ENOTDIR { return }
            if errno == ENOSPC {
                throw ServeError("cannot watch \(folder.path) for changes: the system's limit of inotify watches is reached (raise fs.inotify.max_user_watches)")
            }
            throw ServeError("cannot watch \(folder.path) for changes: \(String(cString: strerror(errno)))")
        }
        folders[Int32(watch)] = folder
    }

    private func readEvents() {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var changed = false
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            // The descriptor does not block: -1 with EAGAIN means every event is read.
            guard count > 0 else { break }
            var offset = 0
            buffer.withUnsafeBytes { bytes in
                let header = MemoryLayout<inotify_event>.size
                while offset + header <= count {
                    let watch = bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                    let mask = bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                    let nameLength = Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                    let nameBytes = bytes[(offset + header)..<min(offset + header + nameLength, count)]
                    let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                    offset += header + nameLength
                    changed = handle(watch: watch, mask: mask, name: name) || changed
                }
            }
        }
        if changed { schedule() }
    }

    /// Keeps the watch table current; true when the event changes the site.
    private func handle(watch: Int32, mask: UInt32, name: String) -> Bool {
        if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            // Events were lost, new folders among them perhaps: watch everything again (an existing
            // watch is returned as it is) and rebuild.
            for root in roots { try? addWatches(below: root) }
            paths.addAnything()
            return true
        }
        if mask & UInt32(IN_IGNORED) != 0 {
            folders[watch] = nil
            return false
        }
        // Editors' swap, backup and lock files; the build skips hidden files too.
        if name.hasPrefix(".") || name.hasSuffix("~") || (name.count > 1 && name.hasPrefix("#") && name.hasSuffix("#")) { return false }
        if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0, let folder = folders[watch] {
            // Files may already be inside: the rebuild that follows reads them.
            try? addWatches(below: folder.appendingPathComponent(name))
        }
        if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_MOVED_FROM) != 0, let folder = folders[watch] {
            // Moved out of the site (or renamed, and watched anew by its IN_MOVED_TO): its edits are no
            // longer the site's.
            removeWatches(below: folder.appendingPathComponent(name).path)
        }
        if mask & UInt32(IN_ISDIR) == 0, let folder = folders[watch] {
            paths.add(folder.appendingPathComponent(name).path)
        } else {
            paths.addAnything()
        }
        return true
    }

    private func removeWatches(below path: String) {
        for (watch, folder) in folders where folder.path == path || folder.path.hasPrefix(path + "/") {
            inotify_rm_watch(descriptor, watch)
            folders[watch] = nil
        }
    }

    private func schedule() {
        pending?.cancel()
        let item = DispatchWorkItem { [continuation] in continuation.yield() }
        pending = item
        queue.asyncAfter(deadline: .now() + debounce, execute: item)
    }
}
#else
/// Without inotify, the folders' listing (paths, sizes, modification times) is compared twice a second;
/// the interval already groups a burst of saves, so there is no separate debounce.
///
/// `@unchecked Sendable`: `listing` is touched on `queue` only.
private final class FolderWatch: @unchecked Sendable {
    private let queue = DispatchQueue(label: "briefing.serve.watch")
    private let timer: DispatchSourceTimer
    private let roots: [URL]
    private var listing: [String: [Int]] = [:]

    init(folders roots: [URL], debounce _: DispatchTimeInterval, continuation: AsyncStream<Void>.Continuation, paths: ChangedPaths) throws {
        self.roots = roots
        timer = DispatchSource.makeTimerSource(queue: queue)
        queue.sync { listing = currentListing() }
        timer.schedule(deadline: .now() + .milliseconds(500), repeating: .milliseconds(500))
        timer.setEventHandler { [self] in
            let current = currentListing()
            if current != listing {
                listing = current
                // A listing compared twice a second does not say which files changed in between.
                paths.addAnything()
                continuation.yield()
            }
        }
        timer.resume()
    }

    func stop() {
        timer.cancel()
    }

    private func currentListing() -> [String: [Int]] {
        var listing: [String: [Int]] = [:]
        let keys: [URLResourceKey] = [.fileSizeKey, .contentModificationDateKey]
        for root in roots {
            let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles])
            while let url = files?.nextObject() as? URL {
                let values = try? url.resourceValues(forKeys: Set(keys))
                let modified = values?.contentModificationDate?.timeIntervalSince1970 ?? 0
                listing[url.path] = [values?.fileSize ?? -1, Int(modified * 1000)]
            }
        }
        return listing
    }
}
#endif
