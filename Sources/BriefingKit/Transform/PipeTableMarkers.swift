import BriefingMarkdown
import BriefingSupport

extension PipeTables {
    /// What a caption line and a source line start with: `Table:` and `Source:` (or `Sources:`), and the
    /// words of the page's language (`표:`, `출처:` or `자료:`; the string table's `tableCaptionMarker` and
    /// `tableSourceMarker`, each text or a list).
    struct Markers {
        var caption = ["Table:"]
        var source = ["Sources:", "Source:"]
        /// The words to suggest: the language's own first one (`출처:`, `표:`) where its table has them, else the English.
        private(set) var ownCaption = "Table:"
        private(set) var ownSource = "Source:"

        init(_ strings: StringTable) {
            let captions = strings.texts("tableCaptionMarker"), sources = strings.texts("tableSourceMarker")
            caption += captions.filter { !caption.contains($0) }
            source += sources.filter { !source.contains($0) }
            ownCaption = captions.first ?? ownCaption
            ownSource = sources.first ?? ownSource
        }

        /// These and, inside a `[!LANG] ko` quotation, that language's (`출처:` in a Korean quotation on
        /// an English page), when the site has its words.
        func inQuotation(around node: MarkdownNode, context: TransformContext) -> Markers {
            guard node.parent?.kind != .document,
                  let quoted = LanguageQuotes.quotation(around: node, languages: context.model.languages),
                  let index = context.model.languages.firstIndex(where: { $0.code == quoted.code }), index != context.page.language
            else { return self }
            var markers = self
            let own = Markers(context.theme.strings[index])
            markers.caption += own.caption.filter { !caption.contains($0) }
            markers.source += own.source.filter { !source.contains($0) }
            return markers
        }

        /// Whether a line starts with a marker, as typed: raw lines keep the `*` or `_` of emphasis around it.
        func startsSource(_ text: String) -> Bool { Self.match(source, in: Self.unemphasized(text), numbered: false) != nil }
        func startsCaption(_ text: String) -> Bool { Self.match(caption, in: Self.unemphasized(text), numbered: true) != nil }

        private static func unemphasized(_ text: String) -> Substring {
            text.drop { $0 == "*" || $0 == "_" }
        }

        /// Where the first of the markers that starts the text ends, and the number typed after a
        /// caption's word (`Table 1:`, `표 2.`); nil when none starts it.
        static func match(_ markers: [String], in text: Substring, numbered: Bool) -> (end: String.Index, number: Int?)? {
            markers.lazy.compactMap { match($0, in: text, numbered: numbered) }.first
        }

        /// Where a marker ends in text that starts with it, as editors type it: in capitals or not
        /// (`SOURCE:`), its colon ASCII or full-width (`표：`, as Korean and Japanese input methods write it),
        /// with a space before it or not (`출처 :`); and for a caption with the number the editor gave the
        /// table (`Table 1:` or `Table 1.`, a word processor's habit; `<표 3>` or `[표 3]`, a Korean
        /// report's). A label the build's numbers cannot give (a chapter's `Table 2.1:`, `Table IV:`,
        /// `Table A1:`) ends at the marker's start: the caption is the whole line, as typed.
        static func match(_ marker: String, in text: Substring, numbered: Bool) -> (end: String.Index, number: Int?)? {
            let stem = self.stem(of: marker)
            guard stem.count < marker.count else {
                return text.hasPrefix(marker) ? (text.index(text.startIndex, offsetBy: marker.count), nil) : nil
            }
            if numbered, let first = text.first, let closing = bracketPairs[first] {
                return bracketed(stem, closing: closing, in: text)
            }
            guard let stemEnd = startIgnoringCase(stem, of: text) else { return nil }
            var rest = text[stemEnd...]
            let spaced = rest.first == " "
            if spaced { rest = rest.dropFirst() }
            var number: Int?
            if numbered, let label = label(at: rest, spaced: spaced) {
                if let digits = Int(label) {
                    number = digits
                    rest = rest.dropFirst(label.count)
                    if rest.first == " " { rest = rest.dropFirst() }
                } else {
                    var after = rest.dropFirst(label.count)
                    if after.first == " " { after = after.dropFirst() }
                    // `Table IV. …` as well as `Table IV: …`.
                    guard let colon = after.first, colon == ":" || colon == "：" || colon == "." && after.dropFirst().first == " " else { return nil }
                    return (text.startIndex, nil)
                }
            }
            guard let colon = rest.first, colon == ":" || colon == "：" || number != nil && colon == "." else { return nil }
            return (rest.index(after: rest.startIndex), number)
        }

