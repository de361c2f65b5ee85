import Foundation

/// A 64-bit hash of an output's bytes, stable across runs (unlike `Hasher`), so the manifest can tell
/// whether a file must be written again without reading it.
package struct ContentHash: Hashable, Sendable, CustomStringConvertible {
    package let value: UInt64

    package init(_ text: String) {
        var copy = text
        value = copy.withUTF8 { StableHash.bytes(UnsafeRawBufferPointer($0), state: StableHash.seed) }
    }

    /// Of a page rendered as bytes, or a file read as `Data`.
    package init(_ bytes: some ContiguousBytes) {
        value = bytes.withUnsafeBytes { StableHash.bytes($0, state: StableHash.seed) }
    }

    package init(value: UInt64) {
        self.value = value
    }

    package var description: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

/// The hash behind `ContentHash` and `Fingerprint`: eight bytes per step, where FNV-1a took a multiply
/// per byte and hashing every page, its source and its context cost a tenth of a build. Each step is
/// a bijection of the state for a given word and of the word for a given state (xor, a multiply by an
/// odd constant, an xor-shift), so changing any one word of the input always changes the result; the
/// length is mixed in last, so inputs hashed one after another cannot run into each other.
///
/// Long inputs run four states side by side, one word each per round, folded into one at the end by
/// the same step: one state waited on each multiply before the next could start, four keep the
/// multiplier busy. The fold is a bijection of each state given the others, so the property above holds.
package enum StableHash {
    package static let seed: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always)
    package static func step(_ state: UInt64, _ word: UInt64) -> UInt64 {
        let mixed = (state ^ word) &* 0x9E37_79B9_7F4A_7C15
        return mixed ^ (mixed >> 29)
    }

    package static func bytes(_ buffer: UnsafeRawBufferPointer, state: UInt64) -> UInt64 {
        @inline(__always) func word(_ offset: Int) -> UInt64 {
            UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        }
        var state = state
        var offset = 0
        if buffer.count >= 32 {
            var lanes = (state, state ^ 0x243F_6A88_85A3_08D3, state ^ 0x1319_8A2E_0370_7344, state ^ 0xA409_3822_299F_31D0)
            while offset + 32 <= buffer.count {
                lanes.0 = step(lanes.0, word(offset))
                lanes.1 = step(lanes.1, word(offset + 8))
                lanes.2 = step(lanes.2, word(offset + 16))
                lanes.3 = step(lanes.3, word(offset + 24))
                offset += 32
            }
            state = step(step(step(lanes.0, lanes.1), lanes.2), lanes.3)
        }
        while offset + 8 <= buffer.count {
            state = step(state, word(offset))
            offset += 8
        }
        var tail: UInt64 = 0
        for (shift, byte) in buffer[offset...].enumerated() { tail |= UInt64(byte) << (8 * shift) }
        return step(step(state, tail), UInt64(buffer.count))
    }
}

/// `StableHash` of bytes given in pieces of any size: the same as of the whole, read in blocks of 64 KiB.
/// The build cache is written a megabyte at a time and read whole; hashed as it is written, it is never
/// read back (its 8 MB at 10,000 pages were a peak's 4%).
package struct BlockHash {
    private static let blockSize = 1 << 16
    private var state = StableHash.seed
    private var pending: [UInt8] = []
    private var count = 0

    package init() {}

    package mutating func add(_ bytes: UnsafeRawBufferPointer) {
        count += bytes.count
        var rest = bytes[...]
        if !pending.isEmpty {
            let taken = rest.prefix(Self.blockSize - pending.count)
            pending += taken
            rest = rest[taken.endIndex...]
            guard pending.count == Self.blockSize else { return }
            state = pending.withUnsafeBytes { StableHash.bytes($0, state: state) }
            pending.removeAll(keepingCapacity: true)
        }
        while rest.count >= Self.blockSize {
            state = StableHash.bytes(UnsafeRawBufferPointer(rebasing: rest.prefix(Self.blockSize)), state: state)
            rest = rest.dropFirst(Self.blockSize)
        }
        pending += rest
    }

    package var value: UInt64 {
        let last = pending.withUnsafeBytes { StableHash.bytes($0, state: state) }
        return StableHash.step(last, UInt64(count))
    }

    package static func of(_ bytes: some ContiguousBytes) -> UInt64 {
        var hash = BlockHash()
        bytes.withUnsafeBytes { hash.add($0) }
        return hash.value
    }
}
