// An example of extending Dinh: a marketplace sheet of our own layout (Shopee-style bulk upload
// columns), built from the same `FeedItem`s as Dinh's Google and Meta feeds.
//
//     swift run feed-example content shopee.csv
import Dinh
import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: feed-example CONTENT_DIR OUTPUT.csv\n".utf8))
    exit(2)
}

// 1. Load and check the content folder, exactly as `dinh build` does.
let root = URL(fileURLWithPath: arguments[1])
let (loaded, diagnostics) = ContentLoader(root: root, displayRoot: arguments[1]).load()
for diagnostic in diagnostics.sorted { FileHandle.standardError.write(Data("\(diagnostic)\n".utf8)) }
guard let content = loaded else { exit(1) }

// 2. Say where photos are published. `dinh build` publishes each photo as responsive variants
//    beside the product page; the same pipeline (and cache) gives the same file names here.
let site = content.site
let photos = content.products.flatMap { product in product.images.map { (product, $0) } }
let processed = await ImagePipeline(cacheDirectory: root.appendingPathComponent(".dinh-cache/images"))
    .run(photos.map { ImageJob(source: $0.1.url, widths: [480, 960, 1600]) })
var published: [URL: FeedImage] = [:]
for (product, photo) in photos {
    guard let image = processed.image(for: photo.url),
          let variant = image.variant(minimumWidth: 500, minimumHeight: 500) ?? image.variants.last else { continue }
    published[photo.url] = FeedImage(url: site.baseURL + SitePaths.product(product.slug) + variant.fileName,
                                     width: variant.width, height: variant.height)
}
let images = published
let options = FeedOptions(today: .today()) { images[$0.url] }

// 3. One row per product that Shopee would take (goods with a photo), in the default language.
var csv = CSVWriter()
csv.row(["Tên sản phẩm", "Mô tả sản phẩm", "Mã SKU", "Giá", "Cân nặng (g)", "Ảnh bìa", "Hình ảnh 1", "Hình ảnh 2", "Hình ảnh 3", "Ngành hàng"])
for product in content.products {
    let item = FeedItem(product: product, language: site.defaultLanguage, content: content, options: options)
    guard OCOPGroup.isPhysical(product.category), let cover = item.images.first else { continue }
    let extra = item.images.dropFirst().map(\.url) + ["", "", ""]
    // Shopee takes weight in grams and the price actually charged.
    let grams = product.weight.map { String(Int($0.grams.rounded())) } ?? ""
    csv.row([item.title, item.description, item.id, String(item.salePrice ?? item.price), grams, cover.url]
            + extra.prefix(3) + [item.productType])
}
do {
    try Data(csv.output.utf8).write(to: URL(fileURLWithPath: arguments[2]))
} catch {
    FileHandle.standardError.write(Data("error: cannot write \(arguments[2]): \(error.localizedDescription)\n".utf8))
    exit(1)
}
