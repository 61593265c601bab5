import DinhTestSupport
import Foundation
import Testing

/// Hostile files (issue 13): each is refused with a clear error at its file and line, or read
/// harmlessly, by the real `dinh` binary run with its address space limited to 500 MB
/// and its CPU time to 10 seconds (`prlimit --as --cpu`: the kernel stops it past either, so the
/// verdict does not depend on what else the machine runs); never a crash, never a hang.
@Suite(.serialized) struct HostileInputTests {
    static let memoryLimit = 500 << 20
    /// Seconds of CPU (past them the kernel sends SIGXCPU).
    static let cpuLimit = 10
    /// Seconds on the clock: only for a run that waits on something without end (a pipe).
    static let hangLimit = 120.0

    let fixture: SiteFixture
    init() throws { fixture = try SiteFixture() }

    struct Run {
        var result: ProcessResult
        var seconds: Double
        var stderr: String { result.stderr }
        var status: Int32 { result.status }
    }

    /// `dinh ARGUMENTS` in the fixture's folder under the memory and CPU limits.
    func limited(_ arguments: String...) throws -> Run {
        let prlimit = try Tools.require("/usr/bin/prlimit")
        let start = Date()
        let result = try Tools.run(prlimit, ["--as=\(Self.memoryLimit)", "--cpu=\(Self.cpuLimit)", Tools.dinhBinary.path] + arguments, in: fixture.directory.url)
        let run = Run(result: result, seconds: Date().timeIntervalSince(start))
        #expect(run.seconds < Self.hangLimit, "took \(run.seconds) s")
        #expect(result.status != SIGXCPU, "used more than \(Self.cpuLimit) s of CPU")
        #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("crashed"), "no crash: \(result.stderr.prefix(2000))")
        #expect(result.status == 0 || result.status == 1, "exit status \(result.status): \(result.stderr.prefix(2000))")
        return run
    }

    func build() throws -> Run { try limited("build", "content", "--output", "public", "--quiet") }

    /// The fixture's relic with more front matter (before the closing `---`) and another body.
    func relic(_ fields: String, body: String = "Lịch sử của di tích.\n") throws {
        let head = SiteFixture.relic.components(separatedBy: "---\nLịch sử")[0]
        try fixture.write("heritage/quan-phuong-tri/index.md", head + fields + "---\n" + body)
    }

    func folder(_ name: String) -> URL { fixture.content.appendingPathComponent("heritage/quan-phuong-tri/\(name)") }

    // MARK: YAML

    @Test func billionLaughsInFrontMatter() throws {
        var lines = ["lol0: &a0 \"lol\""]
        for level in 1..<30 { lines.append("lol\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ",") + "]") }
        try relic(lines.joined(separator: "\n") + "\n")
        let run = try limited("check", "content")
        #expect(run.status == 1)
        // The alias that takes the values over 100,000: the tenth *a4 (10^4 each) of lol5, line 18.
        #expect(run.stderr.contains("content/heritage/quan-phuong-tri/index.md:18:40: error: the alias *a4 repeats values so many times"), "\(run.stderr)")
    }

    /// One line of front matter holding 300,000 values (1.5 MB): read in linear time.
    @Test func yamlLineOfThreeHundredThousandValues() throws {
        try relic("keywords: [" + Array(repeating: "đình", count: 300_000).joined(separator: ", ") + "]\n")
        let run = try limited("check", "content")
        #expect(run.stderr.contains("content/heritage/quan-phuong-tri/index.md:13:1: "), "\(run.stderr.prefix(500))")
    }

    @Test func yamlNestedTenThousandDeep() throws {
        try relic("summary: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n")
        let run = try limited("check", "content")
        #expect(run.status == 1)
        #expect(run.stderr.contains("content/heritage/quan-phuong-tri/index.md:13:11: error: values are nested more than 1,000 levels deep"), "\(run.stderr)")
    }

    // MARK: Markdown

    @Test func markdownTenThousandLevelsDeepIsShownAsText() throws {
        let body = String(repeating: "> ", count: 10_000) + "trích dẫn\n\n" + String(repeating: "- ", count: 10_000) + "mục\n\n"
            + String(repeating: "[", count: 10_000) + "liên kết" + String(repeating: "](https://a.example)", count: 10_000) + "\n"
        try relic("", body: body)
        let run = try build()
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("index.md:14:1: warning: quotes are nested more than 16 deep"), "\(run.stderr)")
        let page = try String(contentsOf: fixture.directory.file("public/heritage/quan-phuong-tri/index.html"), encoding: .utf8)
        #expect(page.components(separatedBy: "<blockquote>").count - 1 == 16)
        #expect(page.contains("trích dẫn") && page.contains("mục"))
    }

