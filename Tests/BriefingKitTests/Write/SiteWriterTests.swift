import BriefingTestSupport
import Foundation
import Testing
@testable import BriefingKit
@testable import BriefingSupport

/// The write stage on its own: a session stages the files whose bytes changed and applies the plan, or is
/// discarded and leaves the output folder as it was.
@Suite struct SiteWriterTests {
    /// A site folder with Content/ and Templates/, and the output folder beside them.
    final class Folder {
        let root: URL
        var output: URL { root.appendingPathComponent("Output") }

        init() throws {
            root = TemporaryFolder.url("briefing-writer")
            for folder in ["Content", "Templates"] {
                try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
            }
        }

        deinit { try? FileManager.default.removeItem(at: root) }

        func session(force: Bool = false, output: URL? = nil) throws(BuildFailure) -> WriteSession {
            let writer = SiteWriter(output: output ?? self.output, force: force)
            return try writer.openSession(writer.claim(siteRoot: root))
        }

        /// Every file of the output folder with its text, the writer's own hidden files included.
        func files() -> [String: String] {
            var files: [String: String] = [:]
            for file in FolderScan.files(in: output, hidden: true) {
                files[file.relativePath] = try? String(contentsOf: output.appendingPathComponent(file.relativePath), encoding: .utf8)
            }
            return files
        }

        func write(_ text: String, to path: String) throws {
            let url = output.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    /// Stages each file as the render stage does, and applies the plan.
    @discardableResult
    static func build(_ session: WriteSession, _ files: KeyValuePairs<String, String>) throws -> (SiteWriter.Summary, staged: [String]) {
        var outputs: [OutputFile] = []
        for (path, text) in files {
            let path = try #require(OutputPath(path))
            let entry = SiteWriter.Manifest.Entry(hash: ContentHash(text), size: text.utf8.count)
            outputs.append(try session.stage(Array(text.utf8), at: path, entry))
        }
        let staged = outputs.filter(\.staged).map(\.path.value)
        return (try session.apply(outputs), staged)
    }

    static func failure(_ body: () throws(BuildFailure) -> Void) -> String? {
        do {
            try body()
            return nil
        } catch {
            return error.description
        }
    }

    static func manifestPaths(_ files: [String: String]) -> [String] {
        (files[SiteWriter.manifestName] ?? "").split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { $0.split(separator: " ").last.map(String.init) }.sorted()
    }

    @Test func aFirstBuildWritesEveryFileAndAManifest() throws {
        let folder = try Folder()
        let (summary, staged) = try SiteWriterTests.build(folder.session(), ["index.html": "<h1>Home</h1>", "news/a/index.html": "<h1>A</h1>"])
        #expect(staged == ["index.html", "news/a/index.html"])
        #expect((summary.written, summary.unchanged, summary.removed) == (2, 0, 0))
        let files = folder.files()
        #expect(files["index.html"] == "<h1>Home</h1>")
        #expect(files["news/a/index.html"] == "<h1>A</h1>")
        #expect(Set(files.keys) == ["index.html", "news/a/index.html", SiteWriter.manifestName, OutputClaim.lockName])
        #expect(SiteWriterTests.manifestPaths(files) == ["index.html", "news/a/index.html"])
    }

    @Test func aSecondBuildStagesOnlyFilesWhoseBytesChanged() throws {
        let folder = try Folder()
        try SiteWriterTests.build(folder.session(), ["index.html": "<h1>Home</h1>", "news/a/index.html": "<h1>A</h1>"])
        let (summary, staged) = try SiteWriterTests.build(folder.session(), ["index.html": "<h1>Home</h1>", "news/a/index.html": "<h1>A, again</h1>"])
        #expect(staged == ["news/a/index.html"])
        #expect((summary.written, summary.unchanged, summary.removed) == (1, 1, 0))
        #expect(folder.files()["news/a/index.html"] == "<h1>A, again</h1>")
    }

    @Test func aFileTheLastBuildWroteAndThisOneDidNotIsRemoved() throws {
        let folder = try Folder()
        try SiteWriterTests.build(folder.session(), ["index.html": "<h1>Home</h1>", "news/a/index.html": "<h1>A</h1>"])
        let (summary, _) = try SiteWriterTests.build(folder.session(), ["index.html": "<h1>Home</h1>"])
        #expect(summary.removed == 1)
        #expect(Set(folder.files().keys) == ["index.html", SiteWriter.manifestName, OutputClaim.lockName])
        // Its folders, now empty, go with it.
        #expect(!FileManager.default.fileExists(atPath: folder.output.appendingPathComponent("news").path))
    }

    @Test func aFileBriefingDidNotWriteIsRefusedWithoutForce() throws {
        let folder = try Folder()
        try folder.write("mine", to: "notes.txt")
        #expect(SiteWriterTests.failure { () throws(BuildFailure) in _ = try folder.session() } ==
            "error: \(folder.output.standardizedFileURL.path) holds files Briefing did not write ('notes.txt'); empty it, choose another --output, or pass --force to build beside them"
        )

        try SiteWriterTests.build(folder.session(force: true), ["index.html": "<h1>Home</h1>"])
        #expect(folder.files()["notes.txt"] == "mine")
        #expect(folder.files()["index.html"] == "<h1>Home</h1>")
    }

    @Test func aDiscardedSessionLeavesTheFolderAsItWas() throws {
        let folder = try Folder()
        try SiteWriterTests.build(folder.session(), ["index.html": "<h1>Home</h1>"])
        let before = folder.files()
        let session = try folder.session()
        let path = try #require(OutputPath("index.html"))
        let text = "<h1>Changed</h1>"
        #expect(try session.stage(Array(text.utf8), at: path, .init(hash: ContentHash(text), size: text.utf8.count)).staged)
        session.discard()
        #expect(folder.files() == before)
    }

    @Test func aDiscardedFirstBuildRemovesTheOutputFolderItMade() throws {
        let folder = try Folder()
        let session = try folder.session()
        #expect(FileManager.default.fileExists(atPath: folder.output.path))
        session.discard()
        #expect(!FileManager.default.fileExists(atPath: folder.output.path))
    }

    @Test(arguments: ["Content", "Content/public", "."])
    func anOutputFolderOverlappingContentIsRefused(_ output: String) throws {
        let folder = try Folder()
        let url = folder.root.appendingPathComponent(output)
        #expect(SiteWriterTests.failure { () throws(BuildFailure) in _ = try folder.session(output: url) } ==
            "error: the output folder \(url.standardizedFileURL.path) overlaps Content/; choose a folder of its own"
        )
    }
}
