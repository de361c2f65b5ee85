import Foundation

/// Text helpers on hot paths, with an ASCII fast path: asking for Unicode properties is slow, and most
/// text in a briefing is ASCII.
package enum PlainText {
    package static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII
            ? scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || scalar == "\u{0B}" || scalar == "\u{0C}"
            : scalar.properties.isWhitespace
    }

    /// Whether `text` shows nothing: spaces and tabs, Unicode's space, line and paragraph separators,
    /// format characters (zero width space, soft hyphen, direction marks, BOM), and the Hangul fillers
    /// and the blank braille pattern, letters and symbols that draw nothing. A title or an author of only
    /// these would be an invisible heading, link or byline. Read scalar by scalar, not through Foundation:
    /// every title, author and tag of the site comes here.
    package static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            if scalar.isASCII { return scalar == " " || scalar == "\t" }
            switch scalar.value {
            case 0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800: return true
            default: break
            }
            switch scalar.properties.generalCategory {
            case .spaceSeparator, .lineSeparator, .paragraphSeparator, .format: return true
            default: return false
            }
        }
    }

    /// `A`–`Z` or `a`–`z` (clearing bit 5 folds the lower case onto the upper; no other byte lands there).
    @inlinable package static func isASCIILetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte & 0xDF) }

    /// A hexadecimal digit, in either case.
    @inlinable package static func isASCIIHexDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x46).contains(byte & 0xDF)
    }

    /// An ASCII letter or digit.
    @inlinable package static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool { isASCIILetter(byte) || (0x30...0x39).contains(byte) }

    /// CommonMark's ASCII punctuation: what a backslash escapes.
    @inlinable package static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte) || (0x7B...0x7E).contains(byte)
    }

    /// Whether a UTF-8 byte starts a Unicode scalar, that is, continues no sequence: columns in
    /// diagnostics count these, as libyaml's and editors' do.
    @inlinable package static func startsScalar(_ byte: UInt8) -> Bool { byte & 0xC0 != 0x80 }

    /// Whether the scalar starting at `index` of UTF-8 is whitespace, and its length in bytes. A sequence
    /// cut short by the end of the bytes is a word's, never read past.
    private static func whitespace(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (Bool, Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (lead == 0x20 || (0x09...0x0D).contains(lead), 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        guard index + length <= bytes.count else { return (false, bytes.count - index) }
        var value = UInt32(lead) & (0xFF >> (length + 1))
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return (Unicode.Scalar(value).map(isWhitespace) ?? false, length)
    }

    /// Runs of whitespace become one space; leading and trailing whitespace goes. Works on UTF-8 directly:
    /// appending scalars to a String one by one cost more than the Markdown parse of a page.
    package static func collapsingWhitespace(_ text: String) -> String {
        var text = text
        return text.withUTF8(collapsingWhitespace)
    }

    /// The same for UTF-8 bytes; a sequence cut short by the end of the bytes is kept as it is, and
    /// repaired by the String made of the result.
    package static func collapsingWhitespace(_ source: UnsafeBufferPointer<UInt8>) -> String {
        let raw = UnsafeRawBufferPointer(source)
        // Never longer than the source: a space is written only for whitespace left out.
        return String(unsafeUninitializedCapacity: source.count) { buffer in
            var count = 0
            var spacePending = false
            var index = 0
            while index < source.count {
                // Eight ASCII bytes whose only whitespace is lone spaces inside them are copied as they are:
                // most of a paragraph's text (FAQ answers are collapsed whole), a third of the time a byte at
                // a time took.
                if index &+ 8 <= source.count {
                    let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                    let spaces = asciiSpaces(word)
                    if word & 0x8080_8080_8080_8080 == 0, spaces == spaceBytes(word),
                       spaces & (spaces >> 8) == 0, spaces & 0x8000_0000_0000_0080 == 0 {
                        if spacePending {
                            buffer[count] = 0x20
                            count &+= 1
                            spacePending = false
                        }
                        UnsafeMutableRawPointer(buffer.baseAddress! + count).storeBytes(of: word.littleEndian, as: UInt64.self)
                        count &+= 8
                        index &+= 8
                        continue
                    }
                }
                let byte = source[index]
                // ASCII without the call: decoding every byte through it cost more than the copying.
                let (isSpace, length) = byte < 0x80 ? (byte == 0x20 || (0x09...0x0D).contains(byte), 1) : whitespace(at: index, in: source)
                if isSpace {
                    spacePending = count > 0
                } else {
                    if spacePending {
                        buffer[count] = 0x20
                        count &+= 1
                        spacePending = false
                    }
                    for offset in 0..<length { buffer[count &+ offset] = source[index &+ offset] }
                    count &+= length
                }
                index &+= length
            }
            return count
        }
    }

    package static func wordCount(_ text: String) -> Int {
        var text = text
        return text.withUTF8(wordCount)
    }

    package static func wordCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        readingCounts(bytes).words
    }

    /// What a reader reads, by script: words of scripts that put spaces between words (Latin, Hangul,
    /// Cyrillic, Arabic, …), and characters of those that do not (Han, Hiragana, Katakana), which are read
    /// one by one and are never part of a word. Counting both, rather than choosing one way per page,
    /// keeps one Chinese character in an English page from changing how the page is counted.
    ///
    /// Every text node of every page goes through here (a build's whole Markdown), so runs of ASCII are
    /// read eight bytes at a time (see `asciiSpaces`); other scalars are decoded one by one.
    package static func readingCounts(_ bytes: UnsafeBufferPointer<UInt8>) -> (words: Int, characters: Int) {
        var inWord = false
        return readingCounts(bytes, inWord: &inWord)
    }

    /// The same for one of several pieces of text read in a row (the text nodes of a paragraph): `inWord`
    /// says whether the text before ended inside a word, which is not counted again where it goes on here
    /// (`Un*believ*able`, a link followed by a comma), and is left saying whether this text does.
    package static func readingCounts(_ bytes: UnsafeBufferPointer<UInt8>, inWord: inout Bool) -> (words: Int, characters: Int) {
        let high: UInt64 = 0x8080_8080_8080_8080
        var count = 0
        var characters = 0
        var index = 0
        while index < bytes.count {
            if index &+ 8 <= bytes.count {
                let word = UInt64(littleEndian: UnsafeRawBufferPointer(bytes).loadUnaligned(fromByteOffset: index, as: UInt64.self))
                if word & high == 0 {
                    // A high bit per byte that is not a space; a word starts where one follows a space.
                    let letters = ~asciiSpaces(word) & high
                    let before = letters << 8 | (inWord ? 0x80 : 0)
                    // Counted by a multiply, the high bits moved down and summed into the top byte: without
                    // POPCNT in the baseline x86-64, `nonzeroBitCount` is a dozen instructions.
                    count &+= Int((((letters & ~before) >> 7) &* 0x0101_0101_0101_0101) >> 56)
                    inWord = letters >> 63 != 0
                    index &+= 8
                    continue
                }
            }
            if bytes[index] >= 0xE3, bytes[index] <= 0xF0, isReadByCharacter(at: index, in: bytes) {
                characters &+= 1
                inWord = false
                index &+= bytes[index] == 0xF0 ? 4 : 3
                continue
            }
            let (isSpace, length) = whitespace(at: index, in: bytes)
            index &+= length
            if !isSpace, !inWord { count &+= 1 }
            inWord = !isSpace
        }
        return (count, characters)
    }

    /// A Han, Hiragana or Katakana character starts at `index`: U+3040–U+30FF, U+31F0–U+31FF,
    /// U+3400–U+4DBF, U+4E00–U+9FFF, U+F900–U+FAFF, U+FF66–U+FF9F, U+20000–U+2FFFF (Hangul is not: it is
    /// written in words).
    private static func isReadByCharacter(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let lead = bytes[index]
        let length = lead == 0xF0 ? 4 : 3
        guard index + length <= bytes.count else { return false }
        var value = UInt32(lead) & (0xFF >> (length + 1))
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        switch value {
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFF66...0xFF9F, 0x20000...0x2FFFF: return true
        default: return false
        }
    }

    /// The high bit of each byte of eight ASCII bytes set when the byte is a space, a tab, a line feed, a
    /// vertical tab, a form feed or a carriage return (0x20, 0x09–0x0D). Every sum below stays under 0x100
    /// in its byte, so no carry crosses into the next.
    private static func asciiSpaces(_ word: UInt64) -> UInt64 {
        let high: UInt64 = 0x8080_8080_8080_8080
        func perByte(_ byte: UInt64) -> UInt64 { byte &* 0x0101_0101_0101_0101 }
        let atLeastTab = (word &+ perByte(0x80 - 0x09)) & high
        let atLeastShiftOut = (word &+ perByte(0x80 - 0x0E)) & high
        return spaceBytes(word) | (atLeastTab & ~atLeastShiftOut)
    }

    /// The high bit of each byte of eight ASCII bytes set when the byte is a space (0x20), exactly: no
    /// borrow or carry crosses from one byte into the next.
    private static func spaceBytes(_ word: UInt64) -> UInt64 {
        let high: UInt64 = 0x8080_8080_8080_8080
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let xorSpace = word ^ 0x2020_2020_2020_2020
        return ~((xorSpace & low) &+ low | xorSpace) & high
    }
}

