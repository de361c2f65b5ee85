import BriefingMarkdown
import BriefingSupport
import Foundation

/// What the last successful build knew, kept in the output folder so the next build does only the
/// work its changes call for. Anything unexpected in it (another version, a damaged file) is ignored:
/// the build is then a full one, never a stale one.
struct BuildCache {
    static let fileName = ".briefing-cache"
    static let pendingName = fileName + ".new"
    /// Bumped whenever the format or the meaning of anything cached changes.
    static let formatVersion = 18

    /// The options and the day of the build: the same sources give different output on another day
    /// (the footer's year, stale-figure warnings), with drafts, or at another base URL. Kept as its hash
    /// (`sealed`), as the stamps' paths are: the output folder is what gets published, and the cache named
    /// the folders the site was built in and every file of `Content/`, drafts and their names included.
    var optionsKey: String
    /// Every file under Content/ and Templates/ with its size and modification time, its path sealed.
    var stamps: [FileStamp]
    /// When the stamps were taken, in microseconds since 1970.
    var stampedAt: Int
    var pageCount: Int
    var warnings: [Diagnostic]
    var baseURL: BaseURL
    /// What every page's Markdown depends on besides its own file: settings, data, the set of pages.
    var siteKey: UInt64
    /// `SiteModel.datesCheckout`: a build at another commit is not a no-op, even with no file changed.
    var datesCheckout: String?
    /// `SiteModel.nextRelease`: once it has passed, a build with no file changed is not a no-op.
    var nextRelease: Int?
    /// By path relative to Content/. Read from disk only when asked for: a build that finds nothing
    /// changed never needs them.
    var pages: [String: CachedPage] {
        guard let encodedPages else { return Dictionary(made, uniquingKeysWith: { first, _ in first }) }
        var reader = CacheReader(encodedPages)
        guard let list = try? reader.list(BuildCache.readPage), reader.isAtEnd else { return [:] }
        return Dictionary(list, uniquingKeysWith: { first, _ in first })
    }
    /// The pages of a cache a build made, in the order they are written.
    private var made: [(String, CachedPage)] = []
    private var encodedPages: Data?

    init(
        optionsKey: String, stamps: [FileStamp], stampedAt: Int, pageCount: Int, warnings: [Diagnostic], baseURL: BaseURL,
        siteKey: UInt64, datesCheckout: String?, nextRelease: Int?, pages: [(String, CachedPage)]
    ) {
        self.optionsKey = BuildCache.sealed(optionsKey)
        self.stamps = BuildCache.sealed(stamps)
        self.stampedAt = stampedAt
        self.pageCount = pageCount
        self.warnings = warnings
        self.baseURL = baseURL
        self.siteKey = siteKey
        self.datesCheckout = datesCheckout
        self.nextRelease = nextRelease
        made = pages
    }

    /// What a page's Markdown gave, and the hash of the file it came from.
    struct CachedPage: Sendable {
        var sourceHash: UInt64
        var record: PageRecord
    }

    /// Whether the sources are exactly as the last build saw them. A file modified within two seconds
    /// of that build could have changed again within one tick of the file system's clock, keeping its
    /// stamp: then the answer is no, and the build looks at the contents.
    func matches(_ current: [FileStamp]) -> Bool {
        BuildCache.sealed(current) == stamps && !stamps.contains { $0.modified >= stampedAt - 2_000_000 }
    }

    /// Whether the last build had these options (`BuildReuse.optionsKey`).
    func isFor(optionsKey key: String) -> Bool {
        optionsKey == BuildCache.sealed(key)
    }

    /// A text's stable hash, as the cache keeps paths and options.
    static func sealed(_ text: String) -> String {
        var fingerprint = Fingerprint()
        fingerprint.add(text)
        return String(fingerprint.value, radix: 16)
    }

    static func sealed(_ stamps: [FileStamp]) -> [FileStamp] {
        stamps.map { FileStamp(path: sealed($0.path), size: $0.size, modified: $0.modified) }
    }

    static var now: Int { Int((Date().timeIntervalSince1970 * 1e6).rounded()) }

    static func load(from output: URL) -> BuildCache? {
        guard let file = try? Data(contentsOf: output.appendingPathComponent(fileName), options: .alwaysMapped),
              let data = BuildCache.verified(file)
        else { return nil }
        var reader = CacheReader(data)
        do {
            guard try reader.int() == formatVersion else { return nil }
            let optionsKey = try reader.string()
            let stamps = try reader.list { reader throws(CacheReader.Damaged) in
                FileStamp(path: try reader.string(), size: try reader.int(), modified: try reader.int())
            }
            var cache = try BuildCache(
                optionsKey: "", stamps: [],
                stampedAt: reader.int(),
                pageCount: reader.int(),
                warnings: reader.list(readDiagnostic),
                baseURL: BaseURL(reader.string()) ?? .root,
                siteKey: UInt64(bitPattern: Int64(reader.int())),
                datesCheckout: reader.bool() ? reader.string() : nil,
                nextRelease: reader.bool() ? reader.int() : nil,
                pages: []
            )
            // Sealed when written.
            cache.optionsKey = optionsKey
            cache.stamps = stamps
            cache.encodedPages = reader.remainder
            return cache
        } catch {
            return nil
        }
    }

