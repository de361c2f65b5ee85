import BriefingMarkdown
import BriefingSupport
import Foundation
import Synchronization

/// The write stage: a build goes into the output folder without ever leaving it half-written. Files
/// whose bytes changed (their hashes are kept in a manifest) are staged in a hidden folder while the
/// build renders and checks everything (`WriteSession`), and the plan is applied, moving them into
/// place, only when nothing failed. It deletes only files an earlier build wrote and refuses a folder
/// holding anything else.
public struct SiteWriter: Sendable {
    public let output: URL
    public let force: Bool
    /// `output` as a path, made once: checking every file of the manifest asked the URL for it each time.
    private let outputPath: String

    static let manifestName = ".briefing-manifest"
    static let stagingName = ".briefing-staging"
    /// Files a build neither wrote nor minds: they keep an empty output folder in git, or are its own.
    static let ignoredNames = Set([".gitkeep", ".gitignore", manifestName, BuildCache.fileName, BuildCache.pendingName]).union(retiredNames)
    /// Files earlier versions kept in the output folder and this one no longer reads: the page bodies
    /// between the Markdown and template stages (150 MB at 10,000 pages). A build removes them.
    static let retiredNames: Set<String> = [".briefing-bodies", ".briefing-bodies.new"]

    public init(output: URL, force: Bool) {
        self.output = output.standardizedFileURL
        self.outputPath = self.output.path
        self.force = force
    }

    public struct Summary: Sendable {
        public var written = 0
        public var unchanged = 0
        public var removed = 0
    }

    /// Opens the output folder for a build: checks that it may be built into, reads what the last build
    /// wrote, and makes a fresh staging folder.
    func openSession(siteRoot: URL) throws(BuildFailure) -> WriteSession {
        let previous = try prepare(siteRoot: siteRoot)
        return WriteSession(writer: self, previous: previous, staging: try openStaging())
    }

    /// Checks that the output folder may be built into, and reads what the last build wrote.
    private func prepare(siteRoot: URL) throws(BuildFailure) -> Manifest {
        let outputPath = output.resolvingSymlinksInPath().path
        let rootPath = siteRoot.standardizedFileURL.resolvingSymlinksInPath().path
        for protected in ["Content", "Templates"] {
            let folder = rootPath + "/" + protected
            if folder == outputPath || folder.hasPrefix(outputPath + "/") || outputPath.hasPrefix(folder + "/") {
                throw BuildFailure([.error("the output folder \(output.path) overlaps \(protected)/; choose a folder of its own")])
            }
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: output.path, isDirectory: &isDirectory) else { return Manifest() }
        guard isDirectory.boolValue else {
            throw BuildFailure([.error("the output path \(output.path) is a file, not a folder")])
        }
        let manifest = previousManifest() ?? Manifest()
        let foreign = foreignFiles(known: manifest)
        if !foreign.isEmpty, !force {
            let shown = foreign.prefix(3).map { "'\($0)'" }.joined(separator: ", ")
            let more = foreign.count > 3 ? " and \(foreign.count - 3) more" : ""
            throw BuildFailure([.error(
                "\(output.path) holds files Briefing did not write (\(shown)\(more)); empty it, choose another --output, or pass --force to build beside them"
            )])
        }
        return manifest
    }

    /// Whether a file must be written: its bytes differ from what the manifest records, or the file on
    /// disk is gone or has another size (someone changed it).
    func needsWrite(_ path: String, _ entry: Manifest.Entry, previous: Manifest) -> Bool {
        guard entry.sameBytes(as: previous.entries[path]) else { return true }
        return !isIntact(path, entry)
    }

