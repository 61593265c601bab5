import DinhTemplate

/// The theme's own words, per language. Languages other than Vietnamese use the English words.
struct Strings {
    let language: String
    private let table: [String: String]

    init(language: String) {
        self.language = language
        table = language == "vi" ? Strings.vietnamese : Strings.english
    }

    subscript(key: String) -> String { table[key] ?? Strings.english[key] ?? key }

    /// All words, for templates (`{{t.relics}}`), made once per language.
    var all: TemplateFields { language == "vi" ? Strings.vietnameseFields : Strings.englishFields }
    private static let vietnameseFields = TemplateFields(english.merging(vietnamese) { $1 }.mapValues { .text($0) })
    private static let englishFields = TemplateFields(english.mapValues { .text($0) })

    /// The panorama viewer's own words (`TourDescription.strings`).
    var viewer: [String: String] {
        language == "vi"
            ? ["view": "Ảnh 360°: kéo hoặc dùng phím mũi tên để nhìn quanh, + và − để phóng to, thu nhỏ",
               "fullscreen": "Toàn màn hình", "gyro": "Xoay điện thoại để nhìn quanh", "close": "Đóng",
               "north": "Quay về hướng bắc", "zoomIn": "Phóng to", "zoomOut": "Thu nhỏ"]
            : ["view": "Panorama: drag or use the arrow keys to look around, + and − to zoom",
               "fullscreen": "Full screen", "gyro": "Look around by moving the phone", "close": "Close",
               "north": "Turn to north", "zoomIn": "Zoom in", "zoomOut": "Zoom out"]
    }

    /// Open Graph locales.
    static func locale(_ code: String) -> String {
        ["vi": "vi_VN", "en": "en_US", "fr": "fr_FR", "zh": "zh_CN", "ko": "ko_KR", "ja": "ja_JP"][code] ?? code
    }

    static let vietnamese: [String: String] = [
        "untranslated": "Nội dung này chưa được dịch sang tiếng Việt; dưới đây là bản {language}.",
        "narration_untranslated": "Chưa có thuyết minh bằng tiếng Việt; bản dưới đây bằng {language}.",
        "search": "Tìm kiếm", "search_text": "Tìm di tích, sản phẩm OCOP, chủ thể sản xuất và trang thông tin, gõ có dấu hoặc không dấu.",
        "search_label": "Tìm di tích, sản phẩm, chủ thể (gõ có dấu hoặc không dấu)", "search_button": "Tìm",
        "search_count": "{count} kết quả", "search_one": "1 kết quả", "search_none": "Không tìm thấy kết quả nào. Hãy thử ít từ hơn.",
        "search_none_word": "Không tìm thấy kết quả nào. Hãy xem lại chính tả, hoặc thử từ khác.", "search_near": "Không có mã {code}. Có phải mã {near}?",
        "search_near_words": "Không tìm thấy “{query}”. Kết quả cho “{near}”:",
        "search_noscript": "Tìm kiếm cần JavaScript. Hãy dùng Menu để xem các di tích và sản phẩm.",
        "result.relic": "Di tích", "result.product": "Sản phẩm", "result.producer": "Chủ thể sản xuất",
        "result.page": "Trang thông tin", "result.meeting": "Cuộc họp",
        "home": "Trang chủ", "relics": "Di tích", "products": "Sản phẩm OCOP", "producers": "Chủ thể sản xuất",
        "pages": "Thông tin", "language": "Ngôn ngữ", "skip": "Bỏ qua, đến nội dung chính",
        "kind": "Loại hình", "ranking": "Xếp hạng", "ranked_year": "Năm xếp hạng", "address": "Địa chỉ",
        "map": "Xem bản đồ", "map_app": "Mở ứng dụng bản đồ", "festival": "Lễ hội", "opening_hours": "Giờ mở cửa",
        "history": "Lịch sử và giá trị", "photos": "Hình ảnh", "tour": "Tham quan 360°", "narration": "Thuyết minh",
        "transcript": "Lời thuyết minh", "videos": "Video",
        "rank.special-national": "Di tích quốc gia đặc biệt", "rank.national": "Di tích quốc gia",
        "rank.provincial": "Di tích cấp tỉnh/thành phố", "rank.none": "Chưa xếp hạng",
        "price": "Giá", "sale_price": "Giá khuyến mãi", "unit": "Quy cách", "weight": "Khối lượng",
        "availability": "Tình trạng", "in_stock": "Còn hàng", "out_of_stock": "Hết hàng", "preorder": "Đặt trước",
        "producer": "Chủ thể", "buy": "Đặt mua", "call": "Gọi", "ocop": "Sản phẩm OCOP", "stars": "sao", "ocop_stars": "Số sao OCOP", "ocop_year": "Công nhận năm",
        "decision": "Quyết định", "category": "Nhóm sản phẩm", "all": "Tất cả", "filter": "Lọc sản phẩm",
        "kind.cooperative": "Hợp tác xã", "kind.enterprise": "Doanh nghiệp", "kind.household": "Hộ sản xuất",
        "phone": "Điện thoại", "email": "Thư điện tử", "website": "Trang web", "their_products": "Sản phẩm",
        "not_found": "Không tìm thấy trang", "not_found_text": "Trang bạn tìm không có ở đây. Hãy về trang chủ.",
        "not_found_code": "Không có mã này. Hãy xem lại mã in trên biển, hoặc tìm theo tên:",
        "not_found_code_other": "Không có mã này: hãy xem lại mã in trên biển, hoặc tìm theo tên ở trên.",
        "publisher": "Đơn vị công bố", "code": "Mã", "qr": "Mã QR", "page_code_hint": "Quét mã này bằng điện thoại khác để mở trang này:", "view_all_products": "Tất cả sản phẩm",
        "retired": "Mã này không còn được sử dụng", "retired_text": "Cảm ơn bạn đã quét mã. Nội dung này đã ngừng giới thiệu.",
        "opening": "Đang mở trang…", "facts": "Thông tin tham quan", "scenes": "Các cảnh", "scene_narration": "Thuyết minh theo cảnh", "continue": "Tiếp tục",
        "offline_label": "Lưu trang và ảnh 360° nét hơn để xem khi không có mạng", "offline_saving": "Đang lưu…",
        "offline_ready": "Trang này xem được cả khi không có mạng.", "offline_saved": "Đã lưu cả ảnh 360° nét hơn.",
        "offline_failed": "Chưa lưu được hết; hãy thử lại khi có mạng.", "menu": "Menu",
        "no_network": "Không có mạng", "no_network_kept": "Trang này chưa được lưu trên máy. Các trang bạn đã mở vẫn xem được khi không có mạng:",
        "no_network_none": "Trang này chưa được lưu trên máy. Hãy thử lại khi có mạng.", "try_again": "Thử lại",
        "filter_count": "Đang hiện {shown} trên {total} sản phẩm", "filter_none": "Không có sản phẩm nào phù hợp với lựa chọn này.",
        "filter_reset": "Xem tất cả sản phẩm",
        "meeting_when": "Thời gian", "meeting_place": "Địa điểm", "documents": "Tài liệu",
        "no_documents": "Chưa có tài liệu.",
    ]

