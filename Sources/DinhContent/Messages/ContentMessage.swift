import DinhCore
import Foundation

/// What reading the content folder says: problems in site.yaml, pages, relics, products and producers, their YAML, media files, Markdown and WebVTT.
/// English in ContentMessage+en.swift, Vietnamese in ContentMessage+vi.swift: one exhaustive `switch` each.
package enum ContentMessage: MessageTable {
    // The tour editor of dinh serve (SceneEditor)
    case editorNotUTF8
    case editorNoFrontMatter
    case editorFrontMatterNotGroup
    case editorNoScenes
    case editorScenesNotList
    case editorScenesOnOneLine
    case editorSceneNotGroup
    case editorSceneNoID
    case editorLayout
    case editorNoteNeedsText
    case editorNoScene(id: String)
    case editorNoHotspot(scene: String, number: Int)
    case editorHotspotsNotList
    // Meetings (LoadMeetings)
    case documentsEmpty
    case badTime(found: String)
    case documentUnreadable(path: String)
    case notPDF(path: String, guess: FileGuess)
    case pdfTruncated(path: String)
    case pdfTooLarge(path: String, size: String, limitMB: Int)
    case pdfLarge(path: String, size: String)
    // Fields (FieldReader)
    case notAGroup(what: Part, kind: ValueKind)
    case unknownField(key: String, in: Part, guess: String?, allowed: [String])
    case missingField(in: Part, key: String, example: String)
    case notAList(field: String)
    case notSingleValue(field: String, kind: ValueKind)
    case emptyField(field: String)
    case notSiteLanguage(field: String, language: String, languages: [String], guess: String?)
    case noText(field: String)
    case textNotList(field: String)
    case notWholeNumber(field: String, found: String, hint: Hint?)
    case outOfRange(field: String, low: String, high: String, found: String, hint: Hint?)
    case notANumber(field: String, found: String)
    case notAChoice(field: String, allowed: [String], found: String, guess: String?)
    /// `suggestion`: the date written as it must be, when `found` is a day/month/year date.
    case notADate(field: String, found: String, suggestion: String?)
    case notGeo(field: String, suggestion: String?)
    case notWebAddress(field: String, found: String)
    // Folders and files (ContentLoader)
    case noContentFolder(folder: String)
    case contentFolderIsAnother(folder: String, found: String)
    case insideContentFolder(folder: String)
    case ignoredFileNotFolder(section: String)
    case folderLinksOutside
    case badFolderName(name: String, suggestion: String?)
    case ignoredFileNotYAML(section: String)
    case badFileName(name: String, suggestion: String)
    case noIndex(what: Part)
    case emptyDocument(what: Part)
    case noFrontMatter
    case frontMatterNotClosed
    case frontMatterEmpty
    case emptyFile
    case fileIsWebAddress(field: String)
    case fileOutsideFolder(field: String, path: String)
    case wrongFileKind(field: String, path: String, kind: Part, extensions: [String])
    case fileMissing(field: String, path: String, guess: String?)
    case fileLinksOutside(field: String, path: String)
    case fileEmpty(field: String, path: String)
    case fileTooLarge(field: String, path: String, size: String, limitMB: Int64, advice: Advice)
    case notAudio(field: String, path: String)
    case wavNamedAsAudio(field: String, path: String)
    case notTranslated(language: String)
    /// Texts of an item translated into `language` written in `main` only: `fields`, the first few as
    /// the file names them, and `more` others; `inFile` of them may be given in index.<language>.md, the
    /// others beside their original, as `example` (`title: {vi: Hậu cung, en: …}`).
    case textsNotTranslated(language: String, main: String, fields: [String], more: Int, inFile: [String], example: String?)
    case notTranslatedGroup(language: String)
    /// `playing`: the language of the recording its page plays instead.
    case narrationFileInOtherLanguage(language: String, file: String, spoken: String)
    case transcriptOnlyInOther(language: String, other: String, example: String)
    case narrationNotRecorded(language: String, playing: String)
    case translationIgnored(language: String, languages: [String])
    case noSiteFile
    case notLanguageCode(code: String)
    case languageCodeMistaken(code: String, meant: String)
    case languageTwice
    case baseURLQuery
    case baseURLNotSecure(suggested: String)
    case baseURLExample(url: String)
    case currencyCode
    case movedCodesShape
    case retiredCodesShape
    case badCode(found: String, suggestion: String?)
    case codeUsedTwice(code: String, by: String)
    case skuUsedTwice(sku: String, by: String)
    case gtinUsedTwice(gtin: String, by: String)
    // Relics (LoadHeritage)
    case badSceneID(id: String, suggestion: String)
    case sceneIDTwice(id: String)
    /// A recording or caption file given for a language the site does not have.
    case mediaLanguage(field: String, language: String, languages: [String], guess: String?)
    case hotspotBoth
    case hotspotNeither
    case hotspotToItsOwnScene(scene: String, others: [String])
    case hotspotUnknownScene(target: String, guess: String?, scenes: [String])
    case narrationShape
    case captionsShape
    case webVTTUnusable(path: String, problem: Message)
    // Products (LoadProducts)
    case skuTooLong
    case skuFormula(sku: String)
    case unknownProducer(producer: String, guess: String?)
    case saleNotLower(sale: Int, price: Int)
    case ocopExpired(date: String)
    case ocopNeedsDate
    case ocopYearMismatch(year: Int, date: String)
    case priceInThousands(field: String, found: Int, meant: Int)
    case priceNotWhole(field: String, found: String, suggestion: Int?)
    case badWeight(found: String)
    case badGTIN(found: String)
    case gtinCheckDigit(gtin: String, expected: String)
    case linkLeadsNowhere(target: String, missing: String, isPage: Bool, suggestion: String?)
    case linkToFormerAddress(target: String, now: String, suggestion: String)
    case linkFromSiteRoot(target: String, relative: String)
    case linkInFullToThisSite(target: String, relative: String)
    case linkWithoutFinalSlash(target: String, fixed: String)
    case productNamedAsAnother(name: String, other: String)
    case curlyQuotes
    case nonBreakingSpaces
    case yamlGroupOnOneLine(suggestion: String)
    case notACodeIn(field: String, found: String, suggestion: String?)
    case openingHoursNotTimes(found: String)
    case openingHoursForm(found: String, canonical: String)
    case badEmail(found: String)
    case notOnePhoneNumber(field: String, found: String, meant: String?)
    case notBool(field: String, found: String)
    /// `named`: the BIN of the bank `found` names, if it names one (`Vietcombank`).
    case bankBINShape(found: String, named: String?)
    case bankUnknown(bin: String, guess: String?, guessName: String?)
    case bankAccount(found: String, suggestion: String?)
    case bankName(found: String, suggestion: String?)
    // YAML and text files
    case yamlAliasBomb(alias: String)
    case yamlUnreadable(detail: String)
    /// `spaces`: the file's own step of indentation, when a line has one.
    case yamlTab(alsoLines: [Int], spaces: Int?)
    case yamlColon(suggestion: String)
    case yamlNoColon(suggestion: String)
    case yamlDashInLine
    case yamlUnclosedBracket(open: String, close: String)
    case yamlUnclosedQuote
    case yamlIndentation
    case yamlTooDeep
    case yamlBadStart
    case yamlInvalid(detail: String)
    case yamlDuplicate(keys: [String])
    case notUTF8Text(problem: String)
    case textFileTooLarge(size: String, limit: String)
    case textFileUnreadable
    case binaryFile
    case notUTF8
    // WebVTT and Markdown
    case vttNoHeader
    case vttIsSubRip
    case srtBadTiming
    case srtNoCues
    case vttBadTiming
    case vttCommaTiming
    case vttManyBadTimings
    case vttNoCues
    case vttTooManyCues(thousands: Int)
    case mdTooDeep(levels: Int)
    case mdPicture
    case mdHTML(tag: String)
    case mdBareWebAddress(target: String, meant: String)
    case mdBadLink(target: String)
}

