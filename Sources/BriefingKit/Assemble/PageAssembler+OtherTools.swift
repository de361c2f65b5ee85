import BriefingSupport
import Foundation

/// What Hugo and Jekyll sites hold that Briefing would publish otherwise than they do.
extension PageAssembler {
    /// Files that Hugo or Jekyll publish otherwise than their names say here: Jekyll keeps `_drafts/` out
    /// of the site, which would publish them; Hugo makes `my-post/index.md` the page `my-post/`, which would
    /// be `my-post/index/` beside a section page made up for the folder.
    func refuseOtherToolsLayout(_ content: ContentFile, folder: ArraySlice<String>, stem: String, draft: Bool) throws(Diagnostic) {
        if !draft, let drafts = folder.firstIndex(where: { $0 == "_drafts" }) {
            let path = folder[...drafts].joined(separator: "/")
            throw content.file.error(
                "Content/\(path)/ is published like any folder (Jekyll leaves its _drafts out): give this page 'draft: true', "
                    + "or move it to the section it is to be published in",
                line: 1, column: 1
            )
        }
        if stem == "index" {
            let name = folder.last.map { "\($0).md" } ?? "a name of its own"
            let address = folder.isEmpty ? "index/" : folder.joined(separator: "/") + "/index/"
            throw content.file.error(
                "a page named index.md is published at \(address) (pages take their file's name): name it \(name)"
                    + (folder.isEmpty ? "" : " in the folder above")
                    + ", or _index.md if it is the \(folder.isEmpty ? "home page" : "section's own page")",
                line: 1, column: 1
            )
        }
    }

    /// Hugo's and Jekyll's summary divider, `<!--more-->`, in a page without a `summary`: the text above it
    /// was meant as the page's summary, and Briefing sums a page up by its first paragraph instead.
    static func summaryDivider(in frontMatter: FrontMatter) -> (line: Int, message: String)? {
        let body = frontMatter.body
        guard PlainText.contains("<!--more-->", in: body), let range = body.range(of: "<!--more-->") else { return nil }
        let line = frontMatter.bodyLineOffset + body[..<range.lowerBound].utf8.count { $0 == UInt8(ascii: "\n") } + 1
        return (line, "'<!--more-->' (Hugo's and Jekyll's summary divider) is not read: a page is summed up by 'summary:' in its front matter, "
            + "else by its first paragraph; write the summary there")
    }

    /// `news/x.ko.md` beside `news/x.md` on a site of one language: a translation, by its name, that the
    /// site publishes as a page of its own, `news/x.ko/`, in the site's language. (A single-language site
    /// reads no language from names, so `node.js.md` stays a page of its own name.)
    func translationsOfOneLanguageSite(_ files: [ContentFile]) -> [Diagnostic] {
        let paths = Set(files.lazy.map(\.relativePath))
        return files.compactMap { file in
            let stem = file.relativePath.dropLast(".md".count)
            guard let (name, code) = Language.nameAndCode(stem), paths.contains(name + ".md") else { return nil }
            return file.file.diagnostic(
                .warning, "this file's name makes it the '\(code)' version of \(name).md, but the site has one language: it is published as a page "
                    + "of its own, \(stem)/, in \(settings.languages[0].code); add '\(code)' to 'languages' in site.yaml to publish it as a translation",
                at: file.file.location(line: 1, column: 1)
            )
        }
    }

    /// Hugo's `static/` beside Content/, brought with a site: none of its files was published (a favicon,
    /// GitHub Pages' `CNAME`, the images its pages show), and only a link to one of them said so.
    func hugoStaticFolder() -> Diagnostic? {
        guard let siteRoot, Self.holdsHugoStaticFiles(siteRoot) else { return nil }
        return .warning(
            "static/ beside Content/ is Hugo's folder of files to publish as they are, and Briefing does not read it: "
                + "move its files into Content/ (static/images/map.png to Content/images/map.png), where they are published at the same addresses"
        )
    }

    /// Whether `static/` beside Content/ holds files, which no stamp of a build covers.
    static func holdsHugoStaticFiles(_ siteRoot: URL) -> Bool {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: siteRoot.appendingPathComponent("static").path)) ?? []
        return files.contains { !$0.hasPrefix(".") }
    }
}
