import Foundation

/// Paths as the system resolves them. Foundation's `standardizedFileURL` takes `..` out on paper, so
/// `link/../site` was the folder beside the link, where the system (and `cd`, and `mkdir -p`) goes to the
/// folder above the link's target: a build once wrote a whole site outside the folder it was given.
package enum FilePaths {
    /// The absolute path `path` leads to: its longest existing part resolved by `realpath` (links and `..`
    /// as the system follows them), then the rest, which holds no link yet, with its `.` and `..` taken out.
    package static func resolved(_ path: String) -> String {
        var existing = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var missing: [Substring] = []
        while true {
            if let real = realpath(existing, nil) {
                defer { free(real) }
                let base = String(cString: real)
                var parts = base == "/" ? [] : base.split(separator: "/")
                for part in missing where part != "." && !part.isEmpty {
                    if part == ".." { _ = parts.popLast() } else { parts.append(part) }
                }
                return "/" + parts.joined(separator: "/")
            }
            guard let slash = existing.lastIndex(of: "/"), existing != "/" else { return path }
            missing.insert(existing[existing.index(after: slash)...], at: 0)
            existing = slash == existing.startIndex ? "/" : String(existing[..<slash])
        }
    }
}
