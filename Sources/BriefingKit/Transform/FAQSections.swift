import BriefingMarkdown
import BriefingSupport
import BriefingTemplates

/// Marks up a page's "Frequently asked questions" and collects them for its FAQPage JSON-LD.
///
/// A heading titled "FAQ", "FAQs" or "Frequently asked questions" (in any case) at level L
/// starts a section that runs to the next heading of level L or higher, or to the end of the
/// heading's container. Each heading of level L + 1 in it is a question, answered by what
/// follows it up to the next heading of level L + 1 or higher; what comes before the first
/// question is an introduction. The nodes are moved into custom blocks, not rendered, so
/// `HeadingAnchors` still gives the headings ids and the table of contents lists the questions.
struct FAQSections: DocumentTransform {
    struct Entry: Equatable, Sendable {
        var question: String
        /// The answer as HTML for the page's JSON-LD (`FAQAnswerHTML`); empty when it shows no words.
        var answer: String
    }

    func apply(to document: MarkdownDocument, context: inout TransformContext) {
        // Collect first: the walk must be over before the tree changes.
        // The string table's `faqHeading` names FAQ sections in the page's language ("자주 묻는 질문").
        let own = context.theme.strings[context.page.language].text("faqHeading")
            .map { Self.collapsed($0).lowercased() }.flatMap { Self.titles.contains($0) ? nil : $0 }
        let faqHeadings = document.root.descendants(ofKind: .heading).filter { Self.isFAQHeading($0, own: own) }
        var wrappers: Set<MarkdownNode> = []
        // A FAQ heading inside an earlier section (a question titled "FAQ", a deeper heading
        // in an answer) is content of that section: FAQ pages do not nest.
        for heading in faqHeadings where !Self.isInside(heading, anyOf: wrappers) {
            guard let section = Self.wrap(heading, in: document, theme: context.theme, language: context.page.language, before: context.appendix) else {
                context.diagnostics.warning("a FAQ heading with no questions under it: add sub-headings, one per question", at: heading.start)
                continue
            }
            wrappers.insert(section.wrapper)
            // An answer's text includes what other transforms render once every one has run (a table).
            context.whenTheHTMLIsMade { context in
                let origin = context.model.settings.baseURL.origin, page = context.model.router.permalink(context.page.route)
                let entries = section.questions.map { question in
                    let html = FAQAnswerHTML.html(of: question.answer, origin: origin, page: page)
                    return Entry(question: Self.collapsed(question.heading.plainText), answer: FAQAnswerHTML.showsWords(html) ? html : "")
                }
                context.report.faq += entries
                // An answer of images alone has no words for search engines, but readers see it.
                for (question, entry) in zip(section.questions, entries) where entry.answer.isEmpty && Self.visibleText(question.answer).isEmpty {
                    context.diagnostics.warning(
                        "a FAQ question with no answer under it: readers see the question alone, and search engines are not given it",
                        at: question.heading.start
                    )
                }
            }
            // The section is labelled by its heading, whose id `HeadingAnchors` gives later.
            context.whenAllTransformsRan { context in
                // Every heading gets an id: `HeadingAnchors` runs on every page.
                let wrapper = context.theme.faqSection(headingID: context.headings.id(at: section.headingPosition) ?? "", language: context.page.language)
                section.wrapper.onEnter = wrapper.open
                section.wrapper.onExit = wrapper.close
            }
        }
    }

    private struct Section {
        var headingPosition: SourcePosition
        /// Each question's heading and the blocks that answer it (none: left out of FAQPage JSON-LD).
        var questions: [(heading: MarkdownNode, answer: [MarkdownNode])]
        /// The `<section>` block, whose HTML waits for its heading's id.
        var wrapper: MarkdownNode
    }

    /// Besides the string table's: the English ones, and Korean's usual ones (자주 하는 질문 is the National
    /// Institute of Korean Language's, common on government sites).
    private static let titles: Set<String> = ["faq", "faqs", "frequently asked questions", "자주 묻는 질문", "자주 하는 질문", "묻고 답하기"]

    private static func isFAQHeading(_ node: MarkdownNode, own: String?) -> Bool {
        var text = node.plainText
        // `## FAQ {#faq}`: the id a heading gives itself (taken off by `HeadingAnchors`, later) is no part of its title.
        if text.hasSuffix("}"), let (title, _) = CrossReferences.trailingID(text) { text = title }
        if let own, collapsed(text).lowercased() == own { return true }
        // Every heading of every page comes here. An ASCII one with more letters than the longest title is
        // not one, whatever its spaces: no collapsed, lowercased copy of it is needed to tell.
        if text.withUTF8Bytes({ $0.allSatisfy { $0 < 0x80 } && $0.count { $0 > 0x20 } > longestTitle }) { return false }
        return titles.contains(collapsed(text).lowercased())
    }

