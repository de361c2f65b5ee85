import BriefingMarkdown
import BriefingSupport
import Foundation

/// Everything a build reads from disk, before any of it is interpreted.
public struct LoadedSite: Sendable {
    public var settings: SiteSettings
    /// `Content/**/*.md`, each with its path relative to Content/ (`deterrence/tripwire.md`).
    public var pages: [ContentFile]
    /// Layouts (`Templates/layouts/**/*.html`) and partials (`Templates/partials/**/*.html`).
    public var templates: [TemplateFile]
    /// Files copied as they are: theme assets and non-Markdown files beside the pages.
    public var staticFiles: [StaticFile]
    /// `Content/data/`.
    public var data: SiteData
    /// The text of site.yaml, as part of the build cache's key.
    public var settingsText: String

    /// The files beside the pages, relative to Content/: what Markdown links may point at.
    var contentFiles: Set<String> {
        Set(staticFiles.filter { $0.origin == .content }.map(\.relativePath))
    }
}

public struct ContentFile: Sendable {
    /// Relative to Content/, with `/` separators.
    public var relativePath: String
    public var file: SourceFile

    /// The folder holding the file, relative to Content/ (`news` for `news/x.md`, empty at the top), which
    /// relative links in it are read against.
    var folder: String {
        relativePath.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(relativePath[..<$0]) } ?? ""
    }
}

public struct TemplateFile: Sendable {
    /// Layouts and partials are templates; string tables (`Templates/i18n/`) are the theme's words.
    public enum Kind: String, Sendable { case layout, partial, strings }
    public var kind: Kind
    /// The name templates use: the path inside layouts/ or partials/ without `.html` (`page`, `news/page`, `header`).
    public var name: String
    public var file: SourceFile
}

public struct StaticFile: Sendable, Hashable {
    public enum Origin: Sendable, Hashable {
        /// Beside the pages in Content/: Markdown links may point at it.
        case content
        /// From Templates/assets/.
        case theme
    }

    public var origin: Origin
    public var source: URL
    /// Relative to its folder, Content/ or Templates/ (`news/map.png`, `assets/style.css`): where `Router`
    /// publishes it.
    public var relativePath: String

    /// As errors name it: `Content/news/map.png`.
    public var displayPath: String { (origin == .content ? "Content/" : "Templates/") + relativePath }
}

/// Reads a site folder: `Content/` and `Templates/`. Reading is the only thing it does; every file that
/// cannot be read, is not UTF-8, or leads out of its folder through a link is an error here.
public struct SiteLoader: Sendable {
    public let root: URL

    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    public func load() throws(BuildFailure) -> LoadedSite {
        try load(SiteScan(root: root))
    }

    /// Extensions editors give Markdown besides `.md`, which is the only one read as a page.
    static let markdownExtensions: Set<String> = ["md", "markdown", "mdown", "mkd", "mkdn", "mdwn", "mdtxt", "mdtext"]

    /// What is wrong with the name of a file in `Content/` that looks meant as a page or a data file but
    /// would be published as a file: nil for a file to copy.
    static func misnamed(_ relativePath: String) -> String? {
        let parts = relativePath.split(separator: "/")
        guard let name = parts.last, let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        let fileExtension = name[name.index(after: dot)...].lowercased()
        // A section may be named `Data`; its data files directly inside it were meant for `data/`.
        if parts.count == 2, parts[0].lowercased() == "data", DataFile.extensions.contains(fileExtension) {
            return "'Content/\(relativePath)' is in a folder named '\(parts[0])', which is not 'data' (the folder of data files "
                + "is named in lowercase): rename the folder, or it is published as files"
        }
        guard SiteLoader.markdownExtensions.contains(fileExtension) else { return nil }
        return "'\(name)' is Markdown, but pages are read only from files ending in '.md' (lowercase); rename it to "
            + "'\(name[..<dot]).md', or it would be published as it is written, drafts included"
    }

    /// That the site has its two folders: asked before a build makes its output folder, so that a mistyped
    /// `--source` leaves no folder behind (`Output/` inside it, and it).
    func checkFolders() throws(BuildFailure) {
        let missing = ["Content", "Templates"].filter { !isDirectory(root.appendingPathComponent($0)) }
        guard missing.isEmpty else {
            throw BuildFailure(missing.map { folder in
                .error("folder '\(folder)/' not found in \(root.path); run briefing in a site folder, pass --source, or start one with 'briefing init DIR'")
            })
        }
    }

