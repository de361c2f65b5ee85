import BriefingSupport
import Foundation

extension SiteWriter {
    /// What an earlier build wrote: each file with the hash and size of its bytes, and the time it had
    /// on disk once written.
    struct Manifest: Sendable {
        struct Entry: Sendable, Equatable {
            var hash: ContentHash
            var size: Int
            /// A fingerprint of everything the file was made from (templates, layout, context), so an
            /// unchanged page is not even rendered; 0 for files copied or generated as they are.
            var input: UInt64 = 0
            /// The file's modification time once written, in nanoseconds since 1970, so that a file edited
            /// by hand to the same size is still seen; 0 when unknown (older manifests, files in memory).
            var modified: Int64 = 0

            /// Whether the bytes are the same; the inputs may differ and still give the same bytes.
            func sameBytes(as other: Entry?) -> Bool { other.map { $0.hash == hash && $0.size == size } ?? false }

            /// The file on disk may be this entry's: a regular file of its size.
            func fits(_ status: stat) -> Bool {
                (status.st_mode & S_IFMT) == S_IFREG && Int(status.st_size) == size
            }

            /// The file on disk is this entry's as written: of its size, and of its time, which it knows.
            func describes(_ status: stat) -> Bool {
                fits(status) && modified != 0 && Manifest.nanoseconds(status.st_mtim) == modified
            }
        }

        var entries: [String: Entry] = [:]

        static let header = "# Files written by briefing build (hash, size, input, modified, path); it deletes only these. The last line counts them."

        static func nanoseconds(_ time: timespec) -> Int64 {
            Int64(time.tv_sec) &* 1_000_000_000 &+ Int64(time.tv_nsec)
        }

        /// Starts as every version's manifest has (the fields in its header changed, not its start), and is
        /// whole: it ends a line, and one whose header says so (0.19 on) ends with the count of its entries.
        /// A manifest cut short (a full disk, a copy stopped half way) called the files it lost someone else's.
        static func isOurs(_ bytes: [UInt8]) -> Bool {
            guard bytes.starts(with: "# Files written by briefing build".utf8), bytes.last == UInt8(ascii: "\n") else { return false }
            let firstLine = bytes.prefix { $0 != UInt8(ascii: "\n") }
            guard firstLine.reversed().starts(with: " The last line counts them.".utf8.reversed()) else { return true }
            // Lines counted in one pass over the bytes: split into slices, 11,000 of them were made on every build.
            var entries = 0, lastLineStart = 0
            for index in bytes.indices.dropLast() where bytes[index] == UInt8(ascii: "\n") {
                if bytes[index + 1] != UInt8(ascii: "#") { entries += 1 }
                lastLineStart = index + 1
            }
            return bytes[lastLineStart..<(bytes.count - 1)].elementsEqual(trailer(entries).utf8)
        }

        private static func trailer(_ count: Int) -> String { "# \(count) files" }

        init() {}

        /// Reads a manifest a build wrote. It is read on every build, a no-op build included (11,000
        /// lines at 10,000 pages), so it is parsed as bytes rather than as Characters.
        init(text: String) {
            var text = text
            // This version's lines have five fields; older ones' are told apart by what their fields hold.
            let isCurrent = text.utf8.starts(with: (Manifest.header + "\n").utf8)
            text.withUTF8 { bytes in
                // Room for every line at once: grown line by line, the map hashed its keys again and again.
                entries.reserveCapacity(bytes.count { $0 == UInt8(ascii: "\n") })
                var start = 0
                while start < bytes.count {
                    let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
                    let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                    start = end + 1
                    guard let first = line.first, first != UInt8(ascii: "#") else { continue }
                    isCurrent ? addCurrent(line) : addOlder(line)
                }
            }
        }

