import BriefingSupport
import Foundation

/// A file below a scanned folder, with what the build cache needs to know whether it changed.
struct ScannedFile: Sendable, Equatable {
    /// Relative to the scanned folder, with `/` separators.
    var relativePath: String
    var size: Int
    /// Modification time in microseconds since 1970.
    var modified: Int
    var link: Link?
    /// Why the build cannot use this entry (a name that is not UTF-8, a folder it cannot read, a FIFO),
    /// as the end of a sentence that starts with its path. Skipping it instead would drop its pages
    /// from the site, and an earlier build's copies of them with it.
    var refusal: String?

    /// Where a symbolic link leads, resolved; size and time are those of its target.
    struct Link: Sendable, Equatable {
        var target: String
        var leavesFolder: Bool
        var isFolder: Bool
    }
}

/// Lists the files below a folder with `readdir` and `fstatat`: one system call per file, where a
/// FileManager enumerator with resource values costs several and a URL per file. Both the build
/// cache's stamps and the loader use one scan, so a no-op build reads the tree once and a full build
/// reads it once too.
enum FolderScan {
    /// Regular files and symbolic links (not followed into folders), sorted by path, and entries with a
    /// `refusal`. Hidden names are skipped unless asked for; `skipping` names folders (relative paths)
    /// not to look into.
    /// Hidden names (`.DS_Store`, `.git`) are left out unless `hidden`, but for those of `keeping` at the top.
    static func files(in folder: URL, hidden: Bool = false, keeping: Set<String> = [], skipping: Set<String> = []) -> [ScannedFile] {
        let root = folder.standardizedFileURL.path
        guard let resolvedRoot = realpath(root, nil) else { return [] }
        let rootTarget = String(cString: resolvedRoot)
        free(resolvedRoot)
        var files: [ScannedFile] = []
        let subfolders = scan(root, relative: "", rootTarget: rootTarget, hidden: hidden, keeping: keeping, skipping: skipping, into: &files)
        // The top folder's subfolders (a site's sections) on all cores: a no-op build is mostly this scan.
        files += parallelMap(subfolders) { absolute, path in
            var found: [ScannedFile] = []
            scanTree(absolute, relative: path, rootTarget: rootTarget, hidden: hidden, skipping: skipping, into: &found)
            return found
        }.flatMap { $0 }
        return files.sorted { $0.relativePath < $1.relativePath }
    }

    private static func scanTree(
        _ folder: String, relative: String, rootTarget: String, hidden: Bool, skipping: Set<String>, into files: inout [ScannedFile]
    ) {
        for (absolute, path) in scan(folder, relative: relative, rootTarget: rootTarget, hidden: hidden, skipping: skipping, into: &files) {
            scanTree(absolute, relative: path, rootTarget: rootTarget, hidden: hidden, skipping: skipping, into: &files)
        }
    }

