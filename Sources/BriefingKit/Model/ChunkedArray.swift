/// An array kept in chunks of 64 elements: a value that copies cheaply when one element changes. A
/// model of 10,000 pages that `serve` edits while the version on screen still holds it copied every page
/// (each of its fields retained, 6.5 ms) on every save; a chunked one copies one chunk and the list of
/// chunks.
public struct ChunkedArray<Element>: RandomAccessCollection, MutableCollection {
    private static var chunkShift: Int { 6 }
    private var chunks: [[Element]]
    public let endIndex: Int

    public init(_ elements: [Element]) {
        let size = 1 << Self.chunkShift
        chunks = stride(from: 0, to: elements.count, by: size).map { start in
            Array(elements[start..<Swift.min(start + size, elements.count)])
        }
        endIndex = elements.count
    }

    public var startIndex: Int { 0 }

    public subscript(position: Int) -> Element {
        // Every chunk is full but the last, which is as long as what is left: an index outside the array
        // is outside the chunks too, and traps there as an array's does.
        get { chunks[position >> Self.chunkShift][position & (1 << Self.chunkShift - 1)] }
        set { chunks[position >> Self.chunkShift][position & (1 << Self.chunkShift - 1)] = newValue }
    }
}

extension ChunkedArray: Sendable where Element: Sendable {}
