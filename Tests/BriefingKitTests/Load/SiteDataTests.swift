import Testing
@testable import BriefingKit
@testable import BriefingSupport
@testable import BriefingTemplates

/// `Content/data/` as the build reads it: figures in each language.
@Suite struct SiteDataTests {
    /// `us-troopz:` in figures.ko.yaml made Korean pages show the English value without a word.
    @Test func aLanguagesFigureWithoutItsOriginalIsWarnedOfAtItsId() throws {
        let data = try SiteData.load([
            ("figures.yaml", SourceFile(path: "Content/data/figures.yaml", text: """
                us-troops:
                  value: "28,500"
                  label: US troops in South Korea
                  source: DefenseTech.org
                """)),
            ("figures.ko.yaml", SourceFile(path: "Content/data/figures.ko.yaml", text: """
                us-troopz:
                  value: "2만 8,500"
                  label: 주한미군 병력
                  source: DefenseTech.org
                """)),
        ])
        #expect(data.unmatchedFigureWarnings.map(\.description) == [
            "Content/data/figures.ko.yaml:1:1: warning: figure 'us-troopz' is not in figures.yaml, so no page shows it: "
                + "a language's file gives the words of figures.yaml's figures; check the id\nus-troopz:\n^",
        ])
    }

    /// The sample's own `Source URL` column, a YAML or JSON key with a space and a file named `poll.2024.csv`
    /// could not be named by any tag: each also goes by its words run together, where no key has that name.
    @Test func dataNamesNoTagCanWriteGoByTheirWordsRunTogether() throws {
        let data = try SiteData.load([
            ("key-figures.csv", SourceFile(path: "Content/data/key-figures.csv", text: "Metric,Source URL,As of,asOf\nTroops,https://www.usfk.mil/,2025,own\n")),
            ("people.yaml", SourceFile(path: "Content/data/people.yaml", text: "Desk Lead: Min-ji Park\nv1.2: beta\n")),
            ("poll.2024.json", SourceFile(path: "Content/data/poll.2024.json", text: #"{"Share in favour": 71}"#)),
        ])
        let library = try TemplateLibrary(templates: ["t": Template(
            source: "{{#data.key-figures}}{{Metric}} {{sourceURL}} {{asOf}}{{/data.key-figures}}; {{data.people.deskLead}} {{data.people.v12}}; {{data.poll2024.shareInFavour}}",
            name: "t"
        )])
        let rendered = try library.render("t", context: ["data": data.templateValue], strict: true)
        #expect(rendered == "Troops https://www.usfk.mil/ own; Min-ji Park beta; 71", "asOf is a column of its own, which the alias of 'As of' leaves alone")
        #expect(TemplateNames.alias(of: "Metric") == nil && TemplateNames.alias(of: "As of") == "asOf" && TemplateNames.alias(of: "...") == nil)
    }

    /// Every refused Source URL of a file is named at once; placing each one read the file from its start,
    /// quadratic in the rows: 100,000 script addresses took minutes. The others are named by their rows' lines.
    @Test(.timeLimit(.minutes(1))) func thousandsOfRefusedAddressesAreNamedInOnePass() {
        let rows = (0..<100_000).map { "\(2000 + $0 % 100),DoD,javascript:x\($0)()" }
        let text = (["Year,Source,Source URL"] + rows).joined(separator: "\n") + "\n"
        do {
            _ = try DataFile.parse(SourceFile(path: "Content/data/bad.csv", text: text), fileName: "bad.csv")
            Issue.record("the file was read")
        } catch {
            #expect(error.message.hasSuffix("; the addresses at lines 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 and 99989 more are refused too"))
            #expect(error.location == SourceLocation(path: "Content/data/bad.csv", line: 2, column: 10))
        }
    }
}
