/// Words of the 360° viewer and the narration player that the shared table (`Strings`) does not
/// have yet; Vietnamese or English, like `Strings`.
enum TourStrings {
    static func viewer(_ language: String) -> [String: String] {
        language == "vi"
            ? ["loading": "Đang tải ảnh 360°", "fail": "Trình duyệt này không mở được ảnh 360°: mời xem ảnh và danh sách cảnh.",
               "weak": "Mạng yếu, chưa tải được ảnh 360°.", "retry": "Thử lại"]
            : ["loading": "Loading the 360° view", "fail": "This browser cannot open the 360° view: see the photo and the scenes.",
               "weak": "Weak network: the 360° view has not loaded.", "retry": "Try again"]
    }

    static func narration(_ language: String) -> [String: String] {
        language == "vi"
            ? ["now": "Bản thu", "general": "Giới thiệu chung", "none": "chưa có cho cảnh này", "play": "Nghe"]
            : ["now": "Recording", "general": "About the site", "none": "none for this scene", "play": "Play"]
    }
}