    static let english: [String: String] = [
        "untranslated": "This text has not been translated into English yet; it is shown in the original ({language}).",
        "narration_untranslated": "The audio guide has not been recorded in English yet; this one is in the original ({language}).",
        "search": "Search", "search_text": "Find heritage sites, OCOP products, producers and pages, with or without Vietnamese diacritics.",
        "search_label": "Find heritage sites, products, producers", "search_button": "Search",
        "search_count": "{count} results", "search_one": "1 result", "search_none": "Nothing found. Try fewer words.",
        "search_none_word": "Nothing found. Check the spelling, or try another word.", "search_near": "There is no code {code}. Did you mean {near}?",
        "search_near_words": "Nothing found for “{query}”. Results for “{near}”:",
        "search_noscript": "Search needs JavaScript. Use the Menu to browse heritage sites and products.",
        "result.relic": "Heritage site", "result.product": "Product", "result.producer": "Producer",
        "result.page": "Page", "result.meeting": "Meeting",
        "home": "Home", "relics": "Heritage sites", "products": "OCOP products", "producers": "Producers",
        "pages": "Information", "language": "Language", "skip": "Skip to main content",
        "kind": "Type", "ranking": "Ranking", "ranked_year": "Ranked in", "address": "Address",
        "map": "View on the map", "map_app": "Open in a map app", "festival": "Festival", "opening_hours": "Opening hours",
        "history": "History and significance", "photos": "Photos", "tour": "360° tour", "narration": "Audio guide",
        "transcript": "Transcript", "videos": "Videos",
        "rank.special-national": "Special national relic", "rank.national": "National relic",
        "rank.provincial": "Provincial relic", "rank.none": "Not ranked",
        "price": "Price", "sale_price": "Sale price", "unit": "Pack", "weight": "Weight",
        "availability": "Availability", "in_stock": "In stock", "out_of_stock": "Out of stock", "preorder": "Pre-order",
        "producer": "Producer", "buy": "Order", "call": "Call", "ocop": "OCOP product", "stars": "stars", "ocop_stars": "OCOP stars", "ocop_year": "Recognised in",
        "decision": "Decision", "category": "Product group", "all": "All", "filter": "Filter products",
        "kind.cooperative": "Cooperative", "kind.enterprise": "Enterprise", "kind.household": "Household business",
        "phone": "Phone", "email": "E-mail", "website": "Website", "their_products": "Products",
        "not_found": "Page not found", "not_found_text": "The page you are looking for is not here. Go back to the home page.",
        "not_found_code": "There is no such code. Check the code printed on the board, or search by name:",
        "not_found_code_other": "There is no such code: check the code printed on the board, or search by name above.",
        "publisher": "Published by", "code": "Code", "qr": "QR code", "page_code_hint": "Scan this code with another phone to open this page:", "view_all_products": "All products",
        "retired": "This code is no longer in use", "retired_text": "Thank you for scanning. This item is no longer presented.",
        "opening": "Opening the page…", "facts": "Visitor information", "scenes": "Scenes", "scene_narration": "Audio for this scene", "continue": "Continue",
        "offline_label": "Keep this page and sharper 360° views for offline use", "offline_saving": "Saving…",
        "offline_ready": "This page also works offline.", "offline_saved": "Sharper 360° views kept too.",
        "offline_failed": "Not everything could be kept; try again with a network.", "menu": "Menu",
        "no_network": "No network", "no_network_kept": "This page has not been kept on this device. The pages you opened can still be read without a network:",
        "no_network_none": "This page has not been kept on this device. Try again when you have a network.", "try_again": "Try again",
        "filter_count": "Showing {shown} of {total} products", "filter_none": "No product matches this choice.",
        "filter_reset": "Show all products",
        "meeting_when": "When", "meeting_place": "Place", "documents": "Documents",
        "no_documents": "No documents yet.",
    ]
}
