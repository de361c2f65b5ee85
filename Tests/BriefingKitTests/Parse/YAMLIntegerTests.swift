import Testing
import Yams
@testable import BriefingKit
@testable import BriefingMarkdown
@testable import BriefingSupport

@Suite struct YAMLIntegerTests {
    /// Where Yams' own constructor gives a value, ours gives the same one.
    @Test(arguments: ["0", "7", "-7", "+7", "1_000", "0x1F", "-0x1F", "0b101", "0o17", "017", "1:30", "-1:30", "190:20:30", "9223372036854775807"])
    func agreesWithYams(_ text: String) {
        let yams = Int.construct(from: Node.Scalar(text, Tag(.implicit), .plain))
        #expect(yams != nil)
        #expect(YAMLInteger.value(of: text) == yams)
    }

    @Test(arguments: ["1:0:0:0:0:0:0:0:0:0:0:0", "27777777777777777777:7", "9223372036854775808", "0x1FFFFFFFFFFFFFFFF", "-1:0:0:0:0:0:0:0:0:0:0:0"])
    func isNilWhereYamsWouldTrap(_ text: String) {
        #expect(YAMLInteger.value(of: text) == nil)
    }

    /// Yams reads a signed zero as an octal number with no digits, and gives nil: a column of changes
    /// holding `-0` failed the build as "a whole number too large to hold".
    @Test func aSignedZeroIsZero() {
        #expect(YAMLInteger.value(of: "-0") == 0)
        #expect(YAMLInteger.value(of: "+0") == 0)
        #expect(YAMLInteger.value(of: "-00") == 0)
    }
}
