import Foundation
import Testing
@testable import BriefingServe

/// How request paths map onto a built site, traversal attempts and links out included.
@Suite
final class SitePathTests {
    let root: URL
    let outside: URL

    init() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("briefing-sitepath-\(UUID().uuidString)").resolvingSymlinksInPath()
        root = folder.appendingPathComponent("site")
        outside = folder.appendingPathComponent("secret")
        let manager = FileManager.default
        for path in ["a", "outside-folder"] {
            try manager.createDirectory(at: root.appendingPathComponent(path), withIntermediateDirectories: true)
        }
        try manager.createDirectory(at: outside, withIntermediateDirectories: true)
        for (path, text) in ["index.html": "home", "a/index.html": "a", "a/b.css": "b", ".briefing-manifest": "m"] {
            try Data(text.utf8).write(to: root.appendingPathComponent(path))
        }
        try Data("secret".utf8).write(to: outside.appendingPathComponent("index.html"))
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("link-out").path, withDestinationPath: outside.appendingPathComponent("index.html").path)
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("folder-out").path, withDestinationPath: outside.path)
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("link-in.css").path, withDestinationPath: "a/b.css")
    }

    deinit {
        try? FileManager.default.removeItem(at: root.deletingLastPathComponent())
    }

    func resolve(_ path: String, query: String = "", basePath: String = "/") -> SiteLocation {
        SitePath(root: root, basePath: basePath).resolve(path, query: query)
    }

    func file(_ path: String) -> SiteLocation {
        .file(root.appendingPathComponent(path))
    }

    @Test func filesAndFolders() {
        #expect(resolve("/") == file("index.html"))
        #expect(resolve("/a/") == file("a/index.html"))
        #expect(resolve("/a/b.css") == file("a/b.css"))
        #expect(resolve("/a/b%2Ecss") == file("a/b.css"))
        #expect(resolve("/a") == .redirect("/a/"))
        #expect(resolve("/a", query: "x=1") == .redirect("/a/?x=1"))
        #expect(resolve("/a/b.css/") == .notFound)
        #expect(resolve("/missing") == .notFound)
        #expect(resolve("/outside-folder/") == .notFound, "a folder without index.html")
        #expect(resolve("//a/") == .notFound)
    }

    @Test func hiddenFilesAreNotPartOfTheSite() {
        #expect(resolve("/.briefing-manifest") == .notFound)
        #expect(resolve("/%2Ebriefing-manifest") == .notFound)
    }

    @Test(arguments: [
        "/..", "/../site/index.html", "/a/../../secret/index.html", "/%2e%2e/secret/index.html", "/%2E%2E",
        "/a%2F..%2F..%2Fsecret", "/a%2f", "/a%5C..%5C..%5Csecret", "/a%00", "/%zz", "a/b.css",
    ])
    func traversalIsForbidden(path: String) {
        #expect(resolve(path) == .forbidden)
    }

    @Test func linksAreFollowedOnlyInsideTheSite() {
        #expect(resolve("/link-in.css") == file("a/b.css"))
        #expect(resolve("/link-out") == .forbidden)
        #expect(resolve("/folder-out/") == .forbidden)
        #expect(resolve("/folder-out/index.html") == .forbidden)
    }

    @Test func basePath() {
        let base = "/briefings/"
        #expect(resolve("/", basePath: base) == .redirect(base))
        #expect(resolve("/briefings", basePath: base) == .redirect(base))
        #expect(resolve("/briefings/", basePath: base) == file("index.html"))
        #expect(resolve("/briefings/a/b.css", basePath: base) == file("a/b.css"))
        #expect(resolve("/a/b.css", basePath: base) == .notFound)
        #expect(resolve("/brief", basePath: base) == .notFound)
        #expect(resolve("/briefings/../briefings/", basePath: base) == .forbidden)
    }
}
