import BriefingSupport
import Foundation

/// What a build that would write nothing asks of the output folder: that it is what the last build left,
/// and that it holds nothing a build that writes refuses.
extension SiteWriter {
    /// Every file of the manifest is intact: the output folder is what the last build left. Each file is
    /// looked up from the output folder, opened once, rather than from the root: a no-op build is mostly
    /// these lookups, and walking the folders above the output folder was half of each.
    func isIntact(_ manifest: Manifest) -> Bool {
        let folder = open(outputPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { return false }
        defer { close(folder) }
        let entries = Array(manifest.entries)
        return !entries.isEmpty && !parallelMap(entries) { path, entry in
            var status = stat()
            return fstatat(folder, path, &status, AT_SYMLINK_NOFOLLOW) == 0 && entry.describes(status)
        }.contains(false)
    }

    /// Whether the output folder holds a link, or, without `--force`, a file the manifest does not name:
    /// what `openSession` refuses. A build with nothing to write refused neither, so a link to /etc/passwd
    /// put in the folder after a build passed every build until a page changed. Folders are listed, not
    /// each file looked up: a no-op build at 10,000 pages lists 11,000 folders on both cores.
    func holdsWhatASessionRefuses(_ manifest: Manifest) -> Bool {
        guard let top = listing(outputPath, relative: "", manifest: manifest) else { return true }
        if top.refused { return true }
        return parallelMap(top.folders) { folder in holdsRefused(folder, manifest: manifest) }.contains(true)
    }

    private func holdsRefused(_ folder: (absolute: String, relative: String), manifest: Manifest) -> Bool {
        guard let listed = listing(folder.absolute, relative: folder.relative, manifest: manifest), !listed.refused else { return true }
        return listed.folders.contains { holdsRefused($0, manifest: manifest) }
    }

    /// One folder's subfolders, and whether it holds a link or a file of someone else's; nil when it cannot be read.
    private func listing(_ folder: String, relative: String, manifest: Manifest) -> (folders: [(absolute: String, relative: String)], refused: Bool)? {
        guard let stream = opendir(folder) else { return nil }
        defer { closedir(stream) }
        var folders: [(absolute: String, relative: String)] = []
        while let entry = readdir(stream) {
            let bytes = FileBytes.name(of: entry)
            if bytes == [0x2E] || bytes == [0x2E, 0x2E] { continue }
            guard let name = String(validating: bytes, as: UTF8.self) else { return (folders, true) }
            let path = relative.isEmpty ? name : relative + "/" + name
            var type = entry.pointee.d_type
            if type == UInt8(DT_UNKNOWN) {
                var status = stat()
                guard fstatat(dirfd(stream), name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { return (folders, true) }
                type = (status.st_mode & S_IFMT) == S_IFDIR ? UInt8(DT_DIR) : (status.st_mode & S_IFMT) == S_IFLNK ? UInt8(DT_LNK) : UInt8(DT_REG)
            }
            switch type {
            case UInt8(DT_LNK): return (folders, true)
            case UInt8(DT_DIR): if path != SiteWriter.stagingName { folders.append((folder + "/" + name, path)) }
            default: if !force, manifest.entries[path] == nil, !SiteWriter.ignoredNames.contains(path) { return (folders, true) }
            }
        }
        return (folders, false)
    }
}
