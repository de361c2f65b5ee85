import Foundation

/// Names that become parts of URLs and output paths.
enum Slug {
    /// One path segment that cannot climb out of its folder or break a URL: letters and digits of any
    /// script, `-`, `_` and `.`, and not `.` or `..`.
    static func isSafe(_ segment: String) -> Bool {
        guard !segment.isEmpty, segment != ".", segment != ".." else { return false }
        return segment.unicodeScalars.allSatisfy { scalar in
            scalar == "-" || scalar == "_" || scalar == "." || scalar.properties.isAlphabetic
                || scalar.properties.numericType == .decimal
        }
    }

    /// `burden-sharing` → `Burden sharing`, for a folder without an `_index.md`.
    static func title(fromFolder path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let words = name.replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}