extension Diagnostics {
    package mutating func error(_ location: SourceLocation, _ message: ContentMessage) { error(location, Message(message)) }
    package mutating func warning(_ location: SourceLocation, _ message: ContentMessage, group: Message? = nil) {
        warning(location, Message(message), group: group)
    }
}

extension Diagnostic {
    package static func error(_ location: SourceLocation, _ message: ContentMessage) -> Diagnostic { .error(location, Message(message)) }
    package static func warning(_ location: SourceLocation, _ message: ContentMessage) -> Diagnostic { .warning(location, Message(message)) }
}

extension DinhError {
    package init(_ message: ContentMessage, at location: SourceLocation? = nil) { self.init(Message(message), at: location) }
}

/// A thing of the content that messages name: "this relic", "'ocop'", "a JPEG or PNG photo".
/// A string literal is words of its own, the same in every language.
package indirect enum Part: MessageTable, Hashable, ExpressibleByStringLiteral {
    case thisRelic, thisProduct, thisPage, thisProducer, thisMeeting, siteFile
    case aScene, thisScene, aHotspot, thisHotspot, aGalleryPhoto, thisGalleryPhoto, aVideo, thisVideo, view, aDocument, pdfDocument
    case photo, panorama, image, audioFile, transcript, video, captions
    /// A field by its name, in quotes: 'ocop'.
    case field(String)
    case translation(language: String, of: Part)
    case verbatim(String)

    package init(stringLiteral value: String) { self = .verbatim(value) }

    package func text(in language: Language) -> String {
        switch (self, language) {
        case (.thisRelic, .en): "this relic"
        case (.thisRelic, .vi): "di tích này"
        case (.thisProduct, .en): "this product"
        case (.thisProduct, .vi): "sản phẩm này"
        case (.thisPage, .en): "this page"
        case (.thisPage, .vi): "trang này"
        case (.thisProducer, .en): "this producer"
        case (.thisProducer, .vi): "chủ thể này"
        case (.thisMeeting, .en): "this meeting"
        case (.thisMeeting, .vi): "cuộc họp này"
        case (.siteFile, _): "site.yaml"
        case (.aScene, .en): "a scene"
        case (.aScene, .vi): "một cảnh"
        case (.thisScene, .en): "this scene"
        case (.thisScene, .vi): "cảnh này"
        case (.aHotspot, .en): "a hotspot"
        case (.aHotspot, .vi): "một điểm chạm"
        case (.thisHotspot, .en): "this hotspot"
        case (.thisHotspot, .vi): "điểm chạm này"
        case (.aGalleryPhoto, .en): "a gallery photo"
        case (.aGalleryPhoto, .vi): "một ảnh trong 'gallery'"
        case (.thisGalleryPhoto, .en): "this gallery photo"
        case (.thisGalleryPhoto, .vi): "ảnh này của 'gallery'"
        case (.aVideo, .en): "a video"
        case (.aVideo, .vi): "một video"
        case (.thisVideo, .en): "this video"
        case (.thisVideo, .vi): "video này"
        case (.view, _): "'view'"
        case (.aDocument, .en): "a document of 'documents'"
        case (.aDocument, .vi): "một tài liệu trong 'documents'"
        case (.pdfDocument, .en): "a PDF document"
        case (.pdfDocument, .vi): "tài liệu PDF"
        case (.photo, .en): "a JPEG or PNG photo"
        case (.photo, .vi): "ảnh JPEG hoặc PNG"
        case (.panorama, .en): "a JPEG or PNG panorama"
        case (.panorama, .vi): "ảnh toàn cảnh 360° JPEG hoặc PNG"
        case (.image, .en): "a JPEG or PNG image"
        case (.image, .vi): "hình JPEG hoặc PNG"
        case (.audioFile, .en): "an audio file"
        case (.audioFile, .vi): "tệp âm thanh"
        case (.transcript, .en): "a WebVTT transcript"
        case (.transcript, .vi): "bản lời thuyết minh WebVTT"
        case (.video, .en): "an MP4 or WebM video"
        case (.video, .vi): "video MP4 hoặc WebM"
        case (.captions, .en): "WebVTT captions"
        case (.captions, .vi): "phụ đề WebVTT"
        case (.field(let name), _): "'\(name)'"
        case (.translation(let code, let part), .en): "the \(code) translation of \(part.text(in: language))"
        case (.translation(let code, let part), .vi): "bản dịch \(code) của \(part.text(in: language))"
        case (.verbatim(let text), _): text
        }
    }
}

