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
            guard hostEnd > rest.startIndex, !rest[..<hostEnd].contains("@") else { return nil }
            origin = String(trimmed[..<hostEnd])
            path = String(rest[hostEnd...])
        }
        if path.isEmpty { path = "/" }
        // `//host/` would make every link of the site point at another host.
        guard path.hasPrefix("/"), !path.hasPrefix("//"), !path.contains("?"), !path.contains("#"), !path.contains(" "),
              !path.split(separator: "/").contains(where: { $0 == ".." || $0 == "." })
        else { return nil }
        if !path.hasSuffix("/") { path += "/" }
        self.init(origin: origin, path: path)
    }

    public var description: String { origin + path }

    /// A site URL (`/briefings/deterrence/tripwire/`) for a path relative to the site root (`deterrence/tripwire/`).
    public func url(_ relative: String) -> String { path + relative }

    /// The absolute form, for canonical links and feeds; path-only when the base URL has no host.
    public func absolute(_ relative: String) -> String { origin + path + relative }
}
