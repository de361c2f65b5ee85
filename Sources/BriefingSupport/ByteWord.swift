/// Tests on eight bytes at once, loaded as one `UInt64`.
public enum ByteWord {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// Non-zero when some byte of `word` is `byte`. (Subtracting one from each byte borrows into the high
    /// bit only from a byte that was zero, or from one a borrow reached, which needs a zero below it.)
    @inline(__always)
    public static func has(_ byte: UInt8, in word: UInt64) -> UInt64 {
        let matches = word ^ (UInt64(byte) &* ones)
        return (matches &- ones) & ~matches & highBits
    }

    /// Non-zero when some byte of `word` is below `limit` (at most 0x80).
    @inline(__always)
    public static func hasByte(below limit: UInt8, in word: UInt64) -> UInt64 {
        (word &- UInt64(limit) &* ones) & ~word & highBits
    }
}
