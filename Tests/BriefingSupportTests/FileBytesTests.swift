import Foundation
import Testing
@testable import BriefingSupport

@Suite struct FileBytesTests {
    private let folder = FileManager.default.temporaryDirectory.appendingPathComponent("FileBytesTests-\(UUID().uuidString)")

    private func file(_ name: String, _ bytes: [UInt8]) throws -> URL {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    @Test func readsEveryByteOfSmallEmptyAndLargeFiles() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let large = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        #expect(try FileBytes.read(file("small.md", Array("# Title\n".utf8)).path) == Array("# Title\n".utf8))
        #expect(try FileBytes.read(file("empty.md", []).path) == [])
        #expect(try FileBytes.read(file("large.bin", large).path) == large)
    }

    @Test func aMissingFileOrAFolderIsAnErrorThatSaysWhy() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try file("present.md", [])
        do {
            _ = try FileBytes.read(folder.appendingPathComponent("absent.md").path)
            Issue.record("reading a missing file must fail")
        } catch {
            #expect(error.message == "No such file or directory")
        }
        do {
            _ = try FileBytes.read(folder.path)
            Issue.record("reading a folder must fail")
        } catch {
            #expect(error.message == "it is a folder")
        }
    }

    @Test func aFileJustWrittenIsCachedAndAMissingOneIsNot() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(FileBytes.isCached(try file("fresh.md", Array(repeating: 0x61, count: 20_000)).path))
        #expect(FileBytes.isCached(try file("empty.md", []).path))
        #expect(!FileBytes.isCached(folder.appendingPathComponent("absent.md").path))
        #expect(!FileBytes.isCached(folder.path))
    }
}
