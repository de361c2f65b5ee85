import BriefingSupport

/// A YAML 1.1 integer's value, read as Yams' `Int.construct` reads it (underscores dropped; `0x`, `0b`,
/// `0o` and a leading `0` pick the radix; `1:30` is sexagesimal) but with every step checked, so a value
/// too large for `Int` is nil rather than a trap: Yams multiplies sexagesimal groups unchecked.
enum YAMLInteger {
    static func value(of written: String) -> Int? {
        let text = written.replacingOccurrences(of: "_", with: "")
        let negative = text.hasPrefix("-")
        let unsigned = text.dropFirst(negative || text.hasPrefix("+") ? 1 : 0)
        // A zero is no octal number, signed or not (`-0` in a column of changes).
        if unsigned == "0" { return 0 }
        for (prefix, radix) in [("0x", 16), ("0b", 2), ("0o", 8), ("0", 8)] where unsigned.hasPrefix(prefix) {
            return Int((negative ? "-" : "") + unsigned.dropFirst(prefix.count), radix: radix)
        }
        guard unsigned.contains(":") else { return Int(text) }
        var value = 0
        for group in unsigned.split(separator: ":", omittingEmptySubsequences: false) {
            guard let digit = Int(group, radix: 10) else { return nil }
            let (shifted, overflowed) = value.multipliedReportingOverflow(by: 60)
            let (sum, overflowedAgain) = shifted.addingReportingOverflow(digit)
            guard !overflowed, !overflowedAgain else { return nil }
            value = sum
        }
        return negative ? -value : value
    }
}
