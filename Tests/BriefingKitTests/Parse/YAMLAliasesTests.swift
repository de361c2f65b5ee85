import Testing
@testable import BriefingKit

@Suite struct YAMLAliasesTests {
    @Test func aliasesThatRepeatAFewValuesPass() {
        #expect(YAMLAliases.firstExcess(in: "base: &b {x: 1, y: [1, 2, 3]}\nother: *b\nquoted: \"a*b\"\n") == nil)
        #expect(YAMLAliases.firstExcess(in: "a: [1, 2\n") == nil, "YAML that does not parse is left to Yams")
        #expect(YAMLAliases.firstExcess(in: "") == nil)
    }

    /// 100,001 values from one alias of a list of 100,000 scalars (the list itself is one more).
    @Test func theLimitCountsEveryValueAnAliasStandsFor() throws {
        let list = "[" + Array(repeating: "1", count: 99_999).joined(separator: ",") + "]"
        #expect(YAMLAliases.firstExcess(in: "a: &a \(list)\nb: *a\n") == nil)
        let longer = "[" + Array(repeating: "1", count: 100_000).joined(separator: ",") + "]"
        let excess = try #require(YAMLAliases.firstExcess(in: "a: &a \(longer)\nb: *a\n"))
        #expect(excess.alias == "a")
        #expect((excess.line, excess.column) == (2, 4))
    }

    /// An anchor given again names the later value for the aliases after it.
    @Test func aLaterAnchorOfTheSameNameReplacesTheEarlier() {
        let big = "[" + Array(repeating: "1", count: 60_000).joined(separator: ",") + "]"
        #expect(YAMLAliases.firstExcess(in: "a: &x \(big)\nb: *x\nc: &x 1\nd: [*x, *x, *x]\n") == nil)
        #expect(YAMLAliases.firstExcess(in: "a: &x \(big)\nb: *x\nd: [*x, *x, *x]\n")?.line == 3)
    }
}
