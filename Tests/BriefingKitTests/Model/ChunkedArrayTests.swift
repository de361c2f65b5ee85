import Testing
@testable import BriefingKit

/// The site's pages are a chunked array: the same elements as the array it was made from, at every
/// chunk boundary, and a copy that one change does not reach.
@Suite struct ChunkedArrayTests {
    @Test(arguments: [0, 1, 63, 64, 65, 128, 1000])
    func holdsTheElementsItWasMadeFrom(count: Int) {
        let elements = Array(0..<count)
        let chunked = ChunkedArray(elements)
        #expect(chunked.count == count)
        #expect(Array(chunked) == elements)
        #expect(chunked.indices == elements.indices)
    }

    @Test func aChangedCopyLeavesTheOriginalAsItWas() {
        let original = ChunkedArray(Array(0..<200))
        var copy = original
        copy[64] = -1
        copy[199] = -2
        #expect(copy[64] == -1 && copy[199] == -2 && copy[63] == 63 && copy[65] == 65)
        #expect(Array(original) == Array(0..<200))
    }

    @Test func appendingAfterACopyLeavesTheCopyAsItWas() {
        var grown = ChunkedArray<Int>()
        for value in 0..<64 { grown.append(value) }
        let copy = grown
        grown.append(64)
        grown[0] = -1
        #expect(Array(grown) == [-1] + Array(1...64))
        #expect(Array(copy) == Array(0..<64))
    }
}