    /// The file is on disk with the size the manifest records (so nobody removed or edited it).
    func isIntact(_ path: String, _ entry: Manifest.Entry) -> Bool {
        var status = stat()
        return stat(outputPath + "/" + path, &status) == 0 && Int(status.st_size) == entry.size
    }

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
            return fstatat(folder, path, &status, 0) == 0 && Int(status.st_size) == entry.size
        }.contains(false)
    }

    /// A fresh, empty staging folder inside the output folder (so moving out of it is a rename).
    private func openStaging() throws(BuildFailure) -> StagingArea {
        let staging = output.appendingPathComponent(SiteWriter.stagingName)
        let outputExisted = FileManager.default.fileExists(atPath: output.path)
        do {
            try? FileManager.default.removeItem(at: staging)
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw BuildFailure([.error("cannot create \(staging.path): \(error.localizedDescription)")])
        }
        return StagingArea(root: staging, outputExisted: outputExisted)
    }

    /// Leaves the output folder as the build found it.
    func discard(_ staging: StagingArea) {
        try? FileManager.default.removeItem(at: staging.root)
        if !staging.outputExisted { try? FileManager.default.removeItem(at: output) }
    }

    /// Moves staged files to their places. The staging folder mirrors the output folder, so a folder the
    /// output lacks (every folder, when building into an empty one) moves in with one rename; only files
    /// whose folder already exists move one by one.
    func commit(_ staging: StagingArea, _ staged: [String]) throws(BuildFailure) {
        var moves: [String] = []
        var movedFolders: Set<String> = []
        var outputHas: [String: Bool] = [:]
        for path in staged {
            var move = path
            // Each folder of the path, from the top, cut at its slashes as bytes.
            var next = path.utf8.startIndex
            while let slash = path.utf8[next...].firstIndex(of: UInt8(ascii: "/")) {
                let folder = String(path[..<slash])
                next = path.utf8.index(after: slash)
                if movedFolders.contains(folder) { move = ""; break }
                let exists = outputHas[folder] ?? (access(outputPath + "/" + folder, F_OK) == 0)
                outputHas[folder] = exists
                if !exists {
                    movedFolders.insert(folder)
                    move = folder
                    break
                }
            }
            if !move.isEmpty { moves.append(move) }
        }
        let failures = parallelMap(moves) { path -> Diagnostic? in
            let source = staging.root.path + "/" + path
            let target = output.path + "/" + path
            guard rename(source, target) != 0 else { return nil }
            // A file where a folder now goes, or the other way round (a page's path became a section's):
            // what the last build wrote there gives way.
            if [EISDIR, ENOTDIR, ENOTEMPTY, EEXIST].contains(errno), (try? FileManager.default.removeItem(atPath: target)) != nil,
               rename(source, target) == 0 {
                return nil
            }
            return .error("cannot write \(target): \(FileBytes.IOError.fromErrno().message)")
        }
        try? FileManager.default.removeItem(at: staging.root)
        let errors = failures.compactMap { $0 }
        if !errors.isEmpty { throw BuildFailure(errors) }
    }

    /// Removes the files the previous build wrote that this one did not, and records the new manifest.
    func finish(previous: Manifest, current: Manifest) throws(BuildFailure) -> Int {
        var removed = 0
        for path in Set(previous.entries.keys).subtracting(current.entries.keys) {
            let target = output.appendingPathComponent(path)
            guard (try? FileManager.default.removeItem(at: target)) != nil else { continue }
            removed += 1
            removeEmptyFolders(above: target)
        }
        for name in SiteWriter.retiredNames { unlink(outputPath + "/" + name) }
        do {
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
            try Data(current.text.utf8).write(to: output.appendingPathComponent(SiteWriter.manifestName), options: .atomic)
        } catch {
            throw BuildFailure([.error("cannot write \(output.path): \(error.localizedDescription)")])
        }
        return removed
    }

    /// What the last build wrote, or nil when no build wrote into the folder (or its manifest is unreadable).
    func previousManifest() -> Manifest? {
        guard let bytes = try? FileBytes.read(outputPath + "/" + SiteWriter.manifestName) else { return nil }
        return Manifest(text: String(decoding: bytes, as: UTF8.self))
    }

    /// Files in the output folder that no earlier build wrote.
    private func foreignFiles(known: Manifest) -> [String] {
        FolderScan.files(in: output, hidden: true, skipping: [SiteWriter.stagingName]).map(\.relativePath).filter { path in
            !SiteWriter.ignoredNames.contains(path) && known.entries[path] == nil
        }
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
