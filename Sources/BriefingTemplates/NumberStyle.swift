/// How a language writes the numbers a template interpolates as text: its ten digits and its decimal
/// separator (Arabic's `١٢٫٥` for `12.5`). A number inside a tag (`width="{{width}}"`) is markup and stays
/// ASCII. A render without a style writes ASCII, as the Mustache spec does.
public struct NumberStyle: Sendable, Equatable {
    /// The UTF-8 of each digit, zero first.
    private let digits: [[UInt8]]
    private let decimalSeparator: [UInt8]

    /// Nil unless `digits` is ten decimal digits of one script, zero to nine, as Unicode numbers them.
    public init?(digits: String, decimalSeparator: String = ".") {
        guard digits.count == 10, digits.enumerated().allSatisfy({ value, digit in
            digit.unicodeScalars.count == 1 && digit.unicodeScalars.first?.properties.numericType == .decimal
                && digit.unicodeScalars.first?.properties.numericValue == Double(value)
        }) else { return nil }
        self.digits = digits.map { Array(String($0).utf8) }
        self.decimalSeparator = Array(decimalSeparator.utf8)
    }

    /// `number`, written with ASCII digits and `.` as Swift writes numbers, in this style.
    public func format(_ number: String) -> String {
        var bytes: [UInt8] = []
        write(number, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The digits are digits; the separator, which a table may set to anything, is the caller's to escape.
    func write(_ number: String, to output: inout [UInt8]) {
        for byte in number.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): output.append(contentsOf: digits[Int(byte - UInt8(ascii: "0"))])
            case UInt8(ascii: "."): output.append(contentsOf: decimalSeparator)
            default: output.append(byte)
            }
        }
    }
}