    /// Loads the files of a scan taken just before (the build takes one for its cache anyway). A page
    /// whose size and modification time are those `unchanged` holds for its path is taken from there
    /// rather than read again: `serve` passes the pages it loaded last time.
    func load(_ scan: SiteScan, unchanged: [String: LoadedPage] = [:]) throws(BuildFailure) -> LoadedSite {
        try checkFolders()
        var errors: [Diagnostic] = []
        let content = root.appendingPathComponent("Content")
        let templates = root.appendingPathComponent("Templates")

        var pageEntries: [Entry] = []
        var staticFiles: [StaticFile] = []
        var settingsFile: SourceFile?
        var dataFiles: [(fileName: String, file: SourceFile)] = []
        var unreadData: [String] = []
        for entry in walk(content, scan.content, errors: &errors) {
            if entry.relativePath == "site.yaml" {
                settingsFile = SiteLoader.read(entry.path, display: "Content/site.yaml", errors: &errors)
            } else if entry.relativePath.hasPrefix("data/") {
                let fileName = String(entry.relativePath.dropFirst("data/".count))
                let fileExtension = fileName.split(separator: ".").last.map { $0.lowercased() } ?? ""
                guard DataFile.extensions.contains(fileExtension), !fileName.contains("/") else {
                    // A note to the site's editors there (README) is what it seems.
                    if !fileName.uppercased().hasPrefix("README") { unreadData.append("Content/" + entry.relativePath) }
                    continue
                }
                if let file = SiteLoader.read(entry.path, display: "Content/" + entry.relativePath, errors: &errors) {
                    dataFiles.append((fileName, file))
                }
            } else if entry.relativePath.hasSuffix(".md") {
                pageEntries.append(entry)
            } else if let mistake = SiteLoader.misnamed(entry.relativePath) {
                // Copied as a file, a page's Markdown (a draft's as well) would be published as it is written.
                errors.append(.error(mistake, at: SourceLocation(path: "Content/" + entry.relativePath, line: 1, column: 1)))
            } else {
                staticFiles.append(StaticFile(origin: .content, source: entry.url, relativePath: entry.relativePath))
            }
        }

        var settings: SiteSettings?
        if let settingsFile {
            do { settings = try SiteSettings.parse(settingsFile) } catch { errors += error.diagnostics }
        } else if !errors.contains(where: { $0.location?.path == "Content/site.yaml" }) {
            // A site.yaml the scan refused (a FIFO, a link to nothing) is reported already.
            errors.append(.error("Content/site.yaml not found: it names the site's title and baseURL"))
        }
        // A page over the size limit is not even read: a build holds about thirty times a page's size.
        let limit = (settings ?? SiteSettings(title: "", baseURL: .root)).maxPageBytes
        pageEntries.removeAll { entry in
            guard entry.stamp.size > limit else { return false }
            let megabytes = (Double(entry.stamp.size) / 1_048_576 * 10).rounded() / 10
            errors.append(.error(
                "page is \(megabytes) MB, over the \(limit / 1_048_576) MB a page may have (maxPageMB in site.yaml): split it",
                at: SourceLocation(path: "Content/" + entry.relativePath, line: 1, column: 1)
            ))
            return true
        }

        // Reading and decoding pages is most of loading, on every core. A page not in the page cache
        // waits on the disk: one thread asks for every page ahead of the readers, so that the disk serves
        // many at once instead of each reader's one. When a sample of pages is cached (a tmpfs, a site
        // just edited or built), they all are likely to be, and asking would cost three system calls a
        // page on a core the readers need.
        let paths = pageEntries.map(\.path)
        let sample = stride(from: 0, to: paths.count, by: max(1, paths.count / 16)).map { paths[$0] }
        if unchanged.isEmpty, !sample.allSatisfy(FileBytes.isCached) { Thread { FileBytes.prefetch(paths) }.start() }
        let readPages = parallelMap(Array(pageEntries.indices)) { [pageEntries] index in
            let relativePath = pageEntries[index].relativePath
            if let known = unchanged[relativePath], known.stamp == pageEntries[index].stamp {
                return (Optional(ContentFile(relativePath: relativePath, file: known.file)), [Diagnostic]())
            }
            var problems: [Diagnostic] = []
            let file = SiteLoader.read(paths[index], display: "Content/" + relativePath, errors: &problems)
            return (file.map { ContentFile(relativePath: relativePath, file: $0) }, problems)
        }
        var pages = readPages.compactMap(\.0)
        errors += readPages.flatMap(\.1)

        var templateFiles: [TemplateFile] = []
        for entry in walk(templates, scan.templates, errors: &errors) {
            let parts = entry.relativePath.split(separator: "/", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            switch parts[0] {
            case "layouts", "partials":
                guard parts[1].hasSuffix(".html") else { continue }
                if let file = SiteLoader.read(entry.path, display: "Templates/" + entry.relativePath, errors: &errors) {
                    templateFiles.append(TemplateFile(
                        kind: parts[0] == "layouts" ? .layout : .partial,
                        name: String(parts[1].dropLast(".html".count)),
                        file: file
                    ))
                }
            case "i18n":
                // `Templates/i18n/<language code>.yaml`: the theme's words in that language.
                guard parts[1].hasSuffix(".yaml"), !parts[1].contains("/") else { continue }
                if let file = SiteLoader.read(entry.path, display: "Templates/" + entry.relativePath, errors: &errors) {
                    templateFiles.append(TemplateFile(kind: .strings, name: String(parts[1].dropLast(".yaml".count)), file: file))
                }
            case "assets":
                staticFiles.append(StaticFile(origin: .theme, source: entry.url, relativePath: entry.relativePath))
            default:
                continue
            }
        }

        if let settings, !settings.markdown.unsafe { errors += ScriptedFiles.errors(in: staticFiles) }
        var data = SiteData()
        do { data = try SiteData.load(dataFiles) } catch { errors += error.diagnostics }
        data.unread = unreadData
        guard errors.isEmpty, let settings else { throw BuildFailure(errors) }
        pages.sort { $0.relativePath < $1.relativePath }
        return LoadedSite(
            settings: settings, pages: pages, templates: templateFiles, staticFiles: staticFiles, data: data,
            settingsText: settingsFile?.text ?? ""
        )
    }

    private struct Entry: Sendable {
        var folder: URL
        var folderPath: String
        var relativePath: String
        /// Size and modification time, as scanned.
        var stamp: LoadedPage.Stamp

        /// A URL only for the few files copied as they are: making one looks at the disk to tell a folder
        /// from a file, and the pages are ten thousand.
        var url: URL { folder.appendingPathComponent(relativePath, isDirectory: false) }
        var path: String { folderPath + "/" + relativePath }
    }

    /// Files below a folder as scanned, hidden files skipped; a link that resolves outside the folder, a
    /// link to a folder, and whatever the scan refused are errors.
    private func walk(_ folder: URL, _ scanned: [ScannedFile], errors: inout [Diagnostic]) -> [Entry] {
        let display = folder.lastPathComponent
        let folderPath = folder.path
        return scanned.compactMap { file in
            if let refusal = file.refusal, file.link?.leavesFolder != true {
                let path = file.relativePath.isEmpty ? "\(display)/" : "\(display)/\(file.relativePath)"
                errors.append(.error("'\(path)' \(refusal)", at: SourceLocation(path: path, line: 1, column: 1)))
                return nil
            }
            if let link = file.link {
                if link.leavesFolder {
                    errors.append(.error(
                        "'\(display)/\(file.relativePath)' is a link to '\(link.target)', outside \(display)/; copy the file in instead",
                        at: SourceLocation(path: "\(display)/\(file.relativePath)", line: 1, column: 1)
                    ))
                    return nil
                }
                if link.isFolder {
                    errors.append(.error(
                        "'\(display)/\(file.relativePath)' is a link to the folder '\(link.target)', which Briefing does not follow "
                            + "(its pages would be there twice); move the folder here instead",
                        at: SourceLocation(path: "\(display)/\(file.relativePath)", line: 1, column: 1)
                    ))
                    return nil
                }
            }
            return Entry(folder: folder, folderPath: folderPath, relativePath: file.relativePath, stamp: LoadedPage.Stamp(size: file.size, modified: file.modified))
        }
    }

    static func read(_ path: String, display: String, errors: inout [Diagnostic]) -> SourceFile? {
        do {
            return try SourceFile(path: display, bytes: FileBytes.read(path))
        } catch let diagnostic as Diagnostic {
            errors.append(diagnostic)
        } catch let error as FileBytes.IOError {
            errors.append(.error("cannot read the file: \(error.message)", at: SourceLocation(path: display, line: 1, column: 1)))
        } catch {
            preconditionFailure("SourceFile and FileBytes throw only their own errors: \(error)")
        }
        return nil
    }

    private func isDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}

/// A page as loaded, with the size and modification time it had then: `serve` reads again only the pages
/// whose stamp changed.
struct LoadedPage: Sendable {
    struct Stamp: Sendable, Equatable {
        var size: Int
        var modified: Int
    }

