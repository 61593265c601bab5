

extension CoreMessage: TranslatedTable {
    package var english: String {
        switch self {
        case .formulaStart(let field, let first, let shown):
            "\(field ?? "the description") starts with \(Self.character(first, in: .en)), which Excel and LibreOffice take for the start of a formula when they open the Meta catalog CSV (feeds/meta-catalog.csv); Dinh writes it there as \(shown) (with a ' in front) so that it stays text, and Meta shows that ' too: unless the text really must start this way, begin it with a letter or a digit"
        case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
        }
    }
}
