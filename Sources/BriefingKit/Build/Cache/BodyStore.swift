import Foundation
import Synchronization

/// The rendered bodies of a site's pages, kept in a file rather than in memory: the Markdown stage
/// appends each page's body as soon as it is made and the template stage reads it back when it
/// renders the page, so a build holds a few pages' HTML at a time instead of the whole site's (180 MB
/// at 10,000 pages). In the output folder the file outlives the build: the next one finds the bodies
/// of unchanged pages there and appends only the new ones.
final class BodyStore: Sendable {
    static let fileName = ".briefing-bodies"
    static let pendingName = fileName + ".new"

    /// Where a body is, and a hash of its bytes. Reads check the hash, so a damaged or replaced file is
    /// never trusted; the hash also stands for the body in the template stage's context fingerprints.
    struct Slot: Sendable, Equatable {
        var offset: Int
        var length: Int
        var hash: UInt64
    }

    /// Written at the start of the file and kept in the build cache, so a cache only ever reads the
    /// store that was written with it.
    let id: UInt64
    /// For messages: where the bodies are written.
    let path: String
    private let descriptor: Int32
    private let end: Atomic<Int>
    /// A new store in the output folder waits under `pendingName` until `commit()`; a build that fails
    /// leaves the previous store as it was, and no output folder where there was none.
    private let pending: Pending?
    private let committed = Atomic<Bool>(false)
    private struct Pending: Sendable {
        var from: String
        var to: String
        /// The output folder, when the store made it.
        var createdFolder: String?
    }

    private static let headerSize = 16
    private static let magic: UInt64 = 0x5349_4442_4e49_4642  // "BFINBDIS" little-endian

    private init(descriptor: Int32, id: UInt64, path: String, end: Int, pending: Pending?) {
        self.descriptor = descriptor
        self.id = id
        self.path = path
        self.end = Atomic(end)
        self.pending = pending
    }

    deinit {
        close(descriptor)
        if let pending, !committed.load(ordering: .relaxed) {
            unlink(pending.from)
            if let folder = pending.createdFolder { rmdir(folder) }
        }
    }

