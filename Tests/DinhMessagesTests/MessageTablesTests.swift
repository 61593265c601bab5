import DinhCLI
import DinhContent
import DinhCore
import DinhFeeds
import DinhImaging
import DinhImport
import DinhQR
import DinhServe
import DinhSite
import DinhTemplate
import DinhTestSupport
import Foundation
import Testing

/// Every message table, every case rendered in both languages: the compiler already proves each
/// case has an English and a Vietnamese text (one exhaustive `switch` per language); these tests
/// prove the samples below cover every case of each table's source, that both texts are there and
/// differ, that the Vietnamese one has no English sentence left in it, and that every value a
/// message carries (a file, a field, a number, a nested message) is said in both.
@Suite struct MessageTablesTests {
    /// Each table: its source file (where its cases are declared) and one sample of every case.
    static let tables: [(source: String, samples: [any MessageTable])] = [
        ("DinhCore/Messages/CoreMessage.swift", Samples.coreMessage),
        ("DinhContent/Messages/ContentMessage.swift", Samples.contentMessage),
        ("DinhImaging/Messages/ImageMessage.swift", Samples.imageMessage),
        ("DinhQR/Messages/QRMessage.swift", Samples.qRMessage),
        ("DinhFeeds/Messages/FeedMessage.swift", Samples.feedMessage),
        ("DinhSite/Messages/SiteMessage.swift", Samples.siteMessage),
        ("DinhImport/Messages/ImportMessage.swift", Samples.importMessage),
        ("DinhServe/Messages/ServeMessage.swift", Samples.serveMessage),
        ("DinhCLI/Messages/CLIMessage.swift", Samples.cLIMessage),
        ("DinhTemplate/Messages/TemplateMessage.swift", Samples.templateMessage),
    ]

