import DinhContent
import DinhCore
import DinhFeeds
import DinhTestSupport
import Foundation
import Testing

/// The feeds as marketplaces' parsers read them: Python lxml, feedparser, csv and jsonschema.
@Suite struct FeedOracleTests {
    @Test func googleFeedHasEveryRequiredAttributeAndRoundTripsText() throws {
        let feed = try FeedFixture()
        let files = feed.files()
        let xml = try #require(files["feeds/google-merchant.xml"])
        #expect(files["feeds/google-merchant.en.xml"] != nil)
        let lint = try Tools.shell("xmllint --noout -", input: xml)
        #expect(lint.status == 0, "\(lint.stderr)")
        let result = try feed.python(#"""
        import re, sys, feedparser
        from lxml import etree
        G = "{http://base.google.com/ns/1.0}"
        for name, lang in (("google-merchant.xml", "vi"), ("google-merchant.en.xml", "en")):
            root = etree.parse(name).getroot()
            assert root.tag == "rss" and root.get("version") == "2.0", root.tag
            channel = root.find("channel")
            assert channel.findtext("language") == lang
            items = channel.findall("item")
            ids = [i.findtext(G + "id") for i in items]
            # che-lam and mat-ong; non-la has no photo, homestay is a service; mat-ong has no
            # English name, so it is not in the English feed.
            assert ids == (["HT-CHELAM-300", "MO01"] if lang == "vi" else ["HT-CHELAM-300"]), ids
            for item in items:
                for field in ("id", "title", "description", "link", "image_link", "availability", "price", "brand", "condition", "product_type"):
                    value = item.findtext(G + field)
                    assert value and value.strip(), (field, ids)
                assert len(item.findtext(G + "id")) <= 50
                assert len(item.findtext(G + "title")) <= 150
                assert re.fullmatch(r"\d+ VND", item.findtext(G + "price"))
                sale = item.findtext(G + "sale_price")
                assert sale is None or re.fullmatch(r"\d+ VND", sale)
                assert item.findtext(G + "availability") in ("in_stock", "out_of_stock", "preorder")
                assert (item.findtext(G + "gtin") is None) != (item.findtext(G + "identifier_exists") is None)
                assert item.findtext(G + "link").startswith("https://disan.example.vn/")
                assert item.findtext(G + "condition") == "new"
            first = items[0]
            if lang == "vi":
                assert first.findtext(G + "title") == "Chè lam \"Hà Trung\" & <bạn> 'ngon'", first.findtext(G + "title")
                assert first.findtext(G + "description") == "Bánh chè lam làm từ gạo nếp, mật mía & gừng.\nGiá tốt < 50.000 đồng; \"ngon\" và 'giòn'.", repr(first.findtext(G + "description"))
                assert first.findtext(G + "link") == "https://disan.example.vn/products/che-lam/"
                assert first.findtext(G + "product_type") == "OCOP > Thực phẩm"
                assert first.findtext(G + "brand") == "HTX Chè lam Hà Trung & Co"
            else:
                assert first.findtext(G + "title") == "Ha Trung ginger rice cake & friends"
                assert first.findtext(G + "description") == "Sticky rice, molasses & ginger: <crisp> \"and\" 'sweet'.", repr(first.findtext(G + "description"))
                assert first.findtext(G + "link") == "https://disan.example.vn/en/products/che-lam/"
                assert first.findtext(G + "product_type") == "OCOP > Food"
            assert first.findtext(G + "price") == "45000 VND" and first.findtext(G + "sale_price") == "40000 VND"
            assert first.findtext(G + "gtin") == "8936012345674"
            assert [e.text for e in first.findall(G + "additional_image_link")] == ["https://disan.example.vn/media/che-lam-2-800.jpg"]
            assert first.findtext(G + "shipping_weight") == "300 g"
            assert first.findtext(G + "google_product_category") == "422"
            # OCOP as a highlight and an "OCOP" section of details, never as a certification.
            assert first.find(G + "certification") is None
            # Google takes highlights two or more at a time: the rating, and who makes it.
            highlights = [e.text for e in first.findall(G + "product_highlight")]
            assert highlights == (["Sản phẩm OCOP 4 sao, công nhận năm 2025", "Sản xuất bởi HTX Chè lam Hà Trung & Co"] if lang == "vi"
                                  else ["4-star OCOP product, recognised in 2025", "Made by " + first.findtext(G + "brand")]), highlights
            details = [(d.findtext(G + "section_name"), d.findtext(G + "attribute_name"), d.findtext(G + "attribute_value")) for d in first.findall(G + "product_detail")]
            assert details == ([("OCOP", "Hạng sao", "4/5"), ("OCOP", "Năm công nhận", "2025")] if lang == "vi"
                               else [("OCOP", "Stars", "4/5"), ("OCOP", "Year recognised", "2025")]), details
            if lang == "vi":
                second = items[1]
                assert second.findtext(G + "availability") == "preorder"
                assert second.findtext(G + "availability_date") == "2026-02-15T00:00+07:00"
                assert second.findtext(G + "identifier_exists") == "no"
            parsed = feedparser.parse(name)
            assert not parsed.bozo, parsed.bozo_exception
            assert len(parsed.entries) == len(items)
        print("ok")
        """#, files: ["google-merchant.xml": xml, "google-merchant.en.xml": files["feeds/google-merchant.en.xml"] ?? Data()])
        #expect(result.status == 0 && result.stdout.contains("ok"), "\(result.stdout)\(result.stderr)")
    }

    @Test func metaCatalogIsRFC4180AndRoundTrips() throws {
        let feed = try FeedFixture()
        let files = feed.files()
        let csv = try #require(files["feeds/meta-catalog.csv"])
        #expect(String(decoding: csv, as: UTF8.self).contains("\r\n"))
        let result = try feed.python(#"""
        import csv
        with open("meta-catalog.csv", newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        header = rows[0]
        assert header[:4] == ["id", "title", "description", "availability"], header
        assert all(len(r) == len(header) for r in rows), [len(r) for r in rows]
        records = [dict(zip(header, r)) for r in rows[1:]]
        # mat-ong's only photo is 300×300, below Meta's 500×500.
        assert [r["id"] for r in records] == ["HT-CHELAM-300"], records
        r = records[0]
        assert r["title"] == "Chè lam \"Hà Trung\" & <bạn> 'ngon'"
        assert r["description"] == "Bánh chè lam làm từ gạo nếp, mật mía & gừng.\nGiá tốt < 50.000 đồng; \"ngon\" và 'giòn'."
        assert r["availability"] == "in stock" and r["condition"] == "new"
        assert r["price"] == "45000 VND" and r["sale_price"] == "40000 VND"
        assert r["image_link"] == "https://disan.example.vn/media/che-lam-1-800.jpg"
        assert r["additional_image_link"] == "https://disan.example.vn/media/che-lam-2-800.jpg"
        assert r["brand"] == "HTX Chè lam Hà Trung & Co" and r["gtin"] == "8936012345674"
        assert r["product_type"] == "OCOP > Thực phẩm" and r["shipping_weight"] == "300 g"
        with open("meta-catalog.en.csv", newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        # Only fields Meta lets a language feed change (not product_type, nor prices and availability).
        assert rows[0] == ["id", "override", "title", "description", "link"], rows[0]
        assert rows[1][:3] == ["HT-CHELAM-300", "en_XX", "Ha Trung ginger rice cake & friends"], rows[1]
        print("ok")
        """#, files: ["meta-catalog.csv": csv, "meta-catalog.en.csv": files["feeds/meta-catalog.en.csv"] ?? Data()])
        #expect(result.status == 0 && result.stdout.contains("ok"), "\(result.stdout)\(result.stderr)")
    }

    @Test func productsJSONValidatesAgainstItsSchemaAndIsDeterministic() throws {
        let feed = try FeedFixture()
        let files = feed.files()
        #expect(files == feed.files())
        let json = try #require(files["feeds/products.json"])
        let schema = try #require(files["feeds/products.schema.json"])
        let result = try feed.python(#"""
        import json, jsonschema
        schema = json.load(open("products.schema.json", encoding="utf-8"))
        data = json.load(open("products.json", encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(data)
        # Every property the schema lists is documented.
        def walk(node, path):
            if isinstance(node, dict):
                for key, sub in node.get("properties", {}).items():
                    assert "description" in sub, path + "/" + key
                for key, value in node.items():
                    walk(value, path + "/" + key)
        walk(schema, "")
        products = {p["slug"]: p for p in data["products"]}
        assert sorted(products) == ["che-lam", "homestay", "mat-ong", "non-la"]
        p = products["che-lam"]
        assert p["name"]["vi"] == "Chè lam \"Hà Trung\" & <bạn> 'ngon'"
        assert p["price"] == 45000 and p["sale_price"] == 40000 and p["currency"] == "VND"
        assert p["ocop"] == {"stars": 4, "year": 2025, "date": "2025-06-30", "decision": "1234/QĐ-UBND", "expires": "2028-06-30", "valid": True}
        assert p["buy"] == {"shopee": "https://shopee.vn/che-lam?a=1&b=2"}
        assert p["url"]["en"] == "https://disan.example.vn/en/products/che-lam/"
        assert p["weight"] == {"value": 300, "unit": "g", "grams": 300}
        # Every language is present for every text, falling back to the default.
        assert products["non-la"]["name"] == {"vi": "Nón lá Chuông", "en": "Nón lá Chuông"}
        print("ok")
        """#, files: ["products.json": json, "products.schema.json": schema])
        #expect(result.status == 0 && result.stdout.contains("ok"), "\(result.stdout)\(result.stderr)")
    }

    @Test func jsonLDIsExtractedWithItsTypesAndFields() throws {
        let feed = try FeedFixture()
        let content = feed.content
        let product = try #require(content.products.first { $0.slug == "che-lam" })
        let expired = try #require(content.products.first { $0.slug == "mat-ong" })
        let producer = try #require(content.producers.first)
        let relic = try #require(content.heritage.first)
        let images = [FeedImage(url: "https://disan.example.vn/media/a.jpg", width: 1000, height: 1000)]
        let blocks = [
            JSONLD.product(product, content: content, language: "vi", today: FeedFixture.today, images: images),
            JSONLD.product(expired, content: content, language: "vi", today: CalendarDate(year: 2030, month: 1, day: 1)!, images: []),
            JSONLD.producer(producer, content: content, language: "vi"),
            JSONLD.heritage(relic, content: content, language: "en", images: images, narration: [
                AudioLink(language: "en", url: "https://disan.example.vn/heritage/quan-phuong-tri/guide.en.mp3",
                          transcript: PlainText.fromWebVTT("WEBVTT\n\n1\n00:00.000 --> 00:02.000\nWelcome to <i>Phuong Tri</i>.\n")),
            ]),
        ]
        for block in blocks { #expect(!block.contains("</")) }
        let html = "<!doctype html><html><head><title>t</title>\n" + blocks.map(JSONLD.script).joined(separator: "\n") + "\n</head><body></body></html>"
        let result = try feed.python(#"""
        import extruct
        html = open("page.html", encoding="utf-8").read()
        data = extruct.extract(html, base_url="https://disan.example.vn/", syntaxes=["json-ld"])["json-ld"]
        assert len(data) == 4, data
        product, expired, org, place = data
        assert product["@type"] == "Product"
        assert product["name"] == "Chè lam \"Hà Trung\" & <bạn> 'ngon'"
        assert product["image"] == ["https://disan.example.vn/media/a.jpg"]
        assert product["gtin"] == "8936012345674" and product["sku"] == "HT-CHELAM-300"
        offer = product["offers"]
        assert offer["@type"] == "Offer" and offer["price"] == 40000 and offer["priceCurrency"] == "VND"
        assert offer["availability"] == "https://schema.org/InStock"
        assert offer["url"] == "https://disan.example.vn/products/che-lam/"
        assert offer["seller"]["@type"] == "Organization" and offer["seller"]["name"] == "HTX Chè lam Hà Trung & Co"
        assert offer["priceSpecification"][1]["price"] == 45000
        cert = product["hasCertification"]
        assert cert["@type"] == "Certification" and cert["name"] == "OCOP"
        assert cert["certificationRating"]["ratingValue"] == 4
        assert cert["validFrom"] == "2025-06-30" and cert["expires"] == "2028-06-30"
        assert cert["issuedBy"]["@type"] == "Organization"
        assert product["award"] == "OCOP 4 sao"
        assert "hasCertification" not in expired and "award" not in expired
        assert expired["offers"]["availability"] == "https://schema.org/PreOrder"
        assert org["@type"] == "Organization" and org["telephone"] == "0237 3123 456" and org["email"] == "htx@example.vn"
        assert org["address"]["@type"] == "PostalAddress" and org["url"] == "https://disan.example.vn/producers/htx-che-lam/"
        assert place["@type"] == ["TouristAttraction", "LandmarksOrHistoricalBuildings"]
        assert place["name"] == "Phuong Tri Taoist Temple"
        assert place["geo"] == {"@type": "GeoCoordinates", "latitude": 21.0879, "longitude": 105.6633}
        assert place["image"] == ["https://disan.example.vn/media/a.jpg"]
        assert place["url"] == "https://disan.example.vn/en/heritage/quan-phuong-tri/"
        audio = place["subjectOf"][0]
        assert audio["@type"] == "AudioObject" and audio["encodingFormat"] == "audio/mpeg" and audio["inLanguage"] == "en"
        assert audio["transcript"] == "Welcome to Phuong Tri.", audio
        print("ok")
        """#, files: ["page.html": Data(html.utf8)])
        #expect(result.status == 0 && result.stdout.contains("ok"), "\(result.stdout)\(result.stderr)")
    }
}
