import BriefingSupport

/// One language of the site, from `languages:` in site.yaml: its code (`ko`, `pt-BR`), its name in
/// itself, its writing direction, the folder its pages are published under, and the site's title and
/// description in it. A site without `languages:` has one, the `language:` setting, at the root.
public struct Language: Sendable, Hashable {
    public enum Direction: String, Sendable {
        case ltr, rtl
    }

    /// A BCP 47 tag as `lang` and `hreflang` take it.
    public var code: String
    /// The language's own name (`한국어`), shown in the language switcher.
    public var name: String
    public var direction: Direction = .ltr
    /// The route every page in the language starts with: empty at the root, else `ko/`.
    public var prefix: String
    public var title: String?
    public var description: String?
    public var author: String?
    /// Where site.yaml names it, for errors about its prefix.
    public var location: SourceLocation?
    public var sourceLine: String?
    /// Where site.yaml sets its `prefix`, when it does.
    var prefixLocation: SourceLocation?
    var prefixLine: String?

    public init(code: String, name: String, prefix: String) {
        self.code = code
        self.name = name
        self.prefix = prefix
    }

    /// `en`, `ko`, `zh-Hant`, `pt-BR`: a primary language subtag of two or three letters, then subtags
    /// of letters and digits. Only the shape is checked; the code is the editor's to choose.
    static func isCode(_ text: Substring) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let primary = parts.first, (2...3).contains(primary.utf8.count),
              primary.utf8.allSatisfy({ (0x61...0x7A).contains($0) })
        else { return false }
        return parts.dropFirst().allSatisfy { part in
            (1...8).contains(part.utf8.count) && part.utf8.allSatisfy(PlainText.isASCIIAlphanumeric)
        }
    }

    /// `budget.ko` → `budget` and `ko`: a name that ends in a language code after its last dot, as a site
    /// of several languages reads a file's name; nil for `v1.2`, `node` or a code in other letters (`x.KO`).
    static func nameAndCode(_ name: Substring) -> (name: Substring, code: Substring)? {
        guard let dot = name.lastIndex(of: "."), case let code = name[name.index(after: dot)...], isCode(code) else { return nil }
        return (name[..<dot], code)
    }

    /// The language a code names, without its script or region, in lower case: `ko` of `ko-KR`, `pt` of `PT_br`.
    static func primarySubtag(of code: String) -> String {
        code.prefix { $0 != "-" && $0 != "_" }.lowercased()
    }

    /// A code written in any case (`KO`, `zh-hant-tw`) as BCP 47 recommends writing it (`ko`,
    /// `zh-Hant-TW`): tags are the same in any case, and front matter or a quote may be typed either way.
    /// Nil when it is no code.
    static func canonicalCode(_ text: String) -> String? {
        var isPrivate = false
        let cased = text.split(separator: "-", omittingEmptySubsequences: false).enumerated().map { index, part -> String in
            let letters = part.allSatisfy { $0.isASCII && $0.isLetter }
            defer { if part.count == 1 { isPrivate = true } }
            if index == 0 || isPrivate { return part.lowercased() }
            if part.count == 4, letters { return part.prefix(1).uppercased() + part.dropFirst().lowercased() }
            return part.count == 2 && letters ? part.uppercased() : part.lowercased()
        }.joined(separator: "-")
        return isCode(Substring(cased)) ? cased : nil
    }

    /// The direction a code's script is written in: its script subtag's (`az-Arab`, `ku-Latn`), else
    /// that of the language's usual script (`ar`, `he`, and `iw`, Hebrew's old code).
    static func direction(ofCode code: String) -> Direction {
        let parts = code.split(separator: "-")
        // A script subtag comes before any extension (`ar-EG-u-nu-latn` is Arabic with Latin digits).
        let subtags = parts.dropFirst().prefix { $0.count > 1 }
        if let script = subtags.first(where: { $0.count == 4 && $0.allSatisfy { $0.isASCII && $0.isLetter } }) {
            return rightToLeftScripts.contains(script.prefix(1).uppercased() + script.dropFirst().lowercased()) ? .rtl : .ltr
        }
        return rightToLeftLanguages.contains(parts.first?.lowercased() ?? "") ? .rtl : .ltr
    }

    /// Primary language subtags of languages written right to left in their usual script (Kurdish, `ku`,
    /// is most often written in Latin letters; Sorani, `ckb`, in Arabic).
    static let rightToLeftLanguages: Set<String> = [
        "ar", "arc", "ckb", "dv", "fa", "he", "iw", "ji", "ks", "ps", "sd", "syr", "ug", "ur", "yi",
    ]
    /// Script subtags of scripts written right to left.
    static let rightToLeftScripts: Set<String> = ["Adlm", "Arab", "Armi", "Hebr", "Mand", "Mend", "Nkoo", "Rohg", "Samr", "Syrc", "Thaa", "Yezi"]

    /// `languages:` in site.yaml: a mapping from each code to its settings (`name`, `direction`, `prefix`,
    /// `title`, `description`, `author`), in the order the switcher shows them; the default language
    /// (`language:`) is published at the root unless it sets a prefix, the others under their code.
    /// `defaultNode` is where site.yaml sets the default language, when it does.
    static func parseList(_ node: YAMLNode, defaultCode: String, at defaultNode: YAMLNode?, source: YAMLSource) throws(Diagnostic) -> [Language] {
        guard let mapping = node.mapping, !mapping.isEmpty else {
            throw source.error("'languages' must be a mapping from each language code to its settings, like {en: {name: English}, ko: {name: 한국어}}", at: node)
        }
        var languages: [Language] = []
        for (codeNode, value) in mapping {
            // Tags are the same in any case: `KO` is `ko`, as it is in front matter.
            guard let code = canonicalCode(codeNode.scalarText ?? "") else {
                throw source.error("'\(codeNode.scalarText ?? "")' is not a language code: use a BCP 47 tag like en, ko or pt-BR", at: codeNode)
            }
            guard !languages.contains(where: { $0.code == code }) else {
                throw source.error("language '\(code)' is listed twice", at: codeNode)
            }
            var language = Language(code: code, name: code, prefix: code == defaultCode ? "" : code + "/")
            language.location = source.location(of: codeNode)
            language.sourceLine = source.file.line(codeNode.line + source.lineOffset)
            if !value.isNull {
                guard let settings = value.mapping else {
                    throw source.error("the settings of language '\(code)' must be a mapping, like {name: 한국어, direction: ltr}", at: value)
                }
                for (keyNode, setting) in settings {
                    let key = keyNode.scalarText ?? ""
                    guard let text = setting.scalarText, !setting.isNull else {
                        throw source.error("'languages.\(code).\(key)' must be text", at: setting)
                    }
                    switch key {
                    case "name": language.name = text
                    case "direction", "dir":
                        guard let direction = Direction(rawValue: text) else {
                            throw source.error("'languages.\(code).\(key)' must be ltr or rtl", at: setting)
                        }
                        language.direction = direction
                    case "prefix":
                        let trimmed = text.split(separator: "/").joined(separator: "/")
                        // A hidden folder (`.fr`) is published but never served by `serve`, nor by many hosts.
                        guard trimmed.isEmpty || trimmed.split(separator: "/").allSatisfy({ Slug.isSafe(String($0)) && !$0.hasPrefix(".") }) else {
                            throw source.error("'languages.\(code).prefix' must be a folder name of letters, digits, '-', '_' or '.', not starting with '.' (or folders of such names: 'intl/ko'), or empty for the root", at: setting)
                        }
                        language.prefixLocation = source.location(of: setting)
                        language.prefixLine = source.file.line(setting.line + source.lineOffset)
                        language.prefix = trimmed.isEmpty ? "" : trimmed + "/"
                    case "title": language.title = text
                    case "description": language.description = text
                    case "author": language.author = text
                    default:
                        throw source.error("unknown language setting '\(key)' (known: name, direction, prefix, title, description, author)", at: keyNode)
                    }
                }
            }
            languages.append(language)
        }
        guard let defaultIndex = languages.firstIndex(where: { $0.code == defaultCode }) else {
            let codes = languages.map(\.code).joined(separator: ", ")
            throw source.error("the default language '\(defaultCode)' (setting 'language') is not in 'languages' (\(codes))", at: defaultNode ?? node)
        }
        // The default language first: page and section keys of the first language are plain folder paths.
        languages.insert(languages.remove(at: defaultIndex), at: 0)
        var prefixes: [String: String] = [:]
        for language in languages {
            if let other = prefixes.updateValue(language.code, forKey: language.prefix) {
                // At the prefix that repeats another's, or at the language when its prefix is the default one.
                throw .error(
                    "languages '\(other)' and '\(language.code)' have the same prefix '\(language.prefix)'",
                    at: language.prefixLocation ?? language.location, sourceLine: language.prefixLocation == nil ? language.sourceLine : language.prefixLine
                )
            }
        }
        return languages
    }
}
