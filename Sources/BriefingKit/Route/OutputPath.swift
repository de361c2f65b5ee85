/// A path inside the output folder (`deterrence/tripwire/index.html`), made only by `Router`: non-empty
/// `/`-separated names, none of them `.` or `..`, so no output can land outside the folder.
public struct OutputPath: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let value: String

    init?(_ value: String) {
        guard OutputPath.isPlainRelative(value.utf8) else { return nil }
        self.value = value
    }

    public var description: String { value }

    public static func < (lhs: OutputPath, rhs: OutputPath) -> Bool { lhs.value < rhs.value }

    /// Also the check on every path read back from a manifest, which a person may have edited.
    static func isPlainRelative<Path: Collection<UInt8>>(_ path: Path) -> Bool {
        guard !path.isEmpty else { return false }
        return path.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).allSatisfy { segment in
            !segment.isEmpty && !segment.elementsEqual([UInt8(ascii: ".")]) && !segment.elementsEqual([UInt8(ascii: "."), UInt8(ascii: ".")])
        }
    }
}
