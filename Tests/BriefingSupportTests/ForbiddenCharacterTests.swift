import Testing
@testable import BriefingSupport

@Suite struct ForbiddenCharacterTests {
    /// The first forbidden scalar by the definition alone, scalar by scalar: what the word-at-a-time scan
    /// must find.
    private static func reference(_ text: String) -> (offset: Int, value: UInt32)? {
        var offset = 0
        for scalar in text.unicodeScalars {
            if ForbiddenCharacter.isForbidden(scalar.value) { return (offset, scalar.value) }
            offset += String(scalar).utf8.count
        }
        return nil
    }

    private static func scanned(_ text: String) -> (offset: Int, value: UInt32)? {
        Array(text.utf8).withUnsafeBufferPointer(ForbiddenCharacter.first)
    }

    /// Every ASCII byte at every place of two words and a tail, after ASCII and after Hangul.
    @Test(arguments: ["", "가"])
    func everyASCIIByteAtEveryPlace(_ before: String) {
        for byte in UInt8(0)...0x7F {
            for place in 0..<19 {
                var text = before + String(repeating: "a", count: 19)
                let index = text.utf8.index(text.utf8.startIndex, offsetBy: before.utf8.count + place)
                text.replaceSubrange(index...index, with: String(UnicodeScalar(byte)))
                let found = Self.scanned(text)
                #expect(found?.offset == Self.reference(text)?.offset && found?.value == Self.reference(text)?.value, "byte \(byte) at \(place)")
            }
        }
    }

    @Test func beyondASCII() {
        #expect(ForbiddenCharacter.isForbidden(0x85) && ForbiddenCharacter.isForbidden(0xFDD0) && ForbiddenCharacter.isForbidden(0x1FFFF))
        #expect(!ForbiddenCharacter.isForbidden(0xA0) && !ForbiddenCharacter.isForbidden(0xFFFD) && !ForbiddenCharacter.isForbidden(0x0C))
        // Swift's literals refuse noncharacters: made from their values.
        func scalar(_ value: UInt32) -> String { String(Character(Unicode.Scalar(value)!)) }
        for text in ["한미 동맹\u{85}", "text" + scalar(0xFDD0), "emoji 😀" + scalar(0x1FFFF), "ok" + scalar(0xFFFF), "fine: 한국어, Ünïcödé, 😀, \u{A0}"] {
            let found = Self.scanned(text)
            #expect(found?.offset == Self.reference(text)?.offset && found?.value == Self.reference(text)?.value, "\(text.debugDescription)")
        }
        #expect(Self.scanned("fine: 한국어, Ünïcödé, 😀, \u{A0}\t\n\u{C}\r") == nil)
    }
}
