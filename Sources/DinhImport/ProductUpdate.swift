import DinhContent

/// `dinh import --update` on a product that has a page already: the sheet's fields replace the
/// page's, and what the sheet does not give stays — a column it lacks or a cell left empty (photos
/// and a GTIN added to the page by hand, the English name, the OCOP decision, the description…): an
/// empty cell is most often one nobody filled in, not a wish to delete. Works on the text, field by
/// field, so the officer's comments and the fields the sheet does not give are kept as written.
enum ProductUpdate {
    /// The page `fresh` (made from the sheet) merged into `previous` (the file it replaces); nil
    /// when `previous` has no front matter to merge into.
    static func merged(_ fresh: String, into previous: String, defaultLanguage: String) -> String? {
        guard let new = Page(fresh), let old = Page(previous) else { return nil }
        var blocks = new.blocks
        for block in old.blocks {
            if let index = blocks.firstIndex(where: { $0.key == block.key }) {
                blocks[index] = merge(blocks[index], over: block, defaultLanguage: defaultLanguage)
            } else {
                blocks.append(block)
            }
        }
        let body = new.body.allSatisfy(\.isWhitespace) ? old.body : new.body
        return (["---"] + blocks.flatMap { $0.leading + $0.lines } + old.trailing + ["---"]).joined(separator: "\n") + "\n" + body
    }

    /// A field of the sheet over the page's: a whole new value (after the page's comments above
    /// it), except for the sub-fields of `name:` and `ocop:` the sheet does not give (`name.en`,
    /// `ocop.decision`).
    private static func merge(_ new: Block, over old: Block, defaultLanguage: String) -> Block {
        var result = new
        result.leading = old.leading
        // Photos the page has and the sheet does not name stay, after the sheet's: each is a file
        // someone chose and put there (a sheet's photo column most often names one).
        if new.key == "images", let fresh = new.items, let kept = old.items {
            result.lines = ["images: \(YAMLText.list(fresh + kept.filter { !fresh.contains($0) }))"]
            return result
        }
        guard var oldEntries = old.entries else { return result }
        var newEntries: [Block]
        if let entries = new.entries {
            newEntries = entries
        } else if new.key == "name", let value = new.scalarValue {
            newEntries = [Block(key: defaultLanguage, lines: ["  \(defaultLanguage): \(value)"])]  // one name given: the default language's
        } else {
            return result
        }
        if new.key == "ocop" {
            // A sheet's year over the page's date of that year: the date says more.
            if let year = newEntries.firstIndex(where: { $0.key == "year" }), !newEntries.contains(where: { $0.key == "date" }),
               let value = newEntries[year].scalarValue, let date = oldEntries.first(where: { $0.key == "date" }),
               date.scalarValue?.trimmingCharacters(in: ["\"", "'"]).hasPrefix(value + "-") == true {
                newEntries[year] = date
            }
            // Another year is another recognition: the old decision is not its (unless the sheet gives one).
            func year(_ entries: [Block]) -> String? {
                entries.first { ["date", "year"].contains($0.key) }?.scalarValue.map { String($0.trimmingCharacters(in: ["\"", "'"]).prefix(4)) }
            }
            if let new = year(newEntries), let old = year(oldEntries), new != old { oldEntries.removeAll { $0.key == "decision" } }
            // The recognition date or year: one replaces the other.
            if newEntries.contains(where: { ["date", "year"].contains($0.key) }) { oldEntries.removeAll { ["date", "year"].contains($0.key) } }
        }
        for entry in oldEntries where !newEntries.contains(where: { $0.key == entry.key }) { newEntries.append(entry) }
        result.lines = ["\(new.key):"] + newEntries.flatMap { $0.leading + $0.lines }
        return result
    }

    /// A field: the comments and blank lines above it, its line and the lines below that belong to it.
    struct Block {
        var key: String
        var leading: [String] = []
        var lines: [String]

