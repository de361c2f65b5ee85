import Foundation

/// What the last successful build knew, kept in the output folder so the next build does only the
/// work its changes call for. Anything unexpected in it (another version, a damaged file) is ignored:
/// the build is then a full one, never a stale one.
struct BuildCache {
    static let fileName = ".briefing-cache"
    /// Bumped whenever the format or the meaning of anything cached changes.
    static let formatVersion = 6

    /// The options and the day of the build: the same sources give different output on another day
    /// (the footer's year, stale-figure warnings), with drafts, or at another base URL.
    var optionsKey: String
    /// Every file under Content/ and Templates/ with its size and modification time.
    var stamps: [FileStamp]
    /// When the stamps were taken, in microseconds since 1970.
    var stampedAt: Int
    var pageCount: Int
    var warnings: [Diagnostic]
    var baseURL: BaseURL
    /// What every page's Markdown depends on besides its own file: settings, data, the set of pages.
    var siteKey: UInt64
    /// By path relative to Content/. Read from disk only when asked for: a build that finds nothing
    /// changed never needs them.
    var pages: [String: CachedPage] {
        if let decoded { return decoded }
        guard let encodedPages else { return [:] }
        var reader = CacheReader(encodedPages)
        guard let list = try? reader.list(BuildCache.readPage), reader.isAtEnd else { return [:] }
        return Dictionary(list, uniquingKeysWith: { first, _ in first })
    }
    private var decoded: [String: CachedPage]?
    private var encodedPages: Data?

    init(
        optionsKey: String, stamps: [FileStamp], stampedAt: Int, pageCount: Int, warnings: [Diagnostic], baseURL: BaseURL,
        siteKey: UInt64, pages: [String: CachedPage]
    ) {
        self.optionsKey = optionsKey
        self.stamps = stamps
        self.stampedAt = stampedAt
        self.pageCount = pageCount
        self.warnings = warnings
        self.baseURL = baseURL
        self.siteKey = siteKey
        decoded = pages
    }

    struct FileStamp: Equatable {
        var path: String
        var size: Int
        var modified: Int
    }

    struct CachedPage {
        var sourceHash: UInt64
        var output: MarkdownStage.Output
    }

    /// Whether the sources are exactly as the last build saw them. A file modified within two seconds
    /// of that build could have changed again within one tick of the file system's clock, keeping its
    /// stamp: then the answer is no, and the build looks at the contents.
    func matches(_ current: [FileStamp]) -> Bool {
        current == stamps && !stamps.contains { $0.modified >= stampedAt - 2_000_000 }
    }

    static var now: Int { Int((Date().timeIntervalSince1970 * 1e6).rounded()) }

    static func load(from output: URL) -> BuildCache? {
        guard let data = try? Data(contentsOf: output.appendingPathComponent(fileName), options: .alwaysMapped) else { return nil }
        var reader = CacheReader(data)
        do {
            guard try reader.int() == formatVersion else { return nil }
            var cache = try BuildCache(
                optionsKey: reader.string(),
                stamps: reader.list { reader throws(CacheReader.Damaged) in
                    FileStamp(path: try reader.string(), size: try reader.int(), modified: try reader.int())
                },
                stampedAt: reader.int(),
                pageCount: reader.int(),
                warnings: reader.list(readDiagnostic),
                baseURL: BaseURL(reader.string()) ?? .root,
                siteKey: UInt64(bitPattern: Int64(reader.int())),
                pages: [:]
            )
            cache.decoded = nil
            cache.encodedPages = reader.remainder
            return cache
        } catch {
            return nil
        }
    }

