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
    /// put in the folder after a build passed every build until a page changed. Listing every folder made
    /// a no-op build at 10,000 pages take 7% of a full one: only a folder changed since the last build wrote
    /// its manifest (a file added, removed or renamed in it changes its time) is listed, with any folder in it
    /// that holds none of Briefing's files; the others are looked up, one `fstatat` each, on both cores.
    func holdsWhatASessionRefuses(_ manifest: Manifest) -> Bool {
        var status = stat()
        guard stat(outputPath + "/" + SiteWriter.manifestName, &status) == 0 else { return true }
        let written = Manifest.nanoseconds(status.st_mtim)
        var folders: Set<String> = [""]
        for path in manifest.entries.keys {
            // Cut at bytes: a cut between Characters asked for grapheme breaks, a fifth of a no-op build.
            var folder = Substring(path)
            while let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/")) {
                folder = folder[..<slash]
                if !folders.insert(String(folder)).inserted { break }
            }
        }
        let root = open(outputPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard root >= 0 else { return true }
        defer { close(root) }
        let known = folders
        return parallelMap(Array(known)) { folder in
            var status = stat()
            guard fstatat(root, folder.isEmpty ? "." : folder, &status, AT_SYMLINK_NOFOLLOW) == 0, (status.st_mode & S_IFMT) == S_IFDIR else { return true }
            guard Manifest.nanoseconds(status.st_mtim) > written else { return false }
            return holdsRefused((folder.isEmpty ? outputPath : outputPath + "/" + folder, folder), manifest: manifest, known: known)
        }.contains(true)
    }

    /// Whether the folder holds what a session refuses, in it or in a folder of it that is not `known`
    /// (those are looked at on their own).
    private func holdsRefused(_ folder: (absolute: String, relative: String), manifest: Manifest, known: Set<String>) -> Bool {
        guard let listed = listing(folder.absolute, relative: folder.relative, manifest: manifest), !listed.refused else { return true }
        return listed.folders.contains { !known.contains($0.relative) && holdsRefused($0, manifest: manifest, known: []) }
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
