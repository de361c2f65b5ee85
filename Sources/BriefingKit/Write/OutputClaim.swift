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

    /// Makes the folder if needed and locks it; fails at once if another build holds it.
    static func take(_ output: URL) throws(BuildFailure) -> OutputClaim {
        let path = output.path
        var status = stat()
        let existed = stat(path, &status) == 0
        if existed, status.st_mode & S_IFMT != S_IFDIR {
            throw BuildFailure([.error("the output path \(path) is a file, not a folder")])
        }
        do {
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        } catch {
            throw BuildFailure([.error("cannot create \(path): \(error.localizedDescription)")])
        }
        let lockPath = path + "/" + lockName
        let madeLock = access(lockPath, F_OK) != 0
        let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw BuildFailure([.error("cannot lock \(path): \(FileBytes.IOError.fromErrno().message)")])
        }
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
}
