/// The attributes of an HTML start tag, read as a browser reads them: names up to a space, `=`, `/` or
/// `>`; values quoted with `"` or `'` (the other kind is text inside) or unquoted up to a space or `>`.
package enum HTMLTag {
    /// Where reading a tag stopped.
    package enum End: Equatable {
        /// At its `>`, the byte at this offset.
        case closed(at: Int)
        /// The text ended inside the quoted value of this attribute.
        case inQuotedValue(attribute: String)
        /// The text ended anywhere else: in the tag's name, a name, an unquoted value or between attributes.
        case open
    }

    /// Reads the tag whose text follows its `<` in `text` (`a href="x">…`), calling `attribute` with each
    /// attribute's name as written and its value's bytes (empty for an attribute without one).
    @discardableResult
    package static func read(
        _ text: UnsafeBufferPointer<UInt8>, attribute: (_ name: String, _ value: UnsafeBufferPointer<UInt8>) -> Void = { _, _ in }
    ) -> End {
        let end = text.endIndex
        var index = text.firstIndex { isSpace($0) || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "/") } ?? end
        while index < end {
            while index < end, isSpace(text[index]) || text[index] == UInt8(ascii: "/") { index += 1 }
            guard index < end else { break }
            if text[index] == UInt8(ascii: ">") { return .closed(at: index) }
            let nameStart = index
            // The first byte is part of the name even when it is `=`, as browsers read `<a =x>`.
            index += 1
            while index < end, !isSpace(text[index]), !isNameEnd(text[index]) { index += 1 }
            let name = String(decoding: UnsafeBufferPointer(rebasing: text[nameStart..<index]), as: UTF8.self)
            while index < end, isSpace(text[index]) { index += 1 }
            guard index < end, text[index] == UInt8(ascii: "=") else {
                attribute(name, UnsafeBufferPointer(rebasing: text[index..<index]))
                continue
            }
            index += 1
            while index < end, isSpace(text[index]) { index += 1 }
            guard index < end else { break }
            let quote = text[index]
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                guard let close = text[(index + 1)...].firstIndex(of: quote) else { return .inQuotedValue(attribute: name) }
                attribute(name, UnsafeBufferPointer(rebasing: text[(index + 1)..<close]))
                index = close + 1
            } else {
                let valueStart = index
                while index < end, !isSpace(text[index]), text[index] != UInt8(ascii: ">") { index += 1 }
                attribute(name, UnsafeBufferPointer(rebasing: text[valueStart..<index]))
            }
        }
        return .open
    }

    /// HTML's ASCII whitespace: what separates attributes, and what a browser strips around a URL.
    package static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C
    }

    private static func isNameEnd(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "=") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/")
    }
}