    /// Appends the files of one folder and returns its subfolders to look into, absolute and relative.
    private static func scan(
        _ folder: String, relative: String, rootTarget: String, hidden: Bool, keeping: Set<String> = [], skipping: Set<String>,
        into files: inout [ScannedFile]
    ) -> [(String, String)] {
        guard let stream = opendir(folder) else {
            // A folder that vanished since it was listed holds nothing; one that is there but closed is an error.
            if let refused = unreadable(relative) { files.append(refused) }
            return []
        }
        defer { closedir(stream) }
        let descriptor = dirfd(stream)
        var subfolders: [(String, String)] = []
        while let entry = readdir(stream) {
            let nameBytes = FileBytes.name(of: entry)
            if nameBytes == [0x2E] || nameBytes == [0x2E, 0x2E] { continue }
            if !hidden, isHiddenOrBackup(nameBytes), !keeping.contains(where: { $0.utf8.elementsEqual(nameBytes) }) { continue }
            guard let name = String(validating: nameBytes, as: UTF8.self) else {
                let (shown, byte) = escaped(nameBytes)
                files.append(refused(
                    relative.isEmpty ? shown : relative + "/" + shown, "has a name that is not UTF-8 (byte \(byte), shown as \\x\(byte.dropFirst(2))); rename it"
                ))
                continue
            }
            let path = relative.isEmpty ? name : relative + "/" + name
            // A line break in a name would forge a line of the output's manifest, and the build would
            // later delete a file it never wrote.
            if nameBytes.contains(where: { $0 < 0x20 || $0 == 0x7F }) || name.unicodeScalars.contains(where: { (0x80...0x9F).contains($0.value) }) {
                files.append(refused(path, "has a control character in its name; rename it"))
                continue
            }
            var status = stat()
            guard fstatat(descriptor, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else {
                // Gone since the folder was listed: nothing to read. Anything else (a folder that can be
                // listed but not entered) would drop its files, and an earlier build's copies of them.
                if let refused = unreadable(path) { files.append(refused) }
                continue
            }
            switch status.st_mode & S_IFMT {
            case S_IFDIR:
                if !skipping.contains(path) { subfolders.append((folder + "/" + name, path)) }
            case S_IFREG:
                files.append(ScannedFile(relativePath: path, size: Int(status.st_size), modified: microseconds(status.st_mtim)))
            case S_IFLNK:
                // A link to nothing, skipped, would drop the page it stood for and its published copy.
                guard let resolved = realpath(folder + "/" + name, nil) else {
                    let reason = errno == ENOENT ? "which does not exist" : "which cannot be followed (\(String(cString: strerror(errno))))"
                    let refusal = "is a link to '\(linkText(folder + "/" + name))', \(reason); restore the file or remove the link"
                    files.append(refused(path, refusal))
                    continue
                }
                let target = String(cString: resolved)
                free(resolved)
                guard stat(target, &status) == 0 else { continue }
                let type = status.st_mode & S_IFMT
                let link = ScannedFile.Link(
                    target: target,
                    leavesFolder: target != rootTarget && !target.hasPrefix(rootTarget + "/"),
                    isFolder: type == S_IFDIR
                )
                // Opening a FIFO waits for a writer: the build would hang on it.
                let refusal = type == S_IFDIR || type == S_IFREG ? nil : "is a link to '\(target)', \(describe(type)); Briefing reads only files and folders"
                files.append(ScannedFile(relativePath: path, size: Int(status.st_size), modified: microseconds(status.st_mtim), link: link, refusal: refusal))
            default:
                files.append(refused(path, "is \(describe(status.st_mode & S_IFMT)); Briefing reads only files and folders"))
            }
        }
        return subfolders
    }

    /// An entry the build cannot use, and why.
    private static func refused(_ path: String, _ refusal: String) -> ScannedFile {
        ScannedFile(relativePath: path, size: 0, modified: 0, refusal: refusal)
    }

    /// An entry that is there but cannot be read, as `errno` says; nil when it is gone since its folder
    /// was listed (nothing to read).
    private static func unreadable(_ path: String) -> ScannedFile? {
        guard errno != ENOENT else { return nil }
        return refused(path, "cannot be read (\(String(cString: strerror(errno)))); its files would be left out of the site")
    }

    /// Hidden names, and editors' backup files (`page.md~`, `#page.md#`), which are no part of a site.
    private static func isHiddenOrBackup(_ name: [UInt8]) -> Bool {
        name.first == UInt8(ascii: ".") || name.last == UInt8(ascii: "~")
            || (name.count > 1 && name.first == UInt8(ascii: "#") && name.last == UInt8(ascii: "#"))
    }

    /// What a link says it leads to, as written.
    static func linkText(_ path: String) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, Int(PATH_MAX))
        guard count >= 0 else { return "?" }
        return String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// A message for a symbolic link at `path` that leads to nothing, or nil (no link, or one that leads somewhere).
    static func brokenLink(_ path: String) -> String? {
        var status = stat()
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK, stat(path, &status) != 0 else { return nil }
        return "\(path) is a link to '\(linkText(path))', which does not exist: remove the link, or make what it names"
    }

    /// A name's valid UTF-8 as it is and each invalid byte as `\xE9`; and the first invalid byte as `0xE9`.
    private static func escaped(_ bytes: [UInt8]) -> (shown: String, firstInvalid: String) {
        var shown = ""
        var firstInvalid: String?
        var offset = 0
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                shown.unicodeScalars.append(Unicode.UTF8.decode(encoded))
                offset += encoded.count
            case .error(let length):
                for byte in bytes[offset..<offset + length] {
                    let hex = String(byte, radix: 16, uppercase: true)
                    firstInvalid = firstInvalid ?? "0x" + hex
                    shown += "\\x" + hex
                }
                offset += length
            case .emptyInput:
                return (shown, firstInvalid ?? "")
            }
        }
    }

    private static func describe(_ type: mode_t) -> String {
        switch type {
        case S_IFIFO: "a FIFO"
        case S_IFSOCK: "a socket"
        case S_IFCHR, S_IFBLK: "a device"
        default: "not a regular file"
        }
    }

    /// The size and modification time of the file at `path` when it is a regular file (not a link, a
    /// folder or anything else); nil otherwise, or when it is gone.
    static func stamp(ofRegularFile path: String) -> LoadedPage.Stamp? {
        var status = stat()
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        return LoadedPage.Stamp(size: Int(status.st_size), modified: microseconds(status.st_mtim))
    }

    private static func microseconds(_ time: timespec) -> Int {
        time.tv_sec * 1_000_000 + time.tv_nsec / 1_000
    }
}
