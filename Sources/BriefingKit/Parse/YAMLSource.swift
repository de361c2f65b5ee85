import BriefingTemplates
import Yams

/// YAML text that sits somewhere in a file (a front matter block, a whole settings or data file):
/// parses it with Yams and maps every position back to the file, so errors point at the right line.
struct YAMLSource {
    let file: SourceFile
    let yaml: String
    /// Lines of the file before the YAML starts (1 for front matter after its opening `---`).
    let lineOffset: Int

    /// No rules: Yams would try each rule's regular expression in turn on every scalar it hashes or is asked
    /// the type of, keys included. Plain scalars are typed by `PlainScalar` instead (see `Node.tagName`).
    static let resolver = Resolver.basic

    /// The root node, or nil for an empty document.
    func compose() throws(Diagnostic) -> Node? {
        do {
            // Naming the encoding spares Yams a look at the whole environment per document, which was
            // a third of the cost of reading front matter.
            return try Yams.compose(yaml: yaml, YAMLSource.resolver, .default, .utf8)
        } catch let error as YamlError {
            throw diagnostic(for: error)
        } catch {
            throw file.error("invalid YAML: \(error)", line: lineOffset + 1, column: 1)
        }
    }

    func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return file.location(line: lineOffset + 1, column: 1) }
        return file.location(line: mark.line + lineOffset, column: mark.column)
    }

    func error(_ message: String, at node: Node) -> Diagnostic {
        file.diagnostic(.error, message, at: location(of: node))
    }

    private func diagnostic(for error: YamlError) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let line = mark.line + lineOffset
            var message = "invalid YAML: \(problem)"
            if let context { message += " (\(context.text) at line \(context.mark.line + lineOffset))" }
            if let text = file.line(line), text.prefix(while: { $0 == " " || $0 == "\t" }).contains("\t") {
                message = "invalid YAML: a tab in the indentation; YAML is indented with spaces only"
                return file.error(message, line: line, column: 1)
            }
            return file.error(message, line: line, column: mark.column)
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
            return file.error("invalid YAML: duplicate key \(keys)", line: context.mark.line + lineOffset, column: context.mark.column)
        case let .reader(problem, _, _, _):
            return file.error("invalid YAML: \(problem)", line: lineOffset + 1, column: 1)
        default:
            return file.error("invalid YAML: \(error)", line: lineOffset + 1, column: 1)
        }
    }
}

extension Node {
    /// The scalar's text when the node is a scalar of any resolved type.
    var scalarText: String? { scalar?.string }

    /// The YAML type: the tag written on the node, or for a plain scalar (which Yams leaves untagged,
    /// quoted ones being text) the type its text resolves to. Yams keeps `Tag.name` internal; its raw
    /// value is the same.
    var tagName: Tag.Name {
        guard case .scalar(let scalar) = self else { return Tag.Name(rawValue: tag.rawValue) }
        switch scalar.tag.rawValue {
        case Tag.Name.implicit.rawValue: return PlainScalar.type(of: scalar.string)
        case Tag.Name.nonSpecific.rawValue: return .str
        case let written: return Tag.Name(rawValue: written)
        }
    }

    var isNull: Bool { scalar != nil && tagName == .null }

    /// Plain YAML → a typed template value: numbers, booleans and null by YAML's own resolution,
    /// dates kept as written.
    var templateValue: TemplateValue {
        switch self {
        case .scalar(let scalar):
            switch tagName {
            case .null: return .null
            case .bool: return bool.map(TemplateValue.bool) ?? .string(scalar.string)
            case .int: return int.map(TemplateValue.int) ?? .string(scalar.string)
            case .float: return float.map(TemplateValue.double) ?? .string(scalar.string)
            default: return .string(scalar.string)
            }
        case .sequence(let sequence):
            return .list(sequence.map(\.templateValue))
        case .mapping(let mapping):
            var map: [String: TemplateValue] = [:]
            for (key, value) in mapping {
                map[key.scalarText ?? ""] = value.templateValue
            }
            return .map(map)
        case .alias:
            return .null
        }
    }
}
