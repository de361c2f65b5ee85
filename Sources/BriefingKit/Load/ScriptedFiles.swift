import BriefingSupport
import Foundation

/// Files beside the pages that a browser opens as a document and runs script in: an SVG, an HTML or an
/// XML file is published at the site's own address, so its script could act as the site (read what a
/// reader typed, post in their name). A site that does not trust raw HTML in its pages
/// (`markdown.unsafe: false`) does not publish such a file's script either: each one is an error at the
/// first thing in it that may run. Theme assets are trusted as templates are.
///
/// Browsers read these files in ways no short parser follows (an HTML comment that `<!-->` ends, markup
/// inside `<svg><style>`, entities a DTD declares, references without their `;`), so the file is not
/// parsed: its text is searched, as written and then with its character references and declared entities
/// expanded, for anything that may start a script anywhere, comments and text included. A file that
/// mentions `<script>` in a comment is refused too; one that cannot be read as UTF-8 cannot be checked.
enum ScriptedFiles {
    /// Extensions of the files a browser may show as a document of its own (markup that can hold
    /// script), rather than as an image, a style sheet or a download.
    static let documentExtensions: Set<String> = [
        "svg", "svgz", "html", "htm", "shtml", "xhtml", "xht", "xml", "xsl", "xslt", "rss", "atom", "rdf", "mml", "xul", "dtd", "wml",
    ]

    /// An error for each file of `Content/` among `files` that holds script.
    static func errors(in files: [StaticFile]) -> [Diagnostic] {
        let documents = files.filter { file in
            guard file.origin == .content, let dot = file.relativePath.lastIndex(of: ".") else { return false }
            return documentExtensions.contains(file.relativePath[file.relativePath.index(after: dot)...].lowercased())
        }
        return parallelMap(documents) { file -> Diagnostic? in
            guard let bytes = try? FileBytes.read(file.source.path), let (offset, what) = firstScript(in: bytes) else { return nil }
            let (line, column) = SourceFile.position(ofByte: offset, in: bytes)
            let lineStart = bytes[..<offset].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
            let lineEnd = bytes[offset...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            let kind = file.relativePath.lowercased().hasSuffix(".svg") ? "SVG" : "file"
            return .error(
                "this \(kind) may run a script when opened (\(what)), at the site's own address: with markdown.unsafe: false, no "
                    + "script from Content/ is published; take it out, or set markdown.unsafe: true in site.yaml if you trust the file",
                at: SourceLocation(path: file.displayPath, line: line, column: column),
                sourceLine: String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self)
            )
        }.compactMap { $0 }
    }

    /// The byte offset of the first thing in `bytes` that may run script, and what it is; nil when nothing does.
    static func firstScript(in bytes: [UInt8]) -> (offset: Int, what: String)? {
        if let unreadable = unreadable(bytes) { return unreadable }
        let entities = find("<!ENTITY", in: bytes, from: 0) == nil ? [:] : declaredEntities(in: bytes)
        // References inside references (`&amp;#106;`, an iframe's `srcdoc` holding one) need a pass each. A
        // drawing of megabytes is searched without a copy; where it holds a reference, each pass is one copy.
        // Entities made of entities grow a dozen bytes into gigabytes (`&a;` of a thousand `&b;`, each of a
        // thousand `&c;`…): past this, the file cannot be checked, and a browser would not expand it either.
        let limit = 16 * bytes.count + (1 << 20)
        var text = bytes, depth = 0
        while true {
            if let (index, what) = Search(bytes: text).first() { return (origin(of: index, in: depth, from: bytes, entities: entities), what) }
            guard depth < 4, text.contains(UInt8(ascii: "&")) else { return nil }
            guard let expanded = expand(text, entities: entities, limit: limit)?.bytes else {
                return (find("<!ENTITY", in: bytes, from: 0) ?? 0, "entities that expand past \(limit / 1_048_576 + 1) MB, which cannot be checked")
            }
            if expanded == text { return nil }
            text = expanded
            depth += 1
        }
    }

