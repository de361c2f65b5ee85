import Testing
@testable import BriefingServe

/// How request paths map onto the site's files, traversal attempts included.
@Suite
struct SitePathTests {
    let files: Set<String> = ["index.html", "a/index.html", "a/b.css", "folder/c.png"]

    func resolve(_ path: String, query: String = "", basePath: String = "/") -> SiteLocation {
        SitePath(basePath: basePath, contains: files.contains).resolve(path, query: query)
    }

    @Test func filesAndFolders() {
        #expect(resolve("/") == .file("index.html"))
        #expect(resolve("/a/") == .file("a/index.html"))
        #expect(resolve("/a/b.css") == .file("a/b.css"))
        #expect(resolve("/a/b%2Ecss") == .file("a/b.css"))
        #expect(resolve("/a") == .redirect("/a/"))
        #expect(resolve("/a", query: "x=1") == .redirect("/a/?x=1"))
        #expect(resolve("/a/b.css/") == .notFound)
        #expect(resolve("/missing") == .notFound)
        #expect(resolve("/folder/") == .notFound, "a folder without index.html")
        #expect(resolve("/folder") == .notFound)
        #expect(resolve("//a/") == .notFound)
    }

    @Test func hiddenNamesAreNotPartOfTheSite() {
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

    @Test func basePath() {
        let base = "/briefings/"
        #expect(resolve("/", basePath: base) == .redirect(base))
        #expect(resolve("/briefings", basePath: base) == .redirect(base))
        #expect(resolve("/briefings/", basePath: base) == .file("index.html"))
        #expect(resolve("/briefings/a/b.css", basePath: base) == .file("a/b.css"))
        #expect(resolve("/a/b.css", basePath: base) == .notFound)
        #expect(resolve("/brief", basePath: base) == .notFound)
        #expect(resolve("/briefings/../briefings/", basePath: base) == .forbidden)
    }

    /// `/ko/nope/` was answered with the English 404 page, though the Korean one is built.
    @Test func aPathInALanguagesFolderGetsThatLanguages404Page() {
        let files: Set<String> = ["404.html", "ko/404.html", "ko/index.html", "index.html"]
        let paths = SitePath(basePath: "/briefings/", contains: { files.contains($0) })
        #expect(paths.notFoundPage(for: "/briefings/ko/nope/") == "ko/404.html")
        #expect(paths.notFoundPage(for: "/briefings/ko") == "ko/404.html")
        #expect(paths.notFoundPage(for: "/briefings/news/nope/") == "404.html")
        #expect(paths.notFoundPage(for: "/ko/nope/") == "404.html")
        #expect(paths.notFoundPage(for: "/briefings/%2e%2e/404.html") == "404.html")
        #expect(paths.notFoundPage(for: "/briefings/.hidden/x") == "404.html")
    }

    @Test func thePageABrowserHasOpen() {
        let paths = SitePath(basePath: "/briefings/", contains: { _ in true })
        #expect(paths.file(ofPage: "/briefings/") == "index.html")
        #expect(paths.file(ofPage: "/briefings/notes/first/") == "notes/first/index.html")
        #expect(paths.file(ofPage: "/briefings/caf%C3%A9/") == "café/index.html")
        #expect(paths.file(ofPage: "/elsewhere/") == nil)
    }
}
