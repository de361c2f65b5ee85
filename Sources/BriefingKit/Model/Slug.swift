import BriefingSupport
import Foundation

/// Names that become parts of URLs and output paths.
enum Slug {
    /// The longest name of a file or folder most file systems allow.
    static let maxBytes = 255

    /// One path segment that cannot climb out of its folder or break a URL: letters and digits of any
    /// script, `-`, `_` and `.`, and not `.` or `..`; a name a file system takes (`maxBytes` at most);
    /// composed (NFC), as a keyboard types it. Hangul saved as jamo, as some Mac tools and archives save
    /// names, is letters too, but its URL is not the one a reader types and Swift's `==` hides the
    /// difference from every lookup.
    static func isSafe(_ segment: String) -> Bool {
        guard !segment.isEmpty, segment.utf8.count <= maxBytes, segment != ".", segment != ".." else { return false }
        // ASCII by bytes: asking for Unicode properties of every scalar of every file name was slow.
        let ascii: Bool? = segment.withUTF8Bytes { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return bytes.allSatisfy { PlainText.isASCIIAlphanumeric($0) || $0 == 0x2D || $0 == 0x5F || $0 == 0x2E }
        }
        if let ascii { return ascii }
        return segment.unicodeScalars.allSatisfy { scalar in
            scalar == "-" || scalar == "_" || scalar == "." || scalar.properties.isAlphabetic
                || scalar.properties.numericType == .decimal
        } && segment.utf8.elementsEqual(segment.precomposedStringWithCanonicalMapping.utf8)
    }

    /// `burden-sharing` → `Burden sharing`, for a folder without an `_index.md`.
    static func title(fromFolder path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        // `_draft-notes` is "Draft notes": no space where the underscore led.
        let words = name.split { $0 == "_" || $0 == "-" }.joined(separator: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}
