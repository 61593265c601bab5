import DinhCore

extension ContentMessage {
    package var vietnamese: String {
        switch self {
        case .editorNotUTF8: "tệp này không phải văn bản lưu dạng UTF-8; hãy lưu lại dạng UTF-8 để sửa tour ở đây"
        case .editorNoFrontMatter: "tệp này không có phần trường giữa hai dòng '---', nên không có tour để sửa"
        case .editorFrontMatterNotGroup: "phần trường đầu tệp không phải một nhóm trường, nên không có tour để sửa"
        case .editorNoScenes: "di tích này chưa có 'scenes:'; hãy viết cảnh đầu tiên (id, title, panorama) vào tệp, rồi sửa tiếp ở đây"
        case .editorScenesNotList: "'scenes' phải là một danh sách cảnh thì mới sửa được ở đây"
        case .editorScenesOnOneLine:
            "'scenes' đang viết trên một dòng ([…]); để sửa tour ở đây, hãy viết mỗi cảnh một dòng, bắt đầu bằng '- id:' như trong hướng dẫn định dạng nội dung"
        case .editorSceneNotGroup: "mỗi cảnh phải là một nhóm trường (id, title, panorama…)"
        case .editorSceneNoID: "cảnh này chưa có 'id'; hãy đặt một id (id: san-trong) để sửa tour ở đây"
        case .editorLayout:
            "danh sách cảnh được trình bày theo cách mà trình sửa tour không thay đổi an toàn được; hãy viết mỗi cảnh bắt đầu bằng '- id:' với cùng một mức thụt lề"
        case .editorNoteNeedsText: "ghi chú cần có văn bản bằng ngôn ngữ đầu tiên của trang"
        case .editorNoScene(let id): "di tích này không (còn) có cảnh '\(id)'; hãy tải lại trang"
        case .editorNoHotspot(let scene, let number): "cảnh '\(scene)' không (còn) có điểm chạm số \(number); hãy tải lại trang"
        case .editorHotspotsNotList: "'hotspots' phải là một danh sách; hãy sửa lại để sửa các điểm chạm của cảnh này ở đây"
        case .documentsEmpty: "'documents' đang trống: trang cuộc họp sẽ không có tài liệu nào; hãy thêm các dòng như `- {file: chuong-trinh.pdf, title: Chương trình họp}`"
        case .badTime(let found): "'time' phải là giờ và phút theo đồng hồ 24 giờ, đặt trong dấu ngoặc kép, như `time: \"08:00\"` hoặc `time: \"14:30\"`; đang ghi '\(found)'"
        case .documentUnreadable(let path): "'file': không đọc được '\(path)'; hãy kiểm tra tệp không đang mở trong chương trình khác, rồi tạo lại"
        case .notPDF(let path, let guess):
            "'file': '\(path)' không phải PDF, dù tên tệp ghi như vậy (\(guess.text(in: .vi))); hãy mở tệp rồi lưu hoặc xuất ra PDF (trong Word: File › Save As › PDF), rồi đặt tệp PDF vào đây"
        case .pdfTruncated(let path):
            "'file': '\(path)' không kết thúc như một tệp PDF đầy đủ: có thể tệp mới được chép hoặc tải về một phần; hãy chép lại và kiểm tra tệp mở được"
        case .pdfTooLarge(let path, let size, let limit):
            "'file': '\(path)' nặng \(size), quá lớn với điện thoại của đại biểu (tối đa \(limit) MB); hãy xuất lại với hình ảnh nhỏ hơn, hoặc chia thành nhiều tài liệu"
        case .pdfLarge(let path, let size):
            "'file': '\(path)' nặng \(size): đại biểu tải tệp này về điện thoại; nếu được, hãy xuất lại với hình ảnh nhỏ hơn (trong Word: File › Save As › PDF, “Minimum size”)"
        case .notAGroup(let what, let kind): "\(what.text(in: .vi)) phải là một nhóm trường (các dòng `khoá: giá trị`), không phải \(kind.text(in: .vi))"
        case .unknownField(let key, let what, let guess, let allowed):
            "trường '\(key)' không có trong \(what.text(in: .vi))"
                + (guess.map { "; có phải ý bạn là '\($0)'?" } ?? "; các trường dùng được ở đây là: \(allowed.joined(separator: ", "))")
        case .missingField(let what, let key, let example): "\(what.text(in: .vi)) thiếu trường bắt buộc '\(key)'; hãy thêm một dòng như `\(example)`"
        case .notAList(let field): "'\(field)' phải là một danh sách, viết `[a, b]` hoặc thành các dòng bắt đầu bằng `- `"
        case .notSingleValue(let field, let kind): "'\(field)' phải là một giá trị văn bản, không phải \(kind.text(in: .vi))"
        case .emptyField(let field): "'\(field)' đang để trống"
        case .notSiteLanguage(let field, let language, let languages, let guess):
            "'\(field)' có văn bản cho '\(language)', nhưng đây không phải ngôn ngữ của trang (site.yaml ghi \(languages.joined(separator: ", ")))"
                + (guess.map { "; có phải ý bạn là '\($0)'?" } ?? "")
        case .noText(let field): "'\(field)' chưa có văn bản"
        case .textNotList(let field): "'\(field)' phải là văn bản, hoặc văn bản theo từng ngôn ngữ như `{vi: …, en: …}`, không phải danh sách"
        case .notWholeNumber(let field, let found, let hint): "'\(field)' phải là số nguyên, đang ghi '\(found)'" + (hint.map { "; " + $0.text(in: .vi) } ?? "")
        case .outOfRange(let field, let low, let high, let found, let hint):
            "'\(field)' phải từ \(low) đến \(high), đang ghi \(found)" + (hint.map { "; " + $0.text(in: .vi) } ?? "")
        case .notANumber(let field, let found): "'\(field)' phải là một số (phần thập phân dùng dấu chấm, như 21.0879), đang ghi '\(found)'"
        case .notAChoice(let field, let allowed, let found, let guess):
            "'\(field)' phải là một trong: \(allowed.joined(separator: ", ")); đang ghi '\(found)'" + (guess.map { "; có phải ý bạn là '\($0)'?" } ?? "")
        case .notADate(let field, let found, let suggestion):
            "'\(field)' phải là một ngày có thật, viết theo dạng năm-tháng-ngày YYYY-MM-DD (ví dụ 2023-06-30); '\(found)' không đúng" + (suggestion.map { ": hãy viết \($0)" } ?? "")
        case .notGeo(let field, let suggestion):
            "'\(field)' phải là hai số [vĩ độ, kinh độ], như [21.0879, 105.6633]" + (suggestion.map { "; hãy viết \(field): \($0)" } ?? "")
        case .notWebAddress(let field, let found): "'\(field)' phải là địa chỉ web đầy đủ, bắt đầu bằng https:// ; đang ghi '\(found)'"
        case .insideContentFolder(let folder):
            "ở đây không có thư mục \(folder), nhưng có site.yaml: đây chính là thư mục nội dung; hãy chạy lệnh từ thư mục chứa nó, hoặc gọi thư mục này là `.`, ví dụ `dinh build . --output ../public`"
        case .contentFolderIsAnother(let folder, let found): "ở đây không có thư mục \(folder), nhưng thư mục \(found) có tệp site.yaml: hãy chỉ thư mục ấy (`dinh build \(found)`)"
        case .noContentFolder(let folder): "không có thư mục nội dung này; hãy tạo bằng `dinh init \(folder)` hoặc chỉ đúng thư mục"
        case .ignoredFileNotFolder(let section): "tệp này bị bỏ qua: mỗi mục trong \(section)/ là một thư mục có tệp index.md bên trong"
        case .folderLinksOutside: "thư mục này là liên kết tới một nơi ngoài thư mục nội dung; hãy chép các tệp vào thư mục nội dung"
        case .badFolderName(let name, let suggestion):
            "tên thư mục '\(name)' không dùng được trong địa chỉ web: chỉ dùng a-z, 0-9 và dấu -; hãy đổi tên thành '\(suggestion ?? "ten-nhu-the-nay")'"
        case .ignoredFileNotYAML(let section): "tệp này bị bỏ qua: \(section)/ chứa mỗi chủ thể một tệp .yaml"
        case .badFileName(let name, let suggestion):
            "tên tệp '\(name)' không dùng được trong địa chỉ web: chỉ dùng a-z, 0-9 và dấu -; hãy đổi tên thành '\(suggestion).yaml'"
        case .noIndex(let what): "\(what.text(in: .vi)) chưa có tệp index.md; hãy tạo tệp này, ghi các trường giữa hai dòng `---`"
        case .emptyDocument(let what): "tệp này trống; cần ghi các trường của \(what.text(in: .vi)) giữa hai dòng `---`, rồi đến phần văn bản"
        case .noFrontMatter: "tệp này phải bắt đầu bằng một dòng `---`, rồi đến các trường (code:, name: …), rồi một dòng `---` nữa"
        case .frontMatterNotClosed: "các trường mở bằng `---` ở dòng 1 chưa được đóng: hãy thêm một dòng `---` sau trường cuối cùng"
        case .frontMatterEmpty: "chưa có trường nào giữa hai dòng `---`"
        case .emptyFile: "tệp này trống"
        case .fileIsWebAddress(let field): "'\(field)' phải là một tệp trong thư mục này, không phải địa chỉ web; hãy tải tệp về và đặt cạnh index.md"
        case .fileOutsideFolder(let field, let path):
            "'\(field)': '\(path)' trỏ ra ngoài thư mục của trang này; hãy đặt tệp vào thư mục cạnh index.md và chỉ ghi tên tệp"
        case .wrongFileKind(let field, let path, let kind, let extensions):
            (Self.conversion(of: path, in: .vi).isEmpty ? "'\(field)': '\(path)' không phải \(kind.text(in: .vi))"
                : "'\(field)': '\(path)' là tệp .\(Self.fileExtension(path)), trang web không dùng được")
                + " (dùng được: \(extensions.map { "." + $0 }.joined(separator: ", ")))" + Self.conversion(of: path, in: .vi)
        case .fileMissing(let field, let path, let guess):
            "'\(field)': không có tệp '\(path)' trong thư mục này"
                + (guess.map { "; có phải ý bạn là '\($0)'? (tên phải khớp đúng từng chữ, kể cả chữ hoa và chữ thường)" }
                    ?? ": hãy chép tệp vào thư mục của trang, hoặc xoá dòng ghi tên tệp")
        case .fileLinksOutside(let field, let path): "'\(field)': '\(path)' là liên kết tới một tệp ngoài thư mục nội dung; hãy chép chính tệp đó vào thư mục này"
        case .fileEmpty(let field, let path): "'\(field)': '\(path)' trống (0 byte); hãy chép lại hoặc xuất lại tệp"
        case .fileTooLarge(let field, let path, let size, let limit, let advice):
            "'\(field)': '\(path)' nặng \(size), quá lớn với điện thoại của khách tham quan (tối đa \(limit) MB); \(advice.text(in: .vi))"
        case .notAudio(let field, let path): "'\(field)': '\(path)' không phải âm thanh MP3, M4A hay Ogg, dù tên tệp ghi như vậy; hãy xuất lại bản ghi âm dạng MP3"
        case .wavNamedAsAudio(let field, let path):
            "'\(field)': '\(path)' là bản ghi âm WAV dù tên tệp ghi khác, nặng gấp khoảng mười lần MP3 khi điện thoại tải về; hãy lưu lại bản ghi âm dạng MP3 (ví dụ bằng Audacity: File › Export › Export as MP3)"
        case .notTranslated(let language):
            "chưa dịch sang \(LocalizedText.languageName(language, in: .vi)) (\(language)): hãy viết bản dịch vào index.\(language).md cạnh tệp này; trong lúc chờ, trang \(LocalizedText.languageName(language, in: .vi)) hiện văn bản này kèm ghi chú chưa dịch"
        case .textsNotTranslated(let language, let main, let fields, let more, let inFile, let example):
            "chưa dịch sang \(LocalizedText.languageName(language, in: .vi)) (\(language)): \(fields.joined(separator: ", "))"
                + (more > 0 ? " và \(more) mục khác" : "")
                + "; trang \(LocalizedText.languageName(language, in: .vi)) đang hiện các mục này bằng \(LocalizedText.languageName(main, in: .vi)): hãy viết "
                + (inFile.isEmpty ? "" : inFile.map { "`\($0): …`" }.joined(separator: ", ") + " vào index.\(language).md")
                + (example.map { (inFile.isEmpty ? "theo mẫu `" : ", còn các mục khác thì theo mẫu `") + $0 + "`" } ?? "")
        case .narrationFileInOtherLanguage(let language, let file, let spoken):
            "thuyết minh ở mục '\(language)' là \(file), tên tệp cho biết đó là bản \(LocalizedText.languageName(spoken, in: .vi)) (.\(spoken).): trang \(LocalizedText.languageName(language, in: .vi)) phát bản \(LocalizedText.languageName(spoken, in: .vi)) và có ghi chú như vậy; khi đã thu âm bằng \(LocalizedText.languageName(language, in: .vi)), hãy đặt tên tệp có .\(language). và ghi vào đây"
        case .transcriptOnlyInOther(let language, let other, let example):
            "thuyết minh \(LocalizedText.languageName(language, in: .vi)) (\(language)) chưa có lời (transcript), trong khi bản \(LocalizedText.languageName(other, in: .vi)) (\(other)) đã có: trang đó không có phụ đề (cho người khiếm thính, hay khi tắt tiếng giữa sân đình ồn ào); hãy thêm `transcript: \(example)`"
        case .narrationNotRecorded(let language, let playing):
            "chưa có thuyết minh bằng \(LocalizedText.languageName(language, in: .vi)) (\(language)): trang đó phát bản \(LocalizedText.languageName(playing, in: .vi)) và có ghi chú như vậy; khi đã thu âm, hãy thêm `\(language): {audio: …}` vào 'narration'"
        case .notTranslatedGroup(let language): "Chưa dịch sang \(LocalizedText.languageName(language, in: .vi)) (\(language))"
        case .translationIgnored(let language, let languages):
            "bản dịch này bị bỏ qua: '\(language)' không có trong danh sách ngôn ngữ của site.yaml (\(languages.joined(separator: ", ")))"
        case .noSiteFile: "thiếu tệp site.yaml: thư mục nội dung nào cũng cần tệp này (title, base_url, languages); `dinh init` sẽ viết một tệp mẫu"
        case .languageCodeMistaken(let code, let meant): "'\(code)' không phải mã ngôn ngữ hai chữ cái (vn, us, cn… là mã quốc gia); hãy viết '\(meant)'"
        case .notLanguageCode(let code): "'\(code)' không phải mã ngôn ngữ; hãy dùng hai chữ cái thường như vi hoặc en"
        case .languageTwice: "một ngôn ngữ được ghi hai lần trong 'languages'"
        case .baseURLQuery: "'base_url' không được chứa dấu ? hoặc #: chỉ viết địa chỉ trang, ví dụ https://disan.example.vn/"
        case .baseURLExample(let url):
            "'base_url' vẫn là địa chỉ mẫu \(url): mã QR tạo từ địa chỉ này không mở được trang nào, nên chưa mã nào được ghi là đã in (codes.lock): cứ sửa di tích và sản phẩm mẫu, và hãy viết địa chỉ nơi trang web sẽ được đăng trước khi in biển"
        case .baseURLNotSecure(let suggested):
            "'base_url' bắt đầu bằng http://: mã QR in ra giữ địa chỉ này nhiều năm, điện thoại báo các trang như vậy là 'Không bảo mật' và không lưu được trang để xem khi không có mạng; nếu trang chạy trên HTTPS, hãy viết \(suggested)"
        case .currencyCode: "'currency' phải là mã tiền tệ ISO 4217 gồm ba chữ cái, như VND"
        case .movedCodesShape: "'moved_codes' phải gồm các dòng `mã cũ: mã mới`, ví dụ `DP09: DP01`"
        case .retiredCodesShape: "'retired_codes' phải gồm các dòng `MÃ: lý do thôi dùng`"
        case .badCode(let found, let suggestion):
            "'code' phải gồm 2 đến 12 chữ in hoa A–Z hoặc chữ số 0–9 (mã được in trên biển QR); đang ghi '\(found)'" + (suggestion.map { "; hãy viết '\($0)'" } ?? "")
        case .codeUsedTwice(let code, let path): "mã \(code) đã được dùng ở \(path); mỗi di tích, sản phẩm, trang và cuộc họp cần một mã riêng: giữ mã cho trang đã in biển (xem codes.lock) và đặt mã mới cho trang kia"
        case .skuUsedTwice(let sku, let path):
            "mã sản phẩm \(sku) (trường 'sku', hoặc 'code' khi không có 'sku') đã là mã của \(path); Google và Meta phân biệt sản phẩm bằng mã này: hãy đặt cho sản phẩm này một 'sku' riêng"
        case .gtinUsedTwice(let gtin, let path):
            "mã vạch \(gtin) đã là mã vạch của \(path); mỗi sản phẩm có mã vạch riêng: hãy chép lại từ bao bì của sản phẩm này, hoặc bỏ dòng 'gtin'"
        case .badSceneID(let id, let suggestion): "id của cảnh '\(id)' chỉ được dùng a-z, 0-9 và dấu -; hãy viết '\(suggestion)'"
        case .sceneIDTwice(let id): "hai cảnh cùng có id '\(id)'; mỗi cảnh cần một id riêng"
        case .mediaLanguage(let field, let language, let languages, let guess):
            "'\(field)' có tệp cho '\(language)', nhưng đây không phải ngôn ngữ của trang (site.yaml ghi \(languages.joined(separator: ", "))), nên tệp sẽ không được đăng"
                + (guess.map { "; có phải ý bạn là '\($0)'?" } ?? "")
        case .hotspotBoth: "một điểm chạm chỉ có 'scene' (cửa sang cảnh khác) hoặc 'text' (ghi chú), không có cả hai"
        case .hotspotNeither: "điểm chạm cần 'scene: <id của cảnh>' hoặc 'text: …'"
        case .hotspotToItsOwnScene(let scene, let others):
            "điểm nóng này nằm trong cảnh '\(scene)' và dẫn đến chính cảnh đó: chạm vào sẽ không đi đâu; hãy ghi cảnh mà nó dẫn tới" + (others.isEmpty ? "" : " (\(others.joined(separator: ", ")))")
        case .hotspotUnknownScene(let target, let guess, let scenes):
            "điểm chạm này dẫn tới cảnh '\(target)', nhưng di tích này không có cảnh nào có id đó"
                + (guess.map { "; có phải ý bạn là '\($0)'?" } ?? (scenes.isEmpty ? "" : " (các cảnh của di tích: \(scenes.joined(separator: ", ")))"))
        case .narrationShape: "'narration' phải ghi âm thanh theo từng ngôn ngữ, như `vi: {audio: thuyet-minh.vi.mp3, transcript: thuyet-minh.vi.vtt}`"
        case .captionsShape: "'captions' phải ghi một tệp .vtt cho mỗi ngôn ngữ, như `{vi: le-hoi.vi.vtt}`"
        case .webVTTUnusable(let path, let problem): "'\(path)' không dùng được làm WebVTT: \(problem.text(in: .vi))"
        case .skuTooLong: "'sku' tối đa 50 ký tự, không có dấu cách hay dấu tiếng Việt (các sàn thương mại điện tử từ chối mã dài hơn)"
        case .skuFormula(let sku): "'sku' phải bắt đầu bằng chữ cái hoặc chữ số: '\(sku)' bắt đầu bằng một ký tự mà bảng tính hiểu là công thức"
        case .unknownProducer(let producer, let guess):
            "chủ thể '\(producer)' không có: không tìm thấy tệp producers/\(producer).yaml" + (guess.map { "; có phải ý bạn là '\($0)'?" } ?? "")
        case .saleNotLower(let sale, let price): "'sale_price' (\(sale)) phải thấp hơn 'price' (\(price))"
        case .ocopExpired(let date): "giấy chứng nhận OCOP đã hết hạn ngày \(date); huy hiệu sao sẽ không hiện cho đến khi 'ocop' ghi ngày công nhận mới"
        case .ocopNeedsDate: "'ocop' cần ngày của quyết định công nhận (`date: 2023-06-30`) hoặc ít nhất là năm công nhận (`year: 2023`)"
        case .ocopYearMismatch(let year, let date): "'ocop.year' (\(year)) không khớp với năm của 'ocop.date' (\(date)); chỉ cần giữ lại ngày"
        case .priceInThousands(let field, let found, let meant):
            "'\(field)' là \(found) đồng, thấp hơn giá của mọi sản phẩm: giá được ghi bằng số đồng đầy đủ; nếu đang ghi theo nghìn đồng, hãy viết \(field): \(meant)"
        case .priceNotWhole(let field, let found, let suggestion):
            "'\(field)': giá phải là số đồng nguyên, không có dấu chấm, dấu cách hay ký hiệu tiền; đang ghi '\(found)'" + (suggestion.map { "; hãy viết \(field): \($0)" } ?? "")
        case .badWeight(let found): "'weight' phải là một số kèm g hoặc kg, như `300 g` hoặc `1.5 kg`; đang ghi '\(found)'"
        case .badGTIN(let found): "'gtin' phải là 8, 12, 13 hoặc 14 chữ số in dưới mã vạch, đặt trong dấu ngoặc kép; đang ghi '\(found)'"
        case .gtinCheckDigit(let gtin, let expected):
            "'gtin' \(gtin) sai chữ số kiểm tra (chữ số cuối phải là \(expected)); hãy chép lại dãy số từ mã vạch"
        case .notOnePhoneNumber(let field, let found, let meant):
            "'\(field)' phải là một số điện thoại, trang sẽ gọi số này, như 0912 345 678 hoặc +84 912 345 678; đang ghi '\(found)'" + (meant.map { ": số 0 ở đầu đã mất, hãy viết \(field): \"\($0)\"" } ?? ": chỉ ghi một số ở đây (số thứ hai có thể ghi trong phần giới thiệu)")
        case .linkLeadsNowhere(let target, let missing, let isPage, let suggestion):
            "liên kết '\(target)' không dẫn đến đâu: nội dung không có \(missing)" + (isPage ? " (đã đổi tên hay đã xóa?)" : " cạnh trang này") + (suggestion.map { "; có phải ý bạn là '\($0)'?" } ?? "")
        case .linkToFormerAddress(let target, let now, let suggestion):
            "liên kết '\(target)' dẫn tới địa chỉ cũ của \(now) (thư mục đã đổi tên): địa chỉ cũ vẫn mở được trang, nhưng hãy sửa liên kết thành '\(suggestion)'"
        case .linkInFullToThisSite(let target, let relative):
            "liên kết '\(target)' ghi địa chỉ đầy đủ của chính trang web này: cần có mạng, và khi mở từ USB sẽ mở trang trên mạng; hãy viết '\(relative)'"
        case .linkWithoutFinalSlash(let target, let fixed):
            "liên kết '\(target)' trỏ tới thư mục của một trang nhưng thiếu dấu / ở cuối: khi mở từ thư mục hay USB sẽ hiện danh sách tệp thay vì trang; hãy viết '\(fixed)'"
        case .productNamedAsAnother(let name, let other):
            "\(other) là sản phẩm cùng chủ thể và cùng tên '\(name)': người mua và các sàn thấy hai trang cho một sản phẩm; nếu một trong hai được tạo nhầm (nhập bảng tính có sản phẩm đổi tên), hãy xóa thư mục đó, hoặc đặt cho mỗi sản phẩm một tên riêng"
        case .notACodeIn(let field, let found, let suggestion):
            "'\(field)': '\(found)' không phải một mã (2 đến 12 chữ in hoa A–Z hoặc chữ số 0–9, như in trên biển)" + (suggestion.map { "; hãy viết '\($0)'" } ?? "")
        case .yamlGroupOnOneLine(let suggestion): "các mã viết ngay trên dòng của trường phải nằm trong dấu ngoặc nhọn: \(suggestion)"
        case .nonBreakingSpaces:
            "dòng này có dấu cách không ngắt (dán từ Word, Zalo hay trang web) ở đầu dòng hoặc sau dấu ':'; trông như dấu cách nhưng YAML không tính: Dinh đọc chúng như dấu cách; hãy gõ lại bằng dấu cách thường"
        case .curlyQuotes:
            "giá trị này nằm giữa dấu ngoặc kép cong “ ” (của Word), YAML không coi đó là dấu ngoặc: Dinh đọc phần chữ bên trong; hãy gõ dấu ngoặc thẳng \"…\", hoặc bỏ đi"
        case .linkFromSiteRoot(let target, let relative):
            "liên kết '\(target)' bắt đầu bằng /: dùng được trên máy chủ web, nhưng không dùng được khi mở trang từ thư mục hay USB; hãy viết '\(relative)'"
        case .openingHoursNotTimes(let found): "'opening_hours' '\(found)' không phải khoảng giờ trong ngày: giờ đi từ 00:00 đến 24:00, như \"07:00-17:00\""
        case .openingHoursForm(let found, let canonical):
            "'opening_hours' '\(found)' được hiện đúng như đã ghi, nhưng máy tìm kiếm chỉ đọc được \"\(canonical)\": hãy viết opening_hours: \"\(canonical)\""
        case .badEmail(let found): "'email' không giống địa chỉ thư điện tử: '\(found)'"
        case .notBool(let field, let found): "'\(field)' phải là true hoặc false; đang ghi '\(found)'"
        case .bankBINShape(let found, let named):
            "'bank.bin' phải là mã NAPAS 6 chữ số của ngân hàng (như 970436 của Vietcombank, 970418 của BIDV); đang ghi '\(found)'"
                + (named.map { ": hãy viết bin: \"\($0)\"" } ?? "")
        case .bankUnknown(let bin, let guess, let guessName):
            "'bank.bin' \(bin) không phải mã của ngân hàng Việt Nam nào đã biết; hãy chép mã BIN 6 chữ số của ngân hàng trong danh sách VietQR (970436 Vietcombank, 970415 VietinBank, 970418 BIDV, 970405 Agribank…)"
                + (guess.map { "; có phải ý bạn là \($0) (\(guessName ?? ""))?" } ?? "")
        case .bankAccount(let found, let suggestion):
            "'bank.account' phải là số tài khoản, từ 1 đến 19 chữ số, không có dấu cách, dấu chấm hay gạch ngang; đang ghi '\(found)'"
                + (suggestion.map { "; hãy viết account: \"\($0)\"" } ?? "")
        case .bankName(let found, let suggestion):
            "'bank.name' phải là tên chủ tài khoản đúng như ngân hàng hiển thị: tối đa 50 chữ in hoa không dấu; đang ghi '\(found)'"
                + (suggestion.map { "; hãy viết name: \($0)" } ?? "")
        case .yamlAliasBomb(let alias):
            "bí danh *\(alias) lặp lại giá trị nhiều đến mức YAML này sẽ chứa hơn 100.000 giá trị (tệp kiểu \"billion laughs\"); nội dung không bao giờ cần như vậy: hãy viết từng giá trị ra, không dùng & và *"
        case .yamlUnreadable(let detail): "không đọc được YAML này: \(detail)"
        case .yamlTab(let also, let spaces): "dòng này thụt lề bằng phím Tab; YAML cần dấu cách: hãy thay mỗi Tab bằng " + (spaces.map { "\($0) dấu cách, như các dòng khác thụt lề" } ?? "2 dấu cách") + (also.isEmpty ? "" : " (ở dòng này và dòng \(also.map(String.init).joined(separator: ", ")))")
        case .yamlColon(let suggestion): "giá trị này có dấu hai chấm theo sau là dấu cách; hãy đặt cả đoạn văn bản trong dấu ngoặc kép: \(suggestion)"
        case .yamlNoColon(let suggestion): "sau tên trường thiếu dấu hai chấm: hãy viết \(suggestion)"
        case .yamlDashInLine: "'- ' chỉ mở đầu một mục của danh sách khi đứng đầu dòng: hãy viết mỗi mục trên một dòng riêng bên dưới trường, thụt lề vào, hoặc đặt văn bản trong dấu ngoặc kép"
        case .yamlUnclosedBracket(let open, let close):
            "dấu \(open) mở ở đây chưa được đóng: hãy kết thúc bằng \(close) trên cùng dòng, như \(open == "[" ? "geo: [21.08, 105.66]" : "name: {vi: Đình Hạ Mỗ, en: Ha Mo Communal House}")"
        case .yamlUnclosedQuote: "dấu ngoặc kép được mở ở đây nhưng chưa đóng: hãy thêm dấu ngoặc đóng ở cuối đoạn văn bản"
        case .yamlIndentation: "thụt lề của dòng này không khớp với các dòng bên trên: các trường cùng nhóm phải thụt vào cùng một số dấu cách"
        case .yamlTooDeep: "các giá trị ở đây lồng nhau sâu hơn 1.000 mức ([[[… hoặc nhóm trong nhóm); nội dung không bao giờ cần như vậy: hãy kiểm tra dấu ngoặc và thụt lề"
        case .yamlBadStart: "dòng này bắt đầu bằng một ký tự YAML không cho phép ở đây (như @ hoặc `); hãy đặt văn bản trong dấu ngoặc kép"
        case .yamlInvalid(let detail): "đây không phải YAML hợp lệ: \(detail); hãy kiểm tra dấu ngoặc kép và thụt lề"
        case .yamlDuplicate(let keys): "trường \(keys.map { "'\($0)'" }.joined(separator: ", ")) được viết hai lần trong cùng một nhóm; chỉ giữ lại một"
        case .notUTF8Text(let problem): "không đọc được tệp này dưới dạng văn bản: \(problem); hãy lưu tệp dạng UTF-8"
        case .textFileTooLarge(let size, let limit):
            "tệp này nặng \(size); một tệp văn bản của nội dung tối đa \(limit) (một trang dài khoảng 0,1 MB): hãy kiểm tra đúng tệp chưa, hoặc chia nhỏ văn bản"
        case .textFileUnreadable: "không đọc được tệp này; hãy kiểm tra tệp có tồn tại và không đang mở trong chương trình khác"
        case .binaryFile: "đây không phải tệp văn bản (có dữ liệu nhị phân); tệp phải là văn bản lưu dạng UTF-8"
        case .notUTF8: "tệp này không lưu dạng UTF-8 nên chữ tiếng Việt sẽ bị lỗi; hãy lưu lại và chọn bảng mã UTF-8"
        case .vttNoHeader: "đây không phải tệp WebVTT: dòng đầu tiên phải là WEBVTT"
        case .vttIsSubRip: "đây là phụ đề SubRip (SRT) nhưng mang tên .vtt: hãy đổi lại đuôi tên tệp thành .srt, Dinh sẽ tự chuyển sang WebVTT"
        case .vttCommaTiming: "WebVTT viết phần nghìn giây sau dấu chấm, không phải dấu phẩy như tệp phụ đề SRT: hãy viết 00:00:02.500, không viết 00:00:02,500"
        case .vttBadTiming: "thời gian của phụ đề này không đúng WebVTT; hãy viết như 00:00:01.000 --> 00:00:04.500 (kết thúc sau khi bắt đầu)"
        case .srtBadTiming: "dòng thời gian của câu phụ đề này không hợp lệ; hãy viết như 00:00:01,000 --> 00:00:04,500 (lúc kết thúc sau lúc bắt đầu)"
        case .srtNoCues: "tệp phụ đề này không có câu nào: mỗi câu gồm một số thứ tự, một dòng thời gian như 00:00:01,000 --> 00:00:04,500, và lời ở dòng dưới"
        case .vttNoCues: "tệp WebVTT này không có phụ đề nào: dưới dòng WEBVTT, mỗi phụ đề gồm một dòng thời gian như 00:00:01.000 --> 00:00:04.500 và lời ở dòng tiếp theo"
        case .vttManyBadTimings: "các thời gian phụ đề bên dưới cũng không đúng; hãy sửa các chỗ này trước, hoặc kiểm tra đúng tệp chưa"
        case .vttTooManyCues(let thousands):
            "tệp này có hơn \(thousands).000 phụ đề; một bài thuyết minh hay một bộ phim hai giờ chỉ có vài nghìn: hãy kiểm tra đúng tệp chưa"
        case .mdTooDeep(let levels): "trích dẫn lồng nhau sâu hơn \(levels) mức ở đây; các mức sâu hơn hiện thành văn bản thường"
        case .mdPicture: "ảnh chèn trong phần văn bản sẽ không hiện; hãy liệt kê ảnh trong 'gallery:'"
        case .mdBareWebAddress(let target, let meant): "liên kết '\(target)' thiếu https:// ở đầu nên sẽ dẫn tới một trang không có của chính trang này: đã đăng thành \(meant); hãy viết như vậy"
        case .mdHTML(let tag): "mã HTML như \(tag) không được hiển thị: các thẻ bị bỏ đi, chỉ giữ chữ; hãy viết theo Markdown (một dòng trống giữa các đoạn, **chữ đậm**, mỗi mục của danh sách là một dòng bắt đầu bằng -)"
        case .mdBadLink(let target): "liên kết '\(target)' không phải địa chỉ web, thư điện tử hay số điện thoại; nó hiện thành văn bản thường"
        }
    }
}