        /// The value written on the field's own line, if any.
        var scalarValue: String? {
            guard let first = lines.first, let colon = Self.colon(in: first) else { return nil }
            let value = first[first.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            return value.isEmpty || value.hasPrefix("#") ? nil : value
        }

        /// The items of a list of texts (`[a.jpg, b.jpg]` or one `- a.jpg` a line); nil for another value.
        var items: [String]? {
            guard case .success(let node?) = YAMLReader.parse(lines.joined(separator: "\n"), path: ""),
                  case .mapping(let top) = node.kind, case .sequence(let values)? = top.first?.value.kind else { return nil }
            let texts = values.compactMap(\.scalar)
            return texts.count == values.count ? texts : nil
        }

        /// The sub-fields of a mapping, as two-space-indented fields: written over the lines below
        /// the field, or in braces on its line (`name: {vi: Chè lam, en: Rice cake}`); nil for another value.
        var entries: [Block]? {
            if let value = scalarValue {
                guard value.hasPrefix("{"), case .success(let node?) = YAMLReader.parse("value: " + value, path: ""),
                      case .mapping(let top) = node.kind, case .mapping(let entries)? = top.first?.value.kind else { return nil }
                var blocks: [Block] = []
                for entry in entries {
                    guard let text = entry.value.scalar else { return nil }
                    blocks.append(Block(key: entry.key, lines: ["  \(entry.key): \(YAMLText.quoted(text))"]))
                }
                return blocks
            }
            let inner = Array(lines.dropFirst())
            guard let indent = inner.first(where: { !Self.isLoose($0) }).map({ $0.prefix(while: { $0 == " " }).count }), indent > 0 else { return nil }
            // The first field sets the indentation, so there is at least one block.
            let (blocks, trailing) = Self.blocks(inner, indent: indent)
            guard blocks.allSatisfy({ $0.key != "-" }) else { return nil }
            // Written again at two spaces, as the sheet's own sub-fields are.
            let shift = String(repeating: " ", count: indent)
            func reindented(_ line: String) -> String { line.hasPrefix(shift) ? "  " + line.dropFirst(indent) : line }
            var result = blocks.map { Block(key: $0.key, leading: $0.leading.map(reindented), lines: $0.lines.map(reindented)) }
            if !trailing.isEmpty { result[result.count - 1].lines += trailing }
            return result
        }

        static func isLoose(_ line: String) -> Bool {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty || trimmed.hasPrefix("#")
        }

        /// The colon after a field's name (which may be quoted).
        static func colon(in line: String) -> String.Index? {
            let trimmed = line.drop(while: { $0 == " " })
            if let quote = trimmed.first, quote == "\"" || quote == "'" {
                guard let close = trimmed.dropFirst().firstIndex(of: quote) else { return nil }
                return trimmed[close...].firstIndex(of: ":")
            }
            return trimmed.firstIndex(of: ":")
        }

        /// Lines cut where a field starts at `indent` spaces; comments and blank lines go with the
        /// field below them. Returns the fields and the loose lines after the last.
        static func blocks(_ lines: [String], indent: Int) -> (blocks: [Block], trailing: [String]) {
            var blocks: [Block] = []
            var loose: [String] = []
            for line in lines {
                let spaces = line.prefix(while: { $0 == " " }).count
                if isLoose(line) {
                    loose.append(line)
                } else if spaces == indent {
                    let text = String(line.dropFirst(indent))
                    let key = text.hasPrefix("-") ? "-" : colon(in: text).map {
                        String(text[..<$0]).trimmingCharacters(in: .whitespaces).trimmingCharacters(in: ["\"", "'"])
                    } ?? text
                    blocks.append(Block(key: key, leading: loose, lines: [line]))
                    loose = []
                } else if blocks.isEmpty {
                    loose.append(line)
                } else {
                    blocks[blocks.count - 1].lines += loose + [line]
                    loose = []
                }
            }
            return (blocks, loose)
        }
    }

    /// A Markdown page: its front matter's fields and the text after it.
    struct Page {
        var blocks: [Block]
        var trailing: [String]
        var body: String

        init?(_ text: String) {
            // "\r\n" is one Character in Swift: split on Unicode scalars, so CRLF pages read as LF ones.
            var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
                .map { String(String.UnicodeScalarView($0.last == "\r" ? $0.dropLast() : $0)) }
            if lines.first?.hasPrefix("\u{FEFF}") == true { lines[0].removeFirst() }
            guard lines.first?.trimmingCharacters(in: .whitespaces) == "---",
                  let end = lines.dropFirst().firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "---" }) else { return nil }
            (blocks, trailing) = Block.blocks(Array(lines[1..<end]), indent: 0)
            body = lines[(end + 1)...].joined(separator: "\n")
        }
    }
}
