import Testing
@testable import BriefingTemplates

@Suite struct TemplateMapTests {
    @Test func looksUpAddsReplacesAndRemoves() {
        var map: TemplateMap = ["title": "Tripwire", "count": 3]
        #expect(map["title"] == "Tripwire")
        #expect(map["missing"] == nil)
        map["count"] = 4
        map["draft"] = false
        #expect(map.count == 3)
        #expect(map["count"] == 4)
        map["draft"] = nil
        #expect(map.removeValue(forKey: "title") == "Tripwire")
        #expect(map.removeValue(forKey: "title") == nil)
        #expect(map.keys == ["count"])
    }

    @Test func aKeyGivenTwiceKeepsItsLastValueAndTheOrderOfMakingIsKept() {
        let map = TemplateMap([("b", 1), ("a", 2), ("b", 3)])
        #expect(map.count == 2)
        #expect(map["b"] == 3)
        #expect(map.map(\.key) == ["b", "a"])
    }

    @Test func equalMapsMayHaveTheirKeysInAnyOrder() {
        #expect(TemplateMap([("a", 1), ("b", 2)]) == TemplateMap([("b", 2), ("a", 1)]))
        #expect(TemplateMap([("a", 1), ("b", 2)]) != TemplateMap([("a", 1), ("b", 3)]))
        #expect(TemplateMap([("a", 1)]) != TemplateMap([("a", 1), ("b", 2)]))
    }

    /// Past `linearLimit` entries a map is kept sorted by hash: every key must still be found, as it
    /// grows past the limit one key at a time, and as it shrinks back.
    @Test func largeMapsFindEveryKey() {
        let keys = (0..<300).map { "key-\($0)-\(String(repeating: "x", count: $0 % 20))" }
        var map = TemplateMap()
        for (number, key) in keys.enumerated() {
            map[key] = .int(number)
            #expect(map.count == number + 1)
        }
        #expect(keys.enumerated().allSatisfy { map[$1] == .int($0) })
        #expect(map == TemplateMap(keys.enumerated().reversed().map { ($1, TemplateValue.int($0)) }))
        #expect(map["key-300"] == nil)
        for key in keys.prefix(290) { map.removeValue(forKey: key) }
        #expect(map.count == 10)
        #expect(keys.suffix(10).allSatisfy { map[$0] != nil })
        #expect(Set(map.keys) == Set(keys.suffix(10)))
    }

    /// Made at once, a large map is the one setting its keys one by one makes, repeated keys included.
    @Test(arguments: [10, 300])
    func madeAtOnceAsKeyByKey(count: Int) {
        let pairs = (0..<count).map { ("key-\($0 % (count - 3))", TemplateValue.int($0)) }
        var firstWins = TemplateMap()
        var lastWins = TemplateMap()
        for (key, value) in pairs {
            if firstWins[key] == nil { firstWins[key] = value }
            lastWins[key] = value
        }
        let first = TemplateMap(pairs) { earlier, _ in earlier }
        #expect(first == firstWins)
        #expect(TemplateMap(pairs) == lastWins)
        #expect(first.count == count - 3)
        #expect(first["key-0"] == 0)
        #expect(TemplateMap(pairs)["key-0"] == .int(count - 3))
    }

    @Test func mapValuesKeepsTheKeys() {
        let doubled = TemplateMap([("a", 1), ("b", 2)]).mapValues { value in
            guard case .int(let number) = value else { return value }
            return .int(number * 2)
        }
        #expect(doubled == ["a": 2, "b": 4])
    }

    @Test func hashesDependOnEveryByte() {
        let keys = ["", "a", "b", "ab", "ba", "page", "title", "readingTime", "a-long-key-of-more-than-sixteen-bytes", "é", "e\u{301}"]
        #expect(Set(keys.map(TemplateMap.hash)).count == keys.count)
    }
}
