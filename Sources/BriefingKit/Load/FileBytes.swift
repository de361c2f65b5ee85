import Foundation

/// Reads whole files with POSIX calls.
///
/// Foundation's `Data(contentsOf:)` leaks its first 4 KiB buffer on Linux when a file is empty (an
/// empty page is part of the bad-input catalogue, and AddressSanitizer in CI catches the leak); one
/// `fstat` and a read until end of file also spares the per-file work Foundation does for options
/// the build never uses.
enum FileBytes {
    struct ReadError: Error, Sendable {
        let message: String
    }

    static func read(_ url: URL) throws(ReadError) -> Data {
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ReadError(message: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw ReadError(message: String(cString: strerror(errno))) }
        guard (status.st_mode & S_IFMT) != S_IFDIR else { throw ReadError(message: "it is a folder") }
        // The size is a hint only: a file may grow or shrink while it is read, and some report 0.
        var data = Data(count: max(Int(status.st_size), 0) + 1)
        var length = 0
        while true {
            if length == data.count { data.count *= 2 }
            let result = data.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + length, buffer.count - length)
            }
            if result == 0 { break }
            if result < 0 {
                if errno == EINTR { continue }
                throw ReadError(message: String(cString: strerror(errno)))
            }
            length += result
        }
        data.count = length
        return data
    }
}
