import Foundation

/// The width and height an image file declares in its header: PNG, GIF, JPEG, WebP and SVG, read in
/// Swift from the first bytes of the file, so that a page can reserve the image's space before it loads.
struct ImageSize: Equatable, Sendable {
    var width: Int
    var height: Int

    /// Bytes read from the start of a file: enough for every header above, and for the frame header of
    /// a JPEG after its metadata in nearly every file.
    static let headerBytes = 256 * 1024

    /// What a page needs to know of an image file: the size it declares, how many bytes it has, and
    /// whether it starts as a PNG, GIF, JPEG or WebP file does.
    struct File {
        var size: ImageSize?
        var bytes: Int
        var isRaster: Bool
    }

    static func read(_ file: URL) -> File? {
        guard let handle = try? FileHandle(forReadingFrom: file) else { return nil }
        defer { try? handle.close() }
        let total = (try? handle.seekToEnd()).map(Int.init) ?? 0
        try? handle.seek(toOffset: 0)
        let head = [UInt8]((try? handle.read(upToCount: headerBytes)) ?? Data())
        return File(size: ImageSize(header: head), bytes: total, isRaster: isRaster(head))
    }

    /// Whether the bytes start as a PNG, GIF, JPEG or WebP file does.
    static func isRaster(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) || bytes.starts(with: Array("GIF8".utf8)) || bytes.starts(with: [0xFF, 0xD8])
            || (bytes.starts(with: Array("RIFF".utf8)) && bytes.count >= 12 && Array(bytes[8..<12]) == Array("WEBP".utf8))
    }

    /// File extensions of the raster formats above.
    static let rasterExtensions: Set<String> = ["png", "gif", "jpg", "jpeg", "webp"]

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    init?(header bytes: [UInt8]) {
        func big16(_ at: Int) -> Int { Int(bytes[at]) << 8 | Int(bytes[at + 1]) }
        func big32(_ at: Int) -> Int { big16(at) << 16 | big16(at + 2) }
        func little16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func little24(_ at: Int) -> Int { little16(at) | Int(bytes[at + 2]) << 16 }
        func starts(_ text: String, at offset: Int = 0) -> Bool {
            let pattern = Array(text.utf8)
            return bytes.count >= offset + pattern.count && Array(bytes[offset..<(offset + pattern.count)]) == pattern
        }
        if bytes.count >= 24, bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), starts("IHDR", at: 12) {
            self.init(width: big32(16), height: big32(20))
        } else if bytes.count >= 10, starts("GIF87a") || starts("GIF89a") {
            self.init(width: little16(6), height: little16(8))
        } else if bytes.count >= 4, bytes[0] == 0xFF, bytes[1] == 0xD8 {
            guard let size = ImageSize.jpeg(bytes) else { return nil }
            self = size
        } else if bytes.count >= 30, starts("RIFF"), starts("WEBP", at: 8) {
            if starts("VP8 ", at: 12) {
                self.init(width: little16(26) & 0x3FFF, height: little16(28) & 0x3FFF)
            } else if starts("VP8L", at: 12) {
                let b = bytes[21...24].map(Int.init)
                self.init(width: 1 + (b[0] | (b[1] & 0x3F) << 8), height: 1 + (b[1] >> 6 | b[2] << 2 | (b[3] & 0x0F) << 10))
            } else if starts("VP8X", at: 12) {
                self.init(width: 1 + little24(24), height: 1 + little24(27))
            } else {
                return nil
            }
        } else if let size = ImageSize.svg(bytes) {
            self = size
        } else {
            return nil
        }
        guard width > 0, height > 0 else { return nil }
    }

    /// The first frame header (SOF0…SOF15 but DHT, JPG and DAC) after the segments before it, turned as
    /// the EXIF orientation before it says: a phone's portrait photo is stored landscape with orientation
    /// 6, and browsers show it turned, so its `width` and `height` are the other way round.
    private static func jpeg(_ bytes: [UInt8]) -> ImageSize? {
        var index = 2
        var turned = false
        while index + 9 < bytes.count {
            guard bytes[index] == 0xFF else { return nil }
            let marker = bytes[index + 1]
            if marker == 0xFF { index += 1; continue }
            if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) { index += 2; continue }
            let length = Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                let height = Int(bytes[index + 5]) << 8 | Int(bytes[index + 6])
                let width = Int(bytes[index + 7]) << 8 | Int(bytes[index + 8])
                return turned ? ImageSize(width: height, height: width) : ImageSize(width: width, height: height)
            }
            guard length >= 2 else { return nil }
            if marker == 0xE1, (5...8).contains(exifOrientation(bytes[(index + 4)..<min(bytes.count, index + 2 + length)])) { turned = true }
            index += 2 + length
        }
        return nil
    }

    /// The orientation (1–8) an APP1 segment's `Exif\0\0` and TIFF header give in their first directory;
    /// 0 for a segment that is no EXIF or holds none. Every offset is checked: the file is the editor's.
    private static func exifOrientation(_ segment: ArraySlice<UInt8>) -> Int {
        let exif: [UInt8] = [0x45, 0x78, 0x69, 0x66, 0, 0]
        guard segment.starts(with: exif) else { return 0 }
        let tiff = Array(segment.dropFirst(exif.count))
        guard tiff.count >= 8, tiff[0] == tiff[1], tiff[0] == 0x49 || tiff[0] == 0x4D else { return 0 }
        let little = tiff[0] == 0x49
        func read(_ at: Int, _ size: Int) -> Int? {
            guard at >= 0, at + size <= tiff.count else { return nil }
            return (0..<size).reduce(0) { value, byte in
                little ? value | Int(tiff[at + byte]) << (8 * byte) : value << 8 | Int(tiff[at + byte])
            }
        }
        guard read(2, 2) == 42, let directory = read(4, 4), let count = read(directory, 2) else { return 0 }
        for entry in 0..<min(count, 512) {
            let at = directory + 2 + entry * 12
            guard let tag = read(at, 2) else { return 0 }
            // Type 3 is SHORT: the value is in the entry's first two bytes.
            if tag == 0x0112, read(at + 2, 2) == 3, let orientation = read(at + 8, 2) { return orientation }
        }
        return 0
    }

    /// `width` and `height` of the root `<svg>` (in pixels, or without a unit), else its `viewBox`.
    private static func svg(_ bytes: [UInt8]) -> ImageSize? {
        let text = String(decoding: bytes.prefix(8192), as: UTF8.self)
        guard let open = text.range(of: "<svg"), let close = text[open.upperBound...].firstIndex(of: ">") else { return nil }
        let tag = text[open.upperBound..<close]
        func attribute(_ name: String) -> String? {
            guard let match = tag.firstMatch(of: try! Regex("(?:^|\\s)\(name)\\s*=\\s*[\"']([^\"']*)[\"']")) else { return nil }
            return match.output[1].substring.map(String.init)
        }
        func pixels(_ value: String?) -> Double? {
            guard var value = value?.trimmingCharacters(in: .whitespaces) else { return nil }
            if value.hasSuffix("px") { value.removeLast(2) }
            return Double(value)
        }
        if let width = pixels(attribute("width")), let height = pixels(attribute("height")) {
            return ImageSize(svgWidth: width, height: height)
        }
        let box = (attribute("viewBox") ?? "").split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }
        guard box.count == 4 else { return nil }
        return ImageSize(svgWidth: box[2], height: box[3])
    }

    /// An SVG's size as written, rounded to whole pixels; nil for one no screen could show (NaN, infinite,
    /// past a million pixels), which an editor wrote by mistake and which no `Int` may hold.
    private init?(svgWidth width: Double, height: Double) {
        let shown = 0.5...1_000_000.0
        guard shown.contains(width), shown.contains(height) else { return nil }
        self.init(width: Int(width.rounded()), height: Int(height.rounded()))
    }
}
