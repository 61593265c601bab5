import DinhCore

extension ImportMessage {
    var english: String {
        switch self {
        case .nothingImported: "nothing was imported: fix the errors above and run the import again"
        case .imported(let products, let producers, let updated, let unchanged, let converted):
            "imported: " + ([Language.en.count(products, "new product")]
                + (producers > 0 ? [Language.en.count(producers, "new producer")] : [])
                + (updated > 0 ? ["\(updated) updated"] : [])
                + (unchanged > 0 ? ["\(unchanged) already there and left unchanged (import with --update to replace them)"] : [])).joined(separator: ", ")
                + Self.counts(converted).enumerated().map { index, count in
                    (index == 0 ? "; " + Language.en.count(count.value, "cell") + " converted from " : ", \(count.value) from ") + count.key.label
                }.joined()
        }
    }
}
