import Testing
import Yams
@testable import BriefingKit
@testable import BriefingMarkdown
@testable import BriefingSupport

/// `YAMLNode` answers as Yams' `Node` did before it: same values, same lookups.
@Suite struct YAMLNodeTests {
    private static func compose(_ yaml: String) throws -> Node {
        try #require(try Yams.compose(yaml: yaml, YAMLSource.resolver, .default, .utf8))
    }

    /// Each written after `value: ` and read by Yams' accessors and by `YAMLNode`'s (`-0`, which Yams
    /// reads as no number, is zero: `YAMLIntegerTests`).
    @Test(arguments: [
        "true", "Yes", "OFF", "tRuE", "y", "\"true\"", "'no'", "!!str yes", "!!bool yes", "! on", "!!int on",
        "0", "017", "0o17", "0x1F", "0b101", "1_000", "1:30", "-1:30", "+5", "\"5\"", "!!int 7", "!!str 7",
        "!!float 2", "2.5e+3", ".inf", "-.Inf", ".nan", "1:30.5", "1e3", "'1.5'", "9223372036854775808",
        "~", "null", "", "text", "2026-03-12",
    ])
    func readsValuesAsYams(value: String) throws {
        let yams = try #require(try Self.compose("value: \(value)\n").mapping?.first?.value)
        let node = YAMLNode(yams)
        #expect(node.bool == yams.bool)
        #expect(node.int == yams.int)
        #expect(node.float.map { "\($0)" } == yams.float.map { "\($0)" })
        #expect(node.scalarText == yams.scalar?.string)
    }

    /// Like Yams' `Mapping[String]`: a key matches when it is text, whether plain, quoted or tagged `!!str`.
    @Test func findsKeysAsYams() throws {
        let root = try Self.compose("from: 1\n\"to\": 2\n!!str tagged: 3\n!!int 4: 5\n? [a]\n: 6\n")
        let mapping = try #require(root.mapping)
        let node = YAMLNode(root)
        for key in ["from", "to", "tagged", "4", "a", "missing"] {
            #expect(node[key]?.scalarText == mapping[key]?.scalar?.string, "\(key)")
        }
    }

    /// Yams' composer puts the node an alias names in its place, so the alias reads as that value.
    @Test func readsAnAliasAsTheNodeItNames() throws {
        let node = YAMLNode(try Self.compose("a: &x [1, 2]\nb: *x\n"))
        #expect(node["b"]?.templateValue == .list([.int(1), .int(2)]))
        #expect(node["b"]?.line == 1)
    }
}