        /// The table's label typed after the caption's word, without a `.` that ends it: digits (`1`, or `1.`
        /// before a sentence-like `Table 1. …`), or after a space one that starts with a digit or a capital
        /// (`2.1`, `3-1`, `IV`, `A1`), or a Roman numeral in small letters or Unicode's (`iv`, `Ⅳ`).
        private static func label(at text: Substring, spaced: Bool) -> Substring? {
            let whole = text.prefix(while: isLabelCharacter)
            let label = whole.hasSuffix(".") ? whole.dropLast() : whole
            guard let first = label.first else { return nil }
            if label.count <= 4, label.allSatisfy({ $0.isASCII && $0.isNumber }) { return label }
            return spaced && (first.isNumber || first.isUppercase || isRomanNumeral(label)) ? label : nil
        }

        private static func isLabelCharacter(_ character: Character) -> Bool {
            character.isASCII && (character.isLetter || character.isNumber) || character == "." || character == "-"
                || character.unicodeScalars.allSatisfy { (0x2160...0x217F).contains($0.value) }
        }

        /// `iv`, `xii`, `Ⅳ`, `ⅻ`: numerals a report numbers its tables with. Small letters only up to
        /// 39 (`x`, `v`, `i`), so that a word of them (`mix`, `did`) stays a word.
        private static func isRomanNumeral(_ label: Substring) -> Bool {
            if label.unicodeScalars.allSatisfy({ (0x2160...0x217F).contains($0.value) }) { return true }
            guard label.count <= 6, label.allSatisfy({ "ivx".contains($0) }) else { return false }
            // Tens, then units: `x{0,3}(ix|iv|v?i{0,3})`.
            let units = label.drop { $0 == "x" }
            guard label.count - units.count <= 3 else { return false }
            return ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"].contains(units)
        }

        /// The brackets a Korean report puts around a caption's word and number: `<표 3>`, `[표 3]`,
        /// `〈표 3〉`, `《표 3》`, `【표 3】`, and their full-width forms.
        private static let bracketPairs: [Character: Character] = [
            "<": ">", "[": "]", "〈": "〉", "《": "》", "【": "】", "＜": "＞", "［": "］",
        ]

        private static func bracketed(_ stem: Substring, closing: Character, in text: Substring) -> (end: String.Index, number: Int?)? {
            guard let stemEnd = startIgnoringCase(stem, of: text.dropFirst()) else { return nil }
            var rest = text[stemEnd...]
            if rest.first == " " { rest = rest.dropFirst() }
            let label = rest.prefix(while: isLabelCharacter)
            guard let first = label.first, first.isNumber || first.isUppercase || isRomanNumeral(label) else { return nil }
            rest = rest.dropFirst(label.count)
            if rest.first == " " { rest = rest.dropFirst() }
            guard rest.first == closing else { return nil }
            // `<표 3-1>`, a chapter's numbering, and `<표 A1>` are kept as typed.
            guard label.count <= 4, let number = Int(label) else { return (text.startIndex, nil) }
            // `[표 1]: …`, `〈표 2〉. …`: the punctuation after the brackets goes with them.
            var end = rest.index(after: rest.startIndex)
            if let separator = rest[end...].first, ":：.-–—".contains(separator) { end = rest.index(after: end) }
            return (end, number)
        }

        /// The marker's word without its colon (`Table`, `표`): what a page must hold to have the marker.
        static func stem(of marker: String) -> Substring {
            marker.hasSuffix(":") ? marker.dropLast() : marker[...]
        }

        /// Where the text's start equal to the stem ends, ASCII letters compared in either case; nil when
        /// it starts otherwise.
        private static func startIgnoringCase(_ stem: Substring, of text: Substring) -> String.Index? {
            var index = text.utf8.startIndex
            for byte in stem.utf8 {
                guard index < text.utf8.endIndex, Self.folded(text.utf8[index]) == Self.folded(byte) else { return nil }
                index = text.utf8.index(after: index)
            }
            return index
        }

        private static func folded(_ byte: UInt8) -> UInt8 {
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
        }

        /// Whether the body may hold the marker as its word is written: only a search spared, for the
        /// warning about a caption that follows no table (`TABLE:` and `table:` there go unwarned of).
        static func isWritten(_ marker: String, in body: Substring) -> Bool {
            PlainText.contains(String(stem(of: marker)), in: body)
        }
    }
}
