import DinhCore

extension ImportMessage {
    var english: String {
        switch self {
        case .nothingImported: "nothing was imported: fix the errors above and run the import again"
        case .imported(let products, let producers, let updated, let unchanged):
            "imported: " + ([Language.en.count(products, "new product")]
                + (producers > 0 ? [Language.en.count(producers, "new producer")] : [])
                + (updated > 0 ? ["\(updated) updated"] : [])
                + (unchanged > 0 ? ["\(unchanged) already there and left unchanged (import with --update to replace them)"] : [])).joined(separator: ", ")
        }
    }
}