    func save(to output: URL) {
        // A cache that cannot be written only costs the next build time.
        let target = output.appendingPathComponent(BuildCache.fileName)
        let temporary = output.appendingPathComponent(BuildCache.fileName + ".new")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
              let handle = try? FileHandle(forWritingTo: temporary)
        else { return }
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
        let entries = pages.sorted { $0.key < $1.key }
        writer.int(entries.count)
        do {
            for (path, page) in entries {
                writer.string(path)
                writer.int(Int(Int64(bitPattern: page.sourceHash)))
                BuildCache.writeOutput(page.output, to: &writer)
                try writer.flush(to: handle.write(contentsOf:))
            }
            try handle.write(contentsOf: writer.data)
            try handle.close()
            if rename(temporary.path, target.path) != 0 { try? FileManager.default.removeItem(at: temporary) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
        }
    }

    // MARK: Encoding the parts

    private static func readPage(_ reader: inout CacheReader) throws(CacheReader.Damaged) -> (String, CachedPage) {
        let path = try reader.string()
        let hash = UInt64(bitPattern: Int64(try reader.int()))
        return (path, CachedPage(sourceHash: hash, output: try readOutput(&reader)))
    }

    private static func writeOutput(_ output: MarkdownStage.Output, to writer: inout CacheWriter) {
        let body = output.body
        writer.string(body.html)
        writer.list(body.toc.entries, writeTOCEntry)
        writer.list(body.headingIDs.sorted()) { $0.string($1) }
        writer.string(body.firstParagraph)
        writer.int(body.wordCount)
        writer.list(body.sources) { writer, source in
            writer.string(source.title)
            writer.optional(source.url)
            writer.optional(source.publisher)
            writer.optional(source.date?.iso)
        }
        writer.list(body.faq) { writer, entry in
            writer.string(entry.question)
            writer.string(entry.answer)
        }
        writer.list(output.diagnostics, writeDiagnostic)
        writer.list(output.fragments) { writer, fragment in
            writer.int(fragment.page)
            writer.string(fragment.fragment)
            writer.int(fragment.source)
            writer.int(fragment.position.line)
            writer.int(fragment.position.column)
        }
    }

    private static func readOutput(_ reader: inout CacheReader) throws(CacheReader.Damaged) -> MarkdownStage.Output {
        let html = try reader.string()
        let toc = try reader.list(readTOCEntry)
        let ids = Set(try reader.list { reader throws(CacheReader.Damaged) in try reader.string() })
        let firstParagraph = try reader.string()
        let words = try reader.int()
        let sources = try reader.list { reader throws(CacheReader.Damaged) -> SourceReference in
            let title = try reader.string(), url = try reader.optional(), publisher = try reader.optional()
            let date = try reader.optional().flatMap(PageDate.init(parsing:))
            return SourceReference(title: title, url: url, publisher: publisher, date: date)
        }
        let faq = try reader.list { reader throws(CacheReader.Damaged) in
            FAQSections.Entry(question: try reader.string(), answer: try reader.string())
        }
        let diagnostics = try reader.list(readDiagnostic)
        let fragments = try reader.list { reader throws(CacheReader.Damaged) in
            FragmentReference(
                page: try reader.int(), fragment: try reader.string(), source: try reader.int(),
                position: SourcePosition(line: try reader.int(), column: try reader.int())
            )
        }
        let body = PageBody(
            html: html, toc: TableOfContents(entries: toc), headingIDs: ids, firstParagraph: firstParagraph,
            wordCount: words, sources: sources, faq: faq
        )
        return MarkdownStage.Output(body: body, diagnostics: diagnostics, fragments: fragments)
    }

    private static func writeTOCEntry(_ writer: inout CacheWriter, _ entry: TOCEntry) {
        writer.int(entry.level)
        writer.string(entry.id)
        writer.string(entry.title)
        writer.list(entry.children, writeTOCEntry)
    }

    private static func readTOCEntry(_ reader: inout CacheReader) throws(CacheReader.Damaged) -> TOCEntry {
        TOCEntry(level: try reader.int(), id: try reader.string(), title: try reader.string(), children: try reader.list(readTOCEntry))
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
    }

    private static func readDiagnostic(_ reader: inout CacheReader) throws(CacheReader.Damaged) -> Diagnostic {
        let severity: Diagnostic.Severity = try reader.bool() ? .error : .warning
        let message = try reader.string()
        var location: SourceLocation?
        if try reader.bool() {
            location = SourceLocation(path: try reader.string(), line: try reader.int(), column: try reader.int())
        }
        return Diagnostic(severity, message, at: location, sourceLine: try reader.optional())
    }
}