    var stamp: Stamp
    var file: SourceFile
}

/// The files of a site's Content/ and Templates/ folders.
struct SiteScan: Sendable {
    var content: [ScannedFile]
    var templates: [ScannedFile]

    init(root: URL) {
        content = FolderScan.files(in: root.appendingPathComponent("Content"), keeping: SiteScan.publishedHiddenNames)
        templates = FolderScan.files(in: root.appendingPathComponent("Templates"))
    }

    /// Hidden names of Content/ that are published all the same: `.well-known/` (RFC 8615: security.txt,
    /// a domain's verification files) and GitHub Pages' `.nojekyll`. Every other hidden file (`.DS_Store`,
    /// `.git`, an editor's `.swp`) stays out of the site.
    static let publishedHiddenNames: Set<String> = [".well-known", ".nojekyll"]

    /// Size and modification time of every file, sorted by path from the site folder.
    var stamps: [FileStamp] {
        var stamps: [FileStamp] = []
        stamps.reserveCapacity(content.count + templates.count)
        for (folder, files) in [("Content/", content), ("Templates/", templates)] {
            // A link to a folder is refused, but stamped all the same: folders are not, so a link made since
            // the last build changed no stamp, and the build found nothing to do.
            for file in files {
                stamps.append(FileStamp(path: folder + file.relativePath, size: file.size, modified: file.modified))
            }
        }
        return stamps
    }
}

/// A file of the site as the file system describes it: enough to tell, without reading it, that it has
/// not changed since the last build.
struct FileStamp: Equatable {
    /// From the site folder: `Content/deterrence/tripwire.md`.
    var path: String
    var size: Int
    /// Microseconds since 1970.
    var modified: Int
}
