import Foundation

/// A host name as the DNS and the sitemaps protocol read it: each label with letters beyond ASCII written
/// as `xn--` and its RFC 3492 Punycode (`예시.kr` → `xn--vv4b11d.kr`). Percent-encoding a host, as a
/// path is, makes no address at all.
enum Punycode {
    static func asciiHost(_ host: String) -> String {
        guard host.utf8.contains(where: { $0 >= 0x80 }) else { return host }
        return host.split(separator: ".", omittingEmptySubsequences: false).map { label in
            // A DNS label is at most 63 bytes: a longer one is no host name to encode.
            guard label.utf8.contains(where: { $0 >= 0x80 }), label.unicodeScalars.count <= 63 else { return String(label) }
            // IDNA maps a label to lower case and its composed form before it is encoded.
            return "xn--" + encode(Array(label.lowercased().precomposedStringWithCanonicalMapping.unicodeScalars.map(\.value)))
        }.joined(separator: ".")
    }

    private static let base = 36, tMin = 1, tMax = 26, skew = 38, damp = 700

    /// RFC 3492's encoding of one label's code points.
    static func encode(_ input: [UInt32]) -> String {
        var output = input.filter { $0 < 0x80 }.map { Character(Unicode.Scalar(UInt8($0))) }
        let basicCount = output.count
        if basicCount > 0 { output.append("-") }
        var n: UInt32 = 0x80, delta = 0, bias = 72, handled = basicCount
        while handled < input.count {
            guard let next = input.filter({ $0 >= n }).min() else { break }
            delta += Int(next - n) * (handled + 1)
            n = next
            for code in input {
                if code < n { delta += 1 }
                guard code == n else { continue }
                var q = delta
                var k = base
                while true {
                    let t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                    if q < t { break }
                    output.append(digit(t + (q - t) % (base - t)))
                    q = (q - t) / (base - t)
                    k += base
                }
                output.append(digit(q))
                bias = adapt(delta, points: handled + 1, first: handled == basicCount)
                delta = 0
                handled += 1
            }
            delta += 1
            n += 1
        }
        return String(output)
    }

    private static func digit(_ value: Int) -> Character {
        Character(Unicode.Scalar(UInt8(value < 26 ? 0x61 + value : 0x30 + value - 26)))
    }

    private static func adapt(_ delta: Int, points: Int, first: Bool) -> Int {
        var delta = first ? delta / damp : delta / 2
        delta += delta / points
        var k = 0
        while delta > ((base - tMin) * tMax) / 2 {
            delta /= base - tMin
            k += base
        }
        return k + (base - tMin + 1) * delta / (delta + skew)
    }
}
