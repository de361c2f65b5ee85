import Foundation

/// A folder of one test's own under the system's temporary folder, named `prefix-UUID` so that tests
/// running side by side never share one. The test removes it when it ends:
/// `let folder = try TemporaryFolder.make("briefing-init"); defer { TemporaryFolder.remove(folder) }`.
public enum TemporaryFolder {
    /// Made now, empty.
    public static func make(_ prefix: String) throws -> URL {
        let folder = url(prefix)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Not made: for a test whose first write makes it, or that asks the tool to.
    public static func url(_ prefix: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    }

    public static func remove(_ folder: URL) {
        try? FileManager.default.removeItem(at: folder)
    }
}
