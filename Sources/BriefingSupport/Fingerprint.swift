/// A stable hash of something made of many parts, added one by one.
package struct Fingerprint {
    package private(set) var value: UInt64 = StableHash.seed

    package init() {}

    package mutating func add(_ text: String) {
        var copy = text
        value = copy.withUTF8 { StableHash.bytes(UnsafeRawBufferPointer($0), state: value) }
    }

    /// The same as the text these bytes are the UTF-8 of.
    package mutating func add(_ bytes: [UInt8]) {
        value = bytes.withUnsafeBytes { StableHash.bytes($0, state: value) }
    }

    package mutating func add(_ number: Int) {
        value = StableHash.step(value, UInt64(bitPattern: Int64(number)))
    }

    package mutating func add(_ hash: UInt64) { value = StableHash.step(value, hash) }

    /// Nil and every text, the empty one included, add different things.
    package mutating func add(optional text: String?) {
        guard let text else { return add(0) }
        add(1)
        add(text)
    }
}
