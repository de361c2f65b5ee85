import BriefingSupport
import Foundation

/// Files beside the pages that a browser opens as a document and runs script in: an SVG, an HTML or an
/// XML file is published at the site's own address, so its script could act as the site (read what a
/// reader typed, post in their name). A site that does not trust raw HTML in its pages
/// (`markdown.unsafe: false`) does not publish such a file's script either: each one is an error at the
/// first thing in it that runs (a `<script>`, an `on…` attribute, a `javascript:` address, an iframe's
/// `srcdoc` that holds one of these, an XSLT style sheet). Theme assets are trusted as templates are.
enum ScriptedFiles {
    /// Extensions of the files a browser shows as a document of its own (markup that can hold script),
    /// rather than as an image, a style sheet or a download.
    static let documentExtensions: Set<String> = ["svg", "html", "htm", "shtml", "xhtml", "xht", "xml", "xsl", "xslt"]

    /// An error for each file of `Content/` among `files` that holds script.
    static func errors(in files: [StaticFile]) -> [Diagnostic] {
        let documents = files.filter { file in
            guard file.origin == .content, let dot = file.relativePath.lastIndex(of: ".") else { return false }
            return documentExtensions.contains(file.relativePath[file.relativePath.index(after: dot)...].lowercased())
        }
        return parallelMap(documents) { file -> Diagnostic? in
            guard let bytes = try? FileBytes.read(file.source.path) else { return nil }
            guard let (offset, what) = firstScript(in: bytes) else { return nil }
            let (line, column) = SourceFile.position(ofByte: offset, in: bytes)
            let lineStart = bytes[..<offset].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
            let lineEnd = bytes[offset...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            let kind = file.relativePath.lowercased().hasSuffix(".svg") ? "SVG" : "file"
            return Diagnostic(
                .error,
                "this \(kind) runs a script when opened (\(what)), at the site's own address: with markdown.unsafe: false, no "
                    + "script from Content/ is published; take it out, or set markdown.unsafe: true in site.yaml if you trust the file",
                at: SourceLocation(path: file.displayPath, line: line, column: column),
                sourceLine: String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self)
            )
        }.compactMap { $0 }
    }

    /// The byte offset of the first thing in `bytes` that runs script, and what it is; nil when nothing does.
    static func firstScript(in bytes: [UInt8], depth: Int = 0) -> (offset: Int, what: String)? {
        if let offset = xsltStyleSheet(in: bytes) { return (offset, "an XSLT style sheet, which may write scripts") }
        var found: (offset: Int, what: String)?
        bytes.withUnsafeBufferPointer { html in
            guard let base = html.baseAddress else { return }
            HTMLScanner.scan(html) { part in
                guard found == nil, case .startTag(let name, let tag) = part, let start = tag.baseAddress else { return }
                let offset = start - base - 1
                if localName(name) == "script" {
                    found = (offset, "a <\(name)> element")
                    return
                }
                HTMLTag.read(tag) { attribute, value in
                    guard found == nil else { return }
                    let attribute = localName(attribute.lowercased())
                    if attribute.count > 2, attribute.hasPrefix("on"), attribute.utf8.allSatisfy(PlainText.isASCIILetter) {
                        found = (offset, "an event handler, \(attribute)")
                    } else if let scheme = scriptScheme(in: decoded(value)) {
                        found = (offset, "a \(scheme): address in \(attribute)")
                    } else if attribute == "srcdoc", depth < 2, firstScript(in: decoded(value), depth: depth + 1) != nil {
                        found = (offset, "a srcdoc page that runs one")
                    }
                }
            }
        }
        return found
    }

    /// A name without its namespace prefix (`svg:script`, `xlink:href`).
    private static func localName(_ name: String) -> String {
        name.lastIndex(of: ":").map { String(name[name.index(after: $0)...]) } ?? name
    }

    /// `javascript` or `vbscript` when the value, or one of its `;`-separated parts (an SVG animation's
    /// `values`), is an address with that scheme as a browser reads it.
    private static func scriptScheme(in value: [UInt8]) -> String? {
        guard value.contains(UInt8(ascii: ":")) else { return nil }
        for part in value.split(separator: UInt8(ascii: ";")) {
            if let scheme = LinkURL.scheme(of: String(decoding: part, as: UTF8.self)), scheme == "javascript" || scheme == "vbscript" {
                return scheme
            }
        }
        return nil
    }

    /// `<?xml-stylesheet … xsl …?>`: a transform the browser runs on the file, whose output may hold scripts.
    private static func xsltStyleSheet(in bytes: [UInt8]) -> Int? {
        let marker = Array("<?xml-stylesheet".utf8)
        var from = 0
        while let start = bytes[from...].firstRange(of: marker)?.lowerBound {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.count
            if String(decoding: bytes[start..<end], as: UTF8.self).lowercased().contains("xsl") { return start }
            from = end
        }
        return nil
    }

    /// An attribute's value with its character references decoded as a browser decodes them where they
    /// hide an address's scheme (`&#106;avascript&colon;`) or a `srcdoc`'s tags (`&lt;script&gt;`).
    static func decoded(_ value: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        decoded(Array(value))
    }

    static func decoded(_ value: [UInt8]) -> [UInt8] {
        guard value.contains(UInt8(ascii: "&")) else { return value }
        let named: [String: String] = [
            "lt": "<", "gt": ">", "amp": "&", "quot": "\"", "apos": "'", "colon": ":", "tab": "\t", "newline": "\n", "sol": "/",
            "lpar": "(", "rpar": ")", "semi": ";", "equals": "=",
        ]
        var result: [UInt8] = []
        var index = 0
        while index < value.count {
            guard value[index] == UInt8(ascii: "&") else {
                result.append(value[index])
                index += 1
                continue
            }
            var end = index + 1
            while end < value.count, end - index < 12, PlainText.isASCIILetter(value[end]) || value[end] == UInt8(ascii: "#")
                || (0x30...0x39).contains(value[end]) { end += 1 }
            let name = String(decoding: value[(index + 1)..<end], as: UTF8.self)
            let next = end < value.count && value[end] == UInt8(ascii: ";") ? end + 1 : end
            if let scalar = numericReference(name) {
                result += Array(String(Character(scalar)).utf8)
                index = next
            } else if let text = named[name.lowercased()] {
                result += Array(text.utf8)
                index = next
            } else {
                result.append(value[index])
                index += 1
            }
        }
        return result
    }

    /// `#106` or `#x6A` as the scalar it names; nil for anything else.
    private static func numericReference(_ name: String) -> Unicode.Scalar? {
        guard name.hasPrefix("#") else { return nil }
        let digits = name.dropFirst()
        let number = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
        return number.flatMap(Unicode.Scalar.init)
    }
}
