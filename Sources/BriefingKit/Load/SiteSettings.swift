import BriefingMarkdown
import BriefingSupport

/// `Content/site.yaml`: what the whole site shares.
public struct SiteSettings: Sendable {
    public var title: String
    public var baseURL: BaseURL
    public var language = "en"
    public var description: String?
    public var author: String?
    public var markdown = MarkdownOptions()
    public var tocLevels: ClosedRange<Int> = 2...3
    /// Pages per section list page; longer sections continue on /section/page/2/ and on.
    public var pageSize = 10
    /// How many related pages each page lists.
    public var relatedCount = 3
    /// A cited figure whose `asOf` is older than this many days gets a warning.
    public var staleFigureDays = 730
    /// A page larger than this many megabytes is an error: a build holds about thirty times a page's
    /// size while it renders it, so the limit bounds a build's memory.
    public var maxPageMB = 64
    var maxPageBytes: Int { maxPageMB * 1_048_576 }
    /// The site's languages, the default (`language`) first; one, at the root, unless site.yaml lists
    /// `languages`.
    public var languages: [Language]
    /// Where site.yaml sets `baseURL` (its first line when it does not), for warnings about it.
    var baseURLLocation: SourceLocation?
    /// Given by `--base-url` in place of site.yaml's.
    var baseURLFromCommandLine = false

    /// Pages in more than one language: file names carry language codes, and pages link their translations.
    public var isMultilingual: Bool { languages.count > 1 }

    public init(title: String, baseURL: BaseURL) {
        self.title = title
        self.baseURL = baseURL
        languages = [Language(code: "en", name: "en", prefix: "")]
    }

    static func parse(_ file: SourceFile) throws(BuildFailure) -> SiteSettings {
        let source = YAMLSource(file: file, yaml: file.text, lineOffset: 0)
        let root: YAMLNode?
        do { root = try source.compose() } catch { throw BuildFailure([error]) }
        guard let mapping = root?.mapping else {
            throw BuildFailure([file.error("site.yaml must be a mapping with at least 'title' and 'baseURL'", line: 1, column: 1)])
        }
        var errors: [Diagnostic] = []
        var settings = SiteSettings(title: "", baseURL: BaseURL.root)
        var hasTitle = false
        var languagesNode: YAMLNode?
        var languageNode: YAMLNode?
        for (keyNode, value) in mapping {
            let key = keyNode.scalarText ?? ""
            do throws(Diagnostic) {
                switch key {
                case "title":
                    settings.title = try text(value, key, source)
                    hasTitle = true
                case "baseURL", "baseUrl", "base_url":
                    let raw = try text(value, key, source)
                    guard let url = BaseURL(raw) else {
                        throw source.error(BaseURL.refusal("'baseURL'", raw), at: value)
                    }
                    if let name = BaseURL.fileName(in: raw) { throw source.error(BaseURL.fileNameMessage("baseURL", raw, name: name), at: value) }
                    settings.baseURL = url
                    settings.baseURLLocation = source.location(of: value)
                case "language", "languageCode":
                    let written = try text(value, key, source)
                    // `english` was looked for as Templates/i18n/english.yaml, in a message with no place.
                    guard let code = Language.canonicalCode(written) else {
                        throw source.error("'\(written)' is not a language code: use a BCP 47 tag like en, ko or pt-BR", at: value)
                    }
                    settings.language = code
                    languageNode = value
                case "description": settings.description = try text(value, key, source)
                case "author": settings.author = try text(value, key, source)
                case "markdown": settings.markdown = try markdownOptions(value, source)
                case "toc": settings.tocLevels = try HeadingLevels.read(value, source: source, site: true)
                case "paginate": settings.pageSize = try count(value, key, source, upTo: 10_000)
                case "related": settings.relatedCount = try count(value, key, source, upTo: 100)
                case "staleFigureDays": settings.staleFigureDays = try count(value, key, source, upTo: 36_500)
                case "maxPageMB": settings.maxPageMB = try count(value, key, source, upTo: 1_024)
                case "languages": languagesNode = value
                default:
                    throw source.error("unknown setting '\(key)' (known: \(known))", at: keyNode)
                }
            } catch {
                errors.append(error)
            }
        }
        if settings.baseURLLocation == nil { settings.baseURLLocation = file.location(line: 1, column: 1) }
        if !hasTitle, errors.isEmpty {
            errors.append(file.error("site.yaml needs a 'title'", line: 1, column: 1))
        }
        do throws(Diagnostic) {
            settings.languages = try languagesNode.map { node throws(Diagnostic) in
                try Language.parseList(node, defaultCode: settings.language, at: languageNode, source: source)
            } ?? [Language(code: settings.language, name: settings.language, prefix: "")]
        } catch {
            errors.append(error)
        }
        if !errors.isEmpty { throw BuildFailure(errors) }
        return settings
    }

    private static let known = "title, baseURL, language, description, author, markdown, toc, paginate, related, staleFigureDays, maxPageMB, languages"

    /// A whole number from 1 to `limit`: a limit far past any real site's, that keeps the arithmetic
    /// made with the value (pages of a list, bytes of a page) from overflowing.
    private static func count(_ node: YAMLNode, _ key: String, _ source: YAMLSource, upTo limit: Int) throws(Diagnostic) -> Int {
        guard node.tagName == .int, let value = node.int, (1...limit).contains(value) else {
            throw source.error("'\(key)' must be a whole number from 1 to \(limit)", at: node)
        }
        return value
    }

    private static func text(_ node: YAMLNode, _ key: String, _ source: YAMLSource) throws(Diagnostic) -> String {
        guard let value = node.scalarText, !node.isNull, !value.isEmpty else {
            throw source.error("'\(key)' must be non-empty text", at: node)
        }
        return value
    }

    private static func markdownOptions(_ node: YAMLNode, _ source: YAMLSource) throws(Diagnostic) -> MarkdownOptions {
        guard let mapping = node.mapping else {
            throw source.error("'markdown' must be a mapping, like {smartPunctuation: true, unsafe: false}", at: node)
        }
        var options = MarkdownOptions()
        for (keyNode, value) in mapping {
            let key = keyNode.scalarText ?? ""
            if let word = value.yaml11BooleanWord {
                throw source.error("'markdown.\(key)' must be true or false, not '\(word)' (YAML 1.1's yes, no, on and off are not accepted)", at: value)
            }
            guard value.tagName == .bool, let flag = value.bool else {
                throw source.error("'markdown.\(key)' must be true or false", at: value)
            }
            switch key {
            case "smartPunctuation", "smart": options.smartPunctuation = flag
            case "unsafe": options.unsafe = flag
            default: throw source.error("unknown Markdown option '\(key)' (known: smartPunctuation, unsafe)", at: keyNode)
            }
        }
        return options
    }
}
