/// `dinh import --update` on a product that has a page already: the sheet's fields replace the
/// page's, and what only the page has stays (photos, GTIN, the English name, the OCOP decision,
/// the description…). Works on the text, block by block, so the officer's own lines, comments and
/// layout of the fields the sheet does not give are kept as written.
enum ProductUpdate {
    /// The page `fresh` (made from the sheet) merged into `previous` (the file it replaces).
    static func merged(_ fresh: String, into previous: String, defaultLanguage: String) -> String {
        guard let new = Page(fresh), let old = Page(previous) else { return fresh }
        var blocks = new.blocks
        for block in old.blocks {
            if let index = blocks.firstIndex(where: { $0.key == block.key }) {
                blocks[index] = merge(blocks[index], over: block, defaultLanguage: defaultLanguage)
            } else if block.key.isEmpty {
                blocks.insert(block, at: 0)  // comments above the first field
            } else {
                blocks.append(block)
            }
        }
        let body = new.body.allSatisfy(\.isWhitespace) ? old.body : new.body
        return (["---"] + blocks.flatMap(\.lines) + ["---"]).joined(separator: "\n") + "\n" + body
    }

    /// A field of the sheet over the page's: a whole new value, except for the sub-fields of
    /// `name:` and `ocop:` the sheet does not give (`name.en`, `ocop.decision`).
    private static func merge(_ new: Block, over old: Block, defaultLanguage: String) -> Block {
        guard var oldEntries = old.entries else { return new }
        var newEntries: [Block]
        if let entries = new.entries {
            newEntries = entries
        } else if new.key == "name", let value = new.scalarValue {
            newEntries = [Block(key: defaultLanguage, lines: ["  \(defaultLanguage): \(value)"])]  // one name given: the default language's
        } else {
            return new
        }
        if new.key == "ocop" {
            // A sheet's year over the page's date of that year: the date says more.
            if let year = newEntries.firstIndex(where: { $0.key == "year" }), !newEntries.contains(where: { $0.key == "date" }),
               let value = newEntries[year].scalarValue, let date = oldEntries.first(where: { $0.key == "date" }),
               date.scalarValue?.hasPrefix(value + "-") == true {
                newEntries[year] = date
            }
            // The recognition date or year: one replaces the other.
            if newEntries.contains(where: { ["date", "year"].contains($0.key) }) { oldEntries.removeAll { ["date", "year"].contains($0.key) } }
        }
        for entry in oldEntries where !newEntries.contains(where: { $0.key == entry.key }) { newEntries.append(entry) }
        return Block(key: new.key, lines: ["\(new.key):"] + newEntries.flatMap(\.lines))
    }

    /// A field and the lines that belong to it (indented ones, comments, blank lines).
    struct Block {
        var key: String
        var lines: [String]

        /// The value written on the field's own line, if any.
        var scalarValue: String? {
            guard let first = lines.first, let colon = first.firstIndex(of: ":") else { return nil }
            let value = first[first.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            return value.isEmpty || value.hasPrefix("#") ? nil : value
        }

        /// The sub-fields of a field written as a mapping over the lines below it, or nil.
        var entries: [Block]? {
            guard scalarValue == nil, lines.count > 1 else { return nil }
            let inner = Array(lines.dropFirst())
            guard let indent = inner.first(where: { !Self.isLoose($0) }).map({ $0.prefix(while: { $0 == " " }).count }), indent > 0 else { return nil }
            let blocks = Self.blocks(inner, indent: indent)
            return blocks.allSatisfy({ !$0.key.hasPrefix("-") }) ? blocks : nil
        }

        static func isLoose(_ line: String) -> Bool {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty || trimmed.hasPrefix("#")
        }

        /// Lines cut where a field starts at `indent` spaces.
        static func blocks(_ lines: [String], indent: Int) -> [Block] {
            var blocks: [Block] = []
            for line in lines {
                let spaces = line.prefix(while: { $0 == " " }).count
                if spaces == indent, !isLoose(line) {
                    let text = line.dropFirst(indent)
                    let key = text.hasPrefix("-") ? "-" : String(text.prefix(while: { $0 != ":" })).trimmingCharacters(in: .whitespaces)
                    blocks.append(Block(key: key, lines: [line]))
                } else if blocks.isEmpty {
                    blocks.append(Block(key: "", lines: [line]))
                } else {
                    blocks[blocks.count - 1].lines.append(line)
                }
            }
            return blocks
        }
    }

    /// A Markdown page: its front matter's fields and the text after it.
    struct Page {
        var blocks: [Block]
        var body: String

        init?(_ text: String) {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
            guard lines.first?.trimmingCharacters(in: .whitespaces).hasSuffix("---") == true,
                  let end = lines.dropFirst().firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "---" }) else { return nil }
            blocks = Block.blocks(Array(lines[1..<end]), indent: 0)
            body = lines[(end + 1)...].joined(separator: "\n")
        }
    }
}