    /// The case names declared in a table's enum, read from its source.
    static func declaredCases(_ source: String) throws -> Set<String> {
        let text = try String(contentsOf: Tools.repositoryRoot.appendingPathComponent("Sources/" + source), encoding: .utf8)
        guard let start = text.range(of: ": MessageTable {"), let end = text.range(of: "\n}", range: start.upperBound..<text.endIndex) else { return [] }
        var names = Set<String>()
        // `case a, b(x: Int, y: [String]), c`, possibly over several lines: the name before each
        // top-level comma's item's `(`.
        var pending = "", depth = 0
        for line in text[start.upperBound..<end.lowerBound].split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if pending.isEmpty {
                guard trimmed.hasPrefix("case ") else { continue }
                pending = String(trimmed.dropFirst(5))
            } else {
                pending += " " + trimmed
            }
            depth = pending.reduce(0) { $0 + ("([".contains($1) ? 1 : ")]".contains($1) ? -1 : 0) }
            guard depth == 0 else { continue }
            var level = 0, item = ""
            for character in pending + "," {
                if character == "(" || character == "[" { level += 1 }
                if character == ")" || character == "]" { level -= 1 }
                if character == "," && level == 0 {
                    names.insert(String(item.prefix { $0 != "(" }).trimmingCharacters(in: .whitespaces))
                    item = ""
                } else {
                    item.append(character)
                }
            }
            pending = ""
        }
        return names
    }

    static func caseName(_ message: any MessageTable) -> String {
        String(String(describing: message).prefix { $0 != "(" })
    }

    /// The values a message carries, as they must appear in its text in `language`.
    static func values(of message: any MessageTable, in language: Language) -> [String] {
        guard let payload = Mirror(reflecting: message).children.first?.value else { return [] }
        return leaves(payload, in: language)
    }

    static func leaves(_ value: Any, in language: Language) -> [String] {
        switch value {
        case let text as String: return text.isEmpty ? [] : [text]
        case let number as Int: return ["\(number)"]
        case let number as Int64: return ["\(number)"]
        case let message as Message: return [message.text(in: language)]
        case let table as any MessageTable: return [table.text(in: language)]
        default:
            // Tuples of several values, optionals, arrays, dictionaries; a Bool or a plain enum says nothing.
            return Mirror(reflecting: value).children.flatMap { leaves($0.value, in: language) }
        }
    }

    @Test func theSamplesCoverEveryCaseOfEveryTable() throws {
        for (source, samples) in Self.tables {
            let declared = try Self.declaredCases(source)
            let sampled = Set(samples.map(Self.caseName))
            #expect(!declared.isEmpty, "no cases read from \(source)")
            #expect(declared.subtracting(sampled).isEmpty, "\(source): cases without a sample: \(declared.subtracting(sampled).sorted())")
            #expect(sampled.subtracting(declared).isEmpty, "\(source): samples of no declared case: \(sampled.subtracting(declared).sorted())")
        }
    }

    @Test func everyMessageIsSaidInBothLanguagesWithItsValues() {
        var count = 0
        for (source, samples) in Self.tables {
            for message in samples {
                count += 1
                let name = "\(source): \(Self.caseName(message))"
                let english = message.text(in: .en), vietnamese = message.text(in: .vi)
                #expect(!english.isEmpty && !vietnamese.isEmpty, "\(name) is empty")
                #expect(english != vietnamese, "\(name) is the same in both languages: \(english)")
                #expect(english.last?.isWhitespace == false || english.hasSuffix(": "), "\(name) ends with a space: \(english)")
                for language in Language.allCases {
                    let text = message.text(in: language)
                    for value in Self.values(of: message, in: language) {
                        #expect(text.contains(value), "\(name) (\(language)) does not say \(value): \(text)")
                    }
                }
                // An English sentence left in the Vietnamese table (field names and menu names stay).
                for word in [" the ", " must ", " cannot ", " is not ", " should ", " does ", " please "] {
                    #expect(!vietnamese.lowercased().contains(word), "\(name): English '\(word)' in \(vietnamese)")
                }
                #expect(!english.contains("hãy ") && !english.contains(" phải "), "\(name): Vietnamese in \(english)")
            }
        }
        #expect(count > 300)
    }

    @Test func thingsNamedInMessagesAreSaidInBothLanguages() {
        let parts: [Part] = [.thisRelic, .thisProduct, .thisPage, .thisProducer, .thisMeeting, .aScene, .thisScene, .aHotspot, .thisHotspot,
                             .aGalleryPhoto, .thisGalleryPhoto, .aVideo, .thisVideo, .photo, .panorama, .image, .audioFile, .transcript, .video, .captions,
                             .aDocument, .pdfDocument,
                             .translation(language: "en", of: .thisRelic)]
        let kinds: [any MessageTable] = [ValueKind.scalar, ValueKind.mapping, ValueKind.sequence, Hint.ocopStars, Hint.ocopYear, Advice.audio, Advice.video,
                                         FileGuess.office, FileGuess.oldOffice, FileGuess.jpeg, FileGuess.png, FileGuess.webPage, FileGuess.empty, FileGuess.other,
                                         TemplatePart.section("{{#a}}"), TemplatePart.block("{{$a}}"), TemplatePart.parent("{{<a}}"), TemplatePart.template]
        let others: [any MessageTable] = parts.map { $0 as any MessageTable } + kinds
        for thing in others {
            #expect(!thing.text(in: .en).isEmpty && thing.text(in: .en) != thing.text(in: .vi), "\(thing)")
        }
        // Names that are the file's own words read the same in both.
        for same: Part in [.siteFile, .view, .field("ocop"), "words of their own"] {
            #expect(same.text(in: .en) == same.text(in: .vi))
        }
        #expect(Part.field("ocop").text(in: .vi) == "'ocop'")
    }

    @Test func groupsAreCountedOncePerDistinctDiagnostic() {
        var diagnostics = Diagnostics()
        let a = SourceLocation(path: "b.md", line: 2), b = SourceLocation(path: "a.md", line: 1)
        diagnostics.append(Diagnostic(.warning, a, "no photo", group: "photos"))
        diagnostics.append(Diagnostic(.warning, a, "no photo", group: "photos"))   // the same, twice
        diagnostics.append(Diagnostic(.warning, b, "no photo", group: "photos"))
        diagnostics.append(Diagnostic(.error, b, "no photo", group: "photos"))
        diagnostics.append(Diagnostic(.warning, b, "not translated", group: "English"))
        diagnostics.append(Diagnostic(.warning, b, "alone"))
        #expect(diagnostics.groupCounts.map { "\($0.group)=\($0.count)" } == ["English=1", "photos=3"])
        #expect(diagnostics.sorted.count == 5)
    }

    @Test func aDiagnosticKeepsItsMessageApartFromItsLanguage() {
        var diagnostics = Diagnostics()
        diagnostics.error(SourceLocation(path: "content/products/che-lam/index.md", line: 11, column: 8),
                          .priceNotWhole(field: "price", found: "45.000đ", suggestion: 45000))
        let diagnostic = diagnostics.all[0]
        #expect(diagnostic.description(in: .en) == "content/products/che-lam/index.md:11:8: error: 'price' must be a whole number of đồng, without dots, spaces or currency sign; found '45.000đ'; write price: 45000")
        #expect(diagnostic.description(in: .vi) == "content/products/che-lam/index.md:11:8: error: 'price': giá phải là số đồng nguyên, không có dấu chấm, dấu cách hay ký hiệu tiền; đang ghi '45.000đ'; hãy viết price: 45000")
        #expect(diagnostic.message == diagnostic.message(in: .en))
        #expect(diagnostic.description == diagnostic.description(in: .en))
        // A message nested in another (a cell's problem, an image's reason) follows the language.
        let nested = Message(ImportMessage.cellProblem(header: "Giá", column: "B", problem: Message(ImportMessage.notAPrice(text: "abc"))))
        #expect(nested.text(in: .vi) == "cột 'Giá' (B): 'abc' không phải giá; hãy viết số đồng nguyên như 45000, 45.000 hoặc 45.000đ")
        #expect(DinhError(ImportMessage.noWorksheet(file: "list.xlsx")).description(in: .vi) == "error: list.xlsx không có trang tính nào; hãy đặt danh sách sản phẩm ở trang tính đầu tiên")
    }

    /// A diagnostic or error written as an English string at its call site would be English in both
    /// languages: every one comes from a table (`Message(verbatim:)` marks words that are not Dinh's).
    @Test func noMessageIsWrittenAsABareStringOutsideTheTables() throws {
        let sources = Tools.repositoryRoot.appendingPathComponent("Sources")
        let patterns = [#"\.(error|warning)\([^"\n]*,\s*""#, #"DinhError\(""#, #"Diagnostic\([^"\n]*,\s*""#, #"[(,]\s*message: ""#]
            .map { try! NSRegularExpression(pattern: $0) }
        var found: [String] = []
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        for file in files where file.pathExtension == "swift" {
            let path = file.path.replacingOccurrences(of: sources.path + "/", with: "")
            if path.contains("/Messages/") || path.hasPrefix("dinh-bench/") || path.hasPrefix("dinh-fuzz/") { continue }
            let text = try String(contentsOf: file, encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let code = String(line)
                if code.trimmingCharacters(in: .whitespaces).hasPrefix("//") { continue }
                let range = NSRange(code.startIndex..., in: code)
                if patterns.contains(where: { $0.firstMatch(in: code, range: range) != nil }) { found.append("\(path):\(number + 1): \(code.trimmingCharacters(in: .whitespaces))") }
            }
        }
        #expect(files.filter { $0.pathExtension == "swift" }.count > 100, "the sources were read")
        #expect(found.isEmpty, "messages written in English only (put them in the module's message table):\n\(found.joined(separator: "\n"))")
    }

    @Test func theLanguageComesFromTheWordsThenTheLocaleAsPOSIXSays() {
        #expect(Language.fromLocale(["LANG": "vi_VN.UTF-8"]) == .vi)
        #expect(Language.fromLocale(["LANG": "vi"]) == .vi)
        #expect(Language.fromLocale(["LANG": "en_US.UTF-8"]) == .en)
        #expect(Language.fromLocale([:]) == .en)
        #expect(Language.fromLocale(["LANG": "C"]) == .en)
        #expect(Language.fromLocale(["LANG": "vi_VN.UTF-8", "LC_ALL": "C"]) == .en)
        #expect(Language.fromLocale(["LANG": "vi_VN.UTF-8", "LC_ALL": ""]) == .vi, "an empty variable does not count")
        #expect(Language.fromLocale(["LANG": "en_US.UTF-8", "LC_MESSAGES": "vi_VN.UTF-8"]) == .vi)
        #expect(Language.fromLocale(["LC_ALL": "vi_VN.UTF-8", "LC_MESSAGES": "en_US.UTF-8"]) == .vi)
        #expect(Language.chosen(arguments: ["build", "--lang", "en"], environment: ["LANG": "vi_VN.UTF-8"]) == .en)
        #expect(Language.chosen(arguments: ["--lang=vi", "build"], environment: ["LANG": "C"]) == .vi)
        #expect(Language.chosen(arguments: ["build", "--", "--lang", "vi"], environment: [:]) == .en, "after -- the words are files")
        #expect(Language.chosen(arguments: ["build", "--lang", "fr"], environment: ["LANG": "vi_VN"]) == .vi, "an unknown language leaves the locale's")
    }
}