/// What a file that should be a PDF looks like, from its first bytes.
package enum FileGuess: MessageTable, Hashable {
    case office, oldOffice, jpeg, png, webPage, empty, other

    package func text(in language: Language) -> String {
        switch (self, language) {
        case (.office, .en): "it looks like a Word, Excel or other Office file, or a zip"
        case (.office, .vi): "có vẻ là tệp Word, Excel hay tệp Office khác, hoặc tệp zip"
        case (.oldOffice, .en): "it looks like an old Word or Excel file (.doc, .xls)"
        case (.oldOffice, .vi): "có vẻ là tệp Word hoặc Excel cũ (.doc, .xls)"
        case (.jpeg, .en): "it is a JPEG photo"
        case (.jpeg, .vi): "đây là ảnh JPEG"
        case (.png, .en): "it is a PNG picture"
        case (.png, .vi): "đây là hình PNG"
        case (.webPage, .en): "it looks like a web page"
        case (.webPage, .vi): "có vẻ là một trang web"
        case (.empty, .en): "it is empty"
        case (.empty, .vi): "tệp trống"
        case (.other, .en): "it does not start with %PDF-"
        case (.other, .vi): "tệp không bắt đầu bằng %PDF-"
        }
    }
}

/// What a YAML value is, for "must be a list, not a group of fields".
package enum ValueKind: MessageTable, Hashable {
    case scalar, mapping, sequence

    package func text(in language: Language) -> String {
        switch (self, language) {
        case (.scalar, .en): "a single value"
        case (.scalar, .vi): "một giá trị đơn"
        case (.mapping, .en): "a group of fields"
        case (.mapping, .vi): "một nhóm trường"
        case (.sequence, .en): "a list"
        case (.sequence, .vi): "một danh sách"
        }
    }
}

