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
    /// Regular files and symbolic links (not followed into folders), sorted by path. Hidden names are
    /// skipped unless asked for; `skipping` names folders (relative paths) not to look into.
    static func files(in folder: URL, hidden: Bool = false, skipping: Set<String> = []) -> [ScannedFile] {
        let root = folder.standardizedFileURL.path
        guard let resolvedRoot = realpath(root, nil) else { return [] }
        let rootTarget = String(cString: resolvedRoot)
        free(resolvedRoot)
        var files: [ScannedFile] = []
        let subfolders = scan(root, relative: "", rootTarget: rootTarget, hidden: hidden, skipping: skipping, into: &files)
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
        _ folder: String, relative: String, rootTarget: String, hidden: Bool, skipping: Set<String>, into files: inout [ScannedFile]
    ) -> [(String, String)] {
        guard let stream = opendir(folder) else { return [] }
        defer { closedir(stream) }
        let descriptor = dirfd(stream)
        var subfolders: [(String, String)] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." || (!hidden && name.hasPrefix(".")) { continue }
            let path = relative.isEmpty ? name : relative + "/" + name
            var status = stat()
            guard fstatat(descriptor, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
            switch status.st_mode & S_IFMT {
            case S_IFDIR:
                if !skipping.contains(path) { subfolders.append((folder + "/" + name, path)) }
            case S_IFREG:
                files.append(ScannedFile(relativePath: path, size: Int(status.st_size), modified: microseconds(status.st_mtim)))
            case S_IFLNK:
                // A link whose target is missing names no file; skip it as a folder listing would.
                guard let resolved = realpath(folder + "/" + name, nil) else { continue }
                let target = String(cString: resolved)
                free(resolved)
                guard stat(target, &status) == 0 else { continue }
                let link = ScannedFile.Link(
                    target: target,
                    leavesFolder: target != rootTarget && !target.hasPrefix(rootTarget + "/"),
                    isFolder: status.st_mode & S_IFMT == S_IFDIR
                )
                files.append(ScannedFile(relativePath: path, size: Int(status.st_size), modified: microseconds(status.st_mtim), link: link))
            default:
                continue
            }
        }
        return subfolders
    }

    private static func microseconds(_ time: timespec) -> Int {
        time.tv_sec * 1_000_000 + time.tv_nsec / 1_000
    }
}
