import BriefingSupport
import Foundation

/// The build cache's on-disk form: length-prefixed fields in a flat byte buffer. JSON of ten thousand
/// rendered pages takes seconds to decode; this takes milliseconds, and every read is bounds-checked
/// so that a damaged cache is rejected rather than trusted.
struct CacheWriter {
    /// Bytes, not `Data`: appending eight bytes at a time to `Data` cost more than the rest of encoding
    /// a page.
    private(set) var bytes: [UInt8] = []

    init() {}

    /// A writer whose buffer starts with room for `capacity` bytes: a body grown from nothing took
    /// several copies of its HTML, each a large allocation.
    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    /// Hands what is buffered to `sink` once it passes a megabyte, so a large cache is never held whole.
    mutating func flush(whenOver limit: Int = 1 << 20, to sink: ([UInt8]) throws -> Void) rethrows {
        guard bytes.count >= limit else { return }
        try sink(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    mutating func int(_ value: Int) {
        var little = Int64(value).littleEndian
        withUnsafeBytes(of: &little) { bytes.append(contentsOf: $0) }
    }

    mutating func bool(_ value: Bool) { int(value ? 1 : 0) }

    mutating func string(_ value: String) {
        var copy = value
        copy.withUTF8 { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func optional(_ value: String?) {
        bool(value != nil)
        if let value { string(value) }
    }

    mutating func list<Element>(_ items: [Element], _ write: (inout CacheWriter, Element) -> Void) {
        int(items.count)
        for item in items { write(&self, item) }
    }
}

struct CacheReader {
    struct Damaged: Error {}

    private let data: Data
    private var offset: Int

    init(_ data: Data) {
        self.data = data
        offset = data.startIndex
    }

    var isAtEnd: Bool { offset == data.endIndex }

    /// What is left to read, for reading later.
    var remainder: Data { data[offset...] }

    mutating func int() throws(Damaged) -> Int {
        guard data.endIndex - offset >= 8 else { throw Damaged() }
        // Through the bytes: a slice of `Data` per number cost more than the rest of decoding a page.
        let start = offset - data.startIndex
        let value = data.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: start, as: Int64.self) }
        offset += 8
        return Int(Int64(littleEndian: value))
    }

    mutating func bool() throws(Damaged) -> Bool { try int() != 0 }

    mutating func string() throws(Damaged) -> String {
        let count = try int()
        guard count >= 0, data.endIndex - offset >= count else { throw Damaged() }
        defer { offset += count }
        let start = offset - data.startIndex
        return data.withUnsafeBytes { buffer in
            String(decoding: UnsafeRawBufferPointer(rebasing: buffer[start..<start + count]).assumingMemoryBound(to: UInt8.self), as: UTF8.self)
        }
    }

    mutating func optional() throws(Damaged) -> String? {
        try bool() ? try string() : nil
    }

    mutating func list<Element>(_ read: (inout CacheReader) throws(Damaged) -> Element) throws(Damaged) -> [Element] {
        let count = try int()
        guard count >= 0, count <= data.endIndex - offset else { throw Damaged() }
        var items: [Element] = []
        items.reserveCapacity(count)
        for _ in 0..<count { items.append(try read(&self)) }
        return items
    }
}
