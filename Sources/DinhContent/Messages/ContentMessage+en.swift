import DinhCore

extension ContentMessage: TranslatedTable {
    package var english: String {
        switch self {
        case .editorNotUTF8: "this file is not text saved as UTF-8; save it again as UTF-8 to edit the tour here"
        case .editorNoFrontMatter: "this file has no front matter between two '---' lines, so it has no tour to edit"
        case .editorFrontMatterNotGroup: "the front matter is not a group of fields, so it has no tour to edit"
        case .editorNoScenes: "this relic has no 'scenes:' yet; write its first scene (id, title, panorama) in the file, then edit it here"
        case .editorScenesNotList: "'scenes' must be a list of scenes to be edited here"
        case .editorScenesOnOneLine:
            "'scenes' is written on one line ([…]); to edit the tour here, write one scene per line starting with '- id:' as in the content format"
        case .editorSceneNotGroup: "each scene must be a group of fields (id, title, panorama…)"
        case .editorSceneNoID: "this scene has no 'id'; give it one (id: san-trong) to edit the tour here"
        case .editorLayout:
            "the scenes list is laid out in a way the tour editor cannot change safely; write each scene starting with '- id:' at the same indentation"
        case .editorNoteNeedsText: "a note needs its text in the site's first language"
        case .editorNoScene(let id): "this relic has no scene '\(id)' (any more); reload the page"
        case .editorNoHotspot(let scene, let number): "the scene '\(scene)' has no hotspot number \(number) (any more); reload the page"
        case .editorHotspotsNotList: "'hotspots' must be a list; fix it to edit this scene's hotspots here"
        case .documentsEmpty: "'documents' is empty: the meeting's page will list no document; add lines such as `- {file: chuong-trinh.pdf, title: Chương trình họp}`"
        case .badTime(let found): "'time' must be the hour and minutes on a 24-hour clock, in quotes, such as `time: \"08:00\"` or `time: \"14:30\"`; found '\(found)'"
        case .documentUnreadable(let path): "'file': '\(path)' cannot be read; check that the file is not open in another program, then build again"
        case .notPDF(let path, let guess):
            "'file': '\(path)' is not a PDF, whatever its name says (\(guess.text(in: .en))); open it and save or export it as PDF (in Word: File › Save As › PDF), then put the PDF here"
        case .pdfTruncated(let path):
            "'file': '\(path)' does not end like a complete PDF: it may have been copied or downloaded only in part; copy it again and check that it opens"
        case .pdfTooLarge(let path, let size, let limit):
            "'file': '\(path)' is \(size), too large for delegates' phones (at most \(limit) MB); export it again with smaller pictures, or split it into several documents"
        case .pdfLarge(let path, let size):
            "'file': '\(path)' is \(size): delegates download it on their phones; export it again with smaller pictures (in Word: File › Save As › PDF, “Minimum size”) if you can"
        case .notAGroup(let what, let kind): "\(what.text(in: .en)) must be a group of fields (`key: value` lines), not \(kind.text(in: .en))"
        case .unknownField(let key, let what, let guess, let allowed):
            "unknown field '\(key)' in \(what.text(in: .en))"
                + (guess.map { "; did you mean '\($0)'?" } ?? "; the fields allowed here are: \(allowed.joined(separator: ", "))")
        case .missingField(let what, let key, let example): "\(what.text(in: .en)) is missing the required field '\(key)'; add a line such as `\(example)`"
        case .notAList(let field): "'\(field)' must be a list, written `[a, b]` or as lines starting with `- `"
        case .notSingleValue(let field, let kind): "'\(field)' must be a single text value, not \(kind.text(in: .en))"
        case .emptyField(let field): "'\(field)' is empty"
        case .notSiteLanguage(let field, let language, let languages, let guess):
            "'\(field)' has text for '\(language)', which is not a language of this site (site.yaml lists \(languages.joined(separator: ", ")))"
                + (guess.map { "; did you mean '\($0)'?" } ?? "")
        case .noText(let field): "'\(field)' has no text"
        case .textNotList(let field): "'\(field)' must be text, or text per language such as `{vi: …, en: …}`, not a list"
        case .notWholeNumber(let field, let found, let hint): "'\(field)' must be a whole number, found '\(found)'" + (hint.map { "; " + $0.text(in: .en) } ?? "")
        case .outOfRange(let field, let low, let high, let found, let hint):
            "'\(field)' must be between \(low) and \(high), found \(found)" + (hint.map { "; " + $0.text(in: .en) } ?? "")
        case .notANumber(let field, let found): "'\(field)' must be a number (use a dot for decimals, as in 21.0879), found '\(found)'"
        case .notAChoice(let field, let allowed, let found, let guess):
            "'\(field)' must be one of \(allowed.joined(separator: ", ")); found '\(found)'" + (guess.map { "; did you mean '\($0)'?" } ?? "")
        case .notADate(let field, let found, let suggestion):
            "'\(field)' must be a real date written YYYY-MM-DD (for example 2023-06-30); '\(found)' is not" + (suggestion.map { ": write \($0)" } ?? "")
        case .notGeo(let field, let suggestion):
            "'\(field)' must be two numbers, [latitude, longitude], as in [21.0879, 105.6633]" + (suggestion.map { "; write \(field): \($0)" } ?? "")
        case .notWebAddress(let field, let found): "'\(field)' must be a full web address starting with https:// ; found '\(found)'"
        case .insideContentFolder(let folder):
            "there is no folder \(folder) here, but site.yaml is: this is the content folder itself; run the command from the folder that holds it, or call this one `.`, as in `dinh build . --output ../public`"
        case .contentFolderIsAnother(let folder, let found): "there is no folder \(folder) here, but \(found) holds a site.yaml: give that folder (`dinh build \(found)`)"
        case .noContentFolder(let folder): "the content folder does not exist; create it with `dinh init \(folder)` or give the right folder"
        case .ignoredFileNotFolder(let section): "this file is ignored: each entry of \(section)/ is a folder with an index.md inside"
        case .folderLinksOutside: "this folder is a link to a place outside the content folder; copy the files into the content folder instead"
        case .badFolderName(let name, let suggestion):
            "the folder name '\(name)' cannot be used in a web address: use only a-z, 0-9 and -; rename it to '\(suggestion ?? "a-name-like-this")'"
        case .ignoredFileNotYAML(let section): "this file is ignored: \(section)/ holds one .yaml file per producer"
        case .badFileName(let name, let suggestion):
            "the file name '\(name)' cannot be used in a web address: use only a-z, 0-9 and -; rename it to '\(suggestion).yaml'"
        case .noIndex(let what): "\(what.text(in: .en)) has no index.md; create this file with the fields between two `---` lines"
        case .emptyDocument(let what): "this file is empty; it needs the fields of \(what.text(in: .en)) between two `---` lines, then the text"
        case .noFrontMatter: "this file must start with a `---` line, then the fields (code:, name: …), then another `---` line"
        case .frontMatterNotClosed: "the fields opened by `---` on line 1 are never closed: add a `---` line after the last field"
        case .frontMatterEmpty: "the fields between the `---` lines are empty"
        case .emptyFile: "this file is empty"
        case .fileIsWebAddress(let field): "'\(field)' must be a file in this folder, not a web address; download the file and put it next to index.md"
        case .fileOutsideFolder(let field, let path):
            "'\(field)': '\(path)' points outside this page's folder; put the file in the folder beside index.md and write just its name"
        case .wrongFileKind(let field, let path, let kind, let extensions):
            // A format the site cannot use is named as what it is (a WAV recording is audio all the same).
            (Self.conversion(of: path, in: .en).isEmpty ? "'\(field)': '\(path)' is not \(kind.text(in: .en))"
                : "'\(field)': '\(path)' is a .\(Self.fileExtension(path)) file, which the site cannot use")
                + " (allowed: \(extensions.map { "." + $0 }.joined(separator: ", ")))" + Self.conversion(of: path, in: .en)
        case .fileMissing(let field, let path, let guess):
            "'\(field)': the file '\(path)' is not in this folder"
                + (guess.map { "; did you mean '\($0)'? (names must match exactly, including upper/lower case)" }
                    ?? ": copy it into the page's folder, or remove the line that names it")
        case .fileLinksOutside(let field, let path): "'\(field)': '\(path)' is a link to a file outside the content folder; copy the file itself into this folder"
        case .fileEmpty(let field, let path): "'\(field)': '\(path)' is empty (0 bytes); copy the file again, or export it again"
        case .fileTooLarge(let field, let path, let size, let limit, let advice):
            "'\(field)': '\(path)' is \(size), too large for visitors' phones (at most \(limit) MB); \(advice.text(in: .en))"
        case .notAudio(let field, let path): "'\(field)': '\(path)' is not MP3, M4A or Ogg audio, whatever its name says; export the recording again as MP3"
        case .wavNamedAsAudio(let field, let path):
            "'\(field)': '\(path)' is a WAV recording, whatever its name says, about ten times the size of an MP3 for a phone to fetch; save the recording again as MP3 (for example in Audacity: File › Export › Export as MP3)"
        case .notTranslated(let language):
            "not yet translated into \(LocalizedText.languageName(language, in: .en)) (\(language)): write the translation in index.\(language).md beside this file; until then the \(LocalizedText.languageName(language, in: .en)) page shows this text, marked as not translated"
        case .textsNotTranslated(let language, let main, let fields, let more, let inFile, let example):
            "not yet translated into \(LocalizedText.languageName(language, in: .en)) (\(language)): \(fields.joined(separator: ", "))"
                + (more > 0 ? " and \(more) more" : "")
                + "; the \(LocalizedText.languageName(language, in: .en)) page shows them in \(LocalizedText.languageName(main, in: .en)): write "
                + (inFile.isEmpty ? "" : inFile.map { "`\($0): …`" }.joined(separator: ", ") + " in index.\(language).md")
                + (example.map { (inFile.isEmpty ? "them as `" : ", and the others as `") + $0 + "`" } ?? "")
        case .narrationFileInOtherLanguage(let language, let file, let spoken):
            "the narration under '\(language)' is \(file), named as \(LocalizedText.languageName(spoken, in: .en)) (.\(spoken).): the \(LocalizedText.languageName(language, in: .en)) page plays the \(LocalizedText.languageName(spoken, in: .en)) narration and says so; when it is recorded in \(LocalizedText.languageName(language, in: .en)), name the file with .\(language). and write it here"
        case .transcriptOnlyInOther(let language, let other, let example):
            "the \(LocalizedText.languageName(language, in: .en)) narration (\(language)) has no transcript, while the \(LocalizedText.languageName(other, in: .en)) one (\(other)) has: its page shows no captions (for deaf visitors, or with the sound off in a noisy courtyard); add `transcript: \(example)`"
        case .narrationNotRecorded(let language, let playing):
            "no narration in \(LocalizedText.languageName(language, in: .en)) (\(language)): that page plays the one in \(LocalizedText.languageName(playing, in: .en)), and says so; add `\(language): {audio: …}` under 'narration' when it is recorded"
        case .notTranslatedGroup(let language): "Not yet translated into \(LocalizedText.languageName(language, in: .en)) (\(language))"
        case .translationIgnored(let language, let languages):
            "this translation is ignored: '\(language)' is not among the languages in site.yaml (\(languages.joined(separator: ", ")))"
        case .noSiteFile: "site.yaml is missing: every content folder needs one (title, base_url, languages); `dinh init` writes an example"
        case .languageCodeMistaken(let code, let meant): "'\(code)' is not the two-letter code of a language (vn, us, cn… are countries' codes); write '\(meant)'"
        case .notLanguageCode(let code): "'\(code)' is not a language code; use two lowercase letters such as vi or en"
        case .languageTwice: "a language is listed twice in 'languages'"
        case .baseURLQuery: "'base_url' must not contain ? or #: write the site's address only, such as https://disan.example.vn/"
        case .baseURLExample(let url):
            "'base_url' is still the example address \(url): QR codes made from it open nothing, so no code is recorded as printed yet (codes.lock): change the example relic and product freely, and write the address where the site will be published before printing boards"
        case .baseURLNotSecure(let suggested):
            "'base_url' starts with http://: the QR codes printed from it keep that address for years, phones mark such pages 'Not secure', and pages cannot be kept for visits without network; if the site is served over HTTPS, write \(suggested)"
        case .currencyCode: "'currency' must be a three-letter ISO 4217 code such as VND"
        case .movedCodesShape: "'moved_codes' must be lines of `OLDCODE: NEWCODE`"
        case .retiredCodesShape: "'retired_codes' must be lines of `CODE: why it was retired`"
        case .badCode(let found, let suggestion):
            "'code' must be 2 to 12 capital letters A–Z or digits 0–9 (it is printed on QR boards); found '\(found)'" + (suggestion.map { "; write '\($0)'" } ?? "")
        case .codeUsedTwice(let code, let path): "the code \(code) is already used by \(path); every relic, product, page and meeting needs its own code: keep it on the page whose boards are printed (codes.lock says which) and give the other a new one"
        case .skuUsedTwice(let sku, let path):
            "the product id \(sku) (its 'sku', else its code) is already that of \(path); Google and Meta tell products apart by it: give this one its own 'sku'"
        case .gtinUsedTwice(let gtin, let path):
            "the barcode \(gtin) is already that of \(path); each product has its own barcode: copy it again from this product's package, or remove 'gtin'"
        case .badSceneID(let id, let suggestion): "scene id '\(id)' must use only a-z, 0-9 and -; write '\(suggestion)'"
        case .sceneIDTwice(let id): "two scenes have the id '\(id)'; each scene needs its own id"
        case .mediaLanguage(let field, let language, let languages, let guess):
            "'\(field)' gives a file for '\(language)', which is not a language of this site (site.yaml lists \(languages.joined(separator: ", "))), so it would not be published"
                + (guess.map { "; did you mean '\($0)'?" } ?? "")
        case .hotspotBoth: "a hotspot has either 'scene' (a door to another scene) or 'text' (a note), not both"
        case .hotspotNeither: "a hotspot needs 'scene: <scene id>' or 'text: …'"
        case .hotspotToItsOwnScene(let scene, let others):
            "this hotspot is in the scene '\(scene)' and leads to it: tapped, it goes nowhere; write the scene it leads to" + (others.isEmpty ? "" : " (\(others.joined(separator: ", ")))")
        case .hotspotUnknownScene(let target, let guess, let scenes):
            "this hotspot leads to the scene '\(target)', but this relic has no scene with that id"
                + (guess.map { "; did you mean '\($0)'?" } ?? (scenes.isEmpty ? "" : " (its scenes are: \(scenes.joined(separator: ", ")))"))
        case .narrationShape: "'narration' must list the audio per language, as `vi: {audio: thuyet-minh.vi.mp3, transcript: thuyet-minh.vi.vtt}`"
        case .captionsShape: "'captions' must list a .vtt file per language, as `{vi: le-hoi.vi.vtt}`"
        case .webVTTUnusable(let path, let problem): "'\(path)' cannot be used as WebVTT: \(problem.text(in: .en))"
        case .skuTooLong: "'sku' must be at most 50 characters without spaces or accents (marketplaces refuse longer ids)"
        case .skuFormula(let sku): "'sku' must start with a letter or a digit: '\(sku)' starts with a character that spreadsheets take for a formula"
        case .unknownProducer(let producer, let guess):
            "the producer '\(producer)' does not exist: there is no file producers/\(producer).yaml" + (guess.map { "; did you mean '\($0)'?" } ?? "")
        case .saleNotLower(let sale, let price): "'sale_price' (\(sale)) must be lower than 'price' (\(price))"
        case .ocopExpired(let date): "the OCOP certificate expired on \(date); the star badge is not shown until 'ocop' gives the new recognition date"
        case .ocopNeedsDate: "'ocop' needs the date of the recognition decision (`date: 2023-06-30`) or at least its year (`year: 2023`)"
        case .ocopYearMismatch(let year, let date): "'ocop.year' (\(year)) does not match the year of 'ocop.date' (\(date)); keep only the date"
        case .priceInThousands(let field, let found, let meant):
            "'\(field)' is \(found) đồng, less than anything sells for: prices are written in whole đồng; if it is in thousands, write \(field): \(meant)"
        case .priceNotWhole(let field, let found, let suggestion):
            "'\(field)' must be a whole number of đồng, without dots, spaces or currency sign; found '\(found)'" + (suggestion.map { "; write \(field): \($0)" } ?? "")
        case .badWeight(let found): "'weight' must be a number and g or kg, such as `300 g` or `1.5 kg`; found '\(found)'"
        case .badGTIN(let found): "'gtin' must be the 8, 12, 13 or 14 digits under the barcode, in quotes; found '\(found)'"
        case .gtinCheckDigit(let gtin, let expected):
            "'gtin' \(gtin) has a wrong check digit (the last digit should be \(expected)); copy the number again from the barcode"
        case .notOnePhoneNumber(let field, let found, let meant):
            "'\(field)' must be one phone number, which the page dials, as 0912 345 678 or +84 912 345 678; found '\(found)'" + (meant.map { ": its leading 0 was lost, write \(field): \"\($0)\"" } ?? ": keep one number here (a second one can go in the text)")
        case .linkLeadsNowhere(let target, let missing, let isPage, let suggestion):
            "the link '\(target)' leads nowhere: the content has no \(missing)" + (isPage ? " (renamed, or removed?)" : " beside this page") + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
        case .linkToFormerAddress(let target, let now, let suggestion):
            "the link '\(target)' leads to the old address of \(now), whose folder was renamed: the old address still opens the page, but link the new one: '\(suggestion)'"
        case .linkInFullToThisSite(let target, let relative):
            "the link '\(target)' names this site by its full address: it needs the network, and from a USB stick it opens the site online; write '\(relative)'"
        case .linkWithoutFinalSlash(let target, let fixed):
            "the link '\(target)' leads to a page's folder without its final /: opened from a folder or a USB stick, it shows the folder's files instead of the page; write '\(fixed)'"
        case .productNamedAsAnother(let name, let other):
            "\(other) is a product of the same producer with the same name, '\(name)': buyers and marketplaces see two pages for one product; if one of them was made by mistake (an import of a product renamed in the sheet), delete its folder, or give each its own name"
        case .notACodeIn(let field, let found, let suggestion):
            "'\(field)': '\(found)' is not a code (2 to 12 capital letters A–Z or digits 0–9, as printed on the boards)" + (suggestion.map { "; write '\($0)'" } ?? "")
        case .yamlGroupOnOneLine(let suggestion): "codes written on the field's own line go between braces: \(suggestion)"
        case .nonBreakingSpaces:
            "non-breaking spaces (pasted from Word, Zalo or a web page) stand at the start of this line or after its ':'; they look like spaces, but YAML does not count them: Dinh reads them as spaces; type ordinary spaces there"
        case .curlyQuotes:
            "this value is written between curly quotes “ ” (a word processor's), which YAML does not read as quotes: Dinh reads the text inside; type straight quotes \"…\", or none"
        case .linkFromSiteRoot(let target, let relative):
            "the link '\(target)' starts with /: it works on the web server, not when the site is opened from a folder or a USB stick; write '\(relative)'"
        case .openingHoursNotTimes(let found): "'opening_hours' '\(found)' is no range of times of day: hours go from 00:00 to 24:00, as in \"07:00-17:00\""
        case .openingHoursForm(let found, let canonical):
            "'opening_hours' '\(found)' is shown as written, but search engines read only \"\(canonical)\": write opening_hours: \"\(canonical)\""
        case .badEmail(let found): "'email' does not look like an e-mail address: '\(found)'"
        case .notBool(let field, let found): "'\(field)' must be true or false; found '\(found)'"
        case .bankBINShape(let found, let named):
            "'bank.bin' must be the 6-digit NAPAS number of the bank (such as 970436 for Vietcombank, 970418 for BIDV); found '\(found)'"
                + (named.map { ": write bin: \"\($0)\"" } ?? "")
        case .bankUnknown(let bin, let guess, let guessName):
            "'bank.bin' \(bin) is not a known Vietnamese bank; copy the 6-digit BIN of the bank from its VietQR list (970436 Vietcombank, 970415 VietinBank, 970418 BIDV, 970405 Agribank…)"
                + (guess.map { "; did you mean \($0) (\(guessName ?? ""))?" } ?? "")
        case .bankAccount(let found, let suggestion):
            "'bank.account' must be the account number, 1 to 19 digits without spaces, dots or dashes; found '\(found)'" + (suggestion.map { "; write account: \"\($0)\"" } ?? "")
        case .bankName(let found, let suggestion):
            "'bank.name' must be the account holder as the bank shows it: at most 50 capital letters without diacritics; found '\(found)'"
                + (suggestion.map { "; write name: \($0)" } ?? "")
        case .yamlAliasBomb(let alias):
            "the alias *\(alias) repeats values so many times that this YAML would hold more than 100,000 values (a \"billion laughs\" file); content never needs that: write each value out, without & and *"
        case .yamlUnreadable(let detail): "this YAML cannot be read: \(detail)"
        case .yamlTab(let also, let spaces): "a tab is used to indent this line; YAML needs spaces: replace each tab with " + (spaces.map { "\($0) spaces, as the other lines are indented" } ?? "2 spaces") + (also.isEmpty ? "" : " (here and on line\(also.count == 1 ? "" : "s") \(also.map(String.init).joined(separator: ", ")))")
        case .yamlColon(let suggestion): "this value contains a colon followed by a space; put the whole text in quotes: \(suggestion)"
        case .yamlNoColon(let suggestion): "the field's name is not followed by a colon: write \(suggestion)"
        case .yamlDashInLine: "'- ' starts an item of a list only at the start of a line: put each item on a line of its own below the field, indented, or put the text in quotes"
        case .yamlUnclosedBracket(let open, let close):
            "the \(open) opened here is not closed: end it with \(close) on the same line, as in \(open == "[" ? "geo: [21.08, 105.66]" : "name: {vi: Đình Hạ Mỗ, en: Ha Mo Communal House}")"
        case .yamlUnclosedQuote: "a quote is opened here but never closed: add the closing quote at the end of the text"
        case .yamlIndentation: "the indentation of this line does not match the lines above it: line up fields of the same group with the same number of spaces"
        case .yamlTooDeep: "values are nested more than 1,000 levels deep here ([[[… or groups inside groups); content never needs that: check the brackets and the indentation"
        case .yamlBadStart: "this line starts with a character YAML does not allow here (such as @ or `); put the text in quotes"
        case .yamlInvalid(let detail): "this is not valid YAML: \(detail); check the quotes and the indentation"
        case .yamlDuplicate(let keys): "the field \(keys.map { "'\($0)'" }.joined(separator: ", ")) is written twice in the same group; keep only one"
        case .notUTF8Text(let problem): "this file cannot be read as text: \(problem); save it as UTF-8"
        case .textFileTooLarge(let size, let limit):
            "this file is \(size); a text file of the content may be at most \(limit) (a long page is about 0.1 MB): check that it is the right file, or split the text"
        case .textFileUnreadable: "this file cannot be read; check that it exists and is not open in another program"
        case .binaryFile: "this is not a text file (it contains binary data); it must be text saved as UTF-8"
        case .notUTF8: "this file is not in UTF-8, so Vietnamese letters would be garbled; save it again choosing the UTF-8 encoding"
        case .vttNoHeader: "this is not a WebVTT file: its first line must be WEBVTT"
        case .vttIsSubRip: "these are SubRip (SRT) subtitles under a .vtt name: give the file back its .srt name, and Dinh turns it into WebVTT itself"
        case .vttCommaTiming: "WebVTT writes the milliseconds after a dot, not a comma as subtitle (SRT) files do: write 00:00:02.500, not 00:00:02,500"
        case .vttBadTiming: "this caption timing is not valid WebVTT; write it as 00:00:01.000 --> 00:00:04.500 (end after start)"
        case .srtBadTiming: "this subtitle timing is not valid; write it as 00:00:01,000 --> 00:00:04,500 (end after start)"
        case .srtNoCues: "this subtitle file has no subtitles: each is a number, a timing line such as 00:00:01,000 --> 00:00:04,500, and its words below"
        case .vttNoCues: "this WebVTT file has no captions: under WEBVTT, each caption is a timing line such as 00:00:01.000 --> 00:00:04.500 and its words on the next line"
        case .vttManyBadTimings: "more caption timings below are not valid either; fix these first, or check that it is the right file"
        case .vttTooManyCues(let thousands):
            "this file has more than \(thousands),000 captions; a narration or a two-hour film has a few thousand: check that it is the right file"
        case .mdTooDeep(let levels): "quotes are nested more than \(levels) deep here; the deeper ones are shown as text"
        case .mdPicture: "a picture in the text is not shown; list photos under 'gallery:' instead"
        case .mdBareWebAddress(let target, let meant): "the link '\(target)' has no https:// in front, so it would lead to a page of this site that does not exist: it is published as \(meant); write it so"
        case .mdHTML(let tag): "HTML such as \(tag) is not shown: its tags are left out, its words kept; write the text as Markdown (a blank line between paragraphs, **bold**, a line starting with - for each item of a list)"
        case .mdBadLink(let target): "the link '\(target)' is not a web, mail or phone address; it is shown as plain text"
        }
    }
}
