import BriefingSupport
import BriefingTemplates
import Yams

/// A node of a YAML document, with its position, as front matter, site settings and data files read it.
/// `SimpleYAMLParser` builds it for the simple YAML most files are written in, and `init(_: Node)`
/// from Yams' tree for the rest: Yams' `Mark` cannot be made outside Yams, so its nodes cannot be the
/// common type.
struct YAMLNode: Sendable {
    enum Content: Sendable {
        case scalar(Scalar)
        case sequence([YAMLNode])
        case mapping([(key: YAMLNode, value: YAMLNode)])
    }

    struct Scalar: Sendable {
        var text: String
        var style: Style
        /// The tag as Yams reports it: nil for a plain scalar written without one, `!!str` for a quoted
        /// one (libyaml marks those "quoted implicit"), and `!!str` for every mapping key, which Yams
        /// resolves while checking for duplicates, with a resolver that has no rules.
        var tag: Tag.Name?
    }

    enum Style: Sendable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    var content: Content
    /// Where the node starts in the YAML text, 1-based; the column counts Unicode scalars, as libyaml does.
    var line: Int
    var column: Int
}

extension YAMLNode {
    var scalar: Scalar? {
        guard case .scalar(let scalar) = content else { return nil }
        return scalar
    }

    var sequence: [YAMLNode]? {
        guard case .sequence(let items) = content else { return nil }
        return items
    }

    var mapping: [(key: YAMLNode, value: YAMLNode)]? {
        guard case .mapping(let pairs) = content else { return nil }
        return pairs
    }

    /// The value of a mapping's key written as this text, as Yams' `Mapping[String]` finds it: the last
    /// pair whose key is text equal to it.
    subscript(key: String) -> YAMLNode? {
        mapping?.last { $0.key.scalarText == key && $0.key.tagName == .str }?.value
    }

    /// The scalar's text whatever its type.
    var scalarText: String? { scalar?.text }

    /// The YAML type: the tag written on the node, or for a plain scalar (quoted ones being text) the
    /// type its text resolves to.
    var tagName: Tag.Name {
        switch content {
        case .scalar(let scalar):
            switch scalar.tag {
            case nil: return PlainScalar.type(of: scalar.text)
            case .some(.nonSpecific): return .str
            case let written?: return written
            }
        case .sequence: return .seq
        case .mapping: return .map
        }
    }

    var isNull: Bool { scalar != nil && tagName == .null }

    /// As Yams' `Node.bool` reads it: any scalar not tagged `!!str` (so not a quoted one) that spells a
    /// boolean in any case. Written out rather than built through Yams, whose `Tag` is a class.
    var bool: Bool? {
        guard let scalar, scalar.tag != .str else { return nil }
        switch scalar.text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }

    /// A boolean spelled as YAML 1.1 allows but a reader may not mean (`yes`, `No`, `on`, `OFF`): its text.
    /// Briefing takes only `true` and `false` as booleans, so `draft: yes` is an error, not a hidden page.
    var yaml11BooleanWord: String? {
        guard let value = bool, let text = scalarText, text.lowercased() != String(value) else { return nil }
        return text
    }

    /// As Yams' own constructors (`Node.int`, `.float`) read it, weighing the style as well as the text:
    /// `"3"` is no number, `0x1F` and `1:30` are. Nil for a whole number too large for `Int`.
    var int: Int? {
        guard let scalar, scalar.style == .plain else { return nil }
        return YAMLInteger.value(of: scalar.text)
    }
    var float: Double? { yamsScalar.flatMap(Double.construct) }

    private var yamsScalar: Node.Scalar? {
        scalar.map { scalar in
            let style: Node.Scalar.Style = switch scalar.style {
            case .plain: .plain
            case .singleQuoted: .singleQuoted
            case .doubleQuoted: .doubleQuoted
            case .literal: .literal
            case .folded: .folded
            }
            return Node.Scalar(scalar.text, Tag(scalar.tag ?? .implicit, YAMLSource.resolver), style)
        }
    }

    /// The first scalar, in document order, that `matches`, found without recursion so that deep nesting
    /// cannot exhaust the stack.
    func first(where matches: (YAMLNode) -> Bool) -> YAMLNode? {
        var pending = [self]
        while let node = pending.popLast() {
            switch node.content {
            case .scalar: if matches(node) { return node }
            case .sequence(let items): pending.append(contentsOf: items.reversed())
            case .mapping(let pairs):
                for pair in pairs.reversed() {
                    pending.append(pair.value)
                    pending.append(pair.key)
                }
            }
        }
        return nil
    }

    /// Plain YAML → a typed template value: numbers, booleans and null by YAML's own resolution,
    /// dates kept as written.
    var templateValue: TemplateValue {
        switch content {
        case .scalar(let scalar):
            switch tagName {
            case .null: return .null
            case .bool: return bool.map(TemplateValue.bool) ?? .string(scalar.text)
            case .int: return int.map(TemplateValue.int) ?? .string(scalar.text)
            case .float: return float.map(TemplateValue.double) ?? .string(scalar.text)
            default: return .string(scalar.text)
            }
        case .sequence(let items):
            return .list(items.map(\.templateValue))
        case .mapping(let pairs):
            return .map(TemplateNames.map(pairs.map { ($0.key.scalarText ?? "", $0.value.templateValue) }))
        }
    }
}

extension YAMLNode {
    /// Yams' tree, as composed: tags are read without resolving them (`Node.tag` would), so a plain
    /// scalar stays untagged.
    init(_ node: Node) {
        let mark = node.mark
        line = mark?.line ?? 1
        column = mark?.column ?? 1
        switch node {
        case .scalar(let scalar):
            let tag = scalar.tag.rawValue
            content = .scalar(Scalar(text: scalar.string, style: Style(scalar.style), tag: tag.isEmpty ? nil : Tag.Name(rawValue: tag)))
        case .sequence(let sequence):
            content = .sequence(sequence.map(YAMLNode.init))
        case .mapping(let mapping):
            content = .mapping(mapping.map { (key: YAMLNode($0.key), value: YAMLNode($0.value)) })
        case .alias:
            // Yams' composer puts the node an alias names in its place, so a composed tree holds none;
            // were one to appear, it reads as nothing.
            content = .scalar(Scalar(text: "", style: .plain, tag: nil))
        }
    }
}

extension YAMLNode.Style {
    /// libyaml reports a style for every scalar it reads; `.any` is only for scalars built to be written.
    init(_ style: Node.Scalar.Style) {
        switch style {
        case .any, .plain: self = .plain
        case .singleQuoted: self = .singleQuoted
        case .doubleQuoted: self = .doubleQuoted
        case .literal: self = .literal
        case .folded: self = .folded
        }
    }
}
