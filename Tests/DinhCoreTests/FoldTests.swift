import DinhCore
import Foundation
import Testing

/// Vietnamese as search and slugs compare it: every tone and hat folds to the bare letter.
@Suite struct FoldTests {
    @Test func namesFoldToWhatVisitorsTypeWithoutDiacritics() {
        #expect(Fold.text("Đình Hạ Mỗ") == "dinh ha mo")
        #expect(Fold.text("Quán Phượng Trì") == "quan phuong tri")
        #expect(Fold.text("Mật ong hoa nhãn") == "mat ong hoa nhan")
        #expect(Fold.text("ĐƯỜNG LÀNG Ở ĐẠI PHÙNG") == "duong lang o dai phung")
        #expect(Fold.text("Đình làng số 12") == "dinh lang so 12")
    }

    @Test func everyToneAndHatOfEveryVowelFolds() {
        let vowels: [(String, String)] = [
            ("aàáảãạăằắẳẵặâầấẩẫậ", "a"), ("eèéẻẽẹêềếểễệ", "e"), ("iìíỉĩị", "i"), ("oòóỏõọôồốổỗộơờớởỡợ", "o"),
            ("uùúủũụưừứửữự", "u"), ("yỳýỷỹỵ", "y"), ("dđĐD", "d"),
        ]
        for (letters, bare) in vowels {
            for letter in letters { #expect(Fold.text(String(letter)) == bare, "\(letter)") }
            for letter in letters.uppercased() { #expect(Fold.text(String(letter)) == bare, "\(letter)") }
        }
    }

    @Test func decomposedTextFoldsAsComposedText() {
        let composed = "Nghè Tân Hội, chùa Đại Bi, Lăng miếu Triệu Tường"
        #expect(Fold.text(composed.decomposedStringWithCanonicalMapping) == Fold.text(composed))
        #expect(Fold.text(composed) == "nghe tan hoi chua dai bi lang mieu trieu tuong")
    }

    @Test func spacesAndPunctuationSeparateWordsOnce() {
        #expect(Fold.text("  DINH\tHA \n\u{A0} MO  ") == "dinh ha mo")
        #expect(Fold.words("Giỏ tre đan \"Quà quê\" – 500 g") == ["gio", "tre", "dan", "qua", "que", "500", "g"])
        #expect(Fold.words("") == [] && Fold.words(" – ") == [])
        // Letters of other scripts are words too (their marks dropped like Vietnamese ones).
        #expect(Fold.words("Chùa 中文 café") == ["chua", "中文", "cafe"])
    }

    @Test func slugsAreTheFoldedWordsInLatinLetters() {
        #expect(Slug.suggest(for: "Quán Phượng Trì") == "quan-phuong-tri")
        #expect(Slug.suggest(for: "  Đình--Hạ  Mỗ! ") == "dinh-ha-mo")
        #expect(Slug.suggest(for: "Chè lam 中文 Hà Trung") == "che-lam-ha-trung")
        #expect(Slug.suggest(for: "ĐẶC SẢN") == "dac-san")
        #expect(Slug.suggest(for: "–") == "")
    }
}
