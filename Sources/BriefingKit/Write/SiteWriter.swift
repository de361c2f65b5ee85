import BriefingMarkdown
import BriefingSupport
import Foundation
import Synchronization

/// Writes a build into the output folder without ever leaving it half-written: files whose bytes
/// changed (their hashes are kept in a manifest) are staged in a hidden folder while the build
/// renders and checks everything, and are moved into place only when nothing failed. It deletes only
/// files an earlier build wrote and refuses a folder holding anything else.
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

    /// What an earlier build wrote: each file with the hash and size of its bytes.
    struct Manifest: Sendable {
        struct Entry: Sendable, Equatable {
            var hash: ContentHash
            var size: Int
            /// A fingerprint of everything the file was made from (templates, layout, context), so an
            /// unchanged page is not even rendered; 0 for files copied or generated as they are.
            var input: UInt64 = 0

            /// Whether the bytes are the same; the inputs may differ and still give the same bytes.
            func sameBytes(as other: Entry?) -> Bool { other.map { $0.hash == hash && $0.size == size } ?? false }
        }

        var entries: [String: Entry] = [:]

        static let header = "# Files written by briefing build (hash, size, input, path); it deletes only these."

        init() {}

        /// Reads a manifest a build wrote. It is read on every build, a no-op build included (11,000
        /// lines at 10,000 pages), so it is parsed as bytes rather than as Characters.
        init(text: String) {
            var text = text
            text.withUTF8 { bytes in
                var start = 0
                while start < bytes.count {
                    let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
                    let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                    start = end + 1
                    guard let first = line.first, first != UInt8(ascii: "#") else { continue }
                    add(line)
                }
            }
        }

        /// `hash size input path`; older manifests listed paths alone, or hash, size and path: their
        /// files are still ours, with bytes unknown (size -1), so they are written again.
        private mutating func add(_ line: UnsafeBufferPointer<UInt8>) {
            // Where each of the first four space-separated fields starts; the last runs to the end.
            var starts = [0]
            for (offset, byte) in line.enumerated() where byte == UInt8(ascii: " ") && starts.count < 4 { starts.append(offset + 1) }
            func field(_ number: Int) -> UnsafeBufferPointer<UInt8> {
                UnsafeBufferPointer(rebasing: line[starts[number]..<(number + 1 < starts.count ? starts[number + 1] - 1 : line.count)])
            }
            var entry = Entry(hash: ContentHash(value: 0), size: -1)
            var path = line
            if starts.count >= 3, let hash = Manifest.number(field(0), radix: 16), let size = Manifest.number(field(1), radix: 10) {
                let input = starts.count == 4 ? Manifest.number(field(2), radix: 16) : nil
                entry = Entry(hash: ContentHash(value: hash), size: Int(truncatingIfNeeded: size), input: input ?? 0)
                path = UnsafeBufferPointer(rebasing: line[starts[input != nil ? 3 : 2]...])
            }
            // A manifest edited by hand must not make a build delete outside the output folder.
            guard SiteWriter.isPlainRelativePath(path) else { return }
            entries[String(decoding: path, as: UTF8.self)] = entry
        }

        /// Digits in `radix` (a leading `-` for sizes of older entries), or nil.
        private static func number(_ bytes: UnsafeBufferPointer<UInt8>, radix: UInt64) -> UInt64? {
            let negative = radix == 10 && bytes.first == UInt8(ascii: "-")
            let digits = negative ? UnsafeBufferPointer(rebasing: bytes.dropFirst()) : bytes
            guard !digits.isEmpty, digits.count <= 16 || radix == 10 && digits.count <= 18 else { return nil }
            var value: UInt64 = 0
            for byte in digits {
                let digit: UInt64
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt64(byte - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt64(byte - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt64(byte - UInt8(ascii: "A") + 10)
                default: return nil
                }
                guard digit < radix else { return nil }
                value = value &* radix &+ digit
            }
            return negative ? 0 &- value : value
        }

        /// Written as bytes, sorted by path: 11,000 lines at 10,000 pages, on one core at the end of a build.
        var text: String {
            var bytes = Array(Manifest.header.utf8)
            bytes.reserveCapacity(bytes.count + entries.count * 96)
            bytes.append(UInt8(ascii: "\n"))
            for (path, entry) in entries.sorted(by: { $0.key < $1.key }) {
                Manifest.appendHex(entry.hash.value, width: 16, to: &bytes)
                bytes.append(UInt8(ascii: " "))
                bytes += String(entry.size).utf8
                bytes.append(UInt8(ascii: " "))
                Manifest.appendHex(entry.input, width: 1, to: &bytes)
                bytes.append(UInt8(ascii: " "))
                bytes += path.utf8
                bytes.append(UInt8(ascii: "\n"))
            }
            return String(decoding: bytes, as: UTF8.self)
        }

        /// Lowercase hexadecimal digits, zero-padded to `width`.
        private static func appendHex(_ value: UInt64, width: Int, to bytes: inout [UInt8]) {
            let digits = max(width, (67 - value.leadingZeroBitCount) / 4)
            for shift in stride(from: (digits - 1) * 4, through: 0, by: -4) {
                bytes.append(Manifest.hexDigits[Int((value >> UInt64(shift)) & 0xF)])
            }
        }

        private static let hexDigits = Array("0123456789abcdef".utf8)
    }

    /// Checks that the output folder may be built into, and reads what the last build wrote.
    func prepare(siteRoot: URL) throws(BuildFailure) -> Manifest {
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
        let manifest = previousManifest()
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

    /// Non-empty `/`-separated names, none of them `.` or `..`, as UTF-8: a path inside the output folder.
    /// Checked on every path read from a manifest and on every file staged.
    static func isPlainRelativePath<Path: Collection<UInt8>>(_ path: Path) -> Bool {
        guard !path.isEmpty else { return false }
        return path.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).allSatisfy { segment in
            !segment.isEmpty && !segment.elementsEqual([UInt8(ascii: ".")]) && !segment.elementsEqual([UInt8(ascii: "."), UInt8(ascii: ".")])
        }
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
    func openStaging() throws(BuildFailure) -> StagingArea {
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

    private func previousManifest() -> Manifest {
        guard let text = try? String(contentsOf: output.appendingPathComponent(SiteWriter.manifestName), encoding: .utf8) else {
            return Manifest()
        }
        return Manifest(text: text)
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

/// Folders known to exist, so that writing ten thousand pages does not ask the file system ten
/// thousand times. Shared by the parallel writers.
final class FolderCache: Sendable {
    private let known = Mutex<Set<String>>([])

    func ensure(_ folder: String) throws(FileBytes.IOError) {
        if known.withLock({ $0.contains(folder) }) { return }
        if mkdir(folder, 0o755) != 0 {
            switch errno {
            case EEXIST: break
            case ENOENT:
                guard let slash = folder.lastIndex(of: "/"), slash != folder.startIndex else { throw .fromErrno() }
                try ensure(String(folder[..<slash]))
                if mkdir(folder, 0o755) != 0, errno != EEXIST { throw .fromErrno() }
            default: throw .fromErrno()
            }
        }
        known.withLock { _ = $0.insert(folder) }
    }
}

/// The hidden folder a build stages changed files in, laid out as the output folder is.
struct StagingArea: Sendable {
    let root: URL
    let outputExisted: Bool
    private let folders = FolderCache()

    init(root: URL, outputExisted: Bool) {
        self.root = root
        self.outputExisted = outputExisted
    }

    /// A page rendered as bytes, or a file read as `Data`.
    func write(_ contents: some ContiguousBytes, to path: String) throws(Diagnostic) {
        try contents.withUnsafeBytes { bytes in write(bytes, to: path) }.get()
    }

    private func write(_ bytes: UnsafeRawBufferPointer, to path: String) -> Result<Void, Diagnostic> {
        // Paths come from slugs and file names, which are checked; this is the last line of defence.
        guard SiteWriter.isPlainRelativePath(path.utf8) else {
            return .failure(.error("refusing to write '\(path)': it leads out of the output folder"))
        }
        let target = root.path + "/" + path
        do {
            if let slash = target.lastIndex(of: "/") { try folders.ensure(String(target[..<slash])) }
            try FileBytes.write(bytes, to: target)
            return .success(())
        } catch {
            return .failure(.error("cannot write \(target): \(error.message)"))
        }
    }
}
