import BriefingMarkdown
import BriefingSupport
import BriefingTemplates
import Foundation

/// Images that do not make the page jump as they load: a local image gets the `width` and `height` its
/// file declares (`ImageSize`), every image but the page's first loads lazily, and an image with a title
/// that stands alone in its paragraph becomes a `<figure>` whose caption is the title. The HTML is the
/// theme's `image` and `image-figure` partials. With `briefing check`, an image over 1 MB is a warning;
/// an image that leads to nothing is an error from `InternalLinks`.
///
/// Files are looked up before `InternalLinks` rewrites the image's URL, and the HTML is made once every
/// transform ran, from the URL it left.
struct Images: DocumentTransform {
    static let largeBytes = 1_000_000
    /// Content/ on disk, where image headers are read; nil where there are no files (a unit test).
    let contentFolder: URL?
    let contentFiles: Set<String>
    /// `briefing check`: warn of image files over 1 MB, and of files named as images that are none.
    var checksImageFiles = false

    func apply(to document: MarkdownDocument, context: inout TransformContext) {
        let images = Self.outermost(context.links(in: document).filter { $0.kind == .image })
        guard !images.isEmpty else { return }
        let folder = context.page.source.folder
        var sizes: [ImageSize?] = []
        var ids: [String?] = []
        var marked: [Language?] = []
        // A file shown many times on a page is read once.
        var read: [String: ImageSize.File?] = [:]
        for image in images {
            if let url = image.url, let service = Self.sharingPage(url) {
                context.diagnostics.warning(Self.sharingPageMessage(url, service: service, markdown: true), at: image)
            }
            sizes.append(size(of: image, from: folder, read: &read, context: &context))
            // A title ending in `{#id}` numbers the image as a figure and lets the page cite it.
            var id: String?
            if let title = image.title, let (rest, found) = CrossReferences.trailingID(title) {
                image.title = rest
                if let refusal = Self.figureRefusal(image, caption: rest) {
                    context.diagnostics.error("'{#\(found)}' numbers this image as a figure, \(refusal)", at: image)
                    context.numbered.refuse(found)
                } else if context.number(.figure, id: found, at: context.diagnostics.position(of: "{#" + found + "}", in: image)) {
                    id = found
                }
            } else if let braces = image.title.flatMap(CrossReferences.trailingNonID) {
                context.diagnostics.warning(CrossReferences.nonIDMessage(braces, in: "image's title"), at: context.diagnostics.position(of: braces, in: image))
            }
            ids.append(id)
            // A numbered figure's "Figure 2" is the page's words, also in a quotation in another language.
            marked.append(id == nil ? nil : LanguageQuotes.pageLanguage(around: image, context: context))
        }
        context.whenAllTransformsRan { context in
            for (index, (image, size)) in zip(images, sizes).enumerated() {
                Images.render(image, size: size, id: ids[index], marked: marked[index], lazy: index > 0, document: document, context: &context)
            }
        }
    }

    /// The warning for an image whose address is a sharing page, with the fix written as the image was:
    /// in Markdown or in raw HTML.
    static func sharingPageMessage(_ url: String, service: String, markdown: Bool) -> String {
        "image '\(url)' is \(service) page that shows the image, not the image file, so readers see a broken image: "
            + "download the image, put it in Content/ beside the page and write its name, as "
            + (markdown ? "![…](photo.jpg)" : "<img src=\"photo.jpg\" alt=\"…\">")
    }