    @Test func markdownLinesOfMegabytesWithUnclosedMarkup() throws {
        // Every opener without its closer: each used to be looked for to the end of the line.
        let line = String(repeating: "[a](", count: 200_000) + String(repeating: "<", count: 800_000)
            + String(repeating: "`a*b_", count: 200_000) + String(repeating: "![", count: 400_000)
        #expect(line.utf8.count > 3_000_000)
        try relic("", body: line + "\n")
        let run = try build()
        #expect(run.status == 0, "\(run.stderr)")
    }

    @Test func aTenMegabyteLineIsRefusedBeforeReading() throws {
        try relic("", body: String(repeating: "x", count: 10 << 20) + "\n")
        let run = try limited("check", "content")
        #expect(run.status == 1)
        #expect(run.stderr.contains("content/heritage/quan-phuong-tri/index.md:1:1: error: this file is 10.0 MB; a text file of the content may be at most 4.0 MB"), "\(run.stderr)")
    }

    // MARK: WebVTT

    func narration(transcript: String) throws {
        try fixture.write("heritage/quan-phuong-tri/a.mp3", data: Data([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 0] + [UInt8](repeating: 0, count: 100)))
        try fixture.write("heritage/quan-phuong-tri/t.vtt", transcript)
        try relic("narration:\n  vi: {audio: a.mp3, transcript: t.vtt}\n")
    }

    static func cues(_ count: Int) -> String {
        var text = "WEBVTT\n"
        text.reserveCapacity(count * 28)
        for index in 0..<count {
            let second = index % 3600
            let stamp = (second / 60 < 10 ? "0" : "") + "\(second / 60):" + (second % 60 < 10 ? "0" : "") + "\(second % 60)"
            text += "\n\(stamp).000 --> \(stamp).500\nx\n"
        }
        return text
    }

    @Test func webVTTWithAMillionCues() throws {
        try narration(transcript: Self.cues(1_000_000))
        let run = try limited("check", "content")
        #expect(run.status == 1)
        #expect(run.stderr.contains("content/heritage/quan-phuong-tri/index.md:14:34: error: 't.vtt' cannot be used as WebVTT: this file is 25.7 MB"), "\(run.stderr)")
    }

    @Test func webVTTWithMoreCuesThanAnyFilm() throws {
        try narration(transcript: Self.cues(140_000))
        let run = try limited("check", "content")
        #expect(run.status == 1)
        #expect(run.stderr.contains("content/heritage/quan-phuong-tri/t.vtt:60003:1: error: this file has more than 20,000 captions"), "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count < 10, "said once")
    }

    // MARK: Media

    @Test func emptyAndHugeSparseMP3() throws {
        try narration(transcript: Self.cues(2))
        let empty = folder("a.mp3")
        try Data().write(to: empty)
        var run = try limited("check", "content")
        #expect(run.stderr.contains("index.md:14:15: error: 'narration.vi.audio': 'a.mp3' is empty (0 bytes)"), "\(run.stderr)")

        // 2 GB, of which only the ID3 header is on disk: it must never be read whole.
        let truncate = try Tools.shell("truncate -s 2G '\(empty.path)' && printf 'ID3\\004\\000\\000\\000\\000\\000\\000' | dd of='\(empty.path)' conv=notrunc status=none")
        #expect(truncate.status == 0, "\(truncate.stderr)")
        run = try limited("build", "content", "--output", "public")
        #expect(run.status == 1)
        #expect(run.stderr.contains("index.md:14:15: error: 'narration.vi.audio': 'a.mp3' is 2048.0 MB, too large for visitors' phones (at most 100 MB)"), "\(run.stderr)")
    }

    /// A small valid PNG (16×16 RGB) with `chunks` before its image data.
    func png(_ name: String, chunks script: String) throws {
        let made = try Tools.shell("""
        \(Tools.python) - '\(folder(name).path)' <<'EOF'
        import struct, sys, zlib
        def chunk(kind, data): return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        def bomb():  # a zlib stream of 1 GB of zeros, 1 MB long: the same flushed block 1,024 times
            c = zlib.compressobj(9)
            first = c.compress(bytes(1 << 20)) + c.flush(zlib.Z_FULL_FLUSH)
            block = c.compress(bytes(1 << 20)) + c.flush(zlib.Z_FULL_FLUSH)
            return first + block * 1023 + c.flush()
        raw = b"".join(b"\\0" + b"\\x80\\x40\\x20" * 16 for _ in range(16))
        extra = \(script)
        open(sys.argv[1], "wb").write(b"\\x89PNG\\r\\n\\x1a\\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 16, 16, 8, 2, 0, 0, 0))
            + extra + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
        EOF
        """)
        #expect(made.status == 0, "\(made.stderr)")
    }

