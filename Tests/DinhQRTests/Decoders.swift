import DinhTestSupport
import Foundation
import Testing

/// Real QR decoders as oracles: zbarimg (Debian zbar-tools) and Python zxing-cpp, plus Pillow
/// to degrade images the way a phone in the sun sees a weathered board.
enum Decoders {
    /// Variants of each image: as written, a quarter of the width, blurred, JPEG quality 30, rotated 10°.
    /// `jpeg30half` is JPEG quality 30 at half size: zbar 0.23 cannot read a quality-30 JPEG of a
    /// 1000 px QR at full size (ringing at the large edges), not even one written by Debian's own
    /// `qrencode`, so it is held to the smaller image a phone camera would actually pass it.
    static let degradations = ["original", "quarter", "blur", "jpeg30", "jpeg30half", "rotate10"]
    /// Which decoder must read which variant.
    static func required(_ decoder: String, _ variant: String) -> Bool {
        !(decoder == "zbar" && variant == "jpeg30")
    }

    static let script = #"""
    import json, subprocess, sys
    from PIL import Image, ImageFilter
    import zxingcpp

    def zbar(path):
        r = subprocess.run(["zbarimg", "-q", "--raw", path], capture_output=True, text=True)
        return sorted(line for line in r.stdout.splitlines() if line)

    def zx(img):
        return sorted(b.text for b in zxingcpp.read_barcodes(img))

    def flat(img):
        img = img.convert("RGBA")
        bg = Image.new("RGBA", img.size, "white")
        return Image.alpha_composite(bg, img).convert("L")

    out = {}
    degrade = sys.argv[1] == "degrade"
    for path in sys.argv[2:]:
        img = flat(Image.open(path))
        variants = {"original": img}
        if degrade:
            w, h = img.size
            variants["quarter"] = img.resize((w // 4, h // 4), Image.LANCZOS)
            variants["blur"] = img.filter(ImageFilter.GaussianBlur(radius=max(2, w // 300)))
            variants["jpeg30"] = img
            variants["jpeg30half"] = img.resize((w // 2, h // 2), Image.LANCZOS)
            variants["rotate10"] = img.rotate(10, resample=Image.BICUBIC, expand=True, fillcolor=255)
        result = {}
        for name, v in variants.items():
            jpeg = name.startswith("jpeg30")
            file = path + "." + name + (".jpg" if jpeg else ".png")
            if jpeg:
                v.save(file, quality=30)
                v = Image.open(file)
            else:
                v.save(file)
            result[name] = {"zbar": zbar(file), "zxing": zx(v)}
        out[path] = result
    print(json.dumps(out))
    """#

    struct Result: Decodable { var zbar: [String]; var zxing: [String] }

    /// Whether `Tools.python` has the oracles; records one clear issue when not.
    static func pythonReady() throws -> Bool {
        let check = try Tools.shell("\(Tools.python) -c 'import PIL, zxingcpp'")
        if check.status != 0 {
            Issue.record("\(Tools.python) lacks Pillow or zxing-cpp: run `scripts/setup.sh --test` or set DINH_PYTHON")
            return false
        }
        return true
    }

    /// path → variant → what each decoder read.
    static func decode(_ paths: [String], degrade: Bool, in directory: TemporaryDirectory) throws -> [String: [String: Result]] {
        guard try pythonReady() else { return [:] }
        let scriptURL = try directory.write("decode.py", script)
        let quoted = paths.map { "'\($0)'" }.joined(separator: " ")
        let result = try Tools.shell("\(Tools.python) '\(scriptURL.path)' \(degrade ? "degrade" : "plain") \(quoted)")
        #expect(result.status == 0, "decoder script failed: \(result.stderr)")
        let json = result.stdout.split(separator: "\n").last.map(String.init) ?? "{}"
        return try JSONDecoder().decode([String: [String: Result]].self, from: Data(json.utf8))
    }

    /// Headless Chromium: the renderer visitors and print shops actually use.
    static let chromium = "/usr/lib/chromium/chromium"
    static let chromiumFlags = "--headless=new --no-sandbox --disable-gpu --hide-scrollbars --host-resolver-rules='MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'"

    /// Screenshots an HTML file at the given window size.
    static func screenshot(_ html: URL, to png: URL, width: Int, height: Int) throws {
        try Tools.requireBrowser()
        let result = try Tools.shell("\(chromium) \(chromiumFlags) --screenshot='\(png.path)' --window-size=\(width),\(height) '\(html.absoluteString)'")
        #expect(FileManager.default.fileExists(atPath: png.path), "chromium screenshot failed: \(result.stderr)")
    }

    /// Prints an HTML file to PDF, honouring its CSS `@page`.
    static func printToPDF(_ html: URL, to pdf: URL) throws {
        try Tools.requireBrowser()
        let result = try Tools.shell("\(chromium) \(chromiumFlags) --no-pdf-header-footer --print-to-pdf='\(pdf.path)' '\(html.absoluteString)'")
        #expect(FileManager.default.fileExists(atPath: pdf.path), "chromium print failed: \(result.stderr)")
    }

    /// Module grid read back from a PNG by Pillow, or a reason it is not module-exact.
    static let gridScript = #"""
    import sys
    from PIL import Image
    img = Image.open(sys.argv[1])
    scale, quiet, size = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    print(img.mode, img.size[0], img.size[1], img.info.get("bits", ""))
    px = img.convert("L").load()
    rows = []
    side = (size + 2 * quiet) * scale
    for my in range(size + 2 * quiet):
        row = ""
        for mx in range(size + 2 * quiet):
            values = {px[mx * scale + i, my * scale + j] for i in range(scale) for j in range(scale)}
            if len(values) != 1 or list(values)[0] not in (0, 255):
                print("NOT EXACT", mx, my, values); sys.exit(1)
            row += "1" if list(values)[0] == 0 else "0"
        rows.append(row)
    print("\n".join(rows))
    """#
}