    private static let longestTitle = titles.map(\.utf8.count).max() ?? 0

    private static func isInside(_ node: MarkdownNode, anyOf containers: Set<MarkdownNode>) -> Bool {
        var ancestor = node.parent
        while let current = ancestor {
            if containers.contains(current) { return true }
            ancestor = current.parent
        }
        return false
    }

    /// Builds the section that `heading` starts, or returns `nil` and leaves the tree as it
    /// was when the section has no questions.
    private static func wrap(
        _ heading: MarkdownNode, in document: MarkdownDocument, theme: ThemeHTML, language: Int, before appendix: MarkdownNode?
    ) -> Section? {
        guard let level = heading.headingLevel else { return nil }
        var content: [MarkdownNode] = []
        var next = heading.next
        while let node = next, node != appendix, (node.headingLevel ?? .max) > level {
            content.append(node)
            next = node.next
        }
        let questionLevel = level + 1
        let intro = content.prefix { $0.headingLevel != questionLevel }
        var questions: [(heading: MarkdownNode, answer: [MarkdownNode])] = []
        for node in content.dropFirst(intro.count) {
            if node.headingLevel == questionLevel {
                questions.append((node, []))
            } else {
                questions[questions.count - 1].answer.append(node)
            }
        }
        guard !questions.isEmpty else { return nil }

        let wrapper = document.makeCustomBlock(onEnter: "", onExit: "")
        // Cannot fail: the heading's parent (document, block quote, list item or custom
        // block) takes a custom block, and custom blocks hold any block.
        try? heading.insertBefore(wrapper)
        for node in [heading] + intro {
            try? wrapper.appendChild(node)
        }
        let questionWrapper = theme.faqQuestion(language: language)
        let answerWrapper = theme.faqAnswer(language: language)
        for question in questions {
            let item = document.makeCustomBlock(onEnter: questionWrapper.open, onExit: questionWrapper.close)
            let answer = document.makeCustomBlock(onEnter: answerWrapper.open, onExit: answerWrapper.close)
            try? wrapper.appendChild(item)
            try? item.appendChild(question.heading)
            try? item.appendChild(answer)
            for node in question.answer {
                try? answer.appendChild(node)
            }
        }
        return Section(headingPosition: heading.start, questions: questions, wrapper: wrapper)
    }

    /// The text and code of these blocks on one line, as the page shows it: blocks and line
    /// breaks apart by a space, runs of whitespace made one. Raw HTML blocks count by their words
    /// (in safe mode `RawHTMLText` made them text already).
    private static func visibleText(_ blocks: [MarkdownNode]) -> String {
        // Gathered as bytes: a String made of every text node only to be appended cost as much as the rest.
        var bytes: [UInt8] = []
        let space = UInt8(ascii: " ")
        for block in blocks {
            block.visitViews { node in
                switch node.kind {
                case .text, .code:
                    node.withLiteralBytes { bytes.append(contentsOf: $0) }
                case .codeBlock:
                    bytes.append(space)
                    node.withLiteralBytes { bytes.append(contentsOf: $0) }
                case .customBlock:
                    // What a transform rendered already (a table directive's table, a callout's title).
                    bytes.append(space)
                    if let html = node.onEnter { bytes += RawHTMLText.visibleText(ofRendered: html).utf8 }
                case .htmlBlock:
                    // Trusted raw HTML (`markdown.unsafe: true`), which readers see.
                    bytes.append(space)
                    node.withLiteralBytes { bytes += RawHTMLText.visibleText(ofRendered: String(decoding: $0, as: UTF8.self)).utf8 }
                case .softBreak, .lineBreak,
                     .document, .blockQuote, .list, .item, .paragraph, .heading, .thematicBreak:
                    bytes.append(space)
                case .htmlInline, .customInline, .emphasis, .strong, .link, .image:
                    break
                }
            }
        }
        return bytes.withUnsafeBufferPointer(PlainText.collapsingWhitespace)
    }

    private static func collapsed(_ text: String) -> String {
        PlainText.collapsingWhitespace(text)
    }
}
