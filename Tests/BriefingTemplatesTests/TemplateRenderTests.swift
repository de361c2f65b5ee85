import BriefingTemplates
import Testing

struct TemplateRenderTests {
    // MARK: Interpolation and escaping

    @Test func escapesTheFiveHTMLCharacters() throws {
        #expect(try render("{{x}}", ["x": "a & b < c > d \" e ' f"]) == "a &amp; b &lt; c &gt; d &quot; e &#39; f")
    }

    @Test func tripleMustacheAndAmpersandDoNotEscape() throws {
        #expect(try render("{{{x}}} {{&x}}", ["x": "<b>&</b>"]) == "<b>&</b> <b>&</b>")
    }

    @Test func trustedHTMLIsNeverEscaped() throws {
        let html = "<p>“Hi” & bye</p>"
        #expect(try render("{{x}}|{{{x}}}", ["x": .html(html)]) == html + "|" + html)
    }

    @Test func trustedHTMLAsBytesIsWrittenAsIsAndEmptyIsFalsy() throws {
        let html = "<p>“Hi” & bye</p>\n"
        let template = "{{#x}}[{{/x}}{{x}}|{{{x}}}{{^y}}no body{{/y}}"
        #expect(try render(template, ["x": .htmlBytes(Array(html.utf8)), "y": .htmlBytes([])]) == "[" + html + "|" + html + "no body")
    }

    @Test func escapingKeepsNonASCIIText() throws {
        #expect(try render("{{x}}", ["x": "Zoë’s <café>"]) == "Zoë’s &lt;café&gt;")
    }

    @Test func bytesAreTheTextsUTF8() throws {
        let template = try Template(source: "<p title=\"{{x}}\">{{{x}}} — {{y}}</p>\n  {{#l}}{{.}}{{/l}}", name: "t")
        let library = try TemplateLibrary(templates: ["t": template])
        let context: TemplateValue = ["x": "Zoë’s <café> & 'bar'", "y": 2.5, "l": ["한", "국"]]
        let bytes = try library.renderUTF8("t", context: context)
        #expect(bytes == Array(try library.render("t", context: context).utf8))
        #expect(String(decoding: bytes, as: UTF8.self) == "<p title=\"Zoë’s &lt;café&gt; &amp; &#39;bar&#39;\">Zoë’s <café> & 'bar' — 2.5</p>\n  한국")
    }

    @Test func numbersAndBooleans() throws {
        let context: TemplateValue = ["i": -42, "d": 1.25, "w": 3.0, "t": true, "f": false]
        #expect(try render("{{i}} {{d}} {{w}} {{t}} {{f}}", context) == "-42 1.25 3 true false")
    }

