import BriefingTestSupport
import Foundation
@testable import BriefingKit
@testable import BriefingMarkdown
@testable import BriefingSupport

/// A site written as one string of files (`-- Content/a.md --` starts a file), in a fresh temporary
/// folder, built with the real pipeline. A class to own that folder: it goes when the fixture does,
/// rather than one per fixture piling up in the temporary directory on every test run.
final class SiteFixture {
    let root: URL

    init(_ files: String, templates: String = SiteFixture.templates) throws {
        root = try TemporaryFolder.make("briefing-fixture")
        try DefaultTheme.copyPartials(to: root)
        try write(templates)
        try write(files)
    }

    deinit {
        TemporaryFolder.remove(root)
    }

    /// Adds or replaces files, in the same `-- path --` form.
    func write(_ files: String) throws {
        try FileTree.write(files, to: root)
    }

    func writeBytes(_ bytes: [UInt8], to path: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    /// Runs git in the site folder (`Git.run`).
    func git(_ arguments: [String], date: String = "2026-03-01T12:00:00Z") throws {
        try Git.run(arguments, in: root, date: date)
    }

    /// Makes the site folder a checkout whose one commit, dated `date`, holds `paths`.
    func commitToNewCheckout(_ paths: [String] = ["Content"], date: String = "2026-03-01T12:00:00Z") throws {
        try git(["init", "-q"])
        try git(["add"] + paths)
        try git(["commit", "-qm", "Pages"], date: date)
    }

    func options(_ configure: (inout BuildOptions) -> Void = { _ in }) -> BuildOptions {
        var options = BuildOptions(source: root)
        options.now = Date(timeIntervalSince1970: 1_790_000_000)
        configure(&options)
        return options
    }

    @discardableResult
    func build(_ configure: (inout BuildOptions) -> Void = { _ in }) throws(BuildFailure) -> BuildReport {
        try SiteBuilder(options: options(configure)).build()
    }

    /// The diagnostics of a build that must fail, formatted as the command line prints them.
    func failure(_ configure: (inout BuildOptions) -> Void = { _ in }) -> [String] {
        do {
            try build(configure)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    func output(_ path: String) -> String? {
        try? String(contentsOf: root.appendingPathComponent("Output").appendingPathComponent(path), encoding: .utf8)
    }

    /// Every file under Output/ with its bytes, to prove a failed build changed nothing.
    func outputSnapshot() -> [String: Data] {
        let output = root.appendingPathComponent("Output")
        guard let enumerator = FileManager.default.enumerator(at: output, includingPropertiesForKeys: nil) else { return [:] }
        var files: [String: Data] = [:]
        for case let url as URL in enumerator {
            if let data = FileManager.default.contents(atPath: url.path),
               (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) != true {
                files[String(url.path.dropFirst(output.path.count + 1))] = data
            }
        }
        return files
    }

    /// Small layouts that print what a test needs to see, in the strict mode site builds use.
    static let templates = """
    -- Templates/layouts/base.html --
    <!doctype html><html lang="{{site.language}}"><title>{{page.title}}</title>{{$main}}{{/main}}</html>
    -- Templates/layouts/page.html --
    {{<base}}{{$main}}<h1>{{page.title}}</h1>{{#page.date}}<time datetime="{{iso}}">{{display}}</time>{{/page.date}}{{#page.authorLine}}<p class="by">{{.}}</p>{{/page.authorLine}}{{#page.hasToc}}<nav>{{#page.toc}}<a href="#{{id}}">{{title}}</a>{{/page.toc}}</nav>{{/page.hasToc}}{{{page.content}}}{{/main}}{{/base}}
    -- Templates/layouts/section.html --
    {{<base}}{{$main}}<h1>{{page.title}}</h1><ul>{{#pages}}<li><a href="{{url}}">{{title}}</a> {{excerpt}}</li>{{/pages}}</ul>{{/main}}{{/base}}
    -- Templates/layouts/home.html --
    {{<base}}{{$main}}<h1>{{site.title}}</h1>{{{page.content}}}<nav>{{#site.sections}}<a href="{{url}}">{{title}}</a>{{/site.sections}}</nav>{{/main}}{{/base}}
    -- Templates/layouts/404.html --
    {{<base}}{{$main}}<h1>{{page.title}}</h1><a href="{{site.homeURL}}">Home</a>{{/main}}{{/base}}
    -- Templates/assets/style.css --
    body { color: black; }
    """
}
