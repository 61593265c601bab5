// An example of extending Dinh: a marketplace sheet of our own layout (Shopee-style bulk upload
// columns), written into the site by a build step of our own, from the same `FeedItem`s as Dinh's
// Google and Meta feeds (so the same published photos, prices and descriptions).
//
//     swift run feed-example content public      # builds the site, with feeds/shopee.csv
import Dinh
import Foundation

/// One row per product Shopee would take (goods with a photo), in the site's default language.
struct ShopeeSheet: BuildStep {
    var name: String { "Shopee sheet" }

    func run(_ context: inout BuildContext) async throws {
        guard let content = context.content, let catalog = context.catalog else { return }
        var csv = CSVWriter()
        csv.row(["Tên sản phẩm", "Mô tả sản phẩm", "Mã SKU", "Giá", "Cân nặng (g)", "Ảnh bìa", "Hình ảnh 1", "Hình ảnh 2", "Hình ảnh 3", "Ngành hàng"])
        for product in content.products {
            guard OCOPGroup.isPhysical(product.category),
                  let item = catalog.item(product.slug, language: content.site.defaultLanguage), let cover = item.images.first else { continue }
            let extra = item.images.dropFirst().map(\.url) + ["", "", ""]
            // Shopee takes weight in grams and the price actually charged.
            let grams = product.weight.map { String(Int($0.grams.rounded())) } ?? ""
            csv.row([item.title, item.description, item.id, String(item.salePrice ?? item.price), grams, cover.url]
                    + extra.prefix(3) + [item.productType])
        }
        try context.write("feeds/shopee.csv", Data(csv.output.utf8))
    }
}

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: feed-example CONTENT_DIR OUTPUT_DIR\n".utf8))
    exit(2)
}
// The whole build, as `dinh build` does it (photos published through its media step and cache),
// with our step after the pages.
let options = BuildOptions(content: URL(fileURLWithPath: arguments[1]), displayContent: arguments[1],
                           output: URL(fileURLWithPath: arguments[2]))
do {
    let report = try await SiteBuilder(options: options).adding(ShopeeSheet(), after: "pages").build()
    for diagnostic in report.diagnostics.sorted { FileHandle.standardError.write(Data("\(diagnostic)\n".utf8)) }
    exit(report.succeeded ? 0 : 1)
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