    /// The file's offset of the byte at `index` of the text expanded `depth` times: the expansions made
    /// again, this once, with where each byte comes from.
    private static func origin(of index: Int, in depth: Int, from bytes: [UInt8], entities: [String: [UInt8]]) -> Int {
        var text = bytes
        var origins = Array(bytes.indices)
        // Each of these passes was made once within the limit.
        for _ in 0..<depth {
            guard let expanded = expand(text, entities: entities, limit: .max, origins: origins) else { return 0 }
            text = expanded.bytes
            origins = expanded.origins ?? []
        }
        return origins.indices.contains(index) ? origins[index] : 0
    }

    /// A file whose text the check cannot see as a browser does: not UTF-8, a UTF-16 or UTF-32 byte-order
    /// mark, a control character that some encodings read as a switch (ISO-2022's escape), or gzip.
    private static func unreadable(_ bytes: [UInt8]) -> (offset: Int, what: String)? {
        if bytes.starts(with: [0x1F, 0x8B]) { return (0, "compressed with gzip, which cannot be checked: publish it uncompressed") }
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0, 0, 0xFE, 0xFF]) {
            return (0, "saved as UTF-16 or UTF-32, which cannot be checked: save it as UTF-8")
        }
        if let control = bytes.firstIndex(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D && $0 != 0x0C }) {
            return (control, "a control character, \(String(format: "U+%04X", bytes[control])), which can hide markup from the check")
        }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return (offset, "bytes that are not UTF-8, which cannot be checked: save it as UTF-8")
            }
        }
    }

    /// One pass over a text for what may start a script, in ASCII without regard to case, making no copy of it.
    private struct Search {
        let bytes: [UInt8]

        /// The first byte of the first thing found, and what it is.
        func first() -> (index: Int, what: String)? {
            bytes.withUnsafeBufferPointer { text -> (index: Int, what: String)? in
                for index in text.indices {
                    switch lower(text[index]) {
                    case UInt8(ascii: "<"):
                        if let what = tag(at: index, in: text) { return (index, what) }
                    case UInt8(ascii: "o"):
                        if let handler = handler(at: index, in: text) { return (index, "an event handler, \(handler)") }
                    case UInt8(ascii: "j"), UInt8(ascii: "v"):
                        for scheme in ["javascript:", "vbscript:"] where matches(scheme, at: index, in: text) { return (index, "a \(scheme) address") }
                    default:
                        continue
                    }
                }
                return nil
            }
        }

        /// `<script`, `<svg:script`, `<!ATTLIST`, `<?xml-stylesheet … xsl …?>` at `index`.
        private func tag(at index: Int, in text: UnsafeBufferPointer<UInt8>) -> String? {
            if starts("<!attlist", at: index, in: text) { return "an XML attribute declaration, which may give any element a script" }
            if starts("<?xml-stylesheet", at: index, in: text) {
                // To its `>`, or the next `<`, which no pseudo-attribute holds: a megabyte of unclosed
                // instructions was read to the end from each, 90 s.
                var end = index + 1
                while end < text.count, text[end] != UInt8(ascii: ">"), text[end] != UInt8(ascii: "<") { end += 1 }
                if (index..<end).contains(where: { starts("xsl", at: $0, in: text) }) { return "an XSLT style sheet, which may write scripts" }
            }
            // A name, its namespace's prefix left out: `script` and nothing more of it.
            var end = index + 1, local = index + 1
            while end < text.count, PlainText.isASCIIAlphanumeric(text[end]) || text[end] == UInt8(ascii: ":") || text[end] == UInt8(ascii: "-")
                || text[end] == UInt8(ascii: "_") {
                if text[end] == UInt8(ascii: ":") { local = end + 1 }
                end += 1
            }
            guard end - local == 6, starts("script", at: local, in: text) else { return nil }
            return "a <\(String(decoding: UnsafeBufferPointer(rebasing: text[(index + 1)..<end]), as: UTF8.self).lowercased())> element"
        }

        /// `onload` in `onload=`, `ONerror =`: an event handler's name after a space, a quote, a `/` or a
        /// namespace's `:`, then its `=`.
        private func handler(at index: Int, in text: UnsafeBufferPointer<UInt8>) -> String? {
            guard index > 0, index + 2 < text.count, lower(text[index + 1]) == UInt8(ascii: "n") else { return nil }
            let before = text[index - 1]
            guard before <= 0x20 || before == UInt8(ascii: "\"") || before == UInt8(ascii: "'") || before == UInt8(ascii: "/")
                || before == UInt8(ascii: ":") else { return nil }
            var end = index + 2
            while end < text.count, PlainText.isASCIILetter(text[end]) { end += 1 }
            guard end > index + 2 else { return nil }
            var next = end
            while next < text.count, text[next] <= 0x20 { next += 1 }
            guard next < text.count, text[next] == UInt8(ascii: "=") else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: text[index..<end]), as: UTF8.self).lowercased()
        }

        /// Whether `scheme` starts at `index` as a browser reads an address: tabs and line breaks inside it dropped.
        private func matches(_ scheme: String, at index: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
            var position = index
            for expected in scheme.utf8 {
                while position < text.count, text[position] == 0x09 || text[position] == 0x0A || text[position] == 0x0D { position += 1 }
                guard position < text.count, lower(text[position]) == expected else { return false }
                position += 1
            }
            return true
        }

        private func starts(_ word: StaticString, at index: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
            let count = word.utf8CodeUnitCount
            guard index + count <= text.count else { return false }
            return word.withUTF8Buffer { expected in (0..<count).allSatisfy { lower(text[index + $0]) == expected[$0] } }
        }

        /// `A`–`Z` as `a`–`z`: every byte of every file passes here once.
        @inline(__always) private func lower(_ byte: UInt8) -> UInt8 { byte &- 0x41 < 26 ? byte | 0x20 : byte }
    }

    /// The text with its character references (`&#106;`, `&#x6A`, `&colon;`) replaced by what they stand
    /// for, as a browser reads an attribute's value: how raw HTML's addresses are read too (`InternalLinks`).
    static func decodingReferences(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")), let expanded = expand(Array(text.utf8), entities: [:], limit: .max) else { return text }
        return String(decoding: expanded.bytes, as: UTF8.self)
    }

    /// The text with its character references (`&#106;`, `&#x6A`, `&colon;`) and the entities the file
    /// declares (`&j;`) replaced by what they stand for; with the file's offset of each byte of the text
    /// (`origins`), that of each byte of the result. Nil once the result grows past `limit` bytes.
    private static func expand(
        _ bytes: [UInt8], entities: [String: [UInt8]], limit: Int, origins: [Int]? = nil
    ) -> (bytes: [UInt8], origins: [Int]?)? {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var from: [Int]? = origins.map { _ in [] }
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "&"), let (replacement, length) = reference(in: bytes[index...], entities: entities) else {
                result.append(bytes[index])
                if let origins { from?.append(origins[index]) }
                index += 1
                continue
            }
            guard result.count + replacement.count <= limit else { return nil }
            result += replacement
            if let origins { from? += Array(repeating: origins[index], count: replacement.count) }
            index += length
        }
        return (result, from)
    }

    /// What the reference at the start of `text` stands for, and how many bytes it takes; nil when it is none.
    private static func reference(in text: ArraySlice<UInt8>, entities: [String: [UInt8]]) -> ([UInt8], Int)? {
        var end = text.startIndex + 1
        while end < text.endIndex, end - text.startIndex < 40,
              PlainText.isASCIIAlphanumeric(text[end]) || text[end] == UInt8(ascii: "#") || text[end] == UInt8(ascii: "_")
                || text[end] == UInt8(ascii: "-") || text[end] == UInt8(ascii: ".") || text[end] == UInt8(ascii: ":") { end += 1 }
        let name = String(decoding: text[(text.startIndex + 1)..<end], as: UTF8.self)
        let semicolon = end < text.endIndex && text[end] == UInt8(ascii: ";")
        let length = end - text.startIndex + (semicolon ? 1 : 0)
        // A numeric reference needs no `;` in HTML.
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let hex = digits.first == "x" || digits.first == "X"
            let number = hex ? UInt32(digits.dropFirst().prefix { $0.isHexDigit }, radix: 16) : UInt32(digits.prefix { $0.isNumber })
            guard let number, let scalar = Unicode.Scalar(number) else { return nil }
            let used = 1 + (hex ? 1 : 0) + (hex ? digits.dropFirst().prefix { $0.isHexDigit }.count : digits.prefix { $0.isNumber }.count)
            let consumed = 1 + used + (text.startIndex + 1 + used < text.endIndex && text[text.startIndex + 1 + used] == UInt8(ascii: ";") ? 1 : 0)
            return (Array(String(Character(scalar)).utf8), consumed)
        }
        guard semicolon else { return nil }
        if let value = entities[name] { return (value, length) }
        return namedReferences[name.lowercased()].map { (Array($0.utf8), length) }
    }

    /// The named references that write the characters of markup and addresses.
    private static let namedReferences: [String: String] = [
        "lt": "<", "gt": ">", "amp": "&", "quot": "\"", "apos": "'", "colon": ":", "tab": "\t", "newline": "\n", "sol": "/",
        "lpar": "(", "rpar": ")", "semi": ";", "equals": "=", "excl": "!", "quest": "?", "num": "#", "period": ".", "comma": ",",
        "lowbar": "_", "hyphen": "-", "dash": "-", "nbsp": " ",
    ]

    /// Where `needle` is first in `bytes` from `start`, its first byte found with memchr (Foundation's
    /// search of a collection took most of the time of a build of 20 MB of drawings).
    private static func find(_ needle: StaticString, in bytes: [UInt8], from start: Int) -> Int? {
        bytes.withUnsafeBufferPointer { text -> Int? in
            needle.withUTF8Buffer { pattern -> Int? in
                guard let base = text.baseAddress, let first = pattern.first else { return nil }
                var position = start
                while position + pattern.count <= text.count,
                      let hit = memchr(base + position, Int32(first), text.count - position - pattern.count + 1) {
                    let offset = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                    if memcmp(base + offset, pattern.baseAddress!, pattern.count) == 0 { return offset }
                    position = offset + 1
                }
                return nil
            }
        }
    }

    /// `<!ENTITY name "value">` (or `'value'`) declared anywhere in the file, by name.
    private static func declaredEntities(in bytes: [UInt8]) -> [String: [UInt8]] {
        var entities: [String: [UInt8]] = [:]
        var from = bytes.startIndex
        while let found = find("<!ENTITY", in: bytes, from: from) {
            var index = found + "<!ENTITY".utf8.count
            func skipSpaces() { while index < bytes.count, bytes[index] <= 0x20 { index += 1 } }
            skipSpaces()
            if index < bytes.count, bytes[index] == UInt8(ascii: "%") { index += 1; skipSpaces() }
            let nameStart = index
            while index < bytes.count, bytes[index] > 0x20, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "'") { index += 1 }
            let name = String(decoding: bytes[nameStart..<index], as: UTF8.self)
            skipSpaces()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else {
                from = index
                continue
            }
            let quote = bytes[index]
            let valueEnd = bytes[(index + 1)...].firstIndex(of: quote) ?? bytes.count
            entities[name] = Array(bytes[(index + 1)..<valueEnd])
            from = valueEnd
        }
        return entities
    }
}