    /// The service whose sharing link an address is, when it leads to a page around the image (a file's
    /// "Share" link, pasted as an image): "a Google Drive", "a Dropbox"; nil for any other address.
    static func sharingPage(_ url: String) -> String? {
        guard let schemeEnd = url.range(of: "://"), ["http", "https"].contains(url[..<schemeEnd.lowerBound].lowercased()) else { return nil }
        let rest = url[schemeEnd.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let host = authority.split(separator: "@").last.map { $0.split(separator: ":").first ?? "" }.map { $0.lowercased() } ?? ""
        let path = rest.dropFirst(authority.count)
        // An address that names an image file (`imgur.com/abc.jpg`) leads to it.
        let file = path.prefix { $0 != "?" && $0 != "#" }.split(separator: ".").last.map { $0.lowercased() } ?? ""
        switch host {
        // `uc?export=view` serves the file itself, and `thumbnail?id=…` a picture of it.
        case "drive.google.com": return path.hasPrefix("/uc") || path.hasPrefix("/thumbnail") ? nil : "a Google Drive"
        case "docs.google.com": return "a Google Docs"
        case "photos.google.com", "photos.app.goo.gl": return "a Google Photos"
        // `?raw=1`, `?dl=1` and `dl.dropboxusercontent.com` serve the file itself.
        case "www.dropbox.com", "dropbox.com": return path.contains("raw=1") || path.contains("dl=1") ? nil : "a Dropbox"
        case "onedrive.live.com", "1drv.ms": return "a OneDrive"
        case "imgur.com", "www.imgur.com", "m.imgur.com": return ImageSize.rasterExtensions.contains(file) ? nil : "an Imgur"
        case "www.icloud.com", "icloud.com", "share.icloud.com": return "an iCloud"
        case _ where host.hasSuffix(".sharepoint.com"): return "a SharePoint"
        default: return nil
        }
    }

    /// Why an image with an id can be no figure, if it cannot: a figure is a paragraph of its own with a
    /// caption, and a reference to "Figure 2" must find one so labelled. A paragraph with no place in the
    /// source is a table's cell, and one with more after the image a note's last, which ends with its links back.
    private static func figureRefusal(_ image: MarkdownNode, caption: String) -> String? {
        guard let paragraph = image.parent, paragraph.kind == .paragraph, firstContent(of: paragraph) == image, image.next == nil,
              paragraph.start.line > 0
        else {
            return "which must stand alone in a paragraph of its own, not in a heading, a table cell, a link, a note's last "
                + "paragraph or a line of text: give it lines of its own with a blank line before and after, or remove the id"
        }
        guard !caption.allSatisfy(\.isWhitespace) else {
            return "whose title is its caption: write the caption before the id, like \"Where the troops are {#bases}\""
        }
        return nil
    }

    /// The paragraph's first inline but for a callout's or quotation's `[!KIND]` line, which is gone
    /// before the image is made: an image on the line under `> [!NOTE]` stands alone in the callout.
    private static func firstContent(of paragraph: MarkdownNode) -> MarkdownNode? {
        guard let quote = paragraph.parent, quote.kind == .blockQuote, quote.firstChild == paragraph, let marker = MarkerLine(paragraph),
              let lineEnd = marker.nodes.last, lineEnd.kind == .softBreak || lineEnd.kind == .lineBreak
        else { return paragraph.firstChild }
        return lineEnd.next
    }

    /// The images not inside another image's description, where cmark shows an image as its alt text
    /// only. Each kept image's subtree is walked once for those it holds, so that nested images cost what
    /// flat ones do.
    private static func outermost(_ images: [MarkdownNode]) -> [MarkdownNode] {
        var nested = Set<MarkdownNode>()
        var kept: [MarkdownNode] = []
        for image in images where !nested.contains(image) {
            kept.append(image)
            guard image.firstChild != nil else { continue }
            nested.formUnion(image.descendants(ofKind: .image))
        }
        return kept
    }

    /// The image's size when it is a file of Content/; an error when it should be one and is not.
    private func size(
        of image: MarkdownNode, from folder: String, read: inout [String: ImageSize.File?], context: inout TransformContext
    ) -> ImageSize? {
        guard let url = image.url, !url.isEmpty, !url.hasPrefix("//"), !url.hasPrefix("#"), !InternalLinks.hasScheme(url) else { return nil }
        let (path, _, _) = InternalLinks.split(url)
        let decoded = InternalLinks.percentDecoded(path)
        guard !decoded.isEmpty else { return nil }
        let isRootRelative = decoded.hasPrefix("/")
        // Only files of Content/ have a header to read here; whether any other URL leads somewhere the
        // site publishes (a theme asset, a file written against the published page) is `InternalLinks`'s
        // to say, as for every link.
        // The file's name as it is on disk: a name typed in the other Unicode form (NFC, NFD) finds the
        // file, but the file system opens only the bytes it holds.
        guard let typed = InternalLinks.normalize(decoded, from: isRootRelative ? "" : folder), let index = contentFiles.firstIndex(of: typed) else {
            return nil
        }
        let target = contentFiles[index]
        guard let contentFolder else { return nil }
        if read[target] == nil { read[target] = ImageSize.read(contentFolder.appendingPathComponent(target)) }
        guard let file = read[target] ?? nil else { return nil }
        Self.check(file, named: target, url: url, image: image, context: &context)
        if checksImageFiles, file.bytes > Images.largeBytes {
            let megabytes = (Double(file.bytes) / 100_000).rounded() / 10
            context.diagnostics.warning(
                "image '\(url)' is \(megabytes) MB; over 1 MB it slows the page on a phone: resize or compress it", at: image
            )
        }
        return file.size
    }

    /// Warnings about a file no browser shows as an image, in every build: readers see a broken image.
    private static func check(_ file: ImageSize.File, named target: String, url: String, image: MarkdownNode, context: inout TransformContext) {
        // `photo.png` that is a HEIC or a PDF renamed: browsers show a broken image.
        let fileExtension = target.split(separator: ".").last.map { $0.lowercased() } ?? ""
        if !file.isRaster, ImageSize.rasterExtensions.contains(fileExtension) {
            context.diagnostics.warning(
                "image '\(url)' is named .\(fileExtension) but is no PNG, JPEG, GIF or WebP file, which browsers may not show: save it again in one of them",
                at: image
            )
        }
        // A phone's photo (HEIC) or a print file, which most browsers show as a broken image.
        if ["heic", "heif", "tif", "tiff", "psd", "ai", "eps", "raw", "dng", "cr2", "nef"].contains(fileExtension) {
            context.diagnostics.warning(
                "image '\(url)' is a .\(fileExtension) file, which most browsers cannot show (Chrome, Firefox and Edge among them): export it as JPEG, PNG or WebP",
                at: image
            )
        }
        // A document shown as an image: a link to it is what was meant.
        if ["pdf", "doc", "docx", "ppt", "pptx", "xls", "xlsx", "hwp", "hwpx"].contains(fileExtension) {
            context.diagnostics.warning(
                "image '\(url)' is a .\(fileExtension) document, which browsers do not show as an image: link to it, [title](\(url)), "
                    + "or show a picture of it (PNG, JPEG or WebP)",
                at: image
            )
        }
    }

    private static func render(
        _ image: MarkdownNode, size: ImageSize?, id: String?, marked: Language?, lazy: Bool, document: MarkdownDocument, context: inout TransformContext
    ) {
        // cmark drops a URL that may not be linked (in safe mode); so does its own rendering, kept here.
        guard let url = image.url, LinkURL.isAllowed(url) else { return }
        // A caption gets the curly quotes and dashes of the prose around it, as its alt text does.
        let title = document.options.smartPunctuation ? PlainText.smartened(image.title ?? "") : image.title ?? ""
        let paragraph = image.parent
        // A table's cell is a paragraph with no place in the source: an image there stays inline.
        let standsAlone = !title.isEmpty && paragraph?.kind == .paragraph && paragraph?.firstChild == image && image.next == nil
            && (paragraph?.start.line ?? 0) > 0
        let number = id.flatMap { context.numbered.number(of: $0, kind: .figure) }
        do throws(Diagnostic) {
            let html = try context.theme.html("image", [
                "id": standsAlone ? .null : id.map(TemplateValue.string) ?? .null,
                "src": .string(LinkURL.hrefEncoded(url)), "alt": .string(image.plainText), "title": standsAlone || title.isEmpty ? .null : .string(title),
                "width": size.map { .int($0.width) } ?? .null, "height": size.map { .int($0.height) } ?? .null, "lazy": .bool(lazy),
            ], language: context.page.language)
            if standsAlone, let paragraph {
                let figure = try context.theme.html("image-figure", .map(TemplateMap([
                    ("image", .html(html)), ("caption", .string(title)), ("id", id.map(TemplateValue.string) ?? .null),
                    ("numberLabel", number.map { .string(NumberedElements.Kind.figure.label($0, in: context.theme.strings[context.page.language])) } ?? .null),
                ] + ThemeHTML.pageLanguage(marked))), language: context.page.language)
                try? paragraph.replace(with: document.makeCustomBlock(onEnter: figure + "\n", onExit: ""))
            } else {
                try? image.replace(with: document.makeCustomInline(onEnter: html, onExit: ""))
            }
        } catch {
            context.diagnostics.append(error)
        }
    }
}
