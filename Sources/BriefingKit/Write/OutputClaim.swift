import BriefingSupport
import Foundation
import Synchronization

/// One build's hold on its output folder: a lock that a second build into the same folder cannot take
/// (it fails with a message rather than mixing two sites' files), taken before anything in the folder
/// is read. A class only to own the lock's file descriptor, closed (so released) when the build ends;
/// a folder the claim made for a build that then wrote nothing is removed with it.
final class OutputClaim: Sendable {
    static let lockName = ".briefing-lock"

    /// Whether the folder was there before this build.
    let outputExisted: Bool
    private let path: String
    private let descriptor: Int32
    /// Whether this claim made the lock file: a build that wrote nothing leaves no file behind.
    private let madeLock: Bool
    private let written = Atomic<Bool>(false)

    private init(path: String, outputExisted: Bool, descriptor: Int32, madeLock: Bool) {
        self.path = path
        self.outputExisted = outputExisted
        self.descriptor = descriptor
        self.madeLock = madeLock
    }

    deinit {
        if !written.load(ordering: .acquiring) {
            if !outputExisted {
                try? FileManager.default.removeItem(atPath: path)
            } else if madeLock {
                unlink(path + "/" + OutputClaim.lockName)
            }
        }
        close(descriptor)
    }

    /// The build put its site in the folder: it stays.
    func keep() {
        written.store(true, ordering: .releasing)
    }

    /// Makes the folder if needed and locks it; fails at once if another build holds it, or (unless the
    /// build is `serve`'s own) if `serve --write` does.
    static func take(_ output: URL, forPreview: Bool = false) throws(BuildFailure) -> OutputClaim {
        let path = output.path
        // A folder inside one serve writes to is in its way too: its next version would find files it
        // did not write.
        if !forPreview {
            var folder = output.standardizedFileURL
            while true {
                try PreviewWriteHold.refuseIfHeld(folder.path)
                let parent = folder.deletingLastPathComponent()
                guard parent.path != folder.path else { break }
                folder = parent
            }
        }
        let existed = try makeFolder(output)
        let madeLock = access(path + "/" + lockName, F_OK) != 0
        let descriptor = try openLock(lockName, in: path)
        // A child process that another thread is starting shares the last build's descriptor from its fork
        // to its exec, and with it the lock, for a moment after that build let go: a build waits up to 0.2 s
        // before it calls the folder taken, which a build in progress holds for far longer.
        var tries = 1
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, tries < 20 else {
                close(descriptor)
                throw BuildFailure([.error(
                    "another briefing build is writing to \(path) right now; wait for it to finish, or build into another --output"
                )])
            }
            tries += 1
            usleep(10_000)
        }
        return OutputClaim(path: path, outputExisted: existed, descriptor: descriptor, madeLock: madeLock)
    }

    /// The lock file `name` in the folder, opened (made if need be) for `flock`.
    static func openLock(_ name: String, in path: String) throws(BuildFailure) -> Int32 {
        let descriptor = open(path + "/" + name, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw BuildFailure([.error("cannot lock \(path): \(FileBytes.IOError.fromErrno().message)")])
        }
        return descriptor
    }

    /// Makes the output folder; whether it was there already. A file on the way is named as such, not
    /// with Foundation's "NSCocoaErrorDomain error 512".
    static func makeFolder(_ output: URL) throws(BuildFailure) -> Bool {
        let path = output.path
        var status = stat()
        let existed = stat(path, &status) == 0
        if let broken = FolderScan.brokenLink(path) { throw BuildFailure([.error("the output folder " + broken)]) }
        if existed, status.st_mode & S_IFMT != S_IFDIR {
            throw BuildFailure([.error("the output path \(path) is a file, not a folder")])
        }
        do {
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        } catch {
            var ancestor = output.deletingLastPathComponent()
            while ancestor.path != "/", stat(ancestor.path, &status) != 0 { ancestor = ancestor.deletingLastPathComponent() }
            if status.st_mode & S_IFMT != S_IFDIR {
                throw BuildFailure([.error("cannot create \(path): \(ancestor.path) is a file, not a folder")])
            }
            throw BuildFailure([.error("cannot create \(path): \(error.localizedDescription)")])
        }
        return existed
    }
}

/// `briefing serve --write`'s hold on its folder for as long as it runs. Its builds carry the preview's
/// local addresses (`http://127.0.0.1:1313/`): a build for publishing into the same folder would be
/// overwritten at the next save, and the published site would link to the editor's computer. A class
/// only to own the lock's descriptor.
public final class PreviewWriteHold: Sendable {
    static let lockName = ".briefing-serve-lock"
    private let descriptor: Int32

    /// Refused, with nothing made, where a build would refuse to write: in or around the site's own folders.
    public init(_ output: URL, siteRoot: URL) throws(BuildFailure) {
        try SiteWriter.checkPlace(output, siteRoot: siteRoot)
        _ = try OutputClaim.makeFolder(output)
        let path = output.standardizedFileURL.path
        descriptor = try OutputClaim.openLock(PreviewWriteHold.lockName, in: path)
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw BuildFailure([.error("another briefing serve --write is writing to \(path); stop it, or write to another folder")])
        }
    }

    deinit { close(descriptor) }

    /// Fails when `serve --write` holds the folder.
    static func refuseIfHeld(_ path: String) throws(BuildFailure) {
        let descriptor = open(path + "/" + lockName, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        guard flock(descriptor, LOCK_SH | LOCK_NB) == 0 else {
            throw BuildFailure([.error(
                "briefing serve --write is writing its preview (with this computer's addresses) to \(path); stop it, or build into another --output"
            )])
        }
        flock(descriptor, LOCK_UN)
    }
}