/// A hint added to a number's message.
package enum Hint: MessageTable, Hashable {
    case ocopStars, ocopYear
    /// A year written as a date (`2001-05-12`): the year alone is wanted.
    case yearOnly(field: String, year: Int)

    package func text(in language: Language) -> String {
        switch (self, language) {
        case (.ocopStars, .en): "OCOP products are rated 3, 4 or 5 stars"
        case (.ocopStars, .vi): "sản phẩm OCOP được xếp hạng 3, 4 hoặc 5 sao"
        case (.ocopYear, .en): "the OCOP programme started in 2018"
        case (.ocopYear, .vi): "chương trình OCOP bắt đầu từ năm 2018"
        case (.yearOnly(let field, let year), .en): "only the year is written here: \(field): \(year)"
        case (.yearOnly(let field, let year), .vi): "ở đây chỉ ghi năm: \(field): \(year)"
        }
    }
}

/// What to do with a media file too large for phones.
package enum Advice: MessageTable, Hashable {
    case audio, video

    package func text(in language: Language) -> String {
        switch (self, language) {
        case (.audio, .en): "export the recording again as MP3 at 64–128 kbit/s (an hour at 64 kbit/s is 29 MB)"
        case (.audio, .vi): "hãy xuất lại bản ghi âm dạng MP3 ở 64–128 kbit/s (một giờ ở 64 kbit/s là 29 MB)"
        case (.video, .en): "export the clip again for the web (H.264 at 720p, a few minutes)"
        case (.video, .vi): "hãy xuất lại đoạn phim cho web (H.264, 720p, vài phút)"
        }
    }
}

extension ContentMessage {
    /// The link, as written in a text, that this message is about (nil for other messages): how
    /// `dinh check` knows which of the loader's warnings a broken link of a built page retells.
    package var linkTarget: String? {
        switch self {
        case .linkLeadsNowhere(let target, _, _, _), .linkToFormerAddress(let target, _, _), .linkFromSiteRoot(let target, _),
             .linkInFullToThisSite(let target, _), .linkWithoutFinalSlash(let target, _), .mdBadLink(let target):
            target
        default:
            nil
        }
    }

    /// `wav` for `thuyet-minh.WAV`.
    static func fileExtension(_ path: String) -> String { (path as NSString).pathExtension.lowercased() }

    /// How to turn a file of a format phones or recorders make into one the site uses, after a
    /// "not a …" message: empty for other files.
    static func conversion(of path: String, in language: Language) -> String {
        let ext = fileExtension(path)
        let vi = language == .vi
        switch ext {
        case "wav", "wma", "aac", "flac", "amr", "3gp", "m4r", "aiff":
            return vi ? "; hãy lưu lại bản ghi âm dạng MP3 (ví dụ bằng Audacity: File › Export › Export as MP3)"
                : "; save the recording again as MP3 (for example in Audacity: File › Export › Export as MP3)"
        case "heic", "heif":
            return vi ? "; đây là ảnh HEIC của iPhone: hãy lưu lại dạng JPEG (.jpg), và để iPhone chụp JPEG: Cài đặt › Camera › Định dạng › Tương thích nhất"
                : "; this is an iPhone HEIC photo: save it again as JPEG (.jpg), and have the iPhone take JPEG: Settings › Camera › Formats › Most Compatible"
        case "webp", "tif", "tiff", "bmp", "gif":
            return vi ? "; hãy mở ảnh và lưu lại dạng JPEG (.jpg)" : "; open the photo and save it again as JPEG (.jpg)"
        case "mov", "avi", "mkv", "wmv", "flv":
            return vi ? "; hãy xuất lại video dạng MP4 (H.264)" : "; export the video again as MP4 (H.264)"
        default:
            return ""
        }
    }
}
