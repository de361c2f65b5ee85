import Foundation
import Testing
@testable import BriefingKit

@Suite struct BodyStoreTests {
    private let folder = FileManager.default.temporaryDirectory.appendingPathComponent("BodyStoreTests-\(UUID().uuidString)")

    private func body(_ number: Int) -> PageBody {
        PageBody(
            html: "<p>Body \(number): 주한미군 \(String(repeating: "x", count: number % 50))</p>\n",
            toc: TableOfContents(entries: [TOCEntry(level: 2, id: "part-\(number)", title: "Part \(number)", children: [
                TOCEntry(level: 3, id: "detail-\(number)", title: "Detail", children: []),
            ])]),
            wordCount: number,
            sources: [SourceReference(title: "Source \(number)", url: "https://example.org/\(number)", publisher: nil, date: PageDate(parsing: "2025-11-01"))],
            faq: [FAQSections.Entry(question: "Why \(number)?", answer: "Because.")]
        )
    }

    @Test func bodiesAppendedFromManyThreadsReadBackIntact() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let store = try BodyStore.create(in: folder)
        let slots = parallelMap(Array(0..<500)) { number in try! store.append(body(number)) }
        #expect(Set(slots.map(\.offset)).count == 500)
        for (number, slot) in slots.enumerated() { #expect(store.read(slot) == body(number)) }
    }

    @Test func aNewStoreReplacesTheOldOneOnlyWhenCommitted() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let kept = try BodyStore.create(in: folder)
        let slot = try kept.append(body(1))
        try kept.commit()
        do {
            let abandoned = try BodyStore.create(in: folder)
            _ = try abandoned.append(body(2))
        }
        // The abandoned store's file is gone and the committed one is still the folder's store.
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(BodyStore.pendingName).path))
        let reopened = try #require(BodyStore.reopen(in: folder, id: kept.id))
        #expect(reopened.read(slot) == body(1))
        #expect(BodyStore.reopen(in: folder, id: kept.id &+ 1) == nil)
    }

    @Test func damagedOrMisplacedBytesAreNeverReadAsABody() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let store = try BodyStore.create(in: folder)
        let first = try store.append(body(1))
        let second = try store.append(body(2))
        try store.commit()
        let path = folder.appendingPathComponent(BodyStore.fileName).path
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        try handle.seek(toOffset: UInt64(second.offset + 12))
        handle.write(Data("?".utf8))
        try handle.close()
        #expect(store.read(second) == nil)
        #expect(store.read(first) == body(1))
        #expect(store.read(BodyStore.Slot(offset: first.offset, length: first.length + second.length, hash: first.hash)) == nil)
        #expect(store.read(BodyStore.Slot(offset: second.offset, length: 1 << 30, hash: second.hash)) == nil)
        #expect(store.read(BodyStore.Slot(offset: 0, length: 16, hash: 0)) == nil)
    }

    @Test func copiesKeepTheBytesAndTheirHash() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let earlier = try BodyStore.temporary()
        let slot = try earlier.append(body(7))
        let later = try BodyStore.create(in: folder)
        let copied = try #require(later.copy(slot, from: earlier))
        #expect(copied.hash == slot.hash)
        #expect(later.read(copied) == body(7))
    }
}
