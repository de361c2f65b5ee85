import BriefingSupport
import Foundation

/// A page's path that became a section's, or the other way round: a staged folder goes where the output
/// has a file, or a staged file where it has a folder. What is there gives way only when it is Briefing's
/// own, as the last build wrote it; anything else stops the build before the first file moves. Removing
/// whatever was in the way deleted a folder of someone's files under `--force`.
extension SiteWriter {
    func checkReplaceable(_ moves: [String], previous: Manifest) throws(Diagnostic) {
        let stagingPath = outputPath + "/" + SiteWriter.stagingName
        for path in moves {
            var target = stat(), source = stat()
            guard lstat(outputPath + "/" + path, &target) == 0, lstat(stagingPath + "/" + path, &source) == 0,
                  isFolder(target) != isFolder(source)
            else { continue }
            let inTheWay = isFolder(target) ? filesInside(path) : [path]
            if let foreign = inTheWay.first(where: { file in previous.entries[file].map { intactFile(file, $0) == nil } ?? true }) {
                let what = isFolder(target) ? "a folder holding \(outputPath)/\(foreign)" : "a file"
                throw .error(
                    "cannot write \(outputPath)/\(path): \(what), which Briefing did not write, is where this build puts its "
                        + "\(isFolder(source) ? "folder" : "file"); move it out of the output folder (nothing in the output folder was changed)"
                )
            }
        }
    }

    /// Whether `lstat` found a folder.
    func isFolder(_ status: stat) -> Bool { status.st_mode & S_IFMT == S_IFDIR }

    /// Every entry below a folder of the output that is no folder, relative to the output folder.
    private func filesInside(_ folder: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: outputPath + "/" + folder) else { return [folder] }
        var files: [String] = []
        while let name = walker.nextObject() as? String {
            var status = stat()
            let path = folder + "/" + name
            if lstat(outputPath + "/" + path, &status) == 0, !isFolder(status) { files.append(path) }
        }
        return files
    }
}
