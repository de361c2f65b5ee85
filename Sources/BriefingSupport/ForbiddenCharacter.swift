/// Characters HTML does not allow in a document (its parse errors `unexpected-null-character`,
/// `control-character-in-input-stream` and `noncharacter-in-input-stream`): C0 controls but tab, line
/// feed, form feed and carriage return; DEL; the C1 controls U+0080–U+009F; the noncharacters U+FDD0–U+FDEF
/// and the last two code points of every plane. None is text an editor means (a C1 control is most often
/// a Windows-1252 quote or dash read as Latin-1), and each makes a page invalid or is dropped by browsers.
package enum ForbiddenCharacter {
    package static func isForbidden(_ value: UInt32) -> Bool {
        switch value {
        case 0x09, 0x0A, 0x0C, 0x0D: false
        case 0..<0x20, 0x7F...0x9F, 0xFDD0...0xFDEF: true
        default: value & 0xFFFE == 0xFFFE && value <= 0x10FFFF
        }
    }

    /// `U+0001 (a control character)`, for messages.
    package static func describe(_ value: UInt32) -> String {
        let code = codePoint(value)
        switch value {
        case 0x80...0x9F: return code + " (a control character, most often a Windows-1252 quote or dash read wrongly)"
        case 0..<0x20, 0x7F: return code + " (a control character)"
        default: return code + " (not a character)"
        }
    }

    /// `U+3000`: how messages name a character no one sees.
    package static func codePoint(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// The byte offset and value of the first one in `bytes`, valid UTF-8. Every source file of a build
    /// goes through here: ASCII is read eight bytes at a time, and of other characters only those whose
    /// first byte a forbidden one has (C2, EF, F0–F4) are decoded.
    package static func first(in bytes: UnsafeBufferPointer<UInt8>) -> (offset: Int, value: UInt32)? {
        let raw = UnsafeRawBufferPointer(bytes)
        var index = 0
        while index < bytes.count {
            if index &+ 8 <= bytes.count {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                if word & high == 0 {
                    let forbidden = forbiddenASCII(word)
                    guard forbidden != 0 else {
                        index &+= 8
                        continue
                    }
                    let at = index + forbidden.trailingZeroBitCount / 8
                    return (at, UInt32(bytes[at]))
                }
            }
            let lead = bytes[index]
            guard lead >= 0x80 else {
                if lead < 0x20 || lead == 0x7F, isForbidden(UInt32(lead)) { return (index, UInt32(lead)) }
                index &+= 1
                continue
            }
            let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            guard index + length <= bytes.count else { return nil }
            if lead == 0xC2 || lead == 0xEF || lead >= 0xF0 {
                var value = UInt32(lead & (0xFF >> (length + 1)))
                for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
                if isForbidden(value) { return (index, value) }
            }
            index &+= length
        }
        return nil
    }

    private static let high: UInt64 = 0x8080_8080_8080_8080

    /// The high bit of each byte of eight ASCII bytes that is forbidden: below 0x20 but tab, line feed, form
    /// feed and carriage return, or 0x7F. Exact, since no sum of ASCII bytes below carries into the next.
    @inline(__always)
    private static func forbiddenASCII(_ word: UInt64) -> UInt64 {
        func perByte(_ byte: UInt64) -> UInt64 { byte &* 0x0101_0101_0101_0101 }
        func equal(_ byte: UInt64) -> UInt64 { ~((word ^ perByte(byte)) &+ perByte(0x7F)) & high }
        let controls = ~(word &+ perByte(0x60)) & high
        guard controls != 0 else { return equal(0x7F) }
        return controls & ~(equal(0x09) | equal(0x0A) | equal(0x0C) | equal(0x0D)) | equal(0x7F)
    }
}
