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
        var layer = Layer(bytes: bytes, origins: Array(bytes.indices))
        let entities = declaredEntities(in: bytes)
        // References inside references (`&amp;#106;`, an iframe's `srcdoc` holding one) need a pass each.
        for _ in 0..<4 {
            if let found = layer.firstScript() { return found }
            let expanded = layer.expanded(entities: entities)
            if expanded.bytes == layer.bytes { return nil }
            layer = expanded
        }
        return layer.firstScript()
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

    /// The text of a file, or of it with references expanded, and for each of its bytes the offset in
    /// the file it comes from.
    private struct Layer {
        var bytes: [UInt8]
        var origins: [Int]

        func firstScript() -> (offset: Int, what: String)? {
            let lower = bytes.map { PlainText.isASCIILetter($0) ? $0 | 0x20 : $0 }
            var found: (offset: Int, what: String)?
            func note(_ index: Int, _ what: String) {
                if let earlier = found, earlier.offset <= origins[index] { return }
                found = (origins[index], what)
            }
            for index in lower.indices where lower[index] == UInt8(ascii: "<") {
                let rest = lower[(index + 1)...]
                if rest.starts(with: "!attlist".utf8) { note(index, "an XML attribute declaration, which may give any element a script") }
                // `<script`, `<svg:script`: a name, then no more of it.
                let name = rest.prefix { PlainText.isASCIIAlphanumeric($0) || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
                let local = name.split(separator: UInt8(ascii: ":")).last.map(Array.init) ?? []
                if local == Array("script".utf8) { note(index, "a <\(String(decoding: name, as: UTF8.self))> element") }
                if rest.starts(with: "?xml-stylesheet".utf8) {
                    let end = rest.firstIndex(of: UInt8(ascii: ">")) ?? lower.endIndex
                    if lower[index..<end].firstRange(of: Array("xsl".utf8)) != nil { note(index, "an XSLT style sheet, which may write scripts") }
                }
            }
            // `onload=`, `ONerror =`: an event handler's name after a space, a quote, a `/` or a namespace's `:`.
            for index in lower.indices.dropFirst() where lower[index] == UInt8(ascii: "o") && index + 2 < lower.count && lower[index + 1] == UInt8(ascii: "n") {
                let before = lower[index - 1]
                guard before <= 0x20 || before == UInt8(ascii: "\"") || before == UInt8(ascii: "'") || before == UInt8(ascii: "/")
                    || before == UInt8(ascii: ":") else { continue }
                var end = index + 2
                while end < lower.count, PlainText.isASCIILetter(lower[end]) { end += 1 }
                guard end > index + 2 else { continue }
                var next = end
                while next < lower.count, lower[next] <= 0x20 { next += 1 }
                if next < lower.count, lower[next] == UInt8(ascii: "=") {
                    note(index, "an event handler, \(String(decoding: lower[index..<end], as: UTF8.self))")
                }
            }
            // A script's address as a browser reads it: tabs and line breaks inside it dropped.
            var squeezed: [UInt8] = [], from: [Int] = []
            for (index, byte) in lower.enumerated() where byte != 0x09 && byte != 0x0A && byte != 0x0D {
                squeezed.append(byte)
                from.append(index)
            }
            for scheme in ["javascript:", "vbscript:"] {
                if let range = squeezed.firstRange(of: Array(scheme.utf8)) { note(from[range.lowerBound], "a \(scheme) address") }
            }
            return found
        }

        /// Character references (`&#106;`, `&#x6A`, `&colon;`) and the entities the file declares (`&j;`) replaced by
        /// what they stand for, each byte of a replacement from where its reference was.
        func expanded(entities: [String: [UInt8]]) -> Layer {
            var result = Layer(bytes: [], origins: [])
            var index = 0
            while index < bytes.count {
                guard bytes[index] == UInt8(ascii: "&"),
                      let (replacement, length) = ScriptedFiles.reference(in: bytes[index...], entities: entities) else {
                    result.bytes.append(bytes[index])
                    result.origins.append(origins[index])
                    index += 1
                    continue
                }
                result.bytes += replacement
                result.origins += Array(repeating: origins[index], count: replacement.count)
                index += length
            }
            return result
        }
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

    /// `<!ENTITY name "value">` (or `'value'`) declared anywhere in the file, by name.
    private static func declaredEntities(in bytes: [UInt8]) -> [String: [UInt8]] {
        var entities: [String: [UInt8]] = [:]
        var from = bytes.startIndex
        let marker = Array("<!ENTITY".utf8)
        while let start = bytes[from...].firstRange(of: marker)?.upperBound {
            var index = start
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
