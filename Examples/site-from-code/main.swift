// An example of using Dinh as a library: a small site built from a model made in code, here read
// from a cooperative's sheet shipped beside this file (products.csv), with no content folder.
//
//     swift run site-from-code Examples/site-from-code/products.csv public
import Dinh
import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: site-from-code PRODUCTS.csv OUTPUT_DIR\n".utf8))
    exit(2)
}
let sheet = URL(fileURLWithPath: arguments[1])
guard let text = try? String(contentsOf: sheet, encoding: .utf8) else {
    FileHandle.standardError.write(Data("error: cannot read \(sheet.path)\n".utf8))
    exit(1)
}

// The producer and the site, as site.yaml and producers/<slug>.yaml would say.
let producer = Producer(slug: "htx-ha-trung", source: SourceLocation(path: sheet.path),
                        name: LocalizedText(["vi": "HTX Nông sản Hà Trung", "en": "Ha Trung farm cooperative"]), kind: .cooperative)
let site = Site(title: LocalizedText(["vi": "Sản vật Hà Trung", "en": "Ha Trung products"]),
                baseURL: "https://sanvat.hatrung.example.vn/", languages: ["vi", "en"],
                publisher: Publisher(name: LocalizedText(["vi": "UBND huyện Hà Trung"])))

// One product per row (a plain sheet: no commas inside cells). Row 1 holds the headers.
var products: [Product] = []
for (number, line) in text.split(separator: "\n").enumerated().dropFirst() {
    let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    guard cells.count == 8, let stars = Int(cells[4]), let year = Int(cells[5]), let price = Int(cells[6]),
          let expires = CalendarDate(year: year + 3, month: 12, day: 31) else {
        FileHandle.standardError.write(Data("\(sheet.path):\(number + 1): error: this row needs 8 cells: code, slug, names, stars, year, price, description\n".utf8))
        exit(1)
    }
    products.append(Product(slug: cells[1], folder: sheet.deletingLastPathComponent(), source: SourceLocation(path: sheet.path, line: number + 1),
                            code: cells[0], sku: cells[0], name: LocalizedText(["vi": cells[2], "en": cells[3]]), producer: producer.slug,
                            category: .food, ocop: OCOP(stars: stars, year: year, expires: expires), price: price, brand: producer.name.resolve("vi", default: "vi"),
                            body: ["vi": Markdown.render(cells[7]).html]))
}

// Built like a content folder: the cache and any theme/ folder live in `root`.
let root = URL(fileURLWithPath: arguments[2]).deletingLastPathComponent().appendingPathComponent(".site-from-code")
let content = Content(root: root, site: site, heritage: [], products: products, producers: [producer], pages: [])
let options = BuildOptions(content: root, output: URL(fileURLWithPath: arguments[2]), log: { print($0) })
do {
    var builder = SiteBuilder(content: content, options: options)
    builder.options.recordCodes = false  // no content folder to keep a codes.lock in
    let report = try await builder.build()
    for diagnostic in report.diagnostics.sorted { FileHandle.standardError.write(Data("\(diagnostic)\n".utf8)) }
    print("Built \(report.pages) pages from \(products.count) products")
    exit(report.succeeded ? 0 : 1)
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