/// One sample of every case (two where a message says one of two values); values are distinct so
/// that each must appear in its message, and a nil or empty value says nothing.
enum Samples {
    static let coreMessage: [CoreMessage] = [
        .formulaStart(field: "«v1»", first: "«v2»", shown: "«v3»"),
        .cannotWrite(path: "«v4»", reason: "«v5»"),
    ]
    static let contentMessage: [ContentMessage] = [
        .notAGroup(what: .thisRelic, kind: .mapping),
        .unknownField(key: "«v8»", in: .thisRelic, guess: "«v10»", allowed: []),
        .unknownField(key: "«v8»", in: .thisRelic, guess: nil, allowed: ["«v11a»", "«v11b»"]),
        .missingField(in: .thisRelic, key: "«v13»", example: "«v14»"),
        .notAList(field: "«v15»"),
        .notSingleValue(field: "«v16»", kind: .mapping),
        .emptyField(field: "«v18»"),
        .notSiteLanguage(field: "«v19»", language: "«v20»", languages: ["«v21a»", "«v21b»"], guess: "«v22»"),
        .noText(field: "«v23»"),
        .textNotList(field: "«v24»"),
        .notWholeNumber(field: "«v25»", found: "«v26»", hint: .ocopStars),
        .notWholeNumber(field: "«v25y»", found: "«v26y»", hint: .yearOnly(field: "«v26f»", year: 2611)),
        .outOfRange(field: "«v28»", low: "«v29»", high: "«v30»", found: "«v31»", hint: .ocopStars),
        .notANumber(field: "«v33»", found: "«v34»"),
        .notAChoice(field: "«v35»", allowed: ["«v36a»", "«v36b»"], found: "«v37»", guess: "«v38»"),
        .notADate(field: "«v39»", found: "«v40»", suggestion: "«v40b»"),
        .notADate(field: "«v39»", found: "«v40»", suggestion: nil),
        .notGeo(field: "«v41»", suggestion: "«v41s»"),
        .notWebAddress(field: "«v42»", found: "«v43»"),
        .noContentFolder(folder: "«v44»"),
        .contentFolderIsAnother(folder: "«v1435»", found: "«v1436»"),
        .ignoredFileNotFolder(section: "«v45»"),
        .folderLinksOutside,
        .badFolderName(name: "«v46»", suggestion: "«v47»"),
        .ignoredFileNotYAML(section: "«v48»"),
        .badFileName(name: "«v49»", suggestion: "«v50»"),
        .noIndex(what: .thisRelic),
        .emptyDocument(what: .thisRelic),
        .noFrontMatter,
        .frontMatterNotClosed,
        .frontMatterEmpty,
        .emptyFile,
        .fileIsWebAddress(field: "«v53»"),
        .fileOutsideFolder(field: "«v54»", path: "«v55»"),
        .wrongFileKind(field: "«v56»", path: "«v57»", kind: .thisRelic, extensions: ["«v59a»", "«v59b»"]),
        .fileMissing(field: "«v60»", path: "«v61»", guess: "«v62»"),
        .fileLinksOutside(field: "«v63»", path: "«v64»"),
        .fileEmpty(field: "«v65»", path: "«v66»"),
        .fileTooLarge(field: "«v67»", path: "«v68»", size: "«v69»", limitMB: Int64(1070), advice: .video),
        .notAudio(field: "«v72»", path: "«v73»"),
        .wavNamedAsAudio(field: "«v1443»", path: "«v1444»"),
        .transcriptOnlyInOther(language: "en", other: "vi", example: "«v1445»"),
        .notTranslated(language: "«v75»"),
        .textsNotTranslated(language: "«v1500»", main: "«v1501»", fields: ["«v1502»", "«v1503»"], more: 1504, inFile: ["«v1505»"], example: "«v1506»"),
        .textsNotTranslated(language: "«v1507»", main: "«v1508»", fields: ["«v1509»"], more: 1510, inFile: [], example: "«v1511»"),
        .textsNotTranslated(language: "«v1512»", main: "«v1513»", fields: ["«v1514»"], more: 1515, inFile: ["«v1516»"], example: nil),
        .notTranslatedGroup(language: "«v77»"),
        .translationIgnored(language: "«v78»", languages: ["«v79a»", "«v79b»"]),
        .noSiteFile,
        .insideContentFolder(folder: "«v79c»"),
        .notLanguageCode(code: "«v80»"),
        .languageCodeMistaken(code: "«v80b»", meant: "«v80c»"),
        .languageTwice,
        .baseURLQuery,
        .baseURLNotSecure(suggested: "«v80d»"),
        .baseURLExample(url: "«v80e»"),
        .currencyCode,
        .movedCodesShape,
        .retiredCodesShape,
        .badCode(found: "«v81»", suggestion: "«v82»"),
        .codeUsedTwice(code: "«v83»", by: "«v84»"),
        .skuUsedTwice(sku: "«v84b»", by: "«v84c»"),
        .gtinUsedTwice(gtin: "«v84d»", by: "«v84e»"),
        .badSceneID(id: "«v85»", suggestion: "«v86»"),
        .sceneIDTwice(id: "«v87»"),
        .mediaLanguage(field: "«v87b»", language: "«v88»", languages: ["«v89a»", "«v89b»"], guess: "«v89c»"),
        .mediaLanguage(field: "«v87b»", language: "«v88»", languages: ["«v89a»", "«v89b»"], guess: nil),
        .hotspotBoth,
        .hotspotNeither,
        .hotspotToItsOwnScene(scene: "«v88o»", others: ["«v88p»"]),
        .hotspotUnknownScene(target: "«v90»", guess: "«v91»", scenes: []),
        .hotspotUnknownScene(target: "«v90»", guess: nil, scenes: ["«v92a»", "«v92b»"]),
        .narrationShape,
        .captionsShape,
        .webVTTUnusable(path: "«v93»", problem: Message(verbatim: "«v94»")),
        .skuTooLong,
        .skuFormula(sku: "«v95»"),
        .unknownProducer(producer: "«v96»", guess: "«v97»"),
        .saleNotLower(sale: 1098, price: 1099),
        .ocopExpired(date: "«v100»"),
        .ocopNeedsDate,
        .ocopYearMismatch(year: 1101, date: "«v102»"),
        .priceInThousands(field: "«v120p»", found: 1201, meant: 1202),
        .priceNotWhole(field: "«v103»", found: "«v104»", suggestion: 1105),
        .badWeight(found: "«v106»"),
        .badGTIN(found: "«v107»"),
        .gtinCheckDigit(gtin: "«v108»", expected: "«v109»"),
        .linkLeadsNowhere(target: "«v109a»", missing: "«v109b»", isPage: true, suggestion: "«v109c»"),
        .linkToFormerAddress(target: "«v1403»", now: "«v1404»", suggestion: "«v1405»"),
        .linkFromSiteRoot(target: "«v109d»", relative: "«v109e»"),
        .linkInFullToThisSite(target: "«v1411»", relative: "«v1412»"),
        .linkWithoutFinalSlash(target: "«v1419»", fixed: "«v1420»"),
        .productNamedAsAnother(name: "«v1421»", other: "«v1422»"),
        .curlyQuotes,
        .nonBreakingSpaces,
        .yamlGroupOnOneLine(suggestion: "«v1438»"),
        .notACodeIn(field: "«v1428»", found: "«v1429»", suggestion: "«v1430»"),
        .openingHoursNotTimes(found: "«v109h»"),
        .openingHoursForm(found: "«v109i»", canonical: "«v109j»"),
        .badEmail(found: "«v110»"),
        .notOnePhoneNumber(field: "«v110a»", found: "«v110b»", meant: "«v110c»"),
        .notBool(field: "«v111»", found: "«v112»"),
        .bankBINShape(found: "«v113»", named: "«v113b»"),
        .bankBINShape(found: "«v113»", named: nil),
        .bankUnknown(bin: "«v114»", guess: "«v115»", guessName: "«v116»"),
        .bankAccount(found: "«v117»", suggestion: "«v118»"),
        .bankName(found: "«v119»", suggestion: "«v120»"),
        .yamlAliasBomb(alias: "«v121»"),
        .yamlUnreadable(detail: "«v122»"),
        .yamlTab(alsoLines: [1431], spaces: 1442),
        .yamlTab(alsoLines: [1446], spaces: nil),
        .yamlColon(suggestion: "«v123»"),
        .yamlNoColon(suggestion: "«v123b»"),
        .yamlDashInLine,
        .yamlUnclosedBracket(open: "[", close: "«v123c»"),
        .yamlUnclosedBracket(open: "{", close: "«v123d»"),
        .yamlUnclosedQuote,
        .yamlIndentation,
        .yamlTooDeep,
        .yamlBadStart,
        .yamlInvalid(detail: "«v124»"),
        .yamlDuplicate(keys: ["«v125a»", "«v125b»"]),
        .notUTF8Text(problem: "«v126»"),
        .textFileTooLarge(size: "«v127»", limit: "«v128»"),
        .textFileUnreadable,
        .binaryFile,
        .notUTF8,
        .vttNoHeader,
        .vttIsSubRip,
        .srtBadTiming,
        .srtNoCues,
        .vttBadTiming,
        .vttCommaTiming,
        .vttManyBadTimings,
        .vttNoCues,
        .vttTooManyCues(thousands: 1129),
        .mdTooDeep(levels: 1130),
        .mdPicture,
        .mdHTML(tag: "«v300»"),
        .narrationFileInOtherLanguage(language: "«v303a»", file: "«v303b»", spoken: "«v303c»"),
        .narrationNotRecorded(language: "«v303»", playing: "«v304»"),
        .mdBareWebAddress(target: "«v301»", meant: "«v302»"),
        .mdBadLink(target: "«v131»"),
        .documentsEmpty,
        .badTime(found: "«m1»"),
        .documentUnreadable(path: "«m2»"),
        .notPDF(path: "«m3»", guess: .office),
        .pdfTruncated(path: "«m4»"),
        .pdfTooLarge(path: "«m5»", size: "«m6»", limitMB: 3007),
        .pdfLarge(path: "«m7»", size: "«m8»"),
        .editorNotUTF8,
        .editorNoFrontMatter,
        .editorFrontMatterNotGroup,
        .editorNoScenes,
        .editorScenesNotList,
        .editorScenesOnOneLine,
        .editorSceneNotGroup,
        .editorSceneNoID,
        .editorLayout,
        .editorNoteNeedsText,
        .editorNoScene(id: "«m9»"),
        .editorNoHotspot(scene: "«m10»", number: 3011),
        .editorHotspotsNotList,
    ]
    static let imageMessage: [ImageMessage] = [
        .pngEncodingFailed(detail: "«v132»"),
        .notPNG,
        .notJPEG,
        .jpegEncodingFailed(detail: "«v133»"),
        .tooManyMetadataBlocks(count: 1134),
        .noMemoryToOpenJPEG,
        .notJPEGOrPNG,
        .otherFormat(name: "HEIC"),
        .otherFormat(name: "«v150b»"),
        .truncated,
        .noMemoryToDecodeJPEG,
        .tooLargeToDecode,
        .damagedJPEG(detail: "«v135»"),
        .damagedInside,
        .cannotRead(reason: "«v136»"),
        .emptyFile,
        .noPixels(width: 1137, height: 1138),
        .tooManyPixels(width: 1139, height: 1140, limit: 1143, fitWidth: 1141, fitHeight: 1142),
        .truncatedPNGHeader,
        .pngFirstChunk,
        .noMemoryToDecodePNG,
        .damagedPNG(detail: "«v142»"),
        .noMemoryForPixels(width: 1143, height: 1144),
        .cannotWrite(reason: "«v145»"),
        .cannotCreateFolder(reason: "«v146»"),
    ]
    static let qRMessage: [QRMessage] = [
        .codeDeclaredTwice(code: "«v147»", also: "«v148»"),
        .declaredButCarried(code: "«v149»", retired: true, target: "«v151»", at: "«v152»"),
        .movedToNothing(code: "«v153»", to: "«v154»"),
        .moveLoops(code: "«v155»", chain: ["«v156a»", "«v156b»"]),
        .movedToUnknown(code: "«v157»", to: "«v158»"),
        .targetNotRecordable(code: "«v159»", target: "«v160»", file: "«v161»"),
        .retiredNowOpens(code: "«v162»", at: "«v163»", target: "«v164»"),
        .movedNowOpens(code: "«v165»", to: "«v166»", at: "«v167»", target: "«v168»"),
        .declaredNeverPublished(code: "«v169»", retired: true, lock: "«v171»"),
        .publishedCodeDropped(code: "«v172»", publishedFor: "«v173»", movedTo: nil, lock: "«v175»"),
        .publishedCodeDropped(code: "«v172»", publishedFor: nil, movedTo: "«v174»", lock: "«v175»"),
        .publishedCodeDropped(code: "«v172»", publishedFor: nil, movedTo: nil, lock: "«v175»"),
        .publishedCodeChanged(code: "«v176»", now: "«v177»", lock: "«v177b»"),
        .printedCodeTaken(code: "«v177c»", printedFor: "«v177d»", now: "«v177e»", lock: "«v177f»"),
        .boardPaymentChanged(code: "«v177m»", printed: "«v177n»", now: "«v177o»", lock: "«v177p»"),
        .printedCodeFollows(code: "«v177g»", printedFor: "«v177h»", lock: "«v177i»"),
        .printedAddressChanged(printed: "«v1413»", now: "«v1414»", lock: "«v1415»"),
        .formerAddressTaken(path: "«v1416»", code: "«v1417»", now: "«v1418»"),
        .notAQRCode(code: "«v178»", file: "«v179»"),
        .lockLineFromLaterDinh(file: "«v180l»"),
        .lockLineUnreadable(file: "«v180»"),
        .lockCodeTwice(code: "«v181»", file: "«v182»", line: 1183),
        .lockUnreadable(file: "«v184»"),
        .lockNotUTF8(file: "«v185»"),
        .qrEmpty,
        .qrNUL,
        .qrTooLong(bytes: 1186, level: "«v187»"),
        .qrEncoder(errno: 1188),
        .qrPNG(detail: "«v189»"),
    ]
    static let feedMessage: [FeedMessage] = [
        .titleTooLong(length: 1190, market: .meta, maximum: 1192),
        .nameNotTranslated(language: "«v400n»"),
        .noDescription,
        .descriptionTooLong(length: 1193, market: .meta, maximum: 1195),
        .idTooLong(id: "«v196»", length: 1197, market: .meta, maximum: 1199),
        .priceZero,
        .saleNotLower(sale: 1200, price: 1201),
        .restrictedGTIN(gtin: "«v202»"),
        .noIdentifier,
        .noPhoto,
        .noWayToOrder,
        .noPublishedPhoto,
        .photoTooSmall(width: 1203, height: 1204, minimum: 1206, googleFrom: "«v1207»"),
        .photoTooSmall(width: 1203, height: 1204, minimum: 1206, googleFrom: nil),
        .preorderDate(date: "«v207»"),
        .inTranslation(problem: Message(verbatim: "«v208»"), language: "«v209»"),
    ]
    static let siteMessage: [SiteMessage] = [
        .baseURLOverride(value: "«v210»"),
        .outputBeforeMedia(path: "«v211»"),
        .unknownStep(name: "«v211b»", steps: ["«v211c»", "«v211d»"]),
        .photoUnusable(path: "«v212»", reason: Message(verbatim: "«v213»")),
        .notAnImage,
        .outputOverwritesContent(path: "«v214»", beside: nil),
        .outputOverwritesContent(path: "«v214»", beside: "«v214b»"),
        .outputIsFile(path: "«v215»"),
        .outputHoldsOtherFiles(path: "«v215b»", example: "«v215c»"),
        .cannotCreateFolderIn(path: "«v216»", reason: "«v217»"),
        .writeOutside(path: "«v218»"),
        .cannotCreateFolder(path: "«v219»", reason: "«v220»"),
        .cannotPublish(source: "«v221»", as: "«v222»", reason: "«v223»"),
        .diskFull(folder: "«v224»", free: "«v225»", needed: "«v226»"),
        .cannotPutSite(path: "«v227»", reason: "«v228»"),
        .cannotOpenFolder(path: "«v229»", reason: "«v230»"),
        .cannotLock(path: "«v231»", reason: "«v232»"),
        .lockNotUpdated(lock: "«v233»", reason: "«v234»"),
        .cannotMakeQR(code: "«v235»", reason: Message(verbatim: "«v236»")),
        .printingExampleAddress(url: "«v236b»"),
        .noSuchCode(code: "«v1426»", suggestion: "«v1427»"),
        .waitingForOtherBuild(folder: "«v236c»"),
        .captionsAfterTheEnd(path: "«v236d»", at: "«v236e»", audio: "«v236f»", length: "«v236g»"),
        .cannotDrawPayQR(code: "«v237»", reason: Message(verbatim: "«v238»")),
        .placardNameCut(code: "«v238b»", language: "«v238e»", printed: "«v238c»", size: "«v238d»", room: 1238),
        .cannotDrawQR(code: "«v239»", reason: Message(verbatim: "«v240»")),
        .cannotKeepQR(code: "«v241»", folder: "«v242»", reason: Message(verbatim: "«v243»")),
        .codeSummary(code: "«q1»", version: 5002, modules: 5003, level: "«q4»", alphanumeric: true, payload: "«q5»", meeting: true,
                     payVersion: 5006, payModules: 5007, payLevel: "«q8»"),
        .themeMissing(folder: "«v1406»", beside: "«v1407»"),
        .templateUnused(templates: ["«v248a»", "«v248b»"]),
        .templateNotUTF8,
        .templateError(detail: Message(verbatim: "«v249»")),
        .templateMissingPartial(tag: "«v250»", name: "«v251»"),
        .panoramaUnreadable(path: "«v252»"),
        .panoramaUnusable(path: "«v253»", reason: Message(verbatim: "«v254»")),
        .panoramaBlurred(path: "«v255»", width: 1256),
        .brokenLink(onPage: true, page: "«v258»", attribute: "«v259»", link: "«v260»", problem: Message(verbatim: "«v261»"), byTheme: true),
        .textLinkBroken(link: "«v1432»", page: "«v1434»", problem: Message(verbatim: "«v1433»")),
        .linkEmpty,
        .linkOutsideSite(folder: "«v263»"),
        .linkBadEscape,
        .linkAboveRoot,
        .linkMissingTarget(target: "«v264»"),
        .linkMissingScene(scene: "«v265»", target: "«v266»"),
        .linkMissingID(target: "«v267»", id: "«v268»"),
        .hotspotNoScene(from: "«v269»", scenes: ["«v270a»", "«v270b»"]),
        .moreTiles(problem: Message(verbatim: "«v271»"), count: 1272),
        .stepLoad,
        .stepValidate,
        .stepMedia,
        .stepCodes,
        .stepPages,
        .stepFeeds,
        .stepLinks,
        .stepPublish,
    ]
    static let importMessage: [ImportMessage] = [
        .emptySheet,
        .sheetNotRead(sheet: "«v272b»", rows: 1402, read: "«v272c»"),
        .unknownColumn(header: "«v273»"),
        .pictureInSheet(cell: "«v1439»", photoColumn: "«v1440»"),
        .pictureInSheet(cell: "«v1441»", photoColumn: nil),
        .duplicateColumn(first: "«v274»", firstColumn: "«v275»", header: "«v276»", column: "«v277»", example: "«v278»"),
        .noColumn(example: "«v279»"),
        .noYearColumn,
        .columnMeant(header: "«v279b»", column: "«v279c»", example: "«v279d»"),
        .sameAddress(name: "«v280»", slug: "«v281»", row: 1282),
        .codeOnTwoRows(code: "«v283»", row: 1284),
        .barcodeOnTwoRows(digits: "«v283b»", row: 1285),
        .barcodeOfProduct(digits: "«v283c»", path: "«v283d»"),
        .noProducts,
        .hiddenRow(row: 1401),
        .newCodes(codes: "«v1402»", count: 1403),
        .groupRowSkipped(row: 1403, name: "«v283e»"),
        .descriptionWasHTML,
        .cellProblem(header: "«v285»", column: "«v286»", problem: Message(verbatim: "«v287»")),
        .cellMissing(header: "«v288»", column: "«v289»", example: "«v290»"),
        .englishNameNotImported,
        .productLikeExisting(name: "«v306a»", existing: "«v306b»", path: "«v306c»", code: "«v306d»"),
        .productsNotInSheet(producer: "«v1408»", products: "«v1409»", count: 1410),
        .productExists(slug: "«v291»"),
        .productPageUnreadable(path: "«v291e»"),
        .productOfOtherProducer(slug: "«v291b»", owner: "«v291c»", producer: "«v291d»"),
        .producerPhoneNotImported(phone: "«v291f»", file: "«v291g»"),
        .producerPhoneDiffers(phone: "«v291m»", file: "«v291n»", kept: "«v291o»"),
        .producerLikeEarlierRow(name: "«v291p»", earlier: "«v291q»", row: 2917),
        .producerLikeExisting(name: "«v291h»", file: "«v291i»", existing: "«v291j»", existingFile: "«v291k»"),
        .noLettersForAddress(name: "«v292»"),
        .pricePerUnit(text: "«v290u»", unit: "«v290v»"),
        .priceInWords(text: "«v290w»"),
        .notAPrice(text: "«v293»"),
        .notASalePrice(text: "«v294»"),
        .priceUnderThousand(text: "«v296b»", price: 1296, heading: "«v296c»"),
        .fullPriceInUnit(text: "«v296d»", heading: "«v296e»", price: 1297),
        .notAPriceInUnit(text: "«v296f»", heading: "«v296g»"),
        .saleNotLower(sale: 1295, price: 1296),
        .starsLostToEncoding(text: "«v300s»", stars: 4),
        .notARating(text: "«v297»"),
        .notADate(text: "«v298»"),
        .yearMismatch(year: 1299, dateYear: 1300),
        .notAYear(text: "«v301»", example: 1301),
        .notAGroup(text: "«v302»"),
        .noLettersForFile(text: "«v303»"),
        .codeAlreadyOwn(slug: "«v304»", code: "«v305»"),
        .codeUsedElsewhere(code: "«v306»", page: "«v306p»"),
        .notACode(text: "«v307»"),
        .skuTooLong(text: "«v308»"),
        .gtinRounded(text: "«v309»"),
        .notABarcode(text: "«v310»"),
        .barcodeCheckDigit(digits: "«v311»"),
        .barcodeLostZero(text: "«v311b»", fixed: "«v311c»"),
        .notAWeight(text: "«v312»"),
        .notAStockStatus(text: "«v313»"),
        .notAStockCount(text: "«v313b»"),
        .noStockButAvailable(status: "«v313c»", header: "«v313d»"),
        .photoIsWebAddress(path: "«v314»"),
        .notAPhoto(path: "«v315»"),
        .photoMissing(path: "«v316»", sheet: "«v317»"),
        .photoMissingNear(path: "«v317b»", name: "«v317c»"),
        .photoNameTwice(name: "«v318»"),
        .notAPhone(text: "«v318b»"),
        .phoneLostZero(text: "«v318c»", fixed: "«v318d»"),
        .notAShopLink(text: "«v318e»"),
        .noContentFolder,
        .nothingImportedBecause(reason: Message(verbatim: "«v319»")),
        .cannotWriteFiles(reason: "«v320»"),
        .tooManyRows(file: "«v321»", thousands: 1322, millionCells: 1323),
        .csvTooLarge(file: "«v324»", megabytes: Int64(1325), limit: 1326),
        .cannotReadFile(file: "«v327»"),
        .oldExcel(file: "«v328»"),
        .notASpreadsheet(file: "«v329»"),
        .falseUTF8(file: "«v330»"),
        .notUnicode(file: "«v331»"),
        .notUTF8(file: "«v332»"),
        .cellTooLong(file: "«v333»", row: 1334),
        .xlsxTooLarge(file: "«v335»", megabytes: Int64(1336), limit: 1337),
        .notXLSX(file: "«v338»"),
        .xlsxPartTooLarge(file: "«v339»", limit: 1340, part: "«v341»"),
        .xlsxDamaged(file: "«v342»", part: "«v343»"),
        .noWorksheet(file: "«v344»"),
        .noSuchSheet(file: "«v344b»", sheet: "«v344c»", sheets: "«v344d»"),
        .tooMuchText(file: "«v345»", millions: 1346),
        .sheetUnreadable(file: "«v347»"),
        .nothingImported,
        .imported(products: 1348, producers: 1349, updated: 1350, unchanged: 1351, upToDate: 1437, converted: [.tcvn3: 1352]),
    ]
    static let serveMessage: [ServeMessage] = [
        .cannotListen(host: "«v353»", port: 1354, reason: Message(verbatim: "«v355»")),
        .portInUse,
        .noSuchAddress,
        .notLocalAddress(host: "«v356»"),
        .serverNotStarted,
        .overlayHeading,
        .overlayHeadingNoSite,
        .noSiteYet,
        .cannotCreateFile(folder: "«s1»"),
    ]
    static let cLIMessage: [CLIMessage] = [
        .rootAbstract,
        .rootDiscussion,
        .buildAbstract,
        .checkAbstract,
        .serveAbstract,
        .serveDiscussion,
        .qrAbstract,
        .importAbstract,
        .importProductsAbstract,
        .importProductsDiscussion,
        .initAbstract,
        .helpContentFolder,
        .helpOutput,
        .helpBaseURL,
        .helpJobs,
        .helpQuiet,
        .helpQROutput,
        .helpPlacardSize,
        .helpPort,
        .helpHost,
        .helpServeOutput,
        .helpSpreadsheet,
        .helpUpdate,
        .helpSheet,
        .helpInitFolder,
        .helpLanguage,
        .jobsAtLeastOne,
        .portRange,
        .placardSizeChoice,
        .helpQRCodes,
        .codeAsContentFolder(code: "«v1423»"),
        .printOnly(count: 1424, sheet: "«v1425»"),
        .languageChoice(found: "«v357»"),
        .unknownCommand(found: "«v357a»", guess: "«v357b»"),
        .spreadsheetExtension(file: "«v358»"),
        .sheetOfCSV(file: "«v358b»"),
        .initFolderNotEmpty(folder: "«v359»"),
        .summaryErrors(errors: 1360, warnings: 1361),
        .summaryWarnings(warnings: 1362),
        .moreWarningsLikeThis(count: 1399),
        .built(pages: 1363, files: 1364, output: "«v365»", seconds: "«v366»", processed: 1367, cached: 1368),
        .noErrors(content: "«v369»"),
        .wroteCodes(count: 1370, output: "«v371»"),
        .created(folder: "«v372»"),
        .noContentFolder(folder: "«v373»"),
        .serving(url: "«v374»"),
        .servingHere(url: "«v375»"),
        .servingNetwork(url: "«v376»"),
        .watching,
        .fileChanged(file: "«v377»"),
        .filesChanged(count: 1378),
        .helpEdit,
        .tourEditorOn,
        .tourEditorOnNetwork(host: "«v379»", url: "«v380»"),
        .rebuilt(cause: "«v381»", pages: 1382, seconds: "«v383»"),
        .rebuildFailed(cause: "«v384»", errors: 1385, firstBuild: true),
    ]
    static let templateMessage: [TemplateMessage] = [
        .tagNotFinished(missing: "«t901»"),
        .tagNoName,
        .dynamicName(tag: "«t902»"),
        .outsideBlocks(written: "«t903»", parent: "«t904»", line: 4905),
        .badDelimiters,
        .neverClosed(what: .block("«tb»"), name: "«t907»"),
        .closesUnopened(name: "«t908»"),
        .closesOther(name: "«t909»", what: .block("«tb»"), line: 4911, expected: "«t912»"),
        .fillsTwice(block: "«t913»", parent: "«t914»"),
    ]
}
