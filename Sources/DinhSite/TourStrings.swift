/// Words of the 360° viewer and the narration player that the shared table (`Strings`) does not
/// have yet; Vietnamese or English, like `Strings`.
enum TourStrings {
    static func viewer(_ language: String) -> [String: String] {
        language == "vi"
            ? ["loading": "Đang tải ảnh 360°", "fail": "Không mở được ảnh 360° trên trình duyệt này: mời xem ảnh toàn cảnh và danh sách các cảnh."]
            : ["loading": "Loading the 360° view", "fail": "The 360° view cannot open in this browser: see the photo and the list of scenes."]
    }

    static func narration(_ language: String) -> [String: String] {
        language == "vi"
            ? ["now": "Bản thu", "general": "Giới thiệu chung", "none": "chưa có cho cảnh này", "play": "Nghe"]
            : ["now": "Recording", "general": "About the site", "none": "none for this scene", "play": "Play"]
    }
}
