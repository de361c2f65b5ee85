/// A value that a template can look up, interpolate and iterate.
///
/// Lookups walk this enum directly: no `Any`, no reflection. Build values from Swift literals,
/// or decode them from JSON or YAML (`JSONDecoder`, Yams' `YAMLDecoder`).
public enum TemplateValue: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    /// Trusted HTML: written as is, even by an escaping `{{name}}` tag.
    case html(String)
    /// Trusted HTML as UTF-8 bytes, written as is: a page's body comes from cmark as bytes, and making a
    /// String of them would check every byte of every body for valid UTF-8 (120 MB at 10,000 pages).
    case htmlBytes([UInt8])
    case list([TemplateValue])
    case map(TemplateMap)
    case lambda(TemplateLambda)
}

extension TemplateValue {
    /// Whether a section over this value renders nothing (and an inverted section renders).
    /// `null`, `false`, an empty list and an empty string are falsy; `0` is truthy, as in the
    /// Mustache spec's reference implementation.
    var isFalsy: Bool {
        switch self {
        case .null, .bool(false): true
        case .list(let items): items.isEmpty
        case .string(let text), .html(let text): text.isEmpty
        case .htmlBytes(let bytes): bytes.isEmpty
        default: false
        }
    }

    /// The UTF-8 of the string, HTML or bytes value at `pointer`, where the value holds it, and whether it
    /// is trusted HTML; nil for other kinds and for strings short enough to be held in the value itself.
    /// Valid while the value lives unchanged, as every value of a render's context does. A `switch` that
    /// binds the string retained and released it, for every tag of every page.
    static func storedText(at pointer: UnsafePointer<TemplateValue>) -> (bytes: UnsafeBufferPointer<UInt8>, isHTML: Bool)? {
        switch pointer.pointee {
        case .string(let text): stored(text).map { ($0, false) }
        case .html(let text): stored(text).map { ($0, true) }
        case .htmlBytes(let bytes): (bytes.withUnsafeBufferPointer { $0 }, true)
        default: nil
        }
    }

    /// A string's UTF-8 in its own storage: a short string's lies in the value, and would be copied out.
    private static func stored(_ text: String) -> UnsafeBufferPointer<UInt8>? {
        guard text.utf8.count > 15 else { return nil }
        return text.utf8.withContiguousStorageIfAvailable { $0 }
    }

    /// The value under `key` when this is a map.
    public subscript(key: String) -> TemplateValue? {
        if case .map(let entries) = self { entries[key] } else { nil }
    }
}

extension TemplateValue: Equatable {
    /// Lambdas compare unequal, since closures have no identity to compare.
    public static func == (lhs: TemplateValue, rhs: TemplateValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.int(let a), .int(let b)): a == b
        case (.double(let a), .double(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.html(let a), .html(let b)): a == b
        case (.htmlBytes(let a), .htmlBytes(let b)): a == b
        case (.list(let a), .list(let b)): a == b
        case (.map(let a), .map(let b)): a == b
        default: false
        }
    }
}

extension TemplateValue: Decodable {
    /// Decodes any JSON or YAML value. Whole numbers become `.int`, other numbers `.double`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([TemplateValue].self) {
            self = .list(value)
        } else if let value = try? container.decode([String: TemplateValue].self) {
            self = .map(TemplateMap(value.map { ($0.key, $0.value) }))
        } else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "expected null, a bool, a number, a string, a list or a map"
            )
        }
    }
}

extension TemplateValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
}

extension TemplateValue: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self = .int(value) }
}

extension TemplateValue: ExpressibleByFloatLiteral {
    public init(floatLiteral value: Double) { self = .double(value) }
}

extension TemplateValue: ExpressibleByBooleanLiteral {
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension TemplateValue: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
}

extension TemplateValue: ExpressibleByDictionaryLiteral {
    /// A repeated key keeps its last value.
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .map(TemplateMap(elements))
    }
}

extension TemplateValue: ExpressibleByNilLiteral {
    public init(nilLiteral: ()) { self = .null }
}
