import BriefingSupport

/// The one rule for a URL that content or data puts in an `href`: http(s), mailto, tel, a relative URL or a
/// `#fragment`. Read the way a browser reads the attribute, so `" JaVa\tScript:"` is still `javascript:`.
enum LinkURL {
    static let allowedSchemes: Set<String> = ["http", "https", "mailto", "tel"]

    /// Why `url` may not be a link, or nil when it may.
    static func rejection(of url: String) -> String? {
        // Tabs and line breaks a browser drops; any other control character (one a character reference
        // such as `&#1;` makes) no address has, and an `href` would carry it as it is.
        let (hasControl, hasColon) = scan(url)
        if hasControl {
            return "the URL '\(url)' holds a control character, which no address has: remove it"
        }
        // Most links have no colon (relative ones) or start with `https:`: no scheme to read letter by letter.
        guard hasColon, !url.hasPrefix("https:"), !url.hasPrefix("http:"), let scheme = scheme(of: url), !allowedSchemes.contains(scheme)
        else { return nil }
        return "the URL '\(url)' uses '\(scheme):', which a page never links to (use http, https, mailto, tel, a relative URL or a #fragment)"
    }

    static func isAllowed(_ url: String) -> Bool { rejection(of: url) == nil }

    /// Whether the URL holds a C0 control but tab and line breaks, or DEL, and whether it holds a colon.
    /// Every link of every page is asked: one pass over the string's own bytes.
    private static func scan(_ url: String) -> (hasControl: Bool, hasColon: Bool) {
        func scan(_ bytes: some Sequence<UInt8>) -> (Bool, Bool) {
            var hasColon = false
            for byte in bytes {
                if byte < 0x20 || byte == 0x7F, byte != 0x09, byte != 0x0A, byte != 0x0D { return (true, hasColon) }
                if byte == UInt8(ascii: ":") { hasColon = true }
            }
            return (false, hasColon)
        }
        return url.utf8.withContiguousStorageIfAvailable(scan) ?? scan(url.utf8)
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
