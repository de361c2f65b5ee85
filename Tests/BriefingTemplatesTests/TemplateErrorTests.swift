import BriefingTemplates
import Testing

/// Every error names the template file, line and column, and quotes the line with a caret.
struct TemplateErrorTests {
    private func parseError(_ source: String) -> TemplateError? {
        #expect(throws: TemplateError.self) {
            try Template(source: source, name: "page", path: "Templates/page.html")
        }
    }

    private func renderError(
        _ sources: [String: String],
        render name: String = "page",
        _ context: TemplateValue = [:],
        strict: Bool = false,
        recursionLimit: Int = 100,
        workLimit: Int = 10_000_000
    ) -> TemplateError? {
        #expect(throws: TemplateError.self) {
            try library(sources, recursionLimit: recursionLimit, workLimit: workLimit)
                .render(name, context: context, strict: strict)
        }
    }

    // MARK: Parse errors

    @Test func unclosedTag() throws {
        let error = try #require(parseError("<p>\n  Hello {{name</p>"))
        #expect(error.kind == .unclosedTag)
        #expect((error.templateName, error.path, error.line, error.column) == ("page", "Templates/page.html", 2, 9))
        #expect(error.message == "unclosed tag")
    }

    @Test func tagRunningIntoAnotherTagIsUnclosed() throws {
        let error = try #require(parseError("Hello {{name}\n{{other}}"))
        #expect(error.kind == .unclosedTag)
        #expect((error.line, error.column) == (1, 7))
    }

    @Test func unclosedSection() throws {
        let error = try #require(parseError("<ul>\n{{#items}}\n<li>{{.}}</li>\n"))
        #expect(error.kind == .unclosedSection("items"))
        #expect((error.path, error.line, error.column) == ("Templates/page.html", 2, 1))
        #expect(error.message == "unclosed section 'items'")
    }

    @Test func mismatchedClosingTag() throws {
        let error = try #require(parseError("{{#items}}\n  {{name}}\n  {{/item}}"))
        #expect(error.kind == .mismatchedClosingTag(expected: "items", found: "item"))
        #expect((error.path, error.line, error.column) == ("Templates/page.html", 3, 3))
        #expect(error.message == "closing tag 'item' does not match open section 'items'")
    }

    @Test func unexpectedClosingTag() throws {
        let error = try #require(parseError("text {{/items}}"))
        #expect(error.kind == .unexpectedClosingTag("items"))
        #expect((error.line, error.column) == (1, 6))
        #expect(error.message == "closing tag 'items' has no open section")
    }

    @Test func badDelimiters() throws {
        let error = try #require(parseError("a\n  {{=<% %>}}"))
        #expect(error.kind == .badDelimiters)
        #expect((error.path, error.line, error.column) == ("Templates/page.html", 2, 3))
        #expect(error.message == "bad delimiter change: expected two delimiters, as in {{=<% %>=}}")
    }

    @Test func delimiterChangeNeedsTwoDelimiters() throws {
        let error = try #require(parseError("{{=<%=}}"))
        #expect(error.kind == .badDelimiters)
        #expect((error.line, error.column) == (1, 1))
    }

    @Test func emptyTag() throws {
        let error = try #require(parseError("a {{ }}"))
        #expect(error.kind == .emptyTag)
        #expect((error.line, error.column, error.message) == (1, 3, "empty tag"))
    }

    @Test func invalidName() throws {
        let error = try #require(parseError("{{page..title}}"))
        #expect(error.kind == .invalidName("page..title"))
        #expect((error.line, error.column, error.message) == (1, 1, "invalid name 'page..title'"))
    }

    @Test func onlyBlocksInsideAParent() throws {
        let error = try #require(parseError("{{<base}}\n  {{title}}\n{{/base}}"))
        #expect(error.kind == .unexpectedTagInParent("{{title}}"))
        #expect((error.line, error.column) == (2, 3))
        #expect(error.message == "only blocks may appear inside a parent tag, found '{{title}}'")
    }

    // MARK: Library errors

    @Test func unknownPartial() throws {
        let error = try #require(renderError(["page": "<body>\n  {{>heder}}\n</body>"]))
        #expect(error.kind == .unknownPartial("heder"))
        #expect((error.templateName, error.path, error.line, error.column) == ("page", "Templates/page.html", 2, 3))
        #expect(error.message == "unknown partial 'heder'")
    }

    @Test func unknownParent() throws {
        let error = try #require(renderError(["page": "{{<bsae}}\n{{$main}}x{{/main}}\n{{/bsae}}"]))
        #expect(error.kind == .unknownParent("bsae"))
        #expect((error.path, error.line, error.column) == ("Templates/page.html", 1, 1))
        #expect(error.message == "unknown parent template 'bsae'")
    }

    @Test func unknownDynamicPartial() throws {
        let error = try #require(renderError(["page": "x {{>*kind}}"], ["kind": "chart"]))
        #expect(error.kind == .unknownPartial("chart"))
        #expect((error.path, error.line, error.column) == ("Templates/page.html", 1, 3))
    }

    @Test func unknownTemplate() throws {
        let error = try #require(renderError(["page": ""], render: "news/page"))
        #expect(error.kind == .unknownTemplate("news/page"))
        #expect(error.line == 0)
        #expect(error.description == "news/page: error: unknown template 'news/page'")
    }

    /// Every pass over the tree recurses once per level: 10,000 levels overflowed the stack. The limit
    /// is met at the tag that passes it, before any of them runs; 100 levels still parse.
    @Test func sectionsNestedTooDeep() throws {
        let source = "<p>\n" + String(repeating: "{{#a}}", count: 10_000) + String(repeating: "{{/a}}", count: 10_000)
        let error = try #require(parseError(source))
        #expect(error.kind == .nestedTooDeep(limit: 100))
        #expect((error.line, error.column) == (2, 601))
        #expect(error.message == "sections, parents and blocks nested more than 100 deep")
        let deepest = String(repeating: "{{#a}}{{^b}}", count: 50) + "x" + String(repeating: "{{/b}}{{/a}}", count: 50)
        #expect(throws: Never.self) { try Template(source: deepest, name: "page") }
    }

    /// A partial of 99 nested sections calling itself up to the partial limit went 10,000 levels deep
    /// and overflowed the stack; every level counts toward the renderer's limit, which stops it sooner.
    @Test func deepSectionsInARecursivePartialStopAtTheRenderLimit() throws {
        let tree = "\n" + String(repeating: "{{#a}}", count: 99) + "{{>tree}}" + String(repeating: "{{/a}}", count: 99)
        let error = try #require(renderError(["page": "{{>tree}}", "tree": tree], ["a": true]))
        #expect(error.kind == .renderedTooDeep(limit: 200))
        #expect((error.path, error.line, error.column) == ("Templates/tree.html", 2, 1 + 6 * 99))
        #expect(error.message == "sections and partials nested more than 200 deep while rendering (recursive partial?)")
    }

    // MARK: Render errors

    /// Fuzzing found it: sections over a three-item list nested 30 deep are 3^30 renders, well inside the
    /// depth limit; the build stopped answering. The renderer counts its work and stops at the tag.
    @Test func sectionsNestedOverListsStopAtTheWorkLimit() throws {
        let source = "<ul>\n" + String(repeating: "{{#items}}", count: 30) + "<li>" + String(repeating: "{{/items}}", count: 30)
        let error = try #require(renderError(["page": source], ["items": [1, 2, 3]]))
        #expect(error.kind == .renderedTooMuch(work: 10_000_000, megabytes: 64))
        #expect((error.path, error.line) == ("Templates/page.html", 2))
        #expect(error.message.hasPrefix("rendering took more than 10000000 steps or wrote more than 64 MB"))
    }

    /// Twelve levels over a list of three are 3^12 writes of the text: 1.2 GB, from a 30 KB template.
    @Test func aTemplateThatWritesTooMuchStops() throws {
        let text = String(repeating: "x", count: 2_500)
        let source = String(repeating: "{{#items}}" + text, count: 12) + String(repeating: "{{/items}}", count: 12)
        let error = try #require(renderError(["page": source], ["items": [1, 2, 3]]))
        #expect(error.kind == .renderedTooMuch(work: 10_000_000, megabytes: 64))
    }

    /// A page's own HTML counts toward the limit, which a site that allows larger pages raises: a 60 MB
    /// page failed at 64 MB whatever maxPageMB said.
    @Test func theOutputLimitIsTheLibrarysToSet() throws {
        var templates: [String: Template] = [:]
        templates["page"] = try Template(source: "<main>{{{body}}}</main>", name: "page", path: "Templates/page.html")
        let body: TemplateValue = ["body": .string(String(repeating: "x", count: 2_000))]
        let small = try TemplateLibrary(templates: templates, outputLimit: 1_000)
        #expect(throws: TemplateError.self) { try small.render("page", context: body) }
        #expect(try TemplateLibrary(templates: templates, outputLimit: 4_000).render("page", context: body).count == 2_013)
    }

    /// A standalone partial indents every line of what it renders, and indentation adds up: a template
    /// of 20,000 line breaks and 20,000 spaces before calling itself wrote 400 MB at the first level, 800 MB
    /// at the second, all inside one instruction. It stops inside the text, before the partial tag after it.
    @Test func indentationThatAddsUpStopsAtTheOutputLimit() throws {
        let source = String(repeating: "\n", count: 20_000) + String(repeating: " ", count: 20_000) + "{{>page}}\n"
        let error = try #require(renderError(["page": source]))
        #expect(error.kind == .renderedTooMuch(work: 10_000_000, megabytes: 64))
        #expect((error.line, error.column) == (1, 1))
    }

    /// A parent that passes 2,000 blocks to itself: each of its own 1,000 blocks searched every override
    /// of every level, 10^10 comparisons by the recursion limit. The search counts as work (a lower limit
    /// here: 10 million comparisons take seconds in a debug build).
    @Test func blocksSearchingManyOverridesStop() throws {
        let source = String(repeating: "{{$b}}{{/b}}", count: 1_000)
            + "{{<page}}" + String(repeating: "{{$a}}{{/a}}", count: 2_000) + "{{/page}}"
        let error = try #require(renderError(["page": source], workLimit: 1_000_000))
        #expect(error.kind == .renderedTooMuch(work: 1_000_000, megabytes: 64))
    }

    @Test func recursionTooDeep() throws {
        let sources = ["page": "{{>tree}}", "tree": "<ul>\n  {{>tree}}\n</ul>"]
        let error = try #require(renderError(sources, recursionLimit: 10))
        #expect(error.kind == .recursionTooDeep(limit: 10))
        #expect((error.templateName, error.path, error.line, error.column) == ("tree", "Templates/tree.html", 2, 3))
        #expect(error.message == "partials nested more than 10 deep (recursive partial?)")
    }

    @Test func unknownVariableInStrictMode() throws {
        let sources = ["page": "<title>\n  {{page.titel}}\n</title>"]
        let error = try #require(renderError(sources, ["page": ["title": "Home"]], strict: true))
        #expect(error.kind == .unknownVariable("page.titel"))
        #expect((error.path, error.line, error.column) == ("Templates/page.html", 2, 3))
        #expect(error.message == "unknown variable 'page.titel'")
    }

    /// `{{$mian}}` in a child of a parent that declares `main` rendered the parent's default, and the
    /// typos inside it were never checked: a block no template the parent reaches declares is an error.
    @Test func aBlockTheParentDoesNotDeclareIsReported() throws {
        let templates = try library([
            "frame": "<head>{{$head}}{{/head}}</head><main>{{>slot}}</main>",
            "slot": "{{$main}}default{{/main}}",
            "base": "{{<frame}}{{$head}}<title>{{/head}}{{/frame}}",
            "page": "{{<base}}\n{{$mian}}{{page.titel}}{{/mian}}{{$main}}ok{{/main}}\n{{/base}}",
            "dynamic": "{{<*layout}}{{$anything}}x{{/anything}}{{/*layout}}",
            // A parent that names a partial by a variable may reach any block.
            "open": "{{>*part}}",
            "child": "{{<open}}{{$whatever}}x{{/whatever}}{{/open}}",
        ])
        #expect(templates.undeclaredBlocks().map(\.description) == [
            "Templates/page.html:1:1: error: block 'mian' is none that 'base' declares (head, main): its content would never show\n{{<base}}\n^",
        ])
    }

    /// `{{page.tags}}` rendered nothing, silently: a list or a map written as text is an error in strict
    /// mode, saying how to write it; outside strict mode (the spec's) it still renders nothing.
    @Test func aListOrAMapWrittenAsTextInStrictMode() throws {
        let sources = ["page": "<p>{{page.tags}}</p>\n<p>{{page.author}}</p>"]
        let context: TemplateValue = ["page": ["tags": ["a", "b"], "author": ["name": "Ada"]]]
        let list = try #require(renderError(sources, context, strict: true))
        #expect(list.kind == .notText("page.tags", isList: true, mapKey: nil))
        #expect((list.line, list.column) == (1, 4))
        #expect(list.message == "'page.tags' is a list, which shows as nothing: go through it with {{#page.tags}}…{{/page.tags}}")
        let map = try #require(renderError(["page": "<p>{{page.author}}</p>"], context, strict: true))
        #expect(map.message == "'page.author' is a map, which shows as nothing: write one of its values, like {{page.author.name}}")
        #expect(try library(sources).render("page", context: context) == "<p></p>\n<p></p>")
    }

    @Test func unknownUnescapedVariableInStrictMode() throws {
        let error = try #require(renderError(["page": "{{{body}}} {{&footer}}"], ["body": ""], strict: true))
        #expect(error.kind == .unknownVariable("footer"))
        #expect((error.line, error.column) == (1, 12))
    }

    @Test func unknownVariableInAPartialNamesThePartial() throws {
        let sources = ["page": "{{>header}}", "header": "<h1>{{site.titel}}</h1>"]
        let error = try #require(renderError(sources, ["site": [:]], strict: true))
        #expect((error.templateName, error.path, error.line, error.column) == ("header", "Templates/header.html", 1, 5))
    }

    @Test func unknownVariableInABlockNamesTheChildThatFilledIt() throws {
        let sources = [
            "base": "<main>{{$main}}{{/main}}</main>",
            "page": "{{<base}}\n{{$main}}\n<h1>{{titel}}</h1>\n{{/main}}\n{{/base}}",
        ]
        let error = try #require(renderError(sources, strict: true))
        #expect((error.templateName, error.line, error.column) == ("page", 3, 5))
    }

    // MARK: Format

    @Test func descriptionShowsPathLineColumnAndCaret() throws {
        let sources = ["page": "<title>\n\t<b>{{page.titel}}</b>\n</title>"]
        let error = try #require(renderError(sources, ["page": [:]], strict: true))
        #expect(error.description == """
            Templates/page.html:2:5: error: unknown variable 'page.titel'
            \t<b>{{page.titel}}</b>
            \t   ^
            """)
    }
}
