import Testing
@testable import BriefingKit
@testable import BriefingMarkdown
@testable import BriefingSupport

@Suite struct SlugTests {
    /// ASCII segments are checked byte by byte; they must get the answer the Unicode rule gives.
    @Test func asciiSegmentsAreSafeExactlyWhenTheUnicodeRuleSaysSo() {
        func unicodeRule(_ segment: String) -> Bool {
            segment != "." && segment != ".." && !segment.isEmpty && segment.unicodeScalars.allSatisfy { scalar in
                scalar == "-" || scalar == "_" || scalar == "." || scalar.properties.isAlphabetic
                    || scalar.properties.numericType == .decimal
            }
        }
        let scalars = (0..<0x80).compactMap(Unicode.Scalar.init).map(String.init)
        for first in scalars {
            for second in ["", "a", "-", "/", " "] {
                let segment = first + second
                #expect(Slug.isSafe(segment) == unicodeRule(segment), "\(segment.debugDescription)")
            }
        }
        #expect(Slug.isSafe("burden-sharing_2026.v2"))
        #expect(!Slug.isSafe("..") && !Slug.isSafe("") && !Slug.isSafe("a b") && !Slug.isSafe("a/b"))
        #expect(Slug.isSafe("한미-동맹") && Slug.isSafe("Zoë"))
    }

    /// `briefing new deterrence/_draft-notes` wrote the title " draft notes".
    @Test func aTitleFromANameHasNoSpaceWhereASeparatorLed() {
        #expect(Slug.title(fromFolder: "deterrence/_draft-notes") == "Draft notes")
        #expect(Slug.title(fromFolder: "burden-sharing") == "Burden sharing")
        #expect(Slug.title(fromFolder: "a--b__c") == "A b c")
    }
}
