import BriefingSupport

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

    /// Appends `number` (ASCII digits and `.`) to a render's output: in this style where it is text for
    /// readers, as it is where it is markup (see `isText(after:)`); escaped as any value is when `escaped`.
    func append(_ number: String, escaped: Bool, to output: inout [UInt8]) {
        guard output.withUnsafeBufferPointer(NumberStyle.isText) else { return output.append(contentsOf: number.utf8) }
        if escaped { HTMLEscape.append(format(number), to: &output) } else { write(number, to: &output) }
    }

    /// Attributes whose values readers meet: a number in them is text.
    private static let readableAttributes: Set<String> = ["alt", "title", "aria-label", "aria-description", "aria-valuetext", "placeholder", "label"]

    /// Whether a number written after `output` is text for readers: outside any tag and any script or
    /// style, or in the quoted value of an attribute readers meet (`aria-label="Note {{number}}"`). Anywhere
    /// else in a tag it is markup (`width="{{width}}"`, `<h{{level}}>`), and in a script or a style code:
    /// both stay in ASCII digits. Escaped values hold no `<`, so the nearest one written is the template's
    /// own; a `>` may be in an attribute's value (`title="a>b"`), so the tag is read from its `<`.
    private static func isText(after output: UnsafeBufferPointer<UInt8>) -> Bool {
        if isInScriptOrStyle(output) { return false }
        guard let open = output.lastIndex(of: UInt8(ascii: "<")) else { return true }
        // Read from the tag's start, so that a quote of one kind inside a value quoted with the other is not
        // taken for the value's end (`title='He said "yes {{n}}'`).
        switch HTMLTag.read(UnsafeBufferPointer(rebasing: output[(open + 1)...])) {
        case .closed: return true
        case .inQuotedValue(let name): return readableAttributes.contains(name.lowercased())
        case .open: return false
        }
    }

    /// Whether the output ends in the text of a `<script>` or a `<style>`: the nearest of their start and
    /// end tags decides, whatever the code holds (`var s = "<b>"`, `if (a<b)`).
    private static func isInScriptOrStyle(_ output: UnsafeBufferPointer<UInt8>) -> Bool {
        var end = output.endIndex
        while let open = output[..<end].lastIndex(of: UInt8(ascii: "<")) {
            end = open
            var name = output[(open + 1)...]
            let isEndTag = name.first == UInt8(ascii: "/")
            if isEndTag { name = name.dropFirst() }
            let letters = name.prefix { PlainText.isASCIILetter($0) }.map { $0 | 0x20 }
            guard letters.elementsEqual("script".utf8) || letters.elementsEqual("style".utf8) else { continue }
            if isEndTag { return false }
            // In the start tag's attributes (`<script data-n="{{n}}"`) is not in the code.
            guard case .closed = HTMLTag.read(UnsafeBufferPointer(rebasing: output[(open + 1)...])) else { return false }
            return true
        }
        return false
    }

    /// The digits are digits; the separator, which a table may set to anything, is the caller's to escape.
    private func write(_ number: String, to output: inout [UInt8]) {
        for byte in number.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): output.append(contentsOf: digits[Int(byte - UInt8(ascii: "0"))])
            case UInt8(ascii: "."): output.append(contentsOf: decimalSeparator)
            default: output.append(byte)
            }
        }
    }
}
