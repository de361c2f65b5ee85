import BriefingSupport
import Foundation

extension SiteWriter {
    /// What an earlier build wrote: each file with the hash and size of its bytes.
    struct Manifest: Sendable {
        struct Entry: Sendable, Equatable {
            var hash: ContentHash
            var size: Int
            /// A fingerprint of everything the file was made from (templates, layout, context), so an
            /// unchanged page is not even rendered; 0 for files copied or generated as they are.
            var input: UInt64 = 0

            /// Whether the bytes are the same; the inputs may differ and still give the same bytes.
            func sameBytes(as other: Entry?) -> Bool { other.map { $0.hash == hash && $0.size == size } ?? false }
        }

        var entries: [String: Entry] = [:]

        static let header = "# Files written by briefing build (hash, size, input, path); it deletes only these. The last line counts them."

        /// Starts as every version's manifest has (the fields in its header changed, not its start), and is
        /// whole: it ends a line, and one with this version's header ends with the count of its entries. A
        /// manifest cut short (a full disk, a copy stopped half way) called the files it lost someone else's.
        static func isOurs(_ bytes: [UInt8]) -> Bool {
            guard bytes.starts(with: "# Files written by briefing build".utf8), bytes.last == UInt8(ascii: "\n") else { return false }
            guard bytes.starts(with: (header + "\n").utf8) else { return true }
            let lines = bytes.dropLast().split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            guard let last = lines.last else { return false }
            let entries = lines.count { $0.first != UInt8(ascii: "#") }
            return last.elementsEqual(trailer(entries).utf8)
        }

        private static func trailer(_ count: Int) -> String { "# \(count) files" }

        init() {}

        /// Reads a manifest a build wrote. It is read on every build, a no-op build included (11,000
        /// lines at 10,000 pages), so it is parsed as bytes rather than as Characters.
        init(text: String) {
            var text = text
            text.withUTF8 { bytes in
                var start = 0
                while start < bytes.count {
                    let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
                    let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                    start = end + 1
                    guard let first = line.first, first != UInt8(ascii: "#") else { continue }
                    add(line)
                }
            }
        }

        /// `hash size input path`; older manifests listed paths alone, or hash, size and path: their
        /// files are still ours, with bytes unknown (size -1), so they are written again.
        private mutating func add(_ line: UnsafeBufferPointer<UInt8>) {
            // Where each of the first four space-separated fields starts; the last runs to the end.
            var starts = [0]
            for (offset, byte) in line.enumerated() where byte == UInt8(ascii: " ") && starts.count < 4 { starts.append(offset + 1) }
            func field(_ number: Int) -> UnsafeBufferPointer<UInt8> {
                UnsafeBufferPointer(rebasing: line[starts[number]..<(number + 1 < starts.count ? starts[number + 1] - 1 : line.count)])
            }
            var entry = Entry(hash: ContentHash(value: 0), size: -1)
            var path = line
            if starts.count >= 3, let hash = Manifest.number(field(0), radix: 16), let size = Manifest.number(field(1), radix: 10) {
                let input = starts.count == 4 ? Manifest.number(field(2), radix: 16) : nil
                entry = Entry(hash: ContentHash(value: hash), size: Int(truncatingIfNeeded: size), input: input ?? 0)
                path = UnsafeBufferPointer(rebasing: line[starts[input != nil ? 3 : 2]...])
            }
            // A manifest edited by hand must not make a build delete outside the output folder.
            guard OutputPath.isPlainRelative(path) else { return }
            entries[String(decoding: path, as: UTF8.self)] = entry
        }

        /// A hexadecimal hash or input, or a decimal size (negative in older entries), or nil.
        private static func number(_ bytes: UnsafeBufferPointer<UInt8>, radix: Int) -> UInt64? {
            let text = String(decoding: bytes, as: UTF8.self)
            return radix == 10 ? Int64(text).map { UInt64(bitPattern: $0) } : UInt64(text, radix: radix)
        }

        /// Written as bytes, sorted by path: 11,000 lines at 10,000 pages, on one core at the end of a build.
        var text: String {
            var bytes = Array(Manifest.header.utf8)
            bytes.reserveCapacity(bytes.count + entries.count * 96)
            bytes.append(UInt8(ascii: "\n"))
            for (path, entry) in entries.sorted(by: { $0.key < $1.key }) {
                Manifest.appendHex(entry.hash.value, width: 16, to: &bytes)
                bytes.append(UInt8(ascii: " "))
                bytes += String(entry.size).utf8
                bytes.append(UInt8(ascii: " "))
                Manifest.appendHex(entry.input, width: 1, to: &bytes)
                bytes.append(UInt8(ascii: " "))
                bytes += path.utf8
                bytes.append(UInt8(ascii: "\n"))
            }
            bytes += (Manifest.trailer(entries.count) + "\n").utf8
            return String(decoding: bytes, as: UTF8.self)
        }

        /// Lowercase hexadecimal digits, zero-padded to `width`.
        private static func appendHex(_ value: UInt64, width: Int, to bytes: inout [UInt8]) {
            let digits = max(width, (67 - value.leadingZeroBitCount) / 4)
            for shift in stride(from: (digits - 1) * 4, through: 0, by: -4) {
                bytes.append(Manifest.hexDigits[Int((value >> UInt64(shift)) & 0xF)])
            }
        }

        private static let hexDigits = Array("0123456789abcdef".utf8)
    }
}
