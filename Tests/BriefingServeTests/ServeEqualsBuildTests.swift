import BriefingKit
import BriefingTestSupport
import Foundation
import Testing
@testable import BriefingServe

/// What `serve` shows after any sequence of edits is what a clean build writes, byte for byte, on every
/// file (the reload script aside), and nothing more: the sample site of this repository, served, edited
/// the ways an author edits it, and after each edit compared with a fresh `briefing build` of the same
/// sources for the same address.
@Suite(.timeLimit(.minutes(3)))
struct ServeEqualsBuildTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardizedFileURL

    /// Each edit: what it is, and the change to the site folder.
    static let edits: [(String, @Sendable (URL) throws -> Void)] = [
        ("a page's text", { try append("\nA paragraph added while serving.\n", to: "Content/alliance/history.md", in: $0) }),
        ("a partial", { try FileTree.replace("</footer>", with: "<p>Edited footer.</p></footer>", in: "Templates/partials/footer.html", $0) }),
        ("a layout", { try FileTree.replace("</article>", with: "<p>Edited layout.</p></article>", in: "Templates/layouts/page.html", $0) }),
        ("a data file", { try FileTree.replace("about 28,500", with: "about 28,600", in: "Content/data/key-figures.csv", $0) }),
        ("figures.yaml", { try FileTree.replace("value: \"28,500\"", with: "value: \"28,700\"", in: "Content/data/figures.yaml", $0) }),
        ("site.yaml", { try FileTree.replace("title: ", with: "title: Edited ", in: "Content/site.yaml", $0) }),
        ("a page's summary removed", { try FileTree.replace(
            "summary: \"South Korea's 2026 budget puts more money into new weapons, cybersecurity and combined training as Washington presses allies to pay more.\"\n",
            with: "", in: "Content/news/budget-2026.md", $0
        ) }),
        // A body edit alone: `serve` takes the rest of the site as it was, and lists show the new excerpt.
        ("its first paragraph, which lists show", { try FileTree.replace(
            "South Korea is set for a major increase", with: "South Korea plans a large increase", in: "Content/news/budget-2026.md", $0
        ) }),
        // Korean pages' links to budget-2026.md lead to its Korean version until this pairs it with none.
        ("a translation key that changes where other pages' links lead", { try FileTree.replace(
            "---\ntitle: \"Seoul Plans", with: "---\ntranslationKey: budget-key\ntitle: \"Seoul Plans", in: "Content/news/budget-2026.md", $0
        ) }),
        // An undated page is dated by its file: a save of the same text, or a touch, dates it anew.
        ("a page's date removed", { try FileTree.replace("date: 2025-11-18\n", with: "", in: "Content/alliance/modernization.md", $0) }),
        ("that page touched", { root in
            try FileManager.default.setAttributes(
                [.modificationDate: Date(timeIntervalSince1970: 1_720_353_600)], ofItemAtPath: root.appendingPathComponent("Content/alliance/modernization.md").path
            )
        }),
        // In a checkout an undated page is dated by its last commit: a commit redates it, and no file changes.
        ("a commit", { root in
            for arguments in [["add", "-A"], ["commit", "-qm", "Pages"]] { try Git.run(arguments, in: root, date: "2026-02-02T10:00:00Z") }
        }),
        // A link is read as a build reads it: a link to a file of the site is published as that file.
        ("a link to an image", { root in
            try FileManager.default.createSymbolicLink(
                atPath: root.appendingPathComponent("Content/deterrence/map-copy.svg").path, withDestinationPath: "us-bases-map.svg"
            )
        }),
        ("a new page", { root in
            try FileTree.write("""
            -- Content/news/added-while-serving.md --
            ---
            title: Added while serving
            date: 2026-03-01
            tags: [alliance]
            ---
            A new page that links to [the explainer](../alliance/explainer.md).
            """, to: root)
        }),
        ("a deleted page", { root in
            try FileManager.default.removeItem(at: root.appendingPathComponent("Content/news/scm-seoul.md"))
            try replaceEverywhere("scm-seoul.md", with: "budget-2026.md", in: root)
        }),
        ("a renamed section", { root in
            try FileManager.default.moveItem(
                at: root.appendingPathComponent("Content/burden-sharing"), to: root.appendingPathComponent("Content/cost-sharing")
            )
            try replaceEverywhere("burden-sharing/", with: "cost-sharing/", in: root)
        }),
        ("the same page again", { try append("\nAnd one more.\n", to: "Content/alliance/history.md", in: $0) }),
    ]

    @Test("after each edit, every served file equals a clean build's")
    func everyEdit() async throws {
        let root = TemporaryFolder.url("briefing-serve-equals")
        for folder in ["Content", "Templates"] {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: Self.repository.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
        // A checkout with no commit yet: pages are dated by their files until the edit that commits them.
        try Git.run(["init", "-q"], in: root)
        let site = try await ServedSite.start(at: root)
        do {
            // A browser has this page open: the server renders it before the others.
            let events = site.openEvents(since: "", page: "/alliance/history/")
            defer { events.close() }
            var seen = try await events.next { $0.name == "reload" }.index
            var before = try await compare(site)
            for (name, edit) in Self.edits {
                try edit(root)
                // An edit of several files may be built between its steps (a page deleted before the links
                // to it are changed is an error): the last event, once the server is quiet, is the one.
                seen = try await events.next(from: seen + 1) { $0.name == "reload" }.index
                while true {
                    try await Task.sleep(for: .milliseconds(500))
                    let last = events.received.count - 1
                    if last == seen { break }
                    seen = last
                }
                #expect(events.received[seen].name == "reload", "\(name): \(events.received[seen].data)")
                let files = try await compare(site, after: name)
                for gone in before.subtracting(files) {
                    #expect(try await site.bytes(gone).status == 404, "\(name): \(gone) is still served")
                }
                before = files
            }
        } catch {
            try? await site.stop()
            throw error
        }
        try await site.stop()
    }

    /// Builds the site as it is now into a fresh folder, for the address the server serves it at, and
    /// compares every file with what the server sends for it; the built paths.
    private func compare(_ site: ServedSite, after edit: String = "start") async throws -> Set<String> {
        let output = TemporaryFolder.url("briefing-clean-build")
        defer { TemporaryFolder.remove(output) }
        var options = BuildOptions(source: site.root, output: output)
        options.origin = "http://127.0.0.1:\(site.port)"
        _ = try SiteBuilder(options: options).build()
        let built = try Self.files(below: output)
        #expect(built.count > 30, "\(edit): the build made \(built.count) files")
        for (path, bytes) in built {
            let served = try await site.bytes(path)
            #expect(served.status == 200, "\(edit): \(path) answered \(served.status)")
            #expect(Self.withoutReloadScript(served.body) == bytes, "\(edit): \(path) differs from a clean build")
        }
        return Set(built.keys)
    }

    static func withoutReloadScript(_ data: Data) -> Data {
        guard let text = String(data: data, encoding: .utf8),
              let start = text.range(of: "<script data-briefing-live-reload>"),
              let end = text.range(of: "</script>\n", range: start.upperBound..<text.endIndex)
        else { return data }
        return Data(text.replacingCharacters(in: start.lowerBound..<end.upperBound, with: "").utf8)
    }

    /// Every file a build wrote, its own bookkeeping (hidden files) aside.
    static func files(below folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        while let url = enumerator?.nextObject() as? URL {
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            files[String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1))] = try Data(contentsOf: url)
        }
        return files
    }

    static func append(_ text: String, to path: String, in root: URL) throws {
        let url = root.appendingPathComponent(path)
        try (String(contentsOf: url, encoding: .utf8) + text).write(to: url, atomically: true, encoding: .utf8)
    }

    /// In every Markdown file of Content/: what an author does after moving a page or a section.
    static func replaceEverywhere(_ old: String, with new: String, in root: URL) throws {
        let content = root.appendingPathComponent("Content")
        let enumerator = FileManager.default.enumerator(at: content, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "md" else { continue }
            let text = try String(contentsOf: url, encoding: .utf8)
            if text.contains(old) { try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8) }
        }
    }
}
