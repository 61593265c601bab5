import DinhTestSupport
import Foundation
import Testing

/// The built demo's feeds and structured data point at files that exist in the output.
@Suite(.serialized) struct FeedsBuildTests {
    @Test func feedLinksAndImagesResolveToOutputFiles() throws {
        let content = try Tools.demoContent()
        let out = try TemporaryDirectory("dinh-feeds")
        defer { out.remove() }
        let site = out.file("public")
        let build = try Tools.run(Tools.dinhBinary.path, ["build", content.path, "--output", site.path, "--quiet"])
        #expect(build.status == 0, "\(build.stderr)")
        // An independent reader (lxml, csv, json, extruct) lists every URL the feeds and JSON-LD give.
        let script = """
        import csv, json, sys, extruct
        from lxml import etree
        site, base = sys.argv[1], "https://disan.danphuong.example.vn/"
        urls = []
        g = "{http://base.google.com/ns/1.0}"
        for name in ["google-merchant.xml", "google-merchant.en.xml"]:
            tree = etree.parse(f"{site}/feeds/{name}")
            items = tree.findall(".//item")
            assert len(items) == 8, (name, len(items))
            for item in items:
                urls += [item.findtext(g + "link"), item.findtext(g + "image_link")]
                urls += [e.text for e in item.findall(g + "additional_image_link")]
        rows = list(csv.DictReader(open(f"{site}/feeds/meta-catalog.csv", newline="", encoding="utf-8")))
        assert len(rows) == 8
        for row in rows:
            urls += [row["link"], row["image_link"]] + [u for u in row["additional_image_link"].split(",") if u]
        for product in json.load(open(f"{site}/feeds/products.json"))["products"]:
            assert product["price"] > 0
        for page, wanted in [("products/che-lam-ha-trung/index.html", "Product"), ("producers/htx-che-lam-ha-trung/index.html", "Organization"),
                             ("heritage/dinh-dai-phung/index.html", "TouristAttraction")]:
            data = extruct.extract(open(f"{site}/{page}", encoding="utf-8").read(), base_url=base + page, syntaxes=["json-ld"])["json-ld"]
            types = [t for d in data for t in (d["@type"] if isinstance(d["@type"], list) else [d["@type"]])]
            assert wanted in types, (page, types)
            if wanted == "TouristAttraction":
                assert "LandmarksOrHistoricalBuildings" in types and data[0]["geo"]["latitude"]
                urls += [a["contentUrl"] for a in data[0].get("subjectOf", [])]
            if wanted == "Product":
                assert data[0]["offers"]["priceCurrency"] == "VND"
                urls += data[0]["image"] if isinstance(data[0]["image"], list) else [data[0]["image"]["url"]] if isinstance(data[0]["image"], dict) else [data[0]["image"]]
        missing = []
        for url in urls:
            assert url.startswith(base), url
            path = url[len(base):]
            if not path or path.endswith("/"): path += "index.html"
            import os
            if not os.path.isfile(f"{site}/{path}"): missing.append(url)
        print(len(urls), "urls")
        assert not missing, missing
        """
        let file = try out.write("check.py", script)
        let result = try Tools.shell("\(Tools.python) \(file.path) \(site.path)")
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }
}
