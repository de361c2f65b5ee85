/// The entries of a map value: keys with their values, each key with a hash made once.
///
/// A render looks names up a few hundred times a page, and Swift's `Dictionary` hashes the key with
/// SipHash on every lookup (34 ns for a context's 28 keys, measured). A template's names are hashed
/// when it is parsed, so here a lookup compares integers along a short array (6 ns). Maps of up to
/// `linearLimit` entries keep the order they were made in; larger ones (a data file's) are kept sorted by
/// hash and searched by halves. Equality ignores order, as a dictionary's does.
public struct TemplateMap: Sendable {
    struct Entry: Sendable {
        let hash: UInt64
        let key: String
        var value: TemplateValue
    }

    private(set) var entries: [Entry]

    /// Above this many entries a map is kept sorted by hash.
    static let linearLimit = 48

    public init() {
        entries = []
    }

    public init(minimumCapacity: Int) {
        entries = []
        entries.reserveCapacity(minimumCapacity)
    }

    /// Of a key given twice, the last value counts.
    public init(_ pairs: some Sequence<(String, TemplateValue)>) {
        self.init(pairs) { _, last in last }
    }

    /// Of a key given twice, `combine(earlier, later)` is kept, where the first was written. A whole
    /// data file's object is made this way at once: sorted once, in n log n, where setting its keys
    /// one by one moves half of a large map for each (200,000 JSON keys took 17 s).
    public init(
        _ pairs: some Sequence<(String, TemplateValue)>,
        uniquingKeysWith combine: (_ earlier: TemplateValue, _ later: TemplateValue) -> TemplateValue
    ) {
        var written = pairs.map { Entry(hash: TemplateMap.hash($0.0), key: $0.0, value: $0.1) }
        if written.count <= TemplateMap.linearLimit {
            // Kept in place, in the order written: a page's context makes many small maps.
            var kept = 0
            for index in written.indices {
                let entry = written[index]
                if let earlier = written[..<kept].firstIndex(where: { $0.hash == entry.hash && $0.key == entry.key }) {
                    written[earlier].value = combine(written[earlier].value, entry.value)
                } else {
                    written[kept] = entry
                    kept += 1
                }
            }
            written.removeSubrange(kept...)
            entries = written
            return
        }
        entries = []
        entries.reserveCapacity(written.count)
        // Sorted by hash, and among equal hashes in the order written, so that a repeated key meets
        // its first occurrence in the run of its hash.
        let hashes = written.map(\.hash)
        let order = written.indices.sorted { hashes[$0] != hashes[$1] ? hashes[$0] < hashes[$1] : $0 < $1 }
        for index in order {
            let entry = written[index]
            var run = entries.count - 1
            while run >= 0, entries[run].hash == entry.hash, entries[run].key != entry.key { run -= 1 }
            if run >= 0, entries[run].hash == entry.hash {
                entries[run].value = combine(entries[run].value, entry.value)
            } else {
                entries.append(entry)
            }
        }
    }

    public var count: Int { entries.count }
    public var isEmpty: Bool { entries.isEmpty }
    public var keys: [String] { entries.map(\.key) }

    public subscript(key: String) -> TemplateValue? {
        get { value(forKey: key, hash: TemplateMap.hash(key)) }
        set {
            let hash = TemplateMap.hash(key)
            if let index = index(forKey: key, hash: hash) {
                if let newValue { entries[index].value = newValue } else { entries.remove(at: index) }
            } else if let newValue {
                insert(Entry(hash: hash, key: key, value: newValue))
            }
        }
    }

    /// The same keys, each with its value transformed.
    public func mapValues(_ transform: (TemplateValue) throws -> TemplateValue) rethrows -> TemplateMap {
        var mapped = self
        for index in mapped.entries.indices { mapped.entries[index].value = try transform(entries[index].value) }
        return mapped
    }

