// libyaml itself, the parser under Yams (a target of the Yams package, visible to its users' modules):
// its event stream tells aliases from the values they repeat, which Yams' composed tree does not.
import CYaml

/// Bounds on what a YAML file may make a reader build, so that a hostile file cannot take
/// unbounded time or memory. Nesting is bounded by libyaml (1,000 levels). Aliases are bounded
/// here: the "billion laughs" file defines `&a0` and repeats it ten times in `&a1`, `&a1` ten
/// times in `&a2`… a few hundred bytes that expand to billions of values once each alias is
/// replaced by what it names (as Yams' tree, and any walk over it, does).
enum YAMLLimits {
    /// Far above any content file (a relic with 50 scenes of 20 hotspots is about 2,000 values).
    static let maximumValues = 100_000

    struct Overflow {
        /// 1-based, within the text given.
        var line: Int
        var column: Int
        var alias: String
    }

    /// Where the text's aliases, replaced by what they name, first make more than `maximumValues`
    /// values; nil when they never do (or the text is not YAML, which the parser then reports).
    static func aliasOverflow(_ text: String, maximumValues: Int = maximumValues) -> Overflow? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer -> Overflow? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            var sizes: [String: Int] = [:]
            // Per open collection: its anchor and the count of values when it started.
            var open: [(anchor: String?, start: Int)] = []
            var count = 0
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                defer { yaml_event_delete(&event) }
                func anchor(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
                    pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
                }
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return nil
                case YAML_SCALAR_EVENT:
                    count += 1
                    if let name = anchor(event.data.scalar.anchor) { sizes[name] = 1 }
                case YAML_SEQUENCE_START_EVENT:
                    count += 1
                    open.append((anchor(event.data.sequence_start.anchor), count))
                case YAML_MAPPING_START_EVENT:
                    count += 1
                    open.append((anchor(event.data.mapping_start.anchor), count))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    if let (name, start) = open.popLast(), let name { sizes[name] = count - start + 1 }
                case YAML_ALIAS_EVENT:
                    let name = anchor(event.data.alias.anchor) ?? ""
                    count += sizes[name] ?? 1
                    if count > maximumValues {
                        return Overflow(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1, alias: name)
                    }
                case YAML_DOCUMENT_END_EVENT:
                    sizes = [:]
                default:
                    break
                }
            }
            return nil
        }
    }
}