    /// Writes the cache beside the one in place (as `fileName.new`), for `commitPending(in:)` to put in
    /// its place or `discardPending(in:)` to remove; false when it could not be written. A cache that
    /// cannot be written only costs the next build time.
    func writePending(to output: URL) -> Bool {
        let temporary = output.appendingPathComponent(BuildCache.pendingName)
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
              let handle = try? FileHandle(forWritingTo: temporary)
        else { return false }
        defer { try? handle.close() }
        var writer = CacheWriter()
        writer.int(BuildCache.formatVersion)
        writer.string(optionsKey)
        writer.list(stamps) { writer, stamp in
            writer.string(stamp.path)
            writer.int(stamp.size)
            writer.int(stamp.modified)
        }
        writer.int(stampedAt)
        writer.int(pageCount)
        writer.list(warnings, BuildCache.writeDiagnostic)
        writer.string(baseURL.description)
        writer.int(Int(Int64(bitPattern: siteKey)))
        writer.bool(datesCheckout != nil)
        if let datesCheckout { writer.string(datesCheckout) }
        writer.bool(nextRelease != nil)
        if let nextRelease { writer.int(nextRelease) }
        writer.int(made.count)
        var hash = BlockHash()
        func write(_ bytes: [UInt8]) throws {
            bytes.withUnsafeBytes { hash.add($0) }
            try handle.write(contentsOf: bytes)
        }
        do {
            for (path, page) in made {
                writer.string(path)
                BuildCache.writePage(page, to: &writer)
                try writer.flush(to: write)
            }
            try write(writer.bytes)
            var checksum = CacheWriter()
            checksum.int(Int(Int64(bitPattern: hash.value)))
            try handle.write(contentsOf: checksum.bytes)
            try handle.close()
            return true
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            return false
        }
    }

    /// The cache's contents without the hash of them it ends with; nil when they do not match it. Its
    /// fields are checked as they are read, but a byte changed inside one (a page number, an id) would
    /// still be read, and trusted by every later build.
    private static func verified(_ file: Data) -> Data? {
        guard file.count >= 8 else { return nil }
        let contents = file.prefix(file.count - 8)
        var trailer = CacheReader(file.suffix(8))
        guard let stored = try? trailer.int(), UInt64(bitPattern: Int64(stored)) == BlockHash.of(contents) else { return nil }
        return contents
    }

    static func commitPending(in output: URL) {
        let temporary = output.appendingPathComponent(pendingName)
        if rename(temporary.path, output.appendingPathComponent(fileName).path) != 0 { discardPending(in: output) }
    }

    static func discardPending(in output: URL) {
        try? FileManager.default.removeItem(at: output.appendingPathComponent(pendingName))
    }

    // MARK: Encoding the parts

    private static func readPage(_ reader: inout CacheReader) throws(CacheReader.Damaged) -> (String, CachedPage) {
        let path = try reader.string()
        let hash = UInt64(bitPattern: Int64(try reader.int()))
        let bodyHash = UInt64(bitPattern: Int64(try reader.int()))
        let ids = Set(try reader.list { reader throws(CacheReader.Damaged) in try reader.string() })
        let facts = PageFacts(headingIDs: ids, firstParagraph: try reader.string())
        let diagnostics = try reader.list(readDiagnostic)
        let fragments = try reader.list { reader throws(CacheReader.Damaged) in
            FragmentReference(
                page: PageID(try reader.int()), fragment: try reader.string(), source: PageID(try reader.int()),
                position: SourcePosition(line: try reader.int(), column: try reader.int())
            )
        }
        let record = PageRecord(bodyHash: bodyHash, facts: facts, diagnostics: diagnostics, fragments: fragments)
        return (path, CachedPage(sourceHash: hash, record: record))
    }

    private static func writePage(_ page: CachedPage, to writer: inout CacheWriter) {
        let record = page.record
        writer.int(Int(Int64(bitPattern: page.sourceHash)))
        writer.int(Int(Int64(bitPattern: record.bodyHash)))
        writer.list(record.facts.headingIDs.sorted()) { $0.string($1) }
        writer.string(record.facts.firstParagraph)
        writer.list(record.diagnostics, writeDiagnostic)
        writer.list(record.fragments) { writer, fragment in
            writer.int(fragment.page.index)
            writer.string(fragment.fragment)
            writer.int(fragment.source.index)
            writer.int(fragment.position.line)
            writer.int(fragment.position.column)
        }
    }

    private static func writeDiagnostic(_ writer: inout CacheWriter, _ diagnostic: Diagnostic) {
        writer.bool(diagnostic.severity == .error)
        writer.string(diagnostic.message)
        writer.bool(diagnostic.location != nil)
        if let location = diagnostic.location {
            writer.string(location.path)
            writer.int(location.line)
            writer.int(location.column)
        }
        writer.optional(diagnostic.sourceLine)
        writer.int(diagnostic.excerptColumn ?? 0)
        writer.int(diagnostic.tally)
    }

    private static func readDiagnostic(_ reader: inout CacheReader) throws(CacheReader.Damaged) -> Diagnostic {
        let severity: Diagnostic.Severity = try reader.bool() ? .error : .warning
        let message = try reader.string()
        var location: SourceLocation?
        if try reader.bool() {
            location = SourceLocation(path: try reader.string(), line: try reader.int(), column: try reader.int())
        }
        let line = try reader.optional()
        let column = try reader.int()
        return Diagnostic(severity, message, at: location, excerpt: line, column: column == 0 ? nil : column, tally: try reader.int())
    }
}
