import BriefingSupport

/// The one rule for a URL that content or data puts in an `href`: http(s), mailto, tel, a relative URL or a
/// `#fragment`. Read the way a browser reads the attribute, so `" JaVa\tScript:"` is still `javascript:`.
enum LinkURL {
    static let allowedSchemes: Set<String> = ["http", "https", "mailto", "tel"]

    /// Why `url` may not be a link, or nil when it may.
    static func rejection(of url: String) -> String? {
        // Tabs and line breaks a browser drops; any other control character (one a character reference
        // such as `&#1;` makes) no address has, and an `href` would carry it as it is.
        let (hasControl, hasColon, hasSpaceOrBackslash, hasNonASCII) = scan(url)
        if hasControl {
            return "the URL '\(url)' holds a control character, which no address has: remove it"
        }
        // An input method's full-width space or a zero-width one, pasted or typed after the address: no one
        // sees it, and the link leads to an address with `%E3%80%80` in it.
        if hasNonASCII, let invisible = invisibleCharacter(in: url) {
            return "the URL '\(url)' holds \(invisible), which no address has and no one sees: delete it"
        }
        // A word processor's quotes around an address, pasted with it: the link led to `…sma%E2%80%9D`.
        if hasNonASCII, let quote = url.unicodeScalars.first(where: { (0x2018...0x201D).contains($0.value) && $0.value != 0x201A && $0.value != 0x201B }) {
            return "the URL '\(url)' holds a curly quote ('\(quote)'), which a word processor puts around an address: delete it"
        }
        // `//host/path` leads to another site, in the page's own scheme, and looks like a path from the site's
        // root: written in full, its host is checked as any web address's is. So do `/\host`, `\\host` and
        // `/<tab>/host`, as a browser reads them.
        if url.hasPrefix("//") || (hasSpaceOrBackslash && startsWithTwoSlashes(url)) {
            let host = url.drop { $0 == "/" || $0 == "\\" || $0.isWhitespace }
            return "the URL '\(url)' leads to another site without a scheme: write it in full, as https://\(host)"
        }
        // Most links have no colon (relative ones): no scheme to read letter by letter.
        guard hasColon else { return nil }
        let scheme = url.hasPrefix("https:") ? "https" : url.hasPrefix("http:") ? "http" : scheme(of: url)
        guard let scheme else { return nil }
        if scheme == "http" || scheme == "https" { return webRejection(url, scheme: scheme, hasSpaceOrBackslash: hasSpaceOrBackslash) }
        guard !allowedSchemes.contains(scheme) else { return nil }
        return "the URL '\(url)' uses '\(scheme):', which a page never links to (use http, https, mailto, tel, a relative URL or a #fragment)"
    }

    /// A web address names its host after `//`; a browser reads `http:/path` against the page, `https:\x`
    /// as `https://x`, and drops or encodes spaces: none of them is what the editor saw written.
    private static func webRejection(_ url: String, scheme: String, hasSpaceOrBackslash: Bool) -> String? {
        let rest = url.utf8.drop { $0 != UInt8(ascii: ":") }.dropFirst()
        let host = rest.starts(with: "//".utf8) ? rest.dropFirst(2).prefix { !"/?#".utf8.contains($0) } : rest.prefix(0)
        if host.isEmpty || host.allSatisfy({ $0 == UInt8(ascii: "@") || $0 == UInt8(ascii: ":") }) {
            return "the URL '\(url)' names no host: write a web address as \(scheme)://host/path"
        }
        if hasSpaceOrBackslash {
            return "the URL '\(url)' holds a space or a backslash, which no web address has: write a space as %20 and a slash as /"
        }
        return nil
    }

    static func isAllowed(_ url: String) -> Bool { rejection(of: url) == nil }