extension PlainText {
    /// cmark's smart punctuation for text that does not go through cmark (titles, summaries, table cells),
    /// so a headline and its article agree: `"` and `'` become curly quotes (opening after a space or an
    /// opening bracket, closing otherwise, so `it's` gets an apostrophe), `---` an em dash, `--` an en
    /// dash and `...` an ellipsis.
    package static func smartened(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x22 || $0 == 0x27 || $0 == 0x2D || $0 == 0x2E }) else { return text }
        var text = text
        // Every page's title and summary come through here: bytes between the four that may change are
        // copied in runs, not appended a scalar at a time.
        return text.withUTF8 { bytes in
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + 16)
            var runStart = 0
            var index = 0
            func replace(_ length: Int, with replacement: StaticString) {
                result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                result.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                index += length
                runStart = index
            }
            func repeats(_ byte: UInt8, _ count: Int) -> Bool {
                index + count <= bytes.count && (1..<count).allSatisfy { bytes[index + $0] == byte }
            }
            while index < bytes.count {
                switch bytes[index] {
                case 0x2D where repeats(0x2D, 3): replace(3, with: "—")
                case 0x2D where repeats(0x2D, 2): replace(2, with: "–")
                case 0x2E where repeats(0x2E, 3): replace(3, with: "…")
                case 0x22: replace(1, with: opensQuote(before: index, in: bytes) ? "\u{201C}" : "\u{201D}")
                case 0x27: replace(1, with: opensQuote(before: index, in: bytes) ? "\u{2018}" : "\u{2019}")
                default: index += 1
                }
            }
            result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
            return String(decoding: result, as: UTF8.self)
        }
    }

    /// Whether a quote at `position` opens: at the start, or after whitespace or an opening bracket,
    /// dash or quote as the text was written (`--"` follows a hyphen, not the en dash it becomes).
    private static func opensQuote(before position: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard position > 0 else { return true }
        var start = position - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        var scalars = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self).unicodeScalars.makeIterator()
        guard let previous = scalars.next() else { return true }
        return isWhitespace(previous) || "([{–—\u{201C}\u{2018}".unicodeScalars.contains(previous)
    }
}

