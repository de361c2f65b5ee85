import Foundation

/// Reads and writes whole files with POSIX calls.
///
/// Foundation's `Data(contentsOf:)` leaks its first 4 KiB buffer on Linux when a file is empty (an
/// empty page is part of the bad-input catalogue, and AddressSanitizer in CI catches the leak); one
/// `fstat` and a read until end of file, or one `open` and `write`, also spare the per-file work
/// Foundation does for options a build never uses, ten thousand times per build.
package enum FileBytes {
    package struct IOError: Error, Sendable {
        package let message: String

        package static func fromErrno() -> IOError { IOError(message: String(cString: strerror(errno))) }
    }

    /// The bytes of the file at `path`, read into memory that is not cleared first.
    /// The name in a `readdir` record, read up to its NUL where it lies: a copy of the whole 256-byte
    /// field read past the end of readdir's buffer for a short name in its last record.
    package static func name(of entry: UnsafeMutablePointer<dirent>) -> [UInt8] {
        withUnsafePointer(to: &entry.pointee.d_name) { field in
            field.withMemoryRebound(to: CChar.self, capacity: 1) { name in Array(UnsafeRawBufferPointer(start: name, count: strlen(name))) }
        }
    }

    package static func read(_ path: String) throws(IOError) -> [UInt8] {
        // Without O_NONBLOCK, opening a FIFO (put there since the scan) would wait for a writer.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw .fromErrno() }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .fromErrno() }
        guard (status.st_mode & S_IFMT) != S_IFDIR else { throw IOError(message: "it is a folder") }
        guard (status.st_mode & S_IFMT) == S_IFREG else { throw IOError(message: "it is not a regular file") }
        // The size is a hint only: a file may grow or shrink while it is read, and some report 0.
        var bytes: [UInt8] = []
        let size = max(Int(status.st_size), 0)
        var wanted = size + 1
        while true {
            var failure: IOError?
            let piece = [UInt8](unsafeUninitializedCapacity: wanted) { buffer, count in
                while count < buffer.count {
                    let result = Glibc.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
                    if result == 0 { break }
                    if result < 0 {
                        if errno == EINTR { continue }
                        failure = .fromErrno()
                        break
                    }
                    count += result
                    // Less than asked once the size `fstat` gave is read: the end of the file, without a
                    // second call that returns nothing (10,000 of them in a build).
                    if count >= size, result < buffer.count - (count - result) { break }
                }
            }
            if let failure { throw failure }
            if bytes.isEmpty { bytes = piece } else { bytes += piece }
            // Less than asked for: the end of the file. (A file that grew since `fstat` takes more pieces.)
            if piece.count < wanted { return bytes }
            wanted = max(wanted, 1 << 16)
        }
    }

    /// Whether every page of the file is in the page cache (`mincore`), so that reading it waits on no
    /// disk: always so on a tmpfs, and for files read or written lately.
    package static func isCached(_ path: String) -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return false }
        let size = Int(status.st_size)
        guard size > 0 else { return true }
        guard let mapped = mmap(nil, size, PROT_READ, MAP_SHARED, descriptor, 0), mapped != MAP_FAILED else { return false }
        defer { munmap(mapped, size) }
        let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
        var resident = [UInt8](repeating: 0, count: (size + pageSize - 1) / pageSize)
        guard mincore(mapped, size, &resident) == 0 else { return false }
        return resident.allSatisfy { $0 & 1 != 0 }
    }

    /// Asks the kernel to start reading these files into the page cache, without waiting for it: files
    /// already there cost an `open` each. Errors are left for the read that follows.
    package static func prefetch(_ paths: [String]) {
        for path in paths {
            let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
            guard descriptor >= 0 else { continue }
            posix_fadvise(descriptor, 0, 0, POSIX_FADV_WILLNEED)
            close(descriptor)
        }
    }

    /// Creates or replaces the file at `path` (its folder must exist) with `bytes`; the file's modification
    /// time once written.
    package static func write(_ bytes: UnsafeRawBufferPointer, to path: String) throws(IOError) -> timespec {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .fromErrno() }
        var status = stat()
        do throws(IOError) {
            try write(bytes, to: descriptor, at: 0)
            guard fstat(descriptor, &status) == 0 else { throw IOError.fromErrno() }
        } catch {
            close(descriptor)
            throw error
        }
        guard close(descriptor) == 0 else { throw .fromErrno() }
        return status.st_mtim
    }

    /// Fills `buffer` from `offset` of an open file, however many calls that takes; false when the file
    /// ends first or cannot be read.
    package static func read(into buffer: UnsafeMutableRawBufferPointer, from descriptor: Int32, at offset: Int) -> Bool {
        var done = 0
        while done < buffer.count {
            let result = pread(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
            if result < 0 && errno == EINTR { continue }
            guard result > 0 else { return false }
            done += result
        }
        return true
    }

    /// Writes all of `bytes` at `offset` of an open file, however many calls that takes.
    package static func write(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32, at offset: Int) throws(IOError) {
        var written = 0
        while written < bytes.count {
            let result = pwrite(descriptor, bytes.baseAddress! + written, bytes.count - written, off_t(offset + written))
            if result < 0 {
                if errno == EINTR { continue }
                throw .fromErrno()
            }
            written += result
        }
    }
}
