import BriefingSupport

/// The five characters that mean something to HTML in text and attribute values, replaced by their
/// entities: what `{{name}}` writes, and what Briefing's own markup does with text it inserts.
public enum HTMLEscape {
    /// `text` with `& < > " '` replaced by `&amp; &lt; &gt; &quot; &#39;`; with `keepingApostrophes`, `'`
    /// stays as it is, which is how cmark escapes text.
    public static func escaped(_ text: String, keepingApostrophes: Bool = false) -> String {
        guard text.withUTF8Bytes({ $0.contains { entity(for: $0, keepingApostrophes: keepingApostrophes) != nil } }) else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + 16)
        append(text, to: &output, keepingApostrophes: keepingApostrophes)
        // Valid UTF-8: the text's own bytes, cut only at the ASCII characters replaced.
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends `text` escaped, copying the runs between the characters replaced whole. Bytes, not
    /// characters: a combining mark after `&` makes one `Character` that is not `&`, and the `&` stays raw.
    static func append(_ text: String, to output: inout [UInt8], keepingApostrophes: Bool = false) {
        // Read where it lies: `var` and `withUTF8` retained the text, for the site's shared strings an
        // atomic add on a cache line the other core's renders add to as well.
        text.withUTF8Bytes { bytes in append(bytes, to: &output, keepingApostrophes: keepingApostrophes) }
    }

    package static func append(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8], keepingApostrophes: Bool = false) {
        var runStart = 0
        var offset = 0
        while offset < bytes.count {
            // Eight bytes at a time past those holding none of the five: most text has none, and
            // a test per byte went wrong on every space.
            if offset &+ 8 <= bytes.count {
                let word = UnsafeRawBufferPointer(bytes).loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                if !mayHoldEntity(word, keepingApostrophes: keepingApostrophes) {
                    offset &+= 8
                    continue
                }
            }
            let end = min(offset &+ 8, bytes.count)
            while offset < end {
                if let entity = entity(for: bytes[offset], keepingApostrophes: keepingApostrophes) {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<offset]))
                    entity.withUTF8Buffer { output.append(contentsOf: $0) }
                    runStart = offset &+ 1
                }
                offset &+= 1
            }
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
    }

    /// Whether any of eight bytes is one `entity(for:)` replaces.
    @inline(__always)
    private static func mayHoldEntity(_ word: UInt64, keepingApostrophes: Bool) -> Bool {
        let found = ByteWord.has(UInt8(ascii: "&"), in: word) | ByteWord.has(UInt8(ascii: "<"), in: word)
            | ByteWord.has(UInt8(ascii: ">"), in: word) | ByteWord.has(UInt8(ascii: "\""), in: word)
            | (keepingApostrophes ? 0 : ByteWord.has(UInt8(ascii: "'"), in: word))
        return found != 0
    }

    @inline(__always)
    private static func entity(for byte: UInt8, keepingApostrophes: Bool) -> StaticString? {
        // All five are below `?`: letters and everything past ASCII skip the switch.
        guard byte < UInt8(ascii: "?") else { return nil }
        switch byte {
        case UInt8(ascii: "&"): return "&amp;"
        case UInt8(ascii: "<"): return "&lt;"
        case UInt8(ascii: ">"): return "&gt;"
        case UInt8(ascii: "\""): return "&quot;"
        case UInt8(ascii: "'"): return keepingApostrophes ? nil : "&#39;"
        default: return nil
        }
    }
}
