import Foundation

/// A 64-bit FNV-1a hash of an output's bytes, stable across runs (unlike `Hasher`), so the manifest
/// can tell whether a file must be written again without reading it.
struct ContentHash: Hashable, Sendable, CustomStringConvertible {
    let value: UInt64

    init(_ text: String) {
        var copy = text
        value = copy.withUTF8(ContentHash.fnv1a)
    }

    init(_ data: Data) {
        value = data.withUnsafeBytes { ContentHash.fnv1a($0.bindMemory(to: UInt8.self)) }
    }

    private static func fnv1a(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }

    init(value: UInt64) {
        self.value = value
    }

    init?(hex: Substring) {
        guard let value = UInt64(hex, radix: 16) else { return nil }
        self.value = value
    }

    var description: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