extension PlainText {
    /// Whether `byte` occurs in the text's UTF-8, found by `memchr`: transforms ask this of every page's
    /// whole body before they walk its tree, and a `contains` on the UTF-8 view reads a byte at a time.
    package static func contains(_ byte: UInt8, in text: Substring) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let start = bytes.baseAddress else { return false }
            return memchr(start, Int32(byte), bytes.count) != nil
        }
    }

    /// Whether `needle` occurs in the text's UTF-8: each of its first byte found by `memchr`, the rest compared.
    package static func contains(_ needle: StaticString, in text: Substring) -> Bool {
        contains(UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount), in: text)
    }

    /// The same for a needle known only when the build runs (a language's words).
    package static func contains(_ needle: String, in text: Substring) -> Bool {
        needle.withUTF8Bytes { contains($0, in: text) }
    }

    private static func contains(_ needle: UnsafeBufferPointer<UInt8>, in text: Substring) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard var next = bytes.baseAddress, let first = needle.first, let needleStart = needle.baseAddress else { return false }
            let end = next + bytes.count, length = needle.count
            while next < end, let found = memchr(next, Int32(first), end - next) {
                let position = UnsafePointer(found.assumingMemoryBound(to: UInt8.self))
                if end - position >= length, memcmp(position, needleStart, length) == 0 { return true }
                next = position + 1
            }
            return false
        }
    }

    /// Whether `first` right before `second` occurs in the text's UTF-8 (`[^`), each `first` found by `memchr`.
    package static func contains(_ first: UInt8, followedBy second: UInt8, in text: Substring) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard var next = bytes.baseAddress else { return false }
            let end = next + bytes.count
            while next < end, let found = memchr(next, Int32(first), end - next) {
                let position = UnsafePointer(found.assumingMemoryBound(to: UInt8.self))
                if position + 1 < end, position[1] == second { return true }
                next = position + 1
            }
            return false
        }
    }
}
