/// HTML read in the parts a browser's tokenizer makes of it, as far as Briefing needs them: text, start
/// tags and end tags. Comments, `<!…>` and `<?…>` declarations and what scripts and styles hold are
/// passed over; a `<` that starts no tag (`a < b`) is text, and a tag the HTML ends inside ends it.
package enum HTMLScanner {
    package enum Part {
        /// Text between tags, as written (entities not decoded).
        case text(UnsafeBufferPointer<UInt8>)
        /// A start tag: its name in lower case, and its bytes after the `<` up to and with its `>`, for
        /// `HTMLTag.read`.
        case startTag(name: String, tag: UnsafeBufferPointer<UInt8>)
        /// An end tag, its name in lower case.
        case endTag(name: String)
    }

    /// Calls `visit` with each part of `html` in order.
    package static func scan(_ html: UnsafeBufferPointer<UInt8>, _ visit: (Part) -> Void) {
        var index = 0, textStart = 0
        func flushText(upTo end: Int) {
            if end > textStart { visit(.text(UnsafeBufferPointer(rebasing: html[textStart..<end]))) }
        }
        while let open = html[index...].firstIndex(of: UInt8(ascii: "<")) {
            let rest = UnsafeBufferPointer(rebasing: html[(open + 1)...])
            guard let part = tag(in: rest) else {
                index = open + 1
                continue
            }
            flushText(upTo: open)
            guard let length = part.length else { return }
            index = open + 1 + length
            textStart = index
            switch part.kind {
            case .start(let name):
                visit(.startTag(name: name, tag: UnsafeBufferPointer(rebasing: rest[..<length])))
                // What a script or style holds is not HTML: it ends at the first `</script` or `</style`.
                if name == "script" || name == "style" {
                    guard let close = find("</" + name, in: html, from: index) else { return }
                    index = close
                    textStart = close
                }
            case .end(let name):
                visit(.endTag(name: name))
            case .skipped:
                break
            }
        }
        flushText(upTo: html.count)
    }

    private enum Kind {
        case start(String), end(String), skipped
    }

    /// What follows a `<`: nil when it starts no tag; a length of nil when the HTML ends inside it.
    private static func tag(in rest: UnsafeBufferPointer<UInt8>) -> (kind: Kind, length: Int?)? {
        guard let first = rest.first else { return nil }
        if isLetter(first) {
            let name = lowercasedName(rest)
            guard case .closed(let close) = HTMLTag.read(rest) else { return (.start(name), nil) }
            return (.start(name), close + 1)
        }
        if rest.starts(with: "!--".utf8) {
            let end = find("-->", in: rest, from: 3)
            return (.skipped, end.map { $0 + 3 })
        }
        let closing = first == UInt8(ascii: "/")
        guard closing || first == UInt8(ascii: "!") || first == UInt8(ascii: "?") else { return nil }
        let length = rest.firstIndex(of: UInt8(ascii: ">")).map { $0 + 1 }
        guard closing, rest.count > 1, isLetter(rest[1]) else { return (.skipped, length) }
        return (.end(lowercasedName(UnsafeBufferPointer(rebasing: rest[1...]))), length)
    }

    /// The tag name at the start of `bytes`, which ends at a space, `/` or `>`.
    private static func lowercasedName(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let end = bytes.firstIndex { $0 <= 0x20 || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: ">") } ?? bytes.count
        return String(decoding: bytes[..<end].map(lowercased), as: UTF8.self)
    }

    /// The offset of `needle` (ASCII in lower case, starting with no letter, matched in any case) in `bytes` from `start`, or nil.
    private static func find(_ needle: String, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let needle = Array(needle.utf8)
        guard bytes.count >= needle.count, start <= bytes.count - needle.count else { return nil }
        for offset in start...(bytes.count - needle.count)
        where bytes[offset] == needle[0] && zip(needle, bytes[offset..<(offset + needle.count)]).allSatisfy({ $0 == lowercased($1) }) {
            return offset
        }
        return nil
    }

    private static func isLetter(_ byte: UInt8) -> Bool { PlainText.isASCIILetter(byte) }

    private static func lowercased(_ byte: UInt8) -> UInt8 { isLetter(byte) ? byte | 0x20 : byte }
}
