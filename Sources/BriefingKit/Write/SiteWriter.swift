import Foundation

/// Writes a build into the output folder without ever leaving it half-written: files are staged in a
/// hidden folder inside it, and only a build without errors moves them into place. It deletes only
/// files an earlier build wrote (listed in a manifest) and refuses a folder holding anything else.
public struct SiteWriter: Sendable {
    public let output: URL
    public let force: Bool

    static let manifestName = ".briefing-manifest"
    static let stagingName = ".briefing-staging"
    /// Files a build neither wrote nor minds: they keep an empty output folder in git.
    static let ignoredNames: Set<String> = [".gitkeep", ".gitignore", manifestName]

    public init(output: URL, force: Bool) {
        self.output = output.standardizedFileURL
        self.force = force
    }

    public struct Summary: Sendable {
        public var written = 0
        public var unchanged = 0
        public var removed = 0
    }

    /// Checks the output folder and opens a fresh staging area in it.
    func prepare(siteRoot: URL) throws(BuildFailure) -> StagingArea {
        let outputPath = output.resolvingSymlinksInPath().path
        let rootPath = siteRoot.standardizedFileURL.resolvingSymlinksInPath().path
        for protected in ["Content", "Templates"] {
            let folder = rootPath + "/" + protected
            if folder == outputPath || folder.hasPrefix(outputPath + "/") || outputPath.hasPrefix(folder + "/") {
                throw BuildFailure([.error("the output folder \(output.path) overlaps \(protected)/; choose a folder of its own")])
            }
        }
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: output.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw BuildFailure([.error("the output path \(output.path) is a file, not a folder")])
            }
            let foreign = foreignFiles()
            if !foreign.isEmpty, !force {
                let shown = foreign.prefix(3).map { "'\($0)'" }.joined(separator: ", ")
                let more = foreign.count > 3 ? " and \(foreign.count - 3) more" : ""
                throw BuildFailure([.error(
                    "\(output.path) holds files Briefing did not write (\(shown)\(more)); empty it, choose another --output, or pass --force to build beside them"
                )])
            }
        }
        let staging = output.appendingPathComponent(SiteWriter.stagingName)
        let outputExisted = manager.fileExists(atPath: output.path)
        do {
            try? manager.removeItem(at: staging)
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw BuildFailure([.error("cannot create \(staging.path): \(error.localizedDescription)")])
        }
        return StagingArea(root: staging, outputExisted: outputExisted)
    }

    /// Moves staged files whose bytes differ into place, keeps identical ones untouched (and their
    /// modification times), removes files the previous build wrote that this one did not, and records
    /// the new manifest.
    func commit(_ staging: StagingArea, files: Set<String>) throws(BuildFailure) -> Summary {
        let manager = FileManager.default
        var summary = Summary()
        do {
            for path in files.sorted() {
                let staged = staging.root.appendingPathComponent(path)
                let target = output.appendingPathComponent(path)
                if manager.contentsEqual(atPath: staged.path, andPath: target.path) {
                    summary.unchanged += 1
                    continue
                }
                try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                if manager.fileExists(atPath: target.path) { try manager.removeItem(at: target) }
                try manager.moveItem(at: staged, to: target)
                summary.written += 1
            }
            for path in previousManifest().subtracting(files) {
                let target = output.appendingPathComponent(path)
                guard manager.fileExists(atPath: target.path) else { continue }
                try manager.removeItem(at: target)
                summary.removed += 1
                removeEmptyFolders(above: target)
            }
            let manifest = "# Files written by briefing build; it deletes only these.\n" + files.sorted().joined(separator: "\n") + "\n"
            try Data(manifest.utf8).write(to: output.appendingPathComponent(SiteWriter.manifestName), options: .atomic)
        } catch {
            throw BuildFailure([.error("cannot write \(output.path): \(error.localizedDescription)")])
        }
        try? manager.removeItem(at: staging.root)
        return summary
    }

    /// Leaves the output folder as the build found it: a folder the build created goes away again.
    func discard(_ staging: StagingArea) {
        try? FileManager.default.removeItem(at: staging.root)
        if !staging.outputExisted { try? FileManager.default.removeItem(at: output) }
    }

    private func previousManifest() -> Set<String> {
        guard let text = try? String(contentsOf: output.appendingPathComponent(SiteWriter.manifestName), encoding: .utf8) else {
            return []
        }
        return Set(text.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { line in
            let path = String(line)
            // A manifest edited by hand must not make a build delete outside the output folder.
            return InternalLinks.normalize(path, from: []) == path ? path : nil
        })
    }

    /// Files in the output folder that no earlier build wrote.
    private func foreignFiles() -> [String] {
        let known = previousManifest()
        guard let enumerator = FileManager.default.enumerator(at: output, includingPropertiesForKeys: [.isDirectoryKey]) else {
            return []
        }
        let prefix = output.path.count + 1
        var foreign: [String] = []
        for case let url as URL in enumerator {
            let relative = String(url.standardizedFileURL.path.dropFirst(prefix))
            if relative == SiteWriter.stagingName { enumerator.skipDescendants(); continue }
            if (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true { continue }
            if SiteWriter.ignoredNames.contains(relative) || known.contains(relative) { continue }
            foreign.append(relative)
        }
        return foreign.sorted()
    }

    private func removeEmptyFolders(above file: URL) {
        var folder = file.deletingLastPathComponent().standardizedFileURL
        while folder.path.count > output.path.count,
              let contents = try? FileManager.default.contentsOfDirectory(atPath: folder.path), contents.isEmpty {
            try? FileManager.default.removeItem(at: folder)
            folder = folder.deletingLastPathComponent().standardizedFileURL
        }
    }
}

/// The hidden folder a build writes into before anything reaches the output folder. Writes of
/// different files may run in parallel.
struct StagingArea: Sendable {
    let root: URL
    let outputExisted: Bool

    func write(_ data: Data, to relativePath: String) throws(Diagnostic) {
        let target = try destination(relativePath)
        do {
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: target)
        } catch {
            throw .error("cannot write \(relativePath): \(error.localizedDescription)")
        }
    }

    func copy(_ source: URL, to relativePath: String) throws(Diagnostic) {
        let target = try destination(relativePath)
        do {
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? FileManager.default.removeItem(at: target)
            try FileManager.default.copyItem(at: source, to: target)
        } catch {
            throw .error("cannot copy \(source.path): \(error.localizedDescription)")
        }
    }

    /// Every output path comes from content; this is the last guard that none leaves the folder.
    private func destination(_ relativePath: String) throws(Diagnostic) -> URL {
        guard InternalLinks.normalize(relativePath, from: []) == relativePath, !relativePath.isEmpty else {
            throw .error("refusing to write '\(relativePath)': it leads out of the output folder")
        }
        return root.appendingPathComponent(relativePath)
    }
}
