import BriefingSupport

/// A path inside the output folder (`deterrence/tripwire/index.html`), made only by `Router`: non-empty
/// `/`-separated names, none of them `.` or `..`, so no output can land outside the folder.
public struct OutputPath: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let value: String

    init?(_ value: String) {
        guard value.withUTF8Bytes(OutputPath.isPlainRelative) else { return nil }
        self.value = value
    }

    public var description: String { value }

    public static func < (lhs: OutputPath, rhs: OutputPath) -> Bool { lhs.value < rhs.value }

    /// Also the check on every path read back from a manifest, which a person may have edited.
    /// One pass over the bytes, no segment made: it runs for every output of every build.
    static func isPlainRelative<Path: Collection<UInt8>>(_ path: Path) -> Bool {
        guard !path.isEmpty else { return false }
        // The current segment's length, and whether it is all dots so far.
        var length = 0
        var onlyDots = true
        func segmentEnds() -> Bool { length > 0 && !(onlyDots && length <= 2) }
        for byte in path {
            if byte == UInt8(ascii: "/") {
                guard segmentEnds() else { return false }
                length = 0
                onlyDots = true
            } else {
                length += 1
                onlyDots = onlyDots && byte == UInt8(ascii: ".")
            }
        }
        return segmentEnds()
    }
}