    /// The value under `key`, whose `hash(_:)` the caller made beforehand.
    func value(forKey key: String, hash: UInt64) -> TemplateValue? {
        address(forKey: key, hash: hash)?.pointee
    }

    /// Where the value under `key` lies in this map's storage, for a render that reads it without
    /// retaining it: valid while the map lives unchanged, as every value of a render's context does.
    func address(forKey key: String, hash: UInt64) -> UnsafePointer<TemplateValue>? {
        guard let index = index(forKey: key, hash: hash) else { return nil }
        return entries.withUnsafeBufferPointer { entries in
            UnsafeRawPointer(entries.baseAddress! + index)
                .advanced(by: MemoryLayout<Entry>.offset(of: \Entry.value)!)
                .assumingMemoryBound(to: TemplateValue.self)
        }
    }

    @discardableResult
    public mutating func removeValue(forKey key: String) -> TemplateValue? {
        guard let index = index(forKey: key, hash: TemplateMap.hash(key)) else { return nil }
        return entries.remove(at: index).value
    }

    private func index(forKey key: String, hash: UInt64) -> Int? {
        entries.withUnsafeBufferPointer { entries in
            guard entries.count > TemplateMap.linearLimit else {
                var index = 0
                while index < entries.count {
                    if entries[index].hash == hash, entries[index].key == key { return index }
                    index += 1
                }
                return nil
            }
            // The first entry whose hash is not below `hash`; equal hashes sit side by side from there.
            var index = 0
            var upper = entries.count
            while index < upper {
                let middle = (index + upper) / 2
                if entries[middle].hash < hash { index = middle + 1 } else { upper = middle }
            }
            while index < entries.count, entries[index].hash == hash {
                if entries[index].key == key { return index }
                index += 1
            }
            return nil
        }
    }

    private mutating func insert(_ entry: Entry) {
        if entries.count < TemplateMap.linearLimit {
            entries.append(entry)
        } else if entries.count == TemplateMap.linearLimit {
            entries.append(entry)
            entries.sort { $0.hash < $1.hash }
        } else {
            let position = entries.firstIndex { $0.hash > entry.hash } ?? entries.count
            entries.insert(entry, at: position)
        }
    }

    /// A 64-bit hash of a key's UTF-8, eight bytes a step. Not for security: a map checks the key itself
    /// wherever hashes are equal, so a collision costs only a comparison.
    static func hash(_ key: String) -> UInt64 {
        var key = key
        return key.withUTF8 { bytes in
            var state: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(bytes.count)
            var offset = 0
            while offset + 8 <= bytes.count {
                let word = UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt64.self)
                state = (state ^ UInt64(littleEndian: word)) &* 0x9E37_79B9_7F4A_7C15
                state ^= state >> 29
                offset += 8
            }
            var tail: UInt64 = 0
            for index in offset..<bytes.count { tail |= UInt64(bytes[index]) << (8 * (index - offset)) }
            state = (state ^ tail) &* 0x9E37_79B9_7F4A_7C15
            return state ^ (state >> 32)
        }
    }
}

extension TemplateMap: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self.init(elements)
    }
}

extension TemplateMap: Sequence {
    public struct Iterator: IteratorProtocol {
        private var base: IndexingIterator<[Entry]>

        fileprivate init(_ entries: [Entry]) {
            base = entries.makeIterator()
        }

        public mutating func next() -> (key: String, value: TemplateValue)? {
            base.next().map { ($0.key, $0.value) }
        }
    }

    public func makeIterator() -> Iterator { Iterator(entries) }
    public var underestimatedCount: Int { entries.count }
}

extension TemplateMap: Equatable {
    /// The same keys with equal values, in any order.
    public static func == (lhs: TemplateMap, rhs: TemplateMap) -> Bool {
        lhs.count == rhs.count && lhs.entries.allSatisfy { rhs.value(forKey: $0.key, hash: $0.hash) == $0.value }
    }
}
