/// Where GitHub's autolink extension finds addresses in a run of text, by cmark-gfm's rules (its
/// `autolink.c`), on the text's UTF-8 bytes:
/// - `https://` or `http://` after no letter, then a host of at least one character;
/// - `www.` at the start, after a space or after `*`, `_`, `~` or `(`, then a domain with a dot;
/// - an e-mail address: letters, digits and `.+-_` before the `@`, a domain with a dot after it.
/// An address runs to the next space or `<`, without the punctuation that ends a sentence (`?!.,:*_~'"`),
/// an entity's `&…;`, or a `)` that closes no `(` of its own.
///
/// Two differences from GitHub, where it would give readers a worse link: `www.` becomes `https://www.`
/// (not `http://`), and `ftp://` stays text (browsers no longer open it, and `LinkURL` refuses it).
struct AutolinkMatcher {
    struct Match: Equatable {
        /// Byte offsets in the text.
        var range: Range<Int>
        /// The link's destination: the address written, with `https://` or `mailto:` before it where needed.
        var url: String
    }

    private let bytes: [UInt8]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Web addresses first, then e-mail addresses in the text between them: cmark-gfm finds the first
    /// while it reads the inlines and the second afterwards, in the text nodes left. `startsClear` says
    /// whether `www.` may start the text (the run begins its block, or follows a space or emphasis);
    /// `inBrackets` whether a `[` before the run is still open (GitHub links no web address there).
    func matches(startsClear: Bool, inBrackets: inout Int) -> [Match] {
        var found: [Match] = []
        var index = 0
        var plainFrom = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "[") {
                inBrackets += 1
            } else if byte == UInt8(ascii: "]") {
                inBrackets = max(inBrackets - 1, 0)
            } else if inBrackets == 0, let match = byte == UInt8(ascii: ":") ? url(colon: index, after: plainFrom)
                : byte == UInt8(ascii: "w") ? www(at: index, startsClear: startsClear) : nil
            {
                found += emails(in: plainFrom..<match.range.lowerBound)
                found.append(match)
                index = match.range.upperBound
                plainFrom = index
                continue
            }
            index += 1
        }
        return found + emails(in: plainFrom..<bytes.count)
    }

    // MARK: Web addresses

    private func www(at start: Int, startsClear: Bool) -> Match? {
        if start > 0 {
            let before = bytes[start - 1]
            guard Self.isSpace(before) || "*_~(".utf8.contains(before) else { return nil }
        } else if !startsClear {
            return nil
        }
        guard bytes.count - start >= 4, bytes[start..<(start + 4)].elementsEqual("www.".utf8),
            domainLength(from: start, to: bytes.count, allowingShort: false) > 0
        else { return nil }
        let end = trimmedEnd(from: start, to: spaceOrEnd(from: start))
        guard end > start else { return nil }
        return Match(range: start..<end, url: "https://" + text(start..<end))
    }

    private func url(colon: Int, after floor: Int) -> Match? {
        guard bytes.count - colon >= 4, bytes[colon + 1] == UInt8(ascii: "/"), bytes[colon + 2] == UInt8(ascii: "/") else { return nil }
        var start = colon
        while start > floor, Self.isLetter(bytes[start - 1]) { start -= 1 }
        let scheme = String(decoding: bytes[start..<colon], as: UTF8.self).lowercased()
        let host = colon + 3
        guard scheme == "http" || scheme == "https", isHostCharacter(at: host),
            domainLength(from: host, to: bytes.count, allowingShort: true) > 0
        else { return nil }
        let end = trimmedEnd(from: colon, to: spaceOrEnd(from: colon))
        guard end > colon else { return nil }
        return Match(range: start..<end, url: text(start..<end))
    }

    /// cmark-gfm's `check_domain`: the length of the domain from `start`, or 0 when an underscore stands in
    /// one of its last two labels or, unless `allowingShort`, it has no dot. Like cmark-gfm, it looks at one
    /// byte after another from the second, so a letter beyond ASCII ends it at its second byte: the address
    /// still runs on to the next space.
    private func domainLength(from start: Int, to end: Int, allowingShort: Bool) -> Int {
        var index = start + 1
        var dots = 0, underscoresBefore = 0, underscores = 0
        while index < end - 1 {
            let byte = bytes[index]
            if byte == UInt8(ascii: "_") {
                underscores += 1
            } else if byte == UInt8(ascii: ".") {
                underscoresBefore = underscores
                underscores = 0
                dots += 1
            } else if byte != UInt8(ascii: "-"), !isHostCharacter(at: index) {
                break
            }
            index += 1
        }
        guard underscoresBefore == 0, underscores == 0 else { return 0 }
        return allowingShort || dots > 0 ? index - start : 0
    }

    private func spaceOrEnd(from start: Int) -> Int {
        var end = start
        while end < bytes.count, !Self.isSpace(bytes[end]) { end += 1 }
        return end
    }

    /// cmark-gfm's `autolink_delim`: the address's end without a `<` and what follows, the punctuation that
    /// ends a sentence, an entity or an unmatched `)`. Parentheses count from `start` (for a web address, its
    /// `:` or its first `w`; for an e-mail address, its `@`).
    private func trimmedEnd(from start: Int, to limit: Int) -> Int {
        var end = bytes[start..<limit].firstIndex(of: UInt8(ascii: "<")) ?? limit
        var opening = 0, closing = 0
        for byte in bytes[start..<end] {
            if byte == UInt8(ascii: "(") { opening += 1 } else if byte == UInt8(ascii: ")") { closing += 1 }
        }
        while end > start {
            let last = bytes[end - 1]
            if "?!.,:*_~'\"".utf8.contains(last) {
                end -= 1
            } else if last == UInt8(ascii: ";") {
                var letters = end - 2
                while letters > start, Self.isLetter(bytes[letters]) { letters -= 1 }
                end = letters < end - 2 && letters >= start && bytes[letters] == UInt8(ascii: "&") ? letters : end - 1
            } else if last == UInt8(ascii: ")"), closing > opening {
                closing -= 1
                end -= 1
            } else {
                break
            }
        }
        return end
    }

    // MARK: E-mail addresses

    private func emails(in range: Range<Int>) -> [Match] {
        var found: [Match] = []
        var from = range.lowerBound
        while let at = bytes[from..<range.upperBound].firstIndex(of: UInt8(ascii: "@")) {
            guard let match = email(at: at, from: from, to: range.upperBound) else {
                from = at + 1
                continue
            }
            found.append(match)
            from = match.range.upperBound
        }
        return found
    }

    private func email(at sign: Int, from floor: Int, to limit: Int) -> Match? {
        var start = sign
        while start > floor, Self.isAlphanumeric(bytes[start - 1]) || ".+-_".utf8.contains(bytes[start - 1]) { start -= 1 }
        guard start < sign else { return nil }
        var end = sign
        var ats = 0, dots = 0
        while end < limit {
            let byte = bytes[end]
            if Self.isAlphanumeric(byte) {
            } else if byte == UInt8(ascii: "@") {
                ats += 1
                // A second `@` makes no address: stop there, so that a line of them costs no more than its length.
                if ats > 1 { break }
            } else if byte == UInt8(ascii: "."), end < limit - 1, Self.isAlphanumeric(bytes[end + 1]) {
                dots += 1
            } else if byte != UInt8(ascii: "-"), byte != UInt8(ascii: "_") {
                break
            }
            end += 1
        }
        guard end - sign >= 2, ats == 1, dots > 0, Self.isLetter(bytes[end - 1]) || bytes[end - 1] == UInt8(ascii: ".") else { return nil }
        let trimmed = trimmedEnd(from: sign, to: end)
        guard trimmed > sign else { return nil }
        return Match(range: start..<trimmed, url: "mailto:" + text(start..<trimmed))
    }

    // MARK: Characters

    private func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// cmark-gfm's `is_valid_hostchar`: no space and no punctuation, read as the UTF-8 character starting at
    /// `index` (a byte inside a character is none).
    private func isHostCharacter(at index: Int) -> Bool {
        guard index < bytes.count else { return false }
        let byte = bytes[index]
        if byte < 0x80 { return Self.isAlphanumeric(byte) }
        guard let scalar = Self.scalar(at: index, in: bytes) else { return false }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation, .spaceSeparator, .lineSeparator, .paragraphSeparator:
            return false
        default:
            return true
        }
    }

    private static func scalar(at index: Int, in bytes: [UInt8]) -> Unicode.Scalar? {
        let lead = bytes[index]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0
        guard length > 0, index + length <= bytes.count else { return nil }
        var decoder = UTF8()
        var iterator = bytes[index..<(index + length)].makeIterator()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return nil }
        return scalar
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isLetter(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
