import Foundation

/// Files written from one string, each starting with a line `-- path --` (as Hugo's tests do), so a
/// test states a whole site in a few lines.
public enum FileTree {
    public static func write(_ files: String, to root: URL) throws {
        var path: String?
        var lines: [Substring] = []
        func flush() throws {
            guard let path else { return }
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url)
        }
        for line in files.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("-- "), line.hasSuffix(" --"), line.count > 6 {
                try flush()
                path = String(line.dropFirst(3).dropLast(3))
                lines = []
            } else {
                lines.append(line)
            }
        }
        try flush()
    }

    /// An author's edit: `old` replaced by `new` in the file at `path` below `root`. Throws when the file
    /// lacks `old`, so that a test never goes on with an edit that changed nothing.
    public static func replace(_ old: String, with new: String, in path: String, _ root: URL) throws {
        let url = root.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        guard text.contains(old) else { throw EditFailure(description: "\(path) has no '\(old)'") }
        try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
    }

    public struct EditFailure: Error, CustomStringConvertible {
        public var description: String
    }
}

/// The default theme of this repository, for test sites whose own few templates lack what every site
/// needs: the partials Markdown transforms render callouts, FAQ sections, tables and citations with.
public enum DefaultTheme {
    public static let partials = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Templates/partials").standardizedFileURL

    /// The default theme's string tables (`Templates/i18n/`).
    public static let strings = partials.deletingLastPathComponent().appendingPathComponent("i18n")

    /// Copies every partial of the default theme into `root`'s Templates/partials/, and its string tables,
    /// which the partials read, into Templates/i18n/.
    public static func copyPartials(to root: URL) throws {
        for (source, folder, ending) in [(partials, "Templates/partials", ".html"), (strings, "Templates/i18n", ".yaml")] {
            let target = root.appendingPathComponent(folder)
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            for name in try FileManager.default.contentsOfDirectory(atPath: source.path) where name.hasSuffix(ending) {
                try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: target.appendingPathComponent(name))
            }
        }
    }
}

extension DefaultTheme {
    /// Every partial of the default theme by name, with its text.
    public static func partialTexts() -> [String: String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: partials.path)) ?? []
        var texts: [String: String] = [:]
        for name in names where name.hasSuffix(".html") {
            texts[String(name.dropLast(".html".count))] = try? String(contentsOf: partials.appendingPathComponent(name), encoding: .utf8)
        }
        return texts
    }
}