    /// A new, empty store in `folder` (made if missing), which replaces the folder's store when committed.
    static func create(in folder: URL) throws(FileBytes.IOError) -> BodyStore {
        let folderExisted = FileManager.default.fileExists(atPath: folder.path)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw FileBytes.IOError(message: "cannot create the folder: \(error.localizedDescription)")
        }
        let from = folder.appendingPathComponent(pendingName).path
        let descriptor = open(from, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .fromErrno() }
        let pending = Pending(from: from, to: folder.appendingPathComponent(fileName).path, createdFolder: folderExisted ? nil : folder.path)
        return try started(descriptor, path: from, pending: pending)
    }

    /// A store for a build that writes nothing (`briefing check`): a temporary file, already unlinked.
    static func temporary() throws(FileBytes.IOError) -> BodyStore {
        var template = Array((NSTemporaryDirectory() + "/briefing-bodies.XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw .fromErrno() }
        let path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        unlink(path)
        return try started(descriptor, path: path, pending: nil)
    }

    /// The store `folder` holds if it is the one with `id`, opened for reading its bodies and appending.
    static func reopen(in folder: URL, id: UInt64) -> BodyStore? {
        let path = folder.appendingPathComponent(fileName).path
        let descriptor = open(path, O_RDWR | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        var header = [UInt64](repeating: 0, count: 2)
        var status = stat()
        guard header.withUnsafeMutableBytes({ FileBytes.read(into: $0, from: descriptor, at: 0) }),
              UInt64(littleEndian: header[0]) == magic, UInt64(littleEndian: header[1]) == id,
              fstat(descriptor, &status) == 0
        else {
            close(descriptor)
            return nil
        }
        return BodyStore(descriptor: descriptor, id: id, path: path, end: Int(status.st_size), pending: nil)
    }

    private static func started(_ descriptor: Int32, path: String, pending: Pending?) throws(FileBytes.IOError) -> BodyStore {
        let store = BodyStore(descriptor: descriptor, id: UInt64.random(in: 1...UInt64.max), path: path, end: headerSize, pending: pending)
        let header = [magic.littleEndian, store.id.littleEndian]
        try header.withUnsafeBytes { bytes in Result { () throws(FileBytes.IOError) in try FileBytes.write(bytes, to: store.descriptor, at: 0) } }.get()
        return store
    }

    /// The file's size: the bodies of this build and, in a reopened store, those of earlier builds.
    var size: Int { end.load(ordering: .relaxed) }

    /// Stores a body; safe to call from many threads at once, each write going to its own range.
    func append(_ body: PageBody) throws(FileBytes.IOError) -> Slot {
        // The HTML, and room for the table of contents, sources and FAQ.
        var writer = CacheWriter(capacity: body.html.utf8.count + 4096)
        BodyStore.encode(body, to: &writer)
        return try writer.bytes.withUnsafeBytes { bytes in Result { () throws(FileBytes.IOError) in try append(bytes) } }.get()
    }

    /// The body in `slot`, or nil when the bytes there are not the ones stored.
    func read(_ slot: Slot) -> PageBody? {
        guard let bytes = bytes(at: slot) else { return nil }
        var reader = CacheReader(bytes)
        guard let body = try? BodyStore.decode(&reader), reader.isAtEnd else { return nil }
        return body
    }

    /// Whether the bytes in `slot` are the ones stored there.
    func holds(_ slot: Slot) -> Bool { bytes(at: slot) != nil }

    /// Copies a body from another store without decoding it; nil when it cannot be read intact.
    func copy(_ slot: Slot, from other: BodyStore) -> Slot? {
        guard let bytes = other.bytes(at: slot) else { return nil }
        return try? bytes.withUnsafeBytes { buffer in Result { () throws(FileBytes.IOError) in try append(buffer) } }.get()
    }

    /// Puts a new store in place of the folder's previous one.
    func commit() throws(FileBytes.IOError) {
        guard let pending else { return }
        guard rename(pending.from, pending.to) == 0 else { throw .fromErrno() }
        committed.store(true, ordering: .relaxed)
    }

    private func append(_ bytes: UnsafeRawBufferPointer) throws(FileBytes.IOError) -> Slot {
        let offset = end.wrappingAdd(bytes.count, ordering: .relaxed).oldValue
        try FileBytes.write(bytes, to: descriptor, at: offset)
        return Slot(offset: offset, length: bytes.count, hash: StableHash.bytes(bytes, state: StableHash.seed))
    }

    private func bytes(at slot: Slot) -> Data? {
        guard slot.offset >= BodyStore.headerSize, slot.length >= 0, slot.length <= size - slot.offset else { return nil }
        var data = Data(count: slot.length)
        let complete = data.withUnsafeMutableBytes { buffer in
            FileBytes.read(into: buffer, from: descriptor, at: slot.offset)
                && StableHash.bytes(UnsafeRawBufferPointer(buffer), state: StableHash.seed) == slot.hash
        }
        return complete ? data : nil
    }

    // MARK: Encoding a body

    private static func encode(_ body: PageBody, to writer: inout CacheWriter) {
        writer.string(body.html)
        writer.list(body.toc.entries, encodeTOCEntry)
        writer.int(body.wordCount)
        writer.list(body.sources) { writer, source in
            writer.string(source.title)
            writer.optional(source.url)
            writer.optional(source.publisher)
            writer.optional(source.date?.iso)
        }
        writer.list(body.faq) { writer, entry in
            writer.string(entry.question)
            writer.string(entry.answer)
        }
    }

    private static func decode(_ reader: inout CacheReader) throws(CacheReader.Damaged) -> PageBody {
        let html = try reader.string()
        let toc = try reader.list(decodeTOCEntry)
        let words = try reader.int()
        let sources = try reader.list { reader throws(CacheReader.Damaged) -> SourceReference in
            let title = try reader.string(), url = try reader.optional(), publisher = try reader.optional()
            let date = try reader.optional().flatMap(PageDate.init(parsing:))
            return SourceReference(title: title, url: url, publisher: publisher, date: date)
        }
        let faq = try reader.list { reader throws(CacheReader.Damaged) in
            FAQSections.Entry(question: try reader.string(), answer: try reader.string())
        }
        return PageBody(html: html, toc: TableOfContents(entries: toc), wordCount: words, sources: sources, faq: faq)
    }

    private static func encodeTOCEntry(_ writer: inout CacheWriter, _ entry: TOCEntry) {
        writer.int(entry.level)
        writer.string(entry.id)
        writer.string(entry.title)
        writer.list(entry.children, encodeTOCEntry)
    }

    private static func decodeTOCEntry(_ reader: inout CacheReader) throws(CacheReader.Damaged) -> TOCEntry {
        TOCEntry(level: try reader.int(), id: try reader.string(), title: try reader.string(), children: try reader.list(decodeTOCEntry))
    }
}
