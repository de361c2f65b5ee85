/// An array kept in chunks of 64 elements: a value that copies cheaply when one element changes. A
/// model of 10,000 pages that `serve` edits while the version on screen still holds it copied every page
/// (each of its fields retained, 6.5 ms) on every save; a chunked one copies one chunk and the list of
/// chunks.
public struct ChunkedArray<Element>: RandomAccessCollection, MutableCollection {
    private static var chunkShift: Int { 6 }
    private var chunks: [[Element]]
    public private(set) var endIndex: Int

    public init() {
        chunks = []
        endIndex = 0
    }

    public init(_ elements: some Sequence<Element>) {
        self.init()
        for element in elements { append(element) }
    }

    public var startIndex: Int { 0 }

    /// Filled by appending, elements are moved in: made from an array, each would be copied.
    public mutating func append(_ element: consuming Element) {
        let size = 1 << Self.chunkShift
        if endIndex & (size - 1) == 0 {
            chunks.append([])
            chunks[chunks.count - 1].reserveCapacity(size)
        }
        chunks[chunks.count - 1].append(element)
        endIndex += 1
    }

    public subscript(position: Int) -> Element {
        // Every chunk is full but the last, which is as long as what is left: an index outside the array
        // is outside the chunks too, and traps there as an array's does.
        // Lent, not returned: `model[id].route` then reads one field of a page without copying the page
        // (a retain of each of its fields).
        _read { yield chunks[position >> Self.chunkShift][position & (1 << Self.chunkShift - 1)] }
        _modify { yield &chunks[position >> Self.chunkShift][position & (1 << Self.chunkShift - 1)] }
    }
}

extension ChunkedArray: Sendable where Element: Sendable {}
