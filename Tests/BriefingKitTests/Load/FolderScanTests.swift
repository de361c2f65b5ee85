import BriefingTestSupport
import Foundation
import Testing
@testable import BriefingKit
@testable import BriefingMarkdown
@testable import BriefingSupport

@Suite struct FolderScanTests {
    @Test func filesAndLinksSortedWithHiddenNamesAndBackupsSkipped() throws {
        let manager = FileManager.default
        let root = TemporaryFolder.url("FolderScanTests")
        defer { TemporaryFolder.remove(root) }
        let folder = root.appendingPathComponent("Content")
        for path in ["b/z.md", "b/a.md", "a.md", ".hidden.md", ".git/config", "b/.swp", "b/z.md~", "#a.md#"] {
            let url = folder.appendingPathComponent(path)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("# \(path)\n".utf8).write(to: url)
        }
        try "outside".write(to: root.appendingPathComponent("secret.txt"), atomically: true, encoding: .utf8)
        try manager.createSymbolicLink(atPath: folder.appendingPathComponent("inside.md").path, withDestinationPath: "b/a.md")
        try manager.createSymbolicLink(atPath: folder.appendingPathComponent("leak.md").path, withDestinationPath: "../secret.txt")
        try manager.createSymbolicLink(atPath: folder.appendingPathComponent("folder").path, withDestinationPath: "b")
        try manager.createSymbolicLink(atPath: folder.appendingPathComponent("dangling.md").path, withDestinationPath: "nowhere.md")

        let files = FolderScan.files(in: folder)
        #expect(files.map(\.relativePath) == ["a.md", "b/a.md", "b/z.md", "dangling.md", "folder", "inside.md", "leak.md"])
        #expect(files[3].refusal == "is a link to 'nowhere.md', which does not exist; restore the file or remove the link")
        #expect(files[1].size == "# b/a.md\n".utf8.count && files[1].link == nil)
        let modified = try #require(manager.attributesOfItem(atPath: folder.appendingPathComponent("a.md").path)[.modificationDate] as? Date)
        #expect(abs(Double(files[0].modified) / 1e6 - modified.timeIntervalSince1970) < 0.001)
        #expect(files[4].link?.isFolder == true && files[4].link?.leavesFolder == false)
        #expect(files[5].link?.leavesFolder == false && files[5].size == files[1].size)
        #expect(files[6].link?.leavesFolder == true && files[6].link?.target.hasSuffix("/secret.txt") == true)
    }
}
