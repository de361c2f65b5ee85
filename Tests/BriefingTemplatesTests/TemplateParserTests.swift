@testable import BriefingTemplates
import Testing

/// The node tree a source parses into, as `Template.outline` prints it.
struct TemplateParserTests {
    private func outline(_ source: String) throws -> String {
        try Template(source: source, name: "test").outline
    }

    @Test func textAndVariables() throws {
        #expect(try outline("Hello, {{name}}! {{{raw}}} {{& amp}}") == """
            text "Hello, " @1:1
            {{name}} @1:8
            text "! " @1:16
            {{{raw}}} @1:18
            text " " @1:27
            {{{amp}}} @1:28
            """)
    }

    @Test func sectionsNest() throws {
        #expect(try outline("{{#a}}{{^b}}x{{/b}}{{/a}}") == """
            {{#a}} @1:1
              {{^b}} @1:7
                text "x" @1:13
            """)
    }

    @Test func standaloneSectionLinesAreRemoved() throws {
        #expect(try outline("<ul>\n  {{#items}}\n  <li>{{.}}</li>\n  {{/items}}\n</ul>\n") == """
            text "<ul>\\n" @1:1
            {{#items}} @2:3
              text "  <li>" @3:1
              {{.}} @3:7
              text "</li>\\n" @3:12
            text "</ul>\\n" @5:1
            """)
    }

    @Test func commentsAndDelimiterChangesLeaveNoNode() throws {
        #expect(try outline("a{{! note }}b\n{{=<% %>=}}\n<% name %>") == """
            text "ab\\n" @1:1
            {{name}} @3:1
            """)
    }

    @Test func standalonePartialKeepsItsIndentation() throws {
        #expect(try outline("<body>\n  {{> header }}\n  {{>*dynamic}}\n</body>") == """
            text "<body>\\n" @1:1
            {{>header}} @2:3 indent "  "
            {{>*dynamic}} @3:3 indent "  "
            text "</body>" @4:1
            """)
    }

    @Test func inlinePartialHasNoIndentation() throws {
        #expect(try outline("  <b>{{>name}}</b>") == """
            text "  <b>" @1:1
            {{>name}} @1:6
            text "</b>" @1:15
            """)
    }

    @Test func parentCollectsBlockDefinitionsAndIgnoresText() throws {
        #expect(try outline("{{<base}}\nignored\n{{$title}}Home{{/title}}\n{{/base}}\n") == """
            {{<base}} @1:1
              {{$title}}
                text "Home" @3:11
            """)
    }

    @Test func standaloneBlockContentLosesItsFirstLineIndentation() throws {
        #expect(try outline("{{<base}}\n{{$main}}\n    <p>one</p>\n      <p>two</p>\n{{/main}}\n{{/base}}") == """
            {{<base}} @1:1
              {{$main}}
                text "<p>one</p>\\n  <p>two</p>\\n" @3:1
            """)
    }

    @Test func blockSiteRecordsItsIndentation() throws {
        #expect(try outline("<main>\n  {{$main}}\n    default\n  {{/main}}\n</main>") == """
            text "<main>\\n" @1:1
            {{$main}} @2:3 standalone indent "    "
              text "default\\n" @3:1
            text "</main>" @5:1
            """)
    }

    @Test func inlineBlockSiteIndentsLaterLines() throws {
        #expect(try outline("  <title>{{$title}}Home{{/title}}</title>\n    {{$head}}a\n    b{{/head}}") == """
            text "  <title>" @1:1
            {{$title}} @1:10
              text "Home" @1:20
            text "</title>\\n    " @1:34
            {{$head}} @2:5 indent "    "
              text "a\\nb" @2:14
            """)
    }

    @Test func dottedNamesSplitOnce() throws {
        let template = try Template(source: "{{page.author.name}}{{.}}", name: "test")
        guard case .variable(let dotted, _) = template.nodes[0].kind,
              case .variable(let dot, _) = template.nodes[1].kind
        else {
            Issue.record("expected two variables")
            return
        }
        #expect(dotted.components == ["page", "author", "name"])
        #expect(dot.isImplicitIterator)
    }

    @Test func columnsCountCharactersNotBytes() throws {
        #expect(try outline("é—{{x}}") == """
            text "é—" @1:1
            {{x}} @1:3
            """)
    }

    @Test func crlfLinesStandAlone() throws {
        #expect(try outline("a\r\n{{#s}}\r\nb\r\n{{/s}}\r\n") == """
            text "a\\r\\n" @1:1
            {{#s}} @2:1
              text "b\\r\\n" @3:1
            """)
    }

    @Test func referencedTemplatesListsStaticNames() throws {
        let source = "{{>header}}{{<base}}{{$main}}{{>toc}}{{/main}}{{/base}}{{>*dynamic}}"
        let template = try Template(source: source, name: "test")
        #expect(template.referencedTemplates == ["header", "base", "toc"])
        #expect(template.referencesTemplatesByValue)
        #expect(try !Template(source: "{{>header}}{{#a}}{{<base}}{{/base}}{{/a}}", name: "test").referencesTemplatesByValue)
    }

    @Test func pathDefaultsToName() throws {
        #expect(try Template(source: "", name: "page").path == "page")
        #expect(try Template(source: "", name: "page", path: "Templates/page.html").path == "Templates/page.html")
    }
}
