import BriefingSupport

/// The address the site is published at. Every URL the build writes starts with its path, so a site
/// built for `https://example.org/briefings/` works in that sub-folder.
public struct BaseURL: Sendable, Hashable, CustomStringConvertible {
    /// `https://example.org` (empty for a path-only base URL).
    public let origin: String
    /// `/briefings/`: always starts and ends with `/`.
    public let path: String

    public static let root = BaseURL(origin: "", path: "/")

    private init(origin: String, path: String) {
        self.origin = origin
        self.path = path
    }

    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        // Characters no URL holds as they are: a quote or an angle bracket would end the attribute every
        // link of the site is written in, and robots.txt would carry it raw.
        guard !trimmed.unicodeScalars.contains(where: { $0.value <= 0x20 || (0x7F...0x9F).contains($0.value) || "\"<>\\^`{|}".unicodeScalars.contains($0) })
        else { return nil }
        var origin = ""
        var path = trimmed
        if let schemeEnd = trimmed.range(of: "://") {
            let scheme = trimmed[..<schemeEnd.lowerBound].lowercased()
            guard scheme == "http" || scheme == "https" else { return nil }
            let rest = trimmed[schemeEnd.upperBound...]
            let hostEnd = rest.firstIndex(of: "/") ?? rest.endIndex
            // A user name or password (`user:pw@host`) would be published in every canonical link.
            guard hostEnd > rest.startIndex, !rest[..<hostEnd].contains("@"),
                  let authority = BaseURL.authority(rest[..<hostEnd], defaultPort: scheme == "https" ? 443 : 80)
            else { return nil }
            origin = scheme + "://" + authority
            path = String(rest[hostEnd...])
        }
        if path.isEmpty { path = "/" }
        // `//host/` would make every link of the site point at another host; a `%` not followed by two hex
        // digits makes every link of the site one no server decodes.
        guard path.hasPrefix("/"), !path.hasPrefix("//"), !path.contains("?"), !path.contains("#"), !path.contains(" "),
              !path.split(separator: "/").contains(where: { $0 == ".." || $0 == "." }), BaseURL.hasWholeEscapes(path)
        else { return nil }
        if !path.hasSuffix("/") { path += "/" }
        self.init(origin: origin, path: path)
    }

    /// The path from the site's root (`/deterrence/tripwire/#x`) of a link to this site written in full
    /// (`https://example.org/briefings/deterrence/tripwire/#x`, in either scheme); nil for another site's,
    /// for an address of this host outside the base path (another part of the publisher's site), and for
    /// every link when the base URL is a path only.
    func rootPath(ofFullURL url: String) -> String? {
        // Every link of every page asks, most of them relative or to another host: told apart by their bytes.
        guard !origin.isEmpty, let first = url.utf8.first, first | 0x20 == UInt8(ascii: "h"),
              let colon = url.utf8.firstIndex(of: UInt8(ascii: ":")), let ownColon = origin.utf8.firstIndex(of: UInt8(ascii: ":")),
              url.utf8[colon...].starts(with: "://".utf8)
        else { return nil }
        let host = url.utf8[url.utf8.index(colon, offsetBy: 3)...], ownHost = origin.utf8[origin.utf8.index(ownColon, offsetBy: 3)...]
        guard host.count >= ownHost.count, zip(host, ownHost).allSatisfy({ $0 | 0x20 == $1 | 0x20 }),
              let schemeEnd = url.range(of: "://"), let ownSchemeEnd = origin.range(of: "://")
        else { return nil }
        let scheme = url[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        let rest = url[schemeEnd.upperBound...]
        let hostEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        guard !rest[..<hostEnd].contains("@"), let authority = BaseURL.authority(rest[..<hostEnd], defaultPort: scheme == "https" ? 443 : 80),
              authority == origin[ownSchemeEnd.upperBound...]
        else { return nil }
        let written = rest[hostEnd...]
        if written.hasPrefix(path) { return "/" + written.dropFirst(path.count) }
        // `https://example.org/briefings`, the base path without its slash.
        let folder = path.dropLast()
        guard written.hasPrefix(folder), written.dropFirst(folder.count).first.map({ $0 == "?" || $0 == "#" }) ?? true else { return nil }
        return "/" + written.dropFirst(folder.count)
    }

    /// `index.html` in `https://example.org/briefings/index.html`: what reads as a file's name (a dot and
    /// an extension of letters, `%2e` decoded, trailing dots and spaces left out, as servers do) where a
    /// folder is meant: the address of the home page copied from a browser, or of the feed, under which
    /// every page would be published (`…/index.html/deterrence/`); nil for a path that ends in a folder
    /// (`/`, or a name such as `v1.2`).
    static func fileName(in text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let path = trimmed.range(of: "://").map { trimmed[$0.upperBound...].drop { $0 != "/" } } ?? trimmed[...]
        guard let written = path.split(separator: "/", omittingEmptySubsequences: false).last, !written.isEmpty else { return nil }
        var name = (String(written).removingPercentEncoding ?? String(written))[...]
        while let last = name.last, last == "." || last == " " { name = name.dropLast() }
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        let fileExtension = name[name.index(after: dot)...]
        return (1...5).contains(fileExtension.count) && fileExtension.allSatisfy({ $0.isASCII && $0.isLetter }) ? String(written) : nil
    }

    /// The message for a base URL that ends in `name`, a file's name.
    static func fileNameMessage(_ given: String, _ text: String, name: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return "\(given) '\(text)' ends in what reads as a file's name ('\(name)'), under which every page would be published "
            + "('\(name)/…'): give the folder the site is published in, \(trimmed.dropLast(name.count)), or end a folder's name with "
            + "'/' (\(trimmed)/)"
    }

    /// `host[:port]` as every address of the site writes it, the same however site.yaml spells it: the host
    /// in lower case and, beyond ASCII, in Punycode (`bücher.example` as `xn--bcher-kva.example`, which the
    /// sitemap must have and canonical links then agree with); the port a number from 1 to 65535, left out
    /// where it is the scheme's own. Nil for no host, or a port that is none.
    private static func authority(_ text: Substring, defaultPort: Int) -> String? {
        var host = text[...], port: Substring = ""
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return nil }
            host = text[...close]
            port = text[text.index(after: close)...]
            guard port.isEmpty || port.hasPrefix(":") else { return nil }
            port = port.dropFirst()
        } else if let colon = text.lastIndex(of: ":") {
            host = text[..<colon]
            port = text[text.index(after: colon)...]
        }
        // `https://.org/` or `a..b`: a name with an empty label is no host.
        guard !host.isEmpty, host.hasPrefix("[") || !host.split(separator: ".", omittingEmptySubsequences: false).dropLast(host.hasSuffix(".") ? 1 : 0).contains(where: \.isEmpty)
        else { return nil }
        let ascii = Punycode.asciiHost(host.lowercased())
        guard !port.isEmpty else { return ascii }
        guard port.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let number = Int(port.prefix(6)), (1...65_535).contains(number) else { return nil }
        return number == defaultPort ? ascii : ascii + ":" + String(number)
    }

    /// The message refusing `text`, which `init?` found no base URL, naming what is wrong with it: `given`
    /// is where it was written (`'baseURL'`, `--base-url '…'`).
    static func refusal(_ given: String, _ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let schemeEnd = trimmed.range(of: "://")
        let authority = schemeEnd.map { trimmed[$0.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" } }
        let reason: String
        if let schemeEnd, !["http", "https"].contains(trimmed[..<schemeEnd.lowerBound].lowercased()) {
            reason = "its scheme is '\(trimmed[..<schemeEnd.lowerBound])'"
        } else if let authority, authority.contains("@") {
            reason = "it names a user before its host ('…@'), which every canonical link would publish"
        } else if let authority, authority.isEmpty || authority.hasPrefix(".") || authority.contains("..") || authority.hasPrefix(":") {
            reason = "'\(authority)' is no host's name"
        } else if authority != nil, BaseURL("https://\(authority ?? "")/") == nil {
            reason = "its port is no number from 1 to 65535"
        } else if trimmed.contains("?") || trimmed.contains("#") {
            reason = "it holds a \(trimmed.contains("?") ? "query ('?…')" : "fragment ('#…')"), which no page's address can start with"
        } else if schemeEnd == nil, trimmed.hasPrefix("//") || !trimmed.hasPrefix("/") {
            reason = trimmed.hasPrefix("//") ? "'//' starts another host's address: write it with its scheme, https://"
                : "it starts with neither: for a host, write https://\(trimmed); for a path, /\(trimmed)"
        } else if !hasWholeEscapes(trimmed) {
            reason = "a '%' is not followed by two hex digits (write a space as %20)"
        } else {
            reason = "it holds a character no address holds as it is, a space, or '.' or '..' as a folder's name"
        }
        return "\(given) must be an http(s) URL or a path starting with '/', like https://example.org/briefings/: \(reason)"
    }

    /// Whether every `%` starts an escape of two hex digits.
    private static func hasWholeEscapes(_ path: String) -> Bool {
        let bytes = Array(path.utf8)
        func isHex(_ index: Int) -> Bool { index < bytes.count && PlainText.isASCIIHexDigit(bytes[index]) }
        return bytes.indices.allSatisfy { index in bytes[index] != UInt8(ascii: "%") || (isHex(index + 1) && isHex(index + 2)) }
    }

    public var description: String { origin + path }

    /// A site URL (`/briefings/deterrence/tripwire/`) for a path relative to the site root (`deterrence/tripwire/`).
    public func url(_ relative: String) -> String { path + relative }

    /// The absolute form, for canonical links and feeds; path-only when the base URL has no host.
    public func absolute(_ relative: String) -> String { origin + path + relative }
}
