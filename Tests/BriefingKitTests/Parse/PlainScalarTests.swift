import Testing
import Yams
@testable import BriefingKit
@testable import BriefingMarkdown
@testable import BriefingSupport

@Suite struct PlainScalarTests {
    /// Yams' own rules, the ones the site resolved with before `PlainScalar` matched them by hand.
    static let reference = Resolver.default.removing(.timestamp).removing(.merge).removing(.value)

    static func referenceType(of text: String) -> Yams.Tag.Name {
        reference.resolveTag(of: .scalar(.init(text, Yams.Tag(.implicit, reference), .plain)))
    }

    @Test(arguments: [
        "", "~", "null", "Null", "NULL", "nULL", "true", "False", "YES", "on", "OFF", "y", "n", "yEs",
        "0", "-0", "+0", "00", "017", "0o17", "0o", "0o8", "08", "0b101", "0b", "0b2", "-0b1_0", "0x1F", "0xg", "0X1F",
        "1_000", "_1", "1__", "123abc", "1:30", "1:3:05", "1:60", "1:6", "1:61", "1:123", "190:20:30", "0:30", "1:",
        "1.5", "1.", "1_0.5_", "1e3", "1e", "1e+3", "1E-3", "1.5e", ".5", "._", "._5", ".5e3", ".5e+3", ".5E-10", "-.5",
        "+1.5", "1:30.5", "1:30.", "-1:30.5", "1:30:5.", ".inf", "-.inf", "+.Inf", ".INF", ".iNf", ".nan", ".NaN", "-.nan",
        ".", "-", "+", "e3", "2026-03-12", "2026-03-12T09:30:00Z", "28,500", "1 000", "１２", "South Korea", "v1.2",
        // Words told apart by their first byte and length alone: those that start as a bool or null word does.
        "Norway", "offline", "TRUEST", "Yesterday", "nullable", "~~", "oN", "n0", "title", "tags", "Falsey", "é", "Ünited",
    ])
    func matchesYamsOnChosenScalars(text: String) {
        #expect(PlainScalar.type(of: text) == Self.referenceType(of: text), "\(text.debugDescription)")
    }

    /// Every string of up to five characters from the ones the rules care about, and a sample of longer ones.
    @Test func matchesYamsOnEveryShortCombination() {
        let alphabet: [Character] = ["0", "1", "5", "6", "9", "_", ".", ":", "-", "+", "e", "x", "o", "b", "F", "n", "i"]
        var texts: [String] = [""]
        var frontier: [String] = [""]
        for _ in 1...4 {
            frontier = frontier.flatMap { prefix in alphabet.map { prefix + String($0) } }
            texts += frontier
        }
        var generator = SplitMix(seed: 2026)
        for _ in 0..<20_000 {
            let length = Int(generator.next() % 10) + 5
            texts.append(String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }))
        }
        let mismatches = texts.filter { PlainScalar.type(of: $0) != Self.referenceType(of: $0) }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
        #expect(texts.count > 100_000)
    }

    /// A tiny seeded generator, so a failure can be reproduced.
    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