    @Test func numbersFromDataAreWrittenOutAsAReaderWritesThem() throws {
        let context: TemplateValue = [
            "small": 1e-7, "tiny": -2.5e-5, "large": 1e17, "fraction": 1.5e15, "huge": 2.5e30, "minute": 1e-25,
        ]
        #expect(try render("{{small}} {{tiny}} {{large}} {{fraction}} {{huge}} {{minute}}", context)
            == "0.0000001 -0.000025 100000000000000000 1500000000000000 2.5e30 1e-25")
    }

    @Test func nullMissingListsAndMapsRenderEmpty() throws {
        #expect(try render("[{{n}}{{missing}}{{l}}{{m}}]", ["n": nil, "l": [1, 2], "m": ["a": 1]]) == "[]")
    }

    // MARK: Names and the context stack

    @Test func dottedNames() throws {
        #expect(try render("{{page.author.name}}", ["page": ["author": ["name": "Ada"]]]) == "Ada")
    }

    @Test func dottedNameDoesNotFallBackPastItsFirstPart() throws {
        #expect(try render("{{#a}}{{b.c}}{{/a}}", ["a": ["b": [:]], "b": ["c": "outer"]]) == "")
    }

    @Test func namesResolveDownTheContextStack() throws {
        let context: TemplateValue = ["site": "Briefing", "items": [["name": "a"], ["name": "b", "site": "own"]]]
        #expect(try render("{{#items}}{{name}}@{{site}} {{/items}}", context) == "a@Briefing b@own ")
    }

    @Test func implicitIterator() throws {
        #expect(try render("{{#tags}}<{{.}}>{{/tags}}", ["tags": ["a&b", "c"]]) == "<a&amp;b><c>")
    }

    // MARK: Sections

    @Test func sectionOverListRepeats() throws {
        #expect(try render("{{#l}}({{n}}){{/l}}", ["l": [["n": 1], ["n": 2]]]) == "(1)(2)")
    }

    @Test func sectionOverMapPushesIt() throws {
        #expect(try render("{{#author}}{{name}}{{/author}}", ["author": ["name": "Ada"]]) == "Ada")
    }

    @Test func falsyValuesSkipSectionsAndShowInvertedOnes() throws {
        let context: TemplateValue = ["f": false, "n": nil, "e": [], "s": ""]
        let sections = "{{#f}}1{{/f}}{{#n}}2{{/n}}{{#e}}3{{/e}}{{#s}}4{{/s}}{{#missing}}5{{/missing}}"
        #expect(try render(sections, context) == "")
        let inverted = "{{^f}}1{{/f}}{{^n}}2{{/n}}{{^e}}3{{/e}}{{^s}}4{{/s}}{{^missing}}5{{/missing}}"
        #expect(try render(inverted, context) == "12345")
    }

    @Test func zeroIsTruthy() throws {
        #expect(try render("{{#count}}{{.}} items{{/count}}", ["count": 0]) == "0 items")
    }

    @Test func standaloneSectionLinesLeaveNoBlankLines() throws {
        let source = "<ul>\n  {{#items}}\n  <li>{{.}}</li>\n  {{/items}}\n</ul>\n"
        #expect(try render(source, ["items": ["a", "b"]]) == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
    }

    // MARK: Partials

    @Test func partialRendersInTheCurrentContext() throws {
        let context: TemplateValue = ["author": ["name": "Ada"]]
        let rendered = try render("{{#author}}{{>byline}}{{/author}}", context, partials: ["byline": "by {{name}}"])
        #expect(rendered == "by Ada")
    }

    @Test func standalonePartialIndentsEveryLine() throws {
        let partials = ["links": "{{#l}}\n<a>{{.}}</a>\n{{/l}}\n"]
        let rendered = try render("<nav>\n  {{>links}}\n</nav>\n", ["l": ["a", "b"]], partials: partials)
        #expect(rendered == "<nav>\n  <a>a</a>\n  <a>b</a>\n</nav>\n")
    }

    @Test func indentationDoesNotReachInterpolatedLines() throws {
        let rendered = try render("  {{>p}}\n", ["v": "x\ny"], partials: ["p": "<{{v}}>\n"])
        #expect(rendered == "  <x\ny>\n")
    }

    @Test func dynamicPartialNameComesFromTheContext() throws {
        let context: TemplateValue = ["items": [["kind": "a"], ["kind": "b"]]]
        let rendered = try render("{{#items}}{{>*kind}}{{/items}}", context, partials: ["a": "A", "b": "B"])
        #expect(rendered == "AB")
    }

    /// Whitespace inside a tag is ignored, after a dynamic name's asterisk too: `{{/* parent}}` was an
    /// invalid name, though templates.md writes it so.
    @Test func aDynamicParentClosesWithSpacesAsItOpens() throws {
        let context: TemplateValue = ["page": ["parent": "frame"]]
        let partials = ["frame": "[{{$body}}default{{/body}}]"]
        #expect(try render("{{<* page.parent }}{{$body}}mine{{/body}}{{/* page.parent }}", context, partials: partials) == "[mine]")
        #expect(try render("{{<*page.parent}}{{$body}}mine{{/body}}{{/*page.parent}}", context, partials: partials) == "[mine]")
    }

    @Test func recursivePartialStopsWithTheData() throws {
        let tree: TemplateValue = ["name": "root", "kids": [["name": "leaf", "kids": []]]]
        let partials = ["node": "{{name}}({{#kids}}{{>node}}{{/kids}})"]
        #expect(try render("{{>node}}", tree, partials: partials) == "root(leaf())")
    }

    // MARK: Inheritance

    @Test func childLayoutFillsBaseLayoutBlocks() throws {
        let site = try library([
            "base": """
                <title>{{$title}}Site{{/title}}</title>
                <main>
                  {{$main}}
                  <p>empty</p>
                  {{/main}}
                </main>

                """,
            "page": """
                {{<base}}
                {{$title}}{{page.title}} | Site{{/title}}
                {{$main}}
                <h1>{{page.title}}</h1>
                <p>text</p>
                {{/main}}
                {{/base}}

                """,
        ])
        let rendered = try site.render("page", context: ["page": ["title": "Home"]])
        #expect(rendered == "<title>Home | Site</title>\n<main>\n  <h1>Home</h1>\n  <p>text</p>\n</main>\n")
        #expect(try site.render("base", context: [:]) == "<title>Site</title>\n<main>\n  <p>empty</p>\n</main>\n")
    }

    @Test func inlineBlockIndentsTheLinesAfterItsFirst() throws {
        let site = try library([
            "base": "<main>\n    {{$main}}{{/main}}\n</main>\n",
            "page": "{{<base}}\n{{$main}}\n  <article>\n    <p>x</p>\n  </article>\n{{/main}}\n{{/base}}",
        ])
        let expected = "<main>\n    <article>\n      <p>x</p>\n    </article>\n</main>\n"
        #expect(try site.render("page", context: [:]) == expected)
    }

    @Test func outermostOverrideWins() throws {
        let site = try library([
            "grand": "[{{$a}}grand{{/a}}]",
            "parent": "{{<grand}}{{$a}}parent{{/a}}{{/grand}}",
            "child": "{{<parent}}{{$a}}child{{/a}}{{/parent}}",
        ])
        #expect(try site.render("child", context: [:]) == "[child]")
        #expect(try site.render("parent", context: [:]) == "[parent]")
    }

    @Test func overridesReachPartialsOfTheParent() throws {
        let site = try library([
            "base": "{{>header}}|{{$body}}{{/body}}",
            "header": "<h1>{{$heading}}Default{{/heading}}</h1>",
            "page": "{{<base}}{{$heading}}Page{{/heading}}{{$body}}text{{/body}}{{/base}}",
        ])
        #expect(try site.render("page", context: [:]) == "<h1>Page</h1>|text")
    }

    // MARK: Lambdas

    @Test func interpolationLambdaResultIsRenderedThenEscaped() throws {
        let context: TemplateValue = ["name": "<Ada>", "greet": .lambda(TemplateLambda { "Hi {{{name}}}" })]
        #expect(try render("{{greet}}|{{{greet}}}", context) == "Hi &lt;Ada&gt;|Hi <Ada>")
    }

    @Test func sectionLambdaGetsTheRawText() throws {
        let context: TemplateValue = ["name": "Ada", "bold": .lambda(TemplateLambda(section: { "<b>" + $0 + "</b>" }))]
        #expect(try render("{{#bold}}Hi {{name}}{{/bold}}", context) == "<b>Hi Ada</b>")
    }

    // MARK: Strict mode

    @Test func strictModeRendersNullKeysEmpty() throws {
        #expect(try render("[{{page.subtitle}}]", ["page": ["subtitle": nil]], strict: true) == "[]")
    }

    @Test func strictModeAllowsSectionsOverMissingNames() throws {
        #expect(try render("{{#missing}}x{{/missing}}{{^missing}}y{{/missing}}", [:], strict: true) == "y")
    }

    // MARK: Concurrency

    @Test func rendersFromManyTasksAtOnce() async throws {
        let site = try library(["page": "{{#items}}<li>{{.}}</li>{{/items}}"])
        let context: TemplateValue = ["items": ["a", "b", "c"]]
        let outputs = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<32 {
                group.addTask { try site.render("page", context: context) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(outputs.count == 32)
        #expect(Set(outputs) == ["<li>a</li><li>b</li><li>c</li>"])
    }
}
