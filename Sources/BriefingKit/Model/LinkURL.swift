import BriefingSupport

/// The one rule for a URL that content or data puts in an `href`: http(s), mailto, tel, a relative URL or a
/// `#fragment`. Read the way a browser reads the attribute, so `" JaVa\tScript:"` is still `javascript:`.
enum LinkURL {
    static let allowedSchemes: Set<String> = ["http", "https", "mailto", "tel"]

    /// Why `url` may not be a link, or nil when it may.
    static func rejection(of url: String) -> String? {
        // Tabs and line breaks a browser drops; any other control character (a NUL from a data file) no
        // address has, and an `href` would carry it as it is.
        if hasControlCharacter(url) {
            return "the URL '\(url)' holds a control character, which no address has: remove it"
        }
        guard let scheme = scheme(of: url), !allowedSchemes.contains(scheme) else { return nil }
        return "the URL '\(url)' uses '\(scheme):', which a page never links to (use http, https, mailto, tel, a relative URL or a #fragment)"
    }

    static func isAllowed(_ url: String) -> Bool { rejection(of: url) == nil }

    /// A C0 control but tab and line breaks, or DEL. Every link of every page is asked: read from the
    /// string's own bytes.
    private static func hasControlCharacter(_ url: String) -> Bool {
        func isControl(_ byte: UInt8) -> Bool { (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F }
        return url.utf8.withContiguousStorageIfAvailable { $0.contains(where: isControl) } ?? url.utf8.contains(where: isControl)
    }

    /// The lowercased scheme a browser would see: it drops leading C0 controls and spaces, and tabs and
    /// line breaks anywhere, before it looks for `letter *( letter / digit / + / - / . ) ":"`.
    static func scheme(of url: String) -> String? {
        var scheme: [UInt8] = []
        var started = false
        for byte in url.utf8 {
            if byte == 0x09 || byte == 0x0A || byte == 0x0D { continue }
            if !started, byte <= 0x20 { continue }
            started = true
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