    @Test func pngWithGigabyteTextAndProfileChunks() throws {
        try png("ztxt.png", chunks: #"chunk(b"zTXt", b"Comment\0\0" + bomb())"#)
        try png("iccp.png", chunks: #"chunk(b"iCCP", b"icc\0\0" + bomb())"#)
        try png("long.png", chunks: #"struct.pack(">I", 0x7fffffff) + b"zTXt" + b"x" * 100"#)
        try relic("gallery: [ztxt.png, iccp.png]\n")
        var run = try build()
        #expect(run.status == 0, "the text and a profile that cannot be read are left out: \(run.stderr)")
        try relic("gallery: [long.png]\n")
        run = try build()
        #expect(run.status == 1)
        #expect(run.stderr.contains("index.md:13:11: error: 'long.png' cannot be used: the file is cut short (truncated)"), "\(run.stderr)")
    }

    @Test func jpegWith65500Markers() throws {
        let photo = folder("small.jpg")
        #expect(try Tools.run("/usr/bin/convert", ["-size", "64x64", "xc:orange", photo.path]).status == 0)
        let jpeg = try Data(contentsOf: photo)
        // Empty APP1 (EXIF) segments, each of which libjpeg would keep in a list it walks to the end.
        let marker = Data([0xFF, 0xE1, 0x00, 0x02])
        var hostile = Data(jpeg.prefix(2))
        for _ in 0..<65_500 { hostile += marker }
        hostile += jpeg.dropFirst(2)
        try hostile.write(to: folder("markers.jpg"))
        // Comments (COM) are skipped by libjpeg without keeping them: harmless however many.
        var comments = Data(jpeg.prefix(2))
        for _ in 0..<65_500 { comments += Data([0xFF, 0xFE, 0x00, 0x02]) }
        comments += jpeg.dropFirst(2)
        try comments.write(to: folder("comments.jpg"))
        try relic("gallery: [markers.jpg, comments.jpg]\n")
        let run = try build()
        #expect(run.status == 1)
        #expect(run.stderr.contains("index.md:13:11: error: 'markers.jpg' cannot be used: the JPEG holds 65500 metadata blocks"), "\(run.stderr)")
        #expect(!run.stderr.contains("'comments.jpg'"), "\(run.stderr)")
    }

    // MARK: Spreadsheets

    /// An .xlsx whose shared strings inflate to 2 GB from 2 MB: deflate blocks of 1 MB of `a`,
    /// each flushed so that they are the same bytes, repeated. `lying` writes 1,000 as the
    /// unpacked size in the zip's headers, as a zip bomb may.
    func zipBomb(lying: Bool) throws -> URL {
        let file = fixture.directory.file(lying ? "lying.xlsx" : "bomb.xlsx")
        let made = try Tools.shell("""
        \(Tools.python) - '\(file.path)' \(lying ? 1 : 0) <<'EOF'
        import struct, sys, zlib
        parts = [
            ("xl/workbook.xml", b'<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'),
            ("xl/_rels/workbook.xml.rels", b'<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
            ("xl/worksheets/sheet1.xml", b'<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>'),
        ]
        c = zlib.compressobj(9, zlib.DEFLATED, -15)
        head = c.compress(b"<sst><si><t>") + c.flush(zlib.Z_FULL_FLUSH)
        block = c.compress(b"a" * (1 << 20)) + c.flush(zlib.Z_FULL_FLUSH)
        assert c.compress(b"a" * (1 << 20)) + c.flush(zlib.Z_FULL_FLUSH) == block
        tail = c.compress(b"</t></si></sst>") + c.flush()
        bomb = head + block * 2048 + tail
        size = 12 + (2048 << 20) + 15
        out, central = b"", b""
        entries = [(n, d, 0, len(d), len(d), zlib.crc32(d)) for n, d in parts] + [("xl/sharedStrings.xml", bomb, 8, len(bomb), 1000 if sys.argv[2] == "1" else size, 0)]
        for name, data, method, csize, usize, crc in entries:
            local = struct.pack("<IHHHHHIIIHH", 0x04034b50, 20, 0, method, 0, 0, crc, csize, usize, len(name), 0) + name.encode()
            central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014b50, 20, 20, 0, method, 0, 0, crc, csize, usize, len(name), 0, 0, 0, 0, 0, len(out)) + name.encode()
            out += local + data
        out += central + struct.pack("<IHHHHIIH", 0x06054b50, 0, 0, len(entries), len(entries), len(central), len(out), 0)
        open(sys.argv[1], "wb").write(out)
        EOF
        """)
        #expect(made.status == 0, "\(made.stderr)")
        return file
    }

    @Test func xlsxZipBombIsRefusedWithoutInflatingIt() throws {
        for lying in [false, true] {
            let bomb = try zipBomb(lying: lying)
            let run = try limited("import", "products", bomb.path, "content")
            #expect(run.status == 1)
            #expect(run.stderr.contains("unpacks to more than 64 MB (its part xl/sharedStrings.xml), far more than a product list"), "\(run.stderr)")
            #expect(!FileManager.default.fileExists(atPath: fixture.content.appendingPathComponent("products/a").path))
        }
    }

    /// Found by the fuzzer: a part whose compressed data the file ends inside. ZIPFoundation's
    /// extraction read on at the end of the file for ever; `dinh import` never returned.
    @Test func xlsxWhoseDataEndsInsideTheFile() throws {
        let file = Tools.repositoryRoot.appendingPathComponent("Fuzz/regressions/xlsx/deflate-ends-inside-the-file.xlsx")
        let run = try limited("import", "products", file.path, "content")
        #expect(run.status == 1)
        #expect(run.stderr.contains("deflate-ends-inside-the-file.xlsx is damaged"), "\(run.stderr)")
    }

    /// A relic's `index.md` that is a named pipe (nothing would ever be written into it) or a
    /// folder, or bigger than any page: refused at once, with what to check.
    @Test func indexThatIsAPipeAFolderOrHuge() throws {
        let index = folder("index.md")
        try FileManager.default.removeItem(at: index)
        #expect(mkfifo(index.path, 0o644) == 0)
        var run = try limited("check", "content")
        #expect(run.status == 1)
        #expect(run.stderr.contains("quan-phuong-tri/index.md:1:1: error: this file cannot be read"), "\(run.stderr)")
        try FileManager.default.removeItem(at: index)
        try FileManager.default.createDirectory(at: index, withIntermediateDirectories: false)
        run = try limited("check", "content")
        #expect(run.status == 1)
        #expect(run.stderr.contains("quan-phuong-tri/index.md:1:1: error: this file cannot be read"), "\(run.stderr)")
        try FileManager.default.removeItem(at: index)
        try relic("", body: String(repeating: "Lịch sử. ", count: 500_000))
        run = try limited("check", "content")
        #expect(run.status == 1)
        #expect(run.stderr.contains("quan-phuong-tri/index.md:1:1: error:") && run.stderr.contains("MB"), "\(run.stderr)")
    }

    /// A folder whose name is not UTF-8 (Latin-1 `café` from an old Windows copy) is named in
    /// an error, with the name to use, rather than left out without a word.
    @Test func folderNameThatIsNotUTF8() throws {
        let name = "caf\u{FFFD}"
        let bytes = Array("\(fixture.content.path)/heritage/caf".utf8) + [0xE9, 0]
        #expect(bytes.withUnsafeBufferPointer { mkdir(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), 0o755) } == 0)
        let run = try limited("build", "content", "--output", "public")
        #expect(run.status == 1)
        #expect(run.stderr.contains("heritage/\(name):1:1: error: the folder name '\(name)' cannot be used in a web address"), "\(run.stderr)")
        #expect(run.stderr.contains("rename it to 'caf'"), "\(run.stderr)")
    }

    @Test func csvWithMillionsOfCellsOrOneHugeCell() throws {
        let commas = try fixture.directory.write("commas.csv", String(repeating: ",", count: 30 << 20))
        var run = try limited("import", "products", commas.path, "content")
        #expect(run.status == 1)
        #expect(run.stderr.contains("has more than 50,000 rows or 1 million cells"), "\(run.stderr)")
        let quote = try fixture.directory.write("quote.csv", "Tên sản phẩm,Giá\n\"" + String(repeating: "a", count: 20 << 20) + "\n")
        run = try limited("import", "products", quote.path, "content")
        #expect(run.status == 1)
        #expect(run.stderr.contains("row 2 has a cell longer than Excel allows"), "\(run.stderr)")
        let huge = try fixture.directory.write("huge.csv", String(repeating: "a", count: 65 << 20))
        run = try limited("import", "products", huge.path, "content")
        #expect(run.status == 1)
        #expect(run.stderr.contains("is 65 MB, far more than a product list"), "\(run.stderr)")
    }
}
