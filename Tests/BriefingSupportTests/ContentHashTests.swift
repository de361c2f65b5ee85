import Foundation
import Testing
@testable import BriefingSupport

@Suite struct ContentHashTests {
    @Test func theSameBytesGiveTheSameHashAcrossRunsAndTypes() {
        let text = "<p>About 28,500 US troops are stationed in South Korea.</p>\n"
        #expect(ContentHash(text) == ContentHash(Data(text.utf8)))
        // Pinned (and computed independently): the manifest written by one build is read by the next,
        // perhaps by another binary on another machine.
        #expect(ContentHash(text).description == "c2928baee8c02f93")
        #expect(ContentHash("").description == "99b6af62e3885e8f")
    }

    @Test func anyChangedByteOrLengthChangesTheHash() {
        let base = Array("The Special Measures Agreement of 2026, in force for five years.".utf8)
        var hashes: Set<ContentHash> = [ContentHash(Data(base))]
        for index in base.indices {
            var changed = base
            changed[index] ^= 0x01
            hashes.insert(ContentHash(Data(changed)))
        }
        for length in 0..<base.count { hashes.insert(ContentHash(Data(base[..<length]))) }
        #expect(hashes.count == 2 * base.count + 1)
        #expect(ContentHash("") != ContentHash("\0"))
    }

    @Test func fingerprintsOfPartsDoNotRunIntoEachOther() {
        func fingerprint(_ parts: [String]) -> UInt64 {
            var fingerprint = Fingerprint()
            for part in parts { fingerprint.add(part) }
            return fingerprint.value
        }
        #expect(fingerprint(["ab", "c"]) != fingerprint(["a", "bc"]))
        #expect(fingerprint(["layout", ""]) != fingerprint(["layout"]))
    }

    /// The cache is hashed in the pieces it is written in and checked whole: any cut gives the same hash.
    @Test func aBlockHashIsTheSameInAnyPieces() {
        let bytes = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) }
        let whole = BlockHash.of(bytes)
        for cuts in [[1], [65_535, 65_537], [3, 100_000, 150_000], [131_072], Array(stride(from: 1_000, to: 200_000, by: 7_777))] {
            var hash = BlockHash()
            var start = 0
            for end in cuts + [bytes.count] {
                bytes[start..<end].withUnsafeBytes { hash.add($0) }
                start = end
            }
            #expect(hash.value == whole, "\(cuts)")
        }
        #expect(BlockHash.of(bytes.dropLast()) != whole)
        #expect(BlockHash.of([UInt8]()) != BlockHash.of([UInt8(0)]))
    }
}