        /// `hash size input modified path`, the path running to the end of the line. The fields are found
        /// without an array of them: one for each of 11,000 lines was a tenth of a no-op build.
        private mutating func addCurrent(_ line: UnsafeBufferPointer<UInt8>) {
            var bounds = (0, 0, 0, 0), found = 0
            for (offset, byte) in line.enumerated() where byte == UInt8(ascii: " ") {
                switch found {
                case 0: bounds.0 = offset
                case 1: bounds.1 = offset
                case 2: bounds.2 = offset
                default: bounds.3 = offset
                }
                found += 1
                if found == 4 { break }
            }
            guard found == 4 else { return add(Entry(hash: ContentHash(value: 0), size: -1), at: line) }
            func field(_ number: Int) -> UnsafeBufferPointer<UInt8> {
                let range = switch number {
                case 0: 0..<bounds.0
                case 1: (bounds.0 + 1)..<bounds.1
                case 2: (bounds.1 + 1)..<bounds.2
                case 3: (bounds.2 + 1)..<bounds.3
                default: (bounds.3 + 1)..<line.count
                }
                return UnsafeBufferPointer(rebasing: line[range])
            }
            guard let hash = Manifest.number(field(0), radix: 16), let size = Manifest.number(field(1), radix: 10),
                  let input = Manifest.number(field(2), radix: 16), let modified = Manifest.number(field(3), radix: 10) else {
                // Edited by hand: the file is still ours, with bytes unknown, so it is written again.
                return add(Entry(hash: ContentHash(value: 0), size: -1), at: field(4))
            }
            add(Entry(hash: ContentHash(value: hash), size: Int(truncatingIfNeeded: size), input: input, modified: Int64(bitPattern: modified)), at: field(4))
        }

        /// `hash size input path` or `hash size path`, or a path alone: their files are still ours; with
        /// bytes unknown (size -1) they are written again, and with no time, read before they are trusted.
        private mutating func addOlder(_ line: UnsafeBufferPointer<UInt8>) {
            let fields = Manifest.fields(3, of: line)
            func field(_ number: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: line[fields[number]]) }
            guard fields.count >= 3, let hash = Manifest.number(field(0), radix: 16), let size = Manifest.number(field(1), radix: 10) else {
                return add(Entry(hash: ContentHash(value: 0), size: -1), at: line)
            }
            let input = fields.count == 4 ? Manifest.number(field(2), radix: 16) : nil
            let path = UnsafeBufferPointer(rebasing: line[fields[input != nil ? 3 : 2].lowerBound...])
            add(Entry(hash: ContentHash(value: hash), size: Int(truncatingIfNeeded: size), input: input ?? 0), at: path)
        }

        private mutating func add(_ entry: Entry, at path: UnsafeBufferPointer<UInt8>) {
            // A manifest edited by hand must not make a build delete outside the output folder.
            guard OutputPath.isPlainRelative(path) else { return }
            entries[String(decoding: path, as: UTF8.self)] = entry
        }

        /// Where the line's fields are, split at its first `spaces` spaces: the last runs to the line's end.
        private static func fields(_ spaces: Int, of line: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
            var fields: [Range<Int>] = []
            var start = 0
            for (offset, byte) in line.enumerated() where byte == UInt8(ascii: " ") && fields.count < spaces {
                fields.append(start..<offset)
                start = offset + 1
            }
            fields.append(start..<line.count)
            return fields
        }

        /// A hexadecimal hash or input, or a decimal size (negative in older entries) or time, or nil. Read
        /// from the bytes: a String made for each of four fields of 11,000 lines was a no-op build's tenth.
        private static func number(_ bytes: UnsafeBufferPointer<UInt8>, radix: Int) -> UInt64? {
            var digits = bytes[...]
            let negative = radix == 10 && digits.first == UInt8(ascii: "-")
            if negative { digits = digits.dropFirst() }
            guard !digits.isEmpty, digits.count <= (radix == 10 ? 19 : 16) else { return nil }
            var value: UInt64 = 0
            for byte in digits {
                let digit: UInt64
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt64(byte - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: digit = UInt64(byte - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F") where radix == 16: digit = UInt64(byte - UInt8(ascii: "A") + 10)
                default: return nil
                }
                value = value &* UInt64(radix) &+ digit
            }
            // Nineteen decimal digits may pass Int64's largest, which the String reading refused.
            guard radix == 16 || value <= UInt64(Int64.max) else { return nil }
            return negative ? UInt64(bitPattern: -Int64(value)) : value
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
                bytes += String(entry.modified).utf8
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
