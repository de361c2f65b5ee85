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
    let outputPath: String

    static let manifestName = ".briefing-manifest"
    static let stagingName = ".briefing-staging"
    /// Files a build neither wrote nor minds: they keep an empty output folder in git, or are its own.
    static let ignoredNames = Set([
        ".gitkeep", ".gitignore", manifestName, BuildCache.fileName, BuildCache.pendingName, OutputClaim.lockName, PreviewWriteHold.lockName,
        WriteJournal.fileName, WriteJournal.pendingName,
    ]).union(retiredNames)
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
        /// Files the build would have removed but kept, since someone changed them.
        public var warnings: [Diagnostic] = []
    }

    /// Takes the output folder for one build: refuses a folder that overlaps the site's own folders,
    /// locks it, and finishes a commit that a killed build left half-done.
    func claim(siteRoot: URL, forPreview: Bool = false) throws(BuildFailure) -> OutputClaim {
        try Self.checkPlace(output, siteRoot: siteRoot)
        let claim = try OutputClaim.take(output, forPreview: forPreview)
        try recover()
        return claim
    }

    /// Opens a claimed output folder for a build: reads what the last build wrote, checks that the folder
    /// holds nothing else (or, with `--force`, nothing this build would write over), and makes a fresh
    /// staging folder.
    func openSession(_ claim: OutputClaim) throws(BuildFailure) -> WriteSession {
        if isDamagedManifest {
            throw BuildFailure([.error(
                "\(outputPath)/\(SiteWriter.manifestName) is damaged; Briefing cannot tell which files are its own: empty the folder and build again"
            )])
        }
        let previous = previousManifest() ?? Manifest()
        let scanned = FolderScan.files(in: output, hidden: true, skipping: [SiteWriter.stagingName])
        // A link inside the output folder would let a build write, and later delete, elsewhere.
        if let link = scanned.first(where: { $0.link != nil }), let target = link.link?.target {
            throw BuildFailure([.error(
                "\(outputPath)/\(link.relativePath) is a link to '\(target)'; Briefing writes only inside its output folder: replace the link with the files it points at"
            )])
        }
        let foreign = scanned.map(\.relativePath).filter { !SiteWriter.ignoredNames.contains($0) && previous.entries[$0] == nil }
        if !foreign.isEmpty, !force {
            let shown = foreign.prefix(3).map { "'\($0)'" }.joined(separator: ", ")
            let more = foreign.count > 3 ? " and \(foreign.count - 3) more" : ""
            throw BuildFailure([.error(
                "\(outputPath) holds files Briefing did not write (\(shown)\(more)); empty it, choose another --output, or pass --force to build beside them"
            )])
        }
        return WriteSession(writer: self, claim: claim, previous: previous, foreign: Set(foreign), staging: try openStaging(claim))
    }

    /// The output folder may not be, hold or sit in the site's Content/ or Templates/ (`--output /` holds
    /// them all).
    static func checkPlace(_ output: URL, siteRoot: URL) throws(BuildFailure) {
        let outputPath = Self.resolved(output)
        func contains(_ folder: String, _ path: String) -> Bool {
            path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
        }
        for protected in ["Content", "Templates"] {
            let folder = Self.resolved(siteRoot.appendingPathComponent(protected))
            if contains(outputPath, folder) || contains(folder, outputPath) {
                throw BuildFailure([.error("the output folder \(output.path) overlaps \(protected)/; choose a folder of its own")])
            }
        }
        // Briefing's own folders in another output folder (its staging folder), which that folder's next
        // build removes whole, with the site built into it.
        if let reserved = outputPath.split(separator: "/").first(where: { $0.hasPrefix(".briefing-") }) {
            throw BuildFailure([.error(
                "the output folder \(output.path) is inside '\(reserved)', a folder Briefing keeps for itself and removes: choose a folder of its own"
            )])
        }
    }

    /// The path with every link on it followed, also when its last folders do not exist yet (a fresh
    /// `--output` below a link to Content/): the deepest folder that exists is resolved, the rest appended.
    private static func resolved(_ url: URL) -> String { FilePaths.resolved(url.path) }

    /// The modification time of a file this build need not write: its bytes are those the manifest records
    /// and the file on disk is intact. Nil when it must be written.
    func unchangedFile(_ path: String, _ entry: Manifest.Entry, previous: Manifest) -> Int64? {
        guard let old = previous.entries[path], entry.sameBytes(as: old) else { return nil }
        return intactFile(path, old)
    }

    /// The modification time of the file the manifest records, when it is on disk as written (so nobody
    /// removed or edited it): a regular file of its size and time. One of its size whose time the entry
    /// does not know (a manifest of 0.20 or before) or that changed (a `touch`, a copy without `-p`, an
    /// archive that keeps whole seconds) is read: with the same bytes it is kept, at its new time, rather
    /// than written again.
    func intactFile(_ path: String, _ entry: Manifest.Entry) -> Int64? {
        let target = outputPath + "/" + path
        var status = stat()
        guard lstat(target, &status) == 0, entry.fits(status) else { return nil }
        if entry.describes(status) { return entry.modified }
        guard let bytes = try? FileBytes.read(target), ContentHash(bytes) == entry.hash else { return nil }
        return Manifest.nanoseconds(status.st_mtim)
    }

    /// A fresh, empty staging folder inside the output folder (so moving out of it is a rename).
    private func openStaging(_ claim: OutputClaim) throws(BuildFailure) -> StagingArea {
        let staging = output.appendingPathComponent(SiteWriter.stagingName)
        let outputExisted = claim.outputExisted
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
        discard(outputExisted: staging.outputExisted)
    }

    /// Leaves the output folder as a build found it, whether or not it staged anything yet (a build stopped
    /// by a signal, see `BuildInterruption`): no staging folder, no next cache, no folder it made.
    func discard(outputExisted: Bool) {
        try? FileManager.default.removeItem(atPath: outputPath + "/" + SiteWriter.stagingName)
        BuildCache.discardPending(in: output)
        if !outputExisted { try? FileManager.default.removeItem(at: output) }
    }

    /// Moves staged files into place, removes what the last build wrote and this one did not, and
    /// records the new manifest, behind a journal that makes the whole of it happen or none of it.
    /// A file the last build wrote and this one does not is removed only as it was written: one changed
    /// since (edited by hand, replaced) is not Briefing's to delete, and not to leave published either
    /// (a retracted page, with a tracking snippet added by hand): the build stops at it, the output folder
    /// as it was, and with `--force` keeps it with a warning, the next build counting it as not its own.
    func commit(_ staging: StagingArea, staged: [String], previous: Manifest, current: Manifest) throws(BuildFailure) -> Summary {
        var summary = Summary()
        var removals: [String] = []
        var changed: [Diagnostic] = []
        for path in Set(previous.entries.keys).subtracting(current.entries.keys).sorted() {
            guard let entry = previous.entries[path], !isAsWritten(path, entry) else {
                removals.append(path)
                continue
            }
            changed.append(force
                ? .warning("\(outputPath)/\(path) was changed since Briefing wrote it, so it is kept although the site no longer has it (--force)")
                : .error(
                    "\(outputPath)/\(path) was changed since Briefing wrote it, and the site no longer has it: delete it or move it out of the output "
                        + "folder, or build with --force to keep it published; nothing in the output folder was changed"
                ))
        }
        if !force, !changed.isEmpty {
            discard(staging)
            throw BuildFailure(changed)
        }
        summary.warnings += changed
        let journal = WriteJournal(moves: moves(for: staged), removals: removals, manifest: current.text)
        // Before the first file moves: a folder that refuses them (read-only, immutable, a full disk for the
        // journal) fails the build with the output folder as it was, not half-way to the new version.
        do throws(Diagnostic) {
            try checkWritable(journal.moves)
            try checkReplaceable(journal.moves, previous: previous)
            try journal.write(in: outputPath)
        } catch {
            unlink(outputPath + "/" + WriteJournal.pendingName)
            discard(staging)
            throw BuildFailure([error])
        }
        summary.removed = try replay(journal)
        return summary
    }

    /// Each folder a staged file or folder moves into takes new entries.
    private func checkWritable(_ moves: [String]) throws(Diagnostic) {
        var checked: Set<Substring> = []
        for path in moves {
            let folder = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { path[..<$0] } ?? ""
            guard checked.insert(folder).inserted else { continue }
            let target = folder.isEmpty ? outputPath : outputPath + "/" + folder
            if access(target, W_OK) != 0, errno != ENOENT {
                throw .error("cannot write into \(target): \(FileBytes.IOError.fromErrno().message); nothing in the output folder was changed")
            }
        }
    }

    /// The file holds the bytes the manifest records, or is gone; true too for an entry of an older
    /// manifest, which recorded no bytes (size -1).
    private func isAsWritten(_ path: String, _ entry: Manifest.Entry) -> Bool {
        guard entry.size >= 0 else { return true }
        var status = stat()
        guard lstat(outputPath + "/" + path, &status) == 0 else { return true }
        return intactFile(path, entry) != nil
    }

    /// Finishes a commit a killed build left half-done, or throws away the staging folder of a build
    /// killed before its commit began.
    func recover() throws(BuildFailure) {
        unlink(outputPath + "/" + WriteJournal.pendingName)
        BuildCache.discardPending(in: output)
        if let bytes = try? FileBytes.read(outputPath + "/" + WriteJournal.fileName) {
            guard let journal = WriteJournal(text: String(decoding: bytes, as: UTF8.self)) else {
                throw BuildFailure([.error("\(outputPath)/\(WriteJournal.fileName) is damaged; Briefing cannot tell which files are its own: empty the folder and build again")])
            }
            _ = try replay(journal)
        }
        try? FileManager.default.removeItem(atPath: outputPath + "/" + SiteWriter.stagingName)
    }

    /// The staging folder mirrors the output folder, so a folder the output lacks (every folder, when
    /// building into an empty one) moves in with one rename; only files whose folder already exists move
    /// one by one.
    private func moves(for staged: [String]) -> [String] {
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
                // A file where the folder goes (a page's path that became a section's) is no folder: the
                // staged folder moves in whole, in place of the file.
                var status = stat()
                let exists = outputHas[folder] ?? (lstat(outputPath + "/" + folder, &status) == 0 && isFolder(status))
                outputHas[folder] = exists
                if !exists {
                    movedFolders.insert(folder)
                    move = folder
                    break
                }
            }
            if !move.isEmpty { moves.append(move) }
        }
        return moves
    }

    /// Does what the journal says, each step skipped when done already, then removes the journal.
    private func replay(_ journal: WriteJournal) throws(BuildFailure) -> Int {
        let stagingPath = outputPath + "/" + SiteWriter.stagingName
        let failures = parallelMap(journal.moves) { path -> Diagnostic? in
            let source = stagingPath + "/" + path
            let target = outputPath + "/" + path
            var status = stat()
            guard lstat(source, &status) == 0 else { return nil }
            guard rename(source, target) != 0 else { return nil }
            // A file where a folder now goes, or the other way round (a page's path became a section's):
            // what the last build wrote there gives way.
            if [EISDIR, ENOTDIR, ENOTEMPTY, EEXIST].contains(errno), (try? FileManager.default.removeItem(atPath: target)) != nil,
               rename(source, target) == 0 {
                return nil
            }
            return .error("cannot write \(target): \(FileBytes.IOError.fromErrno().message)")
        }
        let errors = failures.compactMap { $0 }
        if !errors.isEmpty {
            throw BuildFailure(errors + [.error(
                "the output folder is part way to this build's version, and \(WriteJournal.fileName) in it says what is left: once the files above can be written, the next build finishes it"
            )])
        }
        var removed = 0
        for path in journal.removals {
            let target = output.appendingPathComponent(path)
            // A manifest lists files: a folder there now is this build's, moved in where the file was.
            var status = stat()
            guard lstat(target.path, &status) == 0, !isFolder(status),
                  (try? FileManager.default.removeItem(at: target)) != nil
            else { continue }
            removed += 1
            removeEmptyFolders(above: target)
        }
        for name in SiteWriter.retiredNames { unlink(outputPath + "/" + name) }
        do {
            try Data(journal.manifest.utf8).write(to: output.appendingPathComponent(SiteWriter.manifestName), options: .atomic)
        } catch {
            throw BuildFailure([.error("cannot write \(output.path): \(error.localizedDescription)")])
        }
        try? FileManager.default.removeItem(atPath: stagingPath)
        unlink(outputPath + "/" + WriteJournal.fileName)
        return removed
    }

    /// What the last build wrote, or nil when no build wrote into the folder (or its manifest is unreadable
    /// or not one a build wrote: see `isDamagedManifest`).
    func previousManifest() -> Manifest? {
        guard let bytes = try? FileBytes.read(outputPath + "/" + SiteWriter.manifestName), Manifest.isOurs(bytes) else { return nil }
        return Manifest(text: String(decoding: bytes, as: UTF8.self))
    }

    /// A manifest is on disk that no build wrote as it is (emptied, overwritten): the build cannot tell
    /// which files are its own, and would call every one of them someone else's.
    private var isDamagedManifest: Bool {
        guard let bytes = try? FileBytes.read(outputPath + "/" + SiteWriter.manifestName) else { return false }
        return !Manifest.isOurs(bytes)
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