    /// Whether a browser reads the URL as starting with `//`: it reads a backslash as a slash.
    private static func startsWithTwoSlashes(_ url: String) -> Bool {
        let start = Array(asBrowserReads(url).prefix(2))
        return start.count == 2 && start.allSatisfy { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "\\") }
    }

    /// The URL's bytes as a browser reads them before it looks at them: tabs and line breaks dropped
    /// anywhere, then leading C0 controls and spaces.
    private static func asBrowserReads(_ url: String) -> some Sequence<UInt8> {
        url.utf8.lazy.filter { $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }.drop { $0 <= 0x20 }
    }

    /// The URL as cmark writes a link's into `href`: every byte but letters, digits and
    /// `-_.+!*'(),%#@?=;:/&$~` percent-encoded (a space, `"`, brackets, letters beyond ASCII), so that
    /// an address a template writes (an image's `src`) is valid where the same address in a link is.
    static func hrefEncoded(_ url: String) -> String {
        percentEncoded(url) { !isHrefSafe($0) }
    }

    /// The URL with each byte `needsEncoding` says of written `%XX`, the rest as it is.
    static func percentEncoded(_ url: String, where needsEncoding: (UInt8) -> Bool) -> String {
        url.withUTF8Bytes { bytes in
            guard bytes.contains(where: needsEncoding) else { return url }
            let hex = Array("0123456789ABCDEF".utf8)
            var encoded: [UInt8] = []
            encoded.reserveCapacity(bytes.count + 16)
            for byte in bytes {
                if needsEncoding(byte) { encoded += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]] } else { encoded.append(byte) }
            }
            return String(decoding: encoded, as: UTF8.self)
        }
    }

    private static func isHrefSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "!"), UInt8(ascii: "*"),
             UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: ","), UInt8(ascii: "%"), UInt8(ascii: "#"),
             UInt8(ascii: "@"), UInt8(ascii: "?"), UInt8(ascii: "="), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "/"),
             UInt8(ascii: "&"), UInt8(ascii: "$"), UInt8(ascii: "~"): true
        default: false
        }
    }

    /// Why `url`, written in a data file, may not be a link, or nil when it may. A data file's address is
    /// read from every page that shows it, each in its own folder: a relative one would lead somewhere
    /// different from each, so it is a web address or a path from the site's root.
    static func dataRejection(of url: String) -> String? {
        if let rejection = rejection(of: url) { return rejection }
        guard !url.hasPrefix("/"), scheme(of: url) == nil else { return nil }
        let fromRoot = "/" + url.drop { $0 == "." || $0 == "/" }
        return "the URL '\(url)' is relative, and a data file's address is read from every page that shows it: "
            + "write it from the site's root (\(fromRoot)) or in full (https://…)"
    }

    /// Whether the URL holds a C0 control but tab and line breaks, or DEL; a colon; whitespace or a
    /// backslash. Every link of every page is asked: one pass over the string's own bytes.
    private static func scan(_ url: String) -> (hasControl: Bool, hasColon: Bool, hasSpaceOrBackslash: Bool, hasNonASCII: Bool) {
        url.withUTF8Bytes { bytes in
            var hasColon = false
            var hasSpaceOrBackslash = false
            var hasNonASCII = false
            for byte in bytes {
                if byte < 0x20 || byte == 0x7F, byte != 0x09, byte != 0x0A, byte != 0x0D { return (true, hasColon, hasSpaceOrBackslash, hasNonASCII) }
                if byte == UInt8(ascii: ":") { hasColon = true }
                if byte <= 0x20 || byte == UInt8(ascii: "\\") { hasSpaceOrBackslash = true }
                if byte >= 0x80 { hasNonASCII = true }
            }
            return (false, hasColon, hasSpaceOrBackslash, hasNonASCII)
        }
    }

    /// The name of the first space no one sees in `url`, which only a character beyond ASCII can be.
    private static func invisibleCharacter(in url: String) -> String? {
        for scalar in url.unicodeScalars {
            let code = ForbiddenCharacter.codePoint(scalar.value)
            switch scalar.value {
            case 0x3000: return "a full-width space (\(code))"
            case 0xA0, 0x202F: return "a no-break space (\(code))"
            case 0x200B...0x200D, 0x2060: return "a zero-width character (\(code))"
            case 0xFEFF: return "a byte-order mark (\(code))"
            case 0x2000...0x200A, 0x2028, 0x2029, 0x205F, 0x1680: return "a space (\(code))"
            default: continue
            }
        }
        return nil
    }

    /// The lowercased scheme a browser would see (`asBrowserReads`): `letter *( letter / digit / + / - / . ) ":"`.
    static func scheme(of url: String) -> String? {
        var scheme: [UInt8] = []
        for byte in asBrowserReads(url) {
            if byte == UInt8(ascii: ":") { break }
            let isLetter = PlainText.isASCIILetter(byte)
            let isOther = (0x30...0x39).contains(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            guard isLetter || (!scheme.isEmpty && isOther) else { return nil }
            scheme.append(byte | (isLetter ? 0x20 : 0))
        }
        guard !scheme.isEmpty, url.utf8.contains(UInt8(ascii: ":")) else { return nil }
        return String(decoding: scheme, as: UTF8.self)
    }
}
