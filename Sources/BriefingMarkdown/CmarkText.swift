#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Text handed to cmark, which keeps it as a C string: a NUL byte would end it there, and with it the
/// HTML a transform wrote around a value (an attribute left open, the rest of a table gone). CommonMark
/// replaces U+0000 with U+FFFD in what it parses; text a transform puts in the tree gets the same here.
/// Site files with a NUL are refused when read (`ForbiddenCharacter`): this is the boundary's own guard.
enum CmarkText {
    static func safe(_ text: String) -> String {
        // Every piece of HTML a transform writes passes here: searched with memchr, not byte by byte.
        let hasNUL = text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.baseAddress.map { memchr($0, 0, bytes.count) != nil } ?? false
        } ?? text.utf8.contains(0)
        guard hasNUL else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { scalars.append(scalar.value == 0 ? "\u{FFFD}" : scalar) }
        return String(scalars)
    }
}
