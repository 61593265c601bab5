import DinhCore
import Foundation

extension Loading {
    /// 1.1: `meetings/<slug>/index.md`, a meeting's document pack behind one QR code.
    mutating func loadMeeting(slug: String, folder: URL) -> Meeting? {
        let shown = loader.display("meetings/\(folder.lastPathComponent)/index.md")
        let document = document(folder.appendingPathComponent("index.md", isDirectory: false), shown: shown, required: true, what: .thisMeeting)
        defer { flushReader() }
        guard let node = document.node,
              let fields = reader.fields(node, allowed: ["code", "title", "date", "time", "place", "documents", "listed"], in: .thisMeeting)
        else { return nil }

        let code = reader.require(fields, "code", in: .thisMeeting, example: "code: HOP2612").flatMap { readCode($0) }
        var title = reader.require(fields, "title", in: .thisMeeting, example: "title: Họp Ủy ban nhân dân xã tháng 12").flatMap { reader.text($0, field: "title") }
        if let node = fields["title"] { noteLocation(of: node, as: "name") }
        let date = reader.require(fields, "date", in: .thisMeeting, example: "date: 2026-12-15").flatMap { reader.date($0, field: "date") }
        let time = fields["time"].flatMap { readTime($0) }
        var place = fields["place"].flatMap { reader.text($0, field: "place") }
        let listed = fields["listed"].flatMap { readSwitch($0, field: "listed") } ?? false
        var documents: [Meeting.Document] = []
        if let node = reader.require(fields, "documents", in: .thisMeeting, example: "documents: [{file: chuong-trinh.pdf, title: Chương trình họp}]"),
           let items = reader.list(node, field: "documents") {
            documents = items.compactMap { readDocument($0, folder: folder) }
            if items.isEmpty {
                reader.diagnostics.warning(node.location, .documentsEmpty)
            }
        }
        let body = translations(folder: folder, slug: slug, section: "meetings", what: .thisMeeting, defaultBody: document.body,
                                textFields: ["title", "place"]) { key, language, text in
            guard let value = text?.values[language] else { return }
            if key == "title" { title?.values[language] = value }
            if key == "place" { place?.values[language] = value }
        }
        guard let code, let title, let date else { return nil }
        return Meeting(slug: slug, folder: folder, source: SourceLocation(path: shown), code: code, title: title, date: date,
                       time: time, place: place, documents: documents, listed: listed, body: body)
    }

    /// `HH:MM` on a 24-hour clock (`08:00`, `14:30`).
    private mutating func readTime(_ node: YAMLNode) -> String? {
        guard let text = reader.string(node, field: "time") else { return nil }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
           parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
           let hour = Int(parts[0]), let minute = Int(parts[1]), (0...23).contains(hour), (0...59).contains(minute) {
            return (hour < 10 ? "0" : "") + "\(hour):" + parts[1]
        }
        reader.diagnostics.error(node.location, .badTime(found: text))
        return nil
    }

    /// One entry of `documents`: `{file: x.pdf, title: …}`, a PDF in the meeting's folder.
    private mutating func readDocument(_ node: YAMLNode, folder: URL) -> Meeting.Document? {
        guard let fields = reader.fields(node, allowed: ["file", "title"], in: .aDocument) else { return nil }
        let title = reader.require(fields, "title", in: .aDocument, example: "title: Chương trình họp").flatMap { reader.text($0, field: "documents.title") }
        guard let fileNode = reader.require(fields, "file", in: .aDocument, example: "file: chuong-trinh.pdf"),
              let file = media(fileNode, field: "file", folder: folder, extensions: ["pdf"], kind: .pdfDocument)
        else { return nil }
        guard let (bytes, head, tail) = Self.ends(of: file.url) else {
            reader.diagnostics.error(fileNode.location, .documentUnreadable(path: file.path))
            return nil
        }
        // Phones open a document by what its bytes are: a Word file renamed .pdf opens nowhere.
        guard Self.pdfHeader(head) else {
            reader.diagnostics.error(fileNode.location, .notPDF(path: file.path, guess: Self.whatItIs(head)))
            return nil
        }
        if tail.firstRange(of: Array("%%EOF".utf8)) == nil {
            reader.diagnostics.warning(fileNode.location, .pdfTruncated(path: file.path))
        }
        if bytes > Self.largestDocument {
            reader.diagnostics.error(fileNode.location, .pdfTooLarge(path: file.path, size: SourceText.megabytes(bytes), limitMB: Int(Self.largestDocument >> 20)))
            return nil
        }
        if bytes > Self.largeDocument {
            reader.diagnostics.warning(fileNode.location, .pdfLarge(path: file.path, size: SourceText.megabytes(bytes)))
        }
        guard let title else { return nil }
        return Meeting.Document(file: file, title: title, bytes: bytes)
    }

    /// Above this, a document is a warning: it still publishes, but it is slow on a phone.
    static let largeDocument: Int64 = 20 << 20
    /// Above this, an error: no meeting document needs it, and a phone would give up downloading it.
    static let largestDocument: Int64 = 100 << 20

    /// A file's size, its first 1024 bytes and its last 1024 bytes (never the whole file).
    private static func ends(of url: URL) -> (Int64, [UInt8], [UInt8])? {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
        defer { try? handle.close() }
        guard let size = try? handle.seekToEnd() else { return nil }
        guard (try? handle.seek(toOffset: 0)) != nil else { return nil }
        let head = [UInt8]((try? handle.read(upToCount: 1024)) ?? Data())
        guard (try? handle.seek(toOffset: size > 1024 ? size - 1024 : 0)) != nil else { return nil }
        let tail = [UInt8]((try? handle.read(upToCount: 1024)) ?? Data())
        return (Int64(size), head, tail)
    }

    /// `%PDF-` within the first 1024 bytes, as PDF readers accept it (ISO 32000, annex H).
    static func pdfHeader(_ head: [UInt8]) -> Bool { head.firstRange(of: Array("%PDF-".utf8)) != nil }

    /// What a file that is not a PDF probably is, from its first bytes, for the message.
    static func whatItIs(_ head: [UInt8]) -> FileGuess {
        func starts(_ bytes: [UInt8]) -> Bool { head.starts(with: bytes) }
        if starts([0x50, 0x4B, 0x03, 0x04]) { return .office }
        if starts([0xD0, 0xCF, 0x11, 0xE0]) { return .oldOffice }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts([0x89, 0x50, 0x4E, 0x47]) { return .png }
        if starts(Array("<".utf8)) || starts(Array("\u{FEFF}<".utf8)) { return .webPage }
        if head.isEmpty { return .empty }
        return .other
    }
}
