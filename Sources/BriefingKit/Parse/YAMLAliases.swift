// libyaml, as Yams builds it: Yams gives no access to the events of a document, only to its tree,
// and making the tree of an alias bomb is what must not happen.
import CYaml

/// Aliases repeat a value without writing it again, so they can multiply: nine levels of
/// `[*a, *a, …]` in 200 bytes stand for 387 million values, which our tree (and Yams, to check a
/// mapping's keys) would make one by one. Before a document with aliases is composed, its events are
/// read once, adding up the values each anchor stands for and so each alias.
enum YAMLAliases {
    /// Values that aliases may add to a document, beyond those written in it.
    static let limit = 100_000

    /// Where the values aliases add first pass `limit`: the alias, its 1-based line and column in `yaml`
    /// (columns in Unicode scalars, as libyaml counts). Nil when they never do, and when the YAML does
    /// not parse: composing it reports that error.
    static func firstExcess(in yaml: String) -> (alias: String, line: Int, column: Int)? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        let bytes = Array(yaml.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            // libyaml asserts that its input is not null, which an empty array's may be; nor has it aliases.
            guard let start = buffer.baseAddress else { return nil }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, start, buffer.count)
            var sizes: [String: Int] = [:]
            // The collections open around the current event, each with the values it holds so far.
            var open: [(anchor: String?, size: Int)] = []
            var added = 0
            func complete(_ size: Int, anchor: String?) {
                // A later anchor of the same name replaces the earlier one, for the aliases after it.
                if let anchor { sizes[anchor] = size }
                if !open.isEmpty { open[open.count - 1].size += size }
            }
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                switch event.type {
                case YAML_SCALAR_EVENT:
                    complete(1, anchor: name(event.data.scalar.anchor))
                case YAML_SEQUENCE_START_EVENT:
                    open.append((name(event.data.sequence_start.anchor), 1))
                case YAML_MAPPING_START_EVENT:
                    open.append((name(event.data.mapping_start.anchor), 1))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    let collection = open.removeLast()
                    complete(collection.size, anchor: collection.anchor)
                case YAML_ALIAS_EVENT:
                    let alias = name(event.data.alias.anchor) ?? ""
                    // An alias to no anchor stands for nothing here; composing reports it.
                    let size = sizes[alias] ?? 1
                    added += size
                    if added > limit {
                        return (alias, Int(event.start_mark.line) + 1, Int(event.start_mark.column) + 1)
                    }
                    complete(size, anchor: nil)
                case YAML_STREAM_END_EVENT:
                    return nil
                default:
                    continue
                }
            }
        }
    }

    private static func name(_ text: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        text.map { String(cString: $0) }
    }
}
