import ArgumentParser
import DinhCore
import DinhImaging
import Foundation

/// `dinh init [DIR]`: a new content folder with one example of each kind of page.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: CLIMessage.initAbstract.text)

    @Argument(help: ArgumentHelp(CLIMessage.helpInitFolder.text), completion: .directory)
    var directory: String = "content"

    @OptionGroup var language: LanguageOptions

    func run() throws {
        let root = URL(fileURLWithPath: directory)
        let fileManager = FileManager.default
        if let existing = try? fileManager.contentsOfDirectory(atPath: root.path), !existing.isEmpty {
            throw ValidationError(CLIMessage.initFolderNotEmpty(folder: directory).text)
        }
        for (path, text) in Self.files {
            let url = root.appendingPathComponent(path)
            try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        // A placeholder photo, so the example product is complete (marketplaces need a picture).
        try Data(JPEG.encode(Self.placeholderPhoto(), quality: 85)).write(to: root.appendingPathComponent("products/mat-ong/mat-ong.jpg"))
        print(CLIMessage.created(folder: directory).text)
    }

    /// 800×800, honey-coloured with a soft diagonal, made here so init needs no file of its own.
    static func placeholderPhoto() -> PixelImage {
        let size = 800
        var pixels = [UInt8](repeating: 0, count: size * size * 3)
        for y in 0..<size {
            for x in 0..<size {
                let t = Double(x + y) / Double(2 * size)
                let i = (y * size + x) * 3
                pixels[i] = UInt8(250 - 40 * t)
                pixels[i + 1] = UInt8(200 - 90 * t)
                pixels[i + 2] = UInt8(80 - 60 * t)
            }
        }
        return PixelImage(width: size, height: size, channels: 3, pixels: pixels)
    }

    static let files: [(String, String)] = [
        ("site.yaml", """
        # Trang web nói chung. Chữ viết một ngôn ngữ, hoặc mỗi ngôn ngữ một dòng.
        # (The website as a whole. Text in one language, or one line per language.)
        title:
          vi: Di sản & Sản vật của xã
          en: Heritage & Products of the commune
        base_url: https://disan.ten-xa.example/   # địa chỉ nơi trang web sẽ được đăng: hãy thay trước khi in biển (the site's address)
        languages: [vi, en]                       # ngôn ngữ đầu tiên là ngôn ngữ chính (the first is the main language)
        currency: VND
        publisher:
          name: UBND xã
          email: vanhoa@example.vn
          phone: "+84 24 0000 0000"
        qr:
          error_correction: Q

        """),
        ("heritage/dinh-lang/index.md", """
        ---
        code: DL01
        name:
          vi: Đình làng
          en: Village communal house
        kind: {vi: đình, en: communal house}
        ranking: provincial
        ranked_year: 2005
        address:
          vi: Thôn Đông, xã Mẫu, huyện Mẫu
          en: Dong hamlet, Mau commune, Mau district
        geo: [21.0879, 105.6633]
        summary:
          vi: Ngôi đình thờ Thành hoàng làng.
          en: The communal house where the village guardian spirit is worshipped.
        festival:
          vi: Lễ hội mùng 10 tháng Giêng âm lịch
          en: Festival on the 10th day of the first lunar month
        opening_hours: "07:00-17:00"
        ---
        ## Lịch sử

        Viết lịch sử và giá trị của di tích ở đây, bằng **Markdown**.

        """),
        ("heritage/dinh-lang/index.en.md", """
        ## History

        Write the history and significance of the relic here, in **Markdown**.

        """),
        ("products/mat-ong/index.md", """
        ---
        code: MO01
        name:
          vi: Mật ong hoa nhãn
          en: Longan flower honey
        producer: htx-mau
        category: food
        ocop:
          stars: 4
          year: 2024
        price: 150000
        unit: {vi: chai 500 ml, en: 500 ml bottle}
        weight: 700 g
        brand: Mật ong Mẫu
        availability: in_stock
        images: [mat-ong.jpg]
        ---
        Mật ong nguyên chất từ vườn nhãn của hợp tác xã.

        """),
        ("products/mat-ong/index.en.md", """
        Pure honey from the cooperative's longan orchards.

        """),
        ("producers/htx-mau.yaml", """
        name: HTX Nông nghiệp Mẫu
        kind: cooperative
        address: Xã Mẫu, huyện Mẫu
        phone: "0900 000 000"

        """),
        ("pages/huong-dan/index.md", """
        ---
        title:
          vi: Hướng dẫn tham quan
          en: Visitor guide
        ---
        Viết hướng dẫn ở đây.

        """),
        ("pages/huong-dan/index.en.md", """
        Write the guide here.

        """),
    ]
}
