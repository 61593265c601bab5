import DinhCore
import Yams

/// A YAML value with the place it was written: what the validators read, so every message
/// can point at the exact line. Built from Yams' node tree, shifted to the file's own lines.
package struct YAMLNode: Sendable {
    package enum Kind: Sendable {
        /// `quoted` tells `45000` from `"45000"`, and lets messages say when quotes would help.
        case scalar(String, quoted: Bool)
        case mapping([Entry])
        case sequence([YAMLNode])
    }

    package struct Entry: Sendable {
        package var key: String
        package var keyLocation: SourceLocation
        package var value: YAMLNode
    }

    package var kind: Kind
    package var location: SourceLocation

    package var scalar: String? {
        if case .scalar(let text, _) = kind { return text }
        return nil
    }

    var isNull: Bool {
        if case .scalar(let text, let quoted) = kind { return !quoted && ["", "~", "null", "Null", "NULL"].contains(text) }
        return false
    }

    /// What this value is, in words for a message: "a list", "a group of fields", "text".
    var kindDescription: ValueKind {
        switch kind {
        case .scalar: return .scalar
        case .mapping: return .mapping
        case .sequence: return .sequence
        }
    }
}

/// Parses YAML text into `YAMLNode`s, turning the parser's errors into messages a culture
/// officer can act on.
package enum YAMLReader {
    /// - Parameters:
    ///   - lineOffset: lines before the YAML in its file (front matter starts after `---`).
    package static func parse(_ text: String, path: String, lineOffset: Int = 0) -> Result<YAMLNode?, Diagnostic> {
        // Empty (a translation's `---` `---`), or plain YAML: no need for Yams.
        if text.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x0A }) { return .success(nil) }
        if let node = PlainYAML.parse(text, path: path, lineOffset: lineOffset) { return .success(node) }
        return parseWithYams(text, path: path, lineOffset: lineOffset)
    }

    /// Any YAML, and every message about it.
    static func parseWithYams(_ text: String, path: String, lineOffset: Int = 0) -> Result<YAMLNode?, Diagnostic> {
        // Aliases need an anchor: only a text with both `&` and `*` is read twice.
        if text.utf8.contains(UInt8(ascii: "&")), text.utf8.contains(UInt8(ascii: "*")),
           let overflow = YAMLLimits.aliasOverflow(text) {
            return .failure(.error(SourceLocation(path: path, line: overflow.line + lineOffset, column: overflow.column),
                                   .yamlAliasBomb(alias: overflow.alias)))
        }
        do {
            // Tags are not resolved (our reader types every value itself), and the encoding is given: by
            // default Yams reads the process environment on every call, which showed in profiles.
            guard let node = try Yams.compose(yaml: text, .basic, .default, .utf8) else { return .success(nil) }
            return .success(convert(node, path: path, lineOffset: lineOffset))
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, text: text, path: path, lineOffset: lineOffset))
        } catch {
            return .failure(.error(SourceLocation(path: path, line: lineOffset + 1), .yamlUnreadable(detail: "\(error)")))
        }
    }

    private static func convert(_ node: Node, path: String, lineOffset: Int) -> YAMLNode {
        func location(_ mark: Mark?) -> SourceLocation {
            SourceLocation(path: path, line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1)
        }
        switch node {
        case .scalar(let scalar):
            return YAMLNode(kind: .scalar(scalar.string.nfc, quoted: scalar.style != .plain), location: location(scalar.mark))
        case .mapping(let mapping):
            let entries = mapping.map { pair in
                YAMLNode.Entry(key: pair.key.string?.nfc ?? "", keyLocation: location(pair.key.mark),
                               value: convert(pair.value, path: path, lineOffset: lineOffset))
            }
            return YAMLNode(kind: .mapping(entries), location: location(mapping.mark))
        case .sequence(let sequence):
            return YAMLNode(kind: .sequence(sequence.map { convert($0, path: path, lineOffset: lineOffset) }),
                            location: location(sequence.mark))
        case .alias(let alias):
            return YAMLNode(kind: .scalar("", quoted: false), location: location(alias.mark))
        }
    }

    private static func diagnostic(for error: YamlError, text: String, path: String, lineOffset: Int) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column)
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        func line(_ mark: Mark) -> String {
            mark.line >= 1 && mark.line <= lines.count ? String(lines[mark.line - 1]) : ""
        }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let source = line(mark)
            let contextText = context?.text ?? ""
            // A tab anywhere in the indentation is the most common cause of "cannot start any token".
            if source.prefix(while: { $0 == " " || $0 == "\t" }).contains("\t") || problem.contains("tab") {
                // Every line indented so, at once: an editor set to indent with tabs did them all.
                let also = lines.indices.filter { $0 + 1 != mark.line && lines[$0].prefix(while: { $0 == " " || $0 == "\t" }).contains("\t") }
                // A tab stands for one step of indentation: as many spaces as the file's own steps (a
                // tab replaced by an editor's four spaces, among lines indented by two, failed again).
                let steps = lines.filter { !$0.trimmed.isEmpty }.map { $0.prefix(while: { $0 == " " || $0 == "\t" }) }
                    .filter { !$0.isEmpty && !$0.contains("\t") }.map(\.count)
                return .error(at(mark), .yamlTab(alsoLines: also.map { $0 + 1 + lineOffset }, spaces: steps.min()))
            }
            // A quote left open runs on to the next quote, lines below, and the error surfaces there.
            if let open = firstUnclosedQuote(in: lines, through: mark.line) {
                return .error(SourceLocation(path: path, line: open.line + lineOffset, column: open.column), .yamlUnclosedQuote)
            }
            // A list or a group opened with [ or { and not closed on its line.
            if problem.contains("did not find expected ',' or ']'") || problem.contains("did not find expected ',' or '}'") {
                let list = problem.contains("]")
                // `{DP01: Di tích đã chuyển: xem DP03}`: the `{` is closed; the second colon ends the text.
                if !list, let open = source.firstIndex(of: "{") {
                    let inside = source[source.index(after: open)...].trimmed
                    let body = inside.hasSuffix("}") ? inside.dropLast().trimmed : inside
                    let pair = body.split(separator: ":", maxSplits: 1)
                    if pair.count == 2, pair[1].contains(": "), !pair[1].contains(","), !pair[1].contains("\"") {
                        return .error(at(mark), .yamlColon(suggestion: "\(source[..<open]){\(pair[0].trimmed): \"\(pair[1].trimmed)\"}"))
                    }
                }
                return .error(context.map { at($0.mark) } ?? at(mark), .yamlUnclosedBracket(open: list ? "[" : "{", close: list ? "]" : "}"))
            }
            // `base_url https://…`: the scanner reads on to the next line before it misses the colon;
            // the line where the key began is the one to mend.
            if problem.contains("could not find expected ':'"), let start = context?.mark {
                let text = line(start), trimmed = text.trimmed
                let key = trimmed.prefix { $0 != " " && $0 != "\t" }
                if Self.isFieldName(key) {
                    let rest = trimmed.dropFirst(key.count).trimmed, indent = text.prefix(while: { $0 == " " }).count
                    return .error(SourceLocation(path: path, line: start.line + lineOffset, column: indent + key.count + 1),
                                  .yamlNoColon(suggestion: rest.isEmpty ? "\(key):" : "\(key): \(rest)"))
                }
            }
            if problem.contains("mapping values are not allowed") {
                func indent(_ text: some StringProtocol) -> Int { text.prefix(while: { $0 == " " }).count }
                let above = lineAbove(mark.line, in: lines)
                // `code DP01` (no colon) joins the next line's `name:` into one text: the mistake is the line above.
                if let (number, text) = above, !text.contains(":"), indent(text) == indent(source),
                   let space = text.trimmed.firstIndex(of: " "), Self.isFieldName(text.trimmed[..<space]) {
                    let trimmed = text.trimmed
                    return .error(SourceLocation(path: path, line: number + lineOffset, column: indent(text) + trimmed.distance(from: trimmed.startIndex, to: space) + 1),
                                  .yamlNoColon(suggestion: "\(trimmed[..<space]): \(trimmed[space...].trimmed)"))
                }
                let parts = source.split(separator: ":", maxSplits: 1)
                // `   en: …` indented deeper than `  vi: Đình` above it, which has its value: a field cannot
                // go inside a text, so the spaces are the mistake, not a colon (quoting would not help).
                if let (_, text) = above, text.split(separator: ":", maxSplits: 1).dropFirst().first?.trimmed.isEmpty == false,
                   !text.trimmed.hasPrefix("-"), let key = parts.first, Self.isFieldName(key.trimmed), indent(source) > indent(text) {
                    return .error(SourceLocation(path: path, line: mark.line + lineOffset, column: 1), .yamlIndentation)
                }
                let key = parts.first.map { $0.trimmed } ?? "name"
                let value = parts.dropFirst().first.map { $0.trimmed } ?? "…"
                // `moved_codes: DP01: DP03`: a group on one line goes between braces.
                if ["moved_codes", "retired_codes"].contains(key) {
                    return .error(at(mark), .yamlGroupOnOneLine(suggestion: "\(key): {\(value)}"))
                }
                return .error(at(mark), .yamlColon(suggestion: "\(key): \"\(value.replacingOccurrences(of: "\"", with: "\\\""))\""))
            }
            if contextText.contains("quoted scalar") || problem.contains("end of stream") && contextText.contains("scalar") {
                let start = context.map { at($0.mark) } ?? at(mark)
                return .error(start, .yamlUnclosedQuote)
            }
            if problem.contains("did not find expected key") || problem.contains("did not find expected '-' indicator") {
                return .error(at(mark), .yamlIndentation)
            }
            if problem.contains("block sequence entries are not allowed") {
                return .error(at(mark), .yamlDashInLine)
            }
            if problem.contains("Maximum nesting level reached") {
                return .error(at(mark), .yamlTooDeep)
            }
            // `*`, `&`, `]` or `}` starting a value: signs of YAML's own, like `@`.
            if problem.contains("found character that cannot start any token") || problem.contains("undefined alias")
                || contextText.contains("scanning an alias") || contextText.contains("scanning an anchor")
                || problem.contains("did not find expected node content") {
                return .error(at(mark), .yamlBadStart)
            }
            let detail = contextText.isEmpty ? problem : "\(problem) (\(contextText))"
            return .error(at(mark), .yamlInvalid(detail: detail))
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .error(at(context.mark), .yamlDuplicate(keys: duplicates))
        case .reader(let problem, _, _, _):
            return .error(SourceLocation(path: path, line: lineOffset + 1), .notUTF8Text(problem: "\(problem)"))
        default:
            return .error(SourceLocation(path: path, line: lineOffset + 1), .yamlUnreadable(detail: "\(error)"))
        }
    }

    /// Whether `text` looks like a field's name (`code`, `sale_price`, `vi`), not words of a text
    /// that runs over several lines (`Quán Đạo giáo`, `hàng năm`).
    private static func isFieldName(_ text: some StringProtocol) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || $0 == "_" || ("0"..."9").contains($0) }
    }

    /// The last line before `line` (1-based) that is neither blank nor a comment, and its number.
    private static func lineAbove(_ line: Int, in lines: [Substring]) -> (Int, String)? {
        var number = line - 1
        while number >= 1 {
            let text = String(lines[number - 1])
            if !text.trimmed.isEmpty && !text.trimmed.hasPrefix("#") { return (number, text) }
            number -= 1
        }
        return nil
    }

    /// Where a quote left open on its line runs on, lines below, to a quote that was meant to open
    /// another value (`kind: "quán` … `text: {vi: "Cổng"}`): the reader stumbles there, and this
    /// names the opening quote. A quoted text wrapped over lines on purpose ends at a quote that
    /// closes it, and is left alone; so are quotes inside plain text and comments, and the lines
    /// of `|` and `>` blocks. Lines up to `end` (1-based), the one of the error, are read.
    static func firstUnclosedQuote(in lines: [Substring], through end: Int) -> (line: Int, column: Int)? {
        var open: (quote: Character, line: Int, column: Int)?
        var blockIndent: Int?
        for (index, line) in lines.prefix(max(0, end)).enumerated() {
            let indent = line.prefix { $0 == " " }.count
            if open == nil, let block = blockIndent, indent > block || line.allSatisfy({ $0 == " " }) { continue }
            blockIndent = nil
            // `previous`: the last character other than a space on this line (nil at its start);
            // `depth`: inside how many `[` or `{`, where `,` also comes before a value.
            var previous: Character?, spaced = true, escaped = false, depth = 0, column = 0
            func startsValue() -> Bool {
                previous == nil || previous == ":" || previous == "-" || depth > 0 && "[{,".contains(previous!)
            }
            for character in line {
                column += 1
                // Brackets count inside an open quote too: on a later line, they show what was meant.
                if character == "[" || character == "{" { depth += 1 } else if character == "]" || character == "}" { depth -= 1 }
                if let quote = open?.quote {
                    if escaped { escaped = false } else if quote == "\"" && character == "\\" { escaped = true } else if character == quote {
                        if let opened = open, opened.line != index, startsValue() { return (opened.line + 1, opened.column) }
                        open = nil  // `''` in single quotes closes and opens again: no quote starts a value there
                    }
                } else if character == "\"" || character == "'", startsValue() {
                    open = (character, index, column)
                } else if character == "#", spaced {
                    break  // a comment
                }
                spaced = character == " "
                if character != " " { previous = character }
            }
            guard open == nil else { continue }
            // `key: |`, `key: >-`, `- |2`: a block starts below (its indicators and a comment after).
            let value = line.firstRange(of: " #").map { line[..<$0.lowerBound] } ?? line
            let last = value.reversed().first { $0 != " " && !"+-0123456789".contains($0) }
            if last == "|" || last == ">" { blockIndent = indent }
        }
        return open.map { ($0.line + 1, $0.column) }  // never closed
    }
}
