/// A Vietnamese bank that receives NAPAS 247 transfers, by its 6-digit NAPAS bank identification
/// number (BIN; the "acquirer ID" of a VietQR code).
public struct VietnameseBank: Sendable, Hashable {
    /// The 6-digit NAPAS BIN, e.g. `970436`.
    public let bin: String
    /// The name people know it by, e.g. `Vietcombank`.
    public let shortName: String
    /// The full name in Vietnamese.
    public let name: String

    public init(bin: String, shortName: String, name: String) {
        self.bin = bin
        self.shortName = shortName
        self.name = name
    }

    /// Sources: the bank list VietQR publishes (https://api.vietqr.io/v2/banks, fields `bin`,
    /// `shortName`, `name`), cross-checked against public lists that reproduce NAPAS BINs:
    /// github.com/neopayvn/neopay-library `defined/bank.js`, the NAPAS member list ("banksnapas",
    /// `bankId`) in github.com/tranviet2010/choonline `src/utils/provide/bank.js`, and the `Bank`
    /// enum of the Dart package vietqr_gen (pub.dev). A bank missing here is an error in
    /// `producers/*.yaml`, so add it (with its source) rather than guess.
    public static let all: [VietnameseBank] = [
        VietnameseBank(bin: "970400", shortName: "SaigonBank", name: "Ngân hàng TMCP Sài Gòn Công Thương"),
        VietnameseBank(bin: "970403", shortName: "Sacombank", name: "Ngân hàng TMCP Sài Gòn Thương Tín"),
        VietnameseBank(bin: "970405", shortName: "Agribank", name: "Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam"),
        VietnameseBank(bin: "970406", shortName: "DongABank", name: "Ngân hàng TMCP Đông Á"),
        VietnameseBank(bin: "970407", shortName: "Techcombank", name: "Ngân hàng TMCP Kỹ thương Việt Nam"),
        VietnameseBank(bin: "970408", shortName: "GPBank", name: "Ngân hàng Thương mại TNHH MTV Dầu Khí Toàn Cầu"),
        VietnameseBank(bin: "970409", shortName: "BacABank", name: "Ngân hàng TMCP Bắc Á"),
        VietnameseBank(bin: "970410", shortName: "StandardChartered", name: "Ngân hàng TNHH MTV Standard Chartered Bank Việt Nam"),
        VietnameseBank(bin: "970412", shortName: "PVcomBank", name: "Ngân hàng TMCP Đại Chúng Việt Nam"),
        VietnameseBank(bin: "970414", shortName: "MBV", name: "Ngân hàng TNHH MTV Việt Nam Hiện Đại (trước đây OceanBank)"),
        VietnameseBank(bin: "970415", shortName: "VietinBank", name: "Ngân hàng TMCP Công thương Việt Nam"),
        VietnameseBank(bin: "970416", shortName: "ACB", name: "Ngân hàng TMCP Á Châu"),
        VietnameseBank(bin: "970418", shortName: "BIDV", name: "Ngân hàng TMCP Đầu tư và Phát triển Việt Nam"),
        VietnameseBank(bin: "970419", shortName: "NCB", name: "Ngân hàng TMCP Quốc Dân"),
        VietnameseBank(bin: "970421", shortName: "VRB", name: "Ngân hàng Liên doanh Việt - Nga"),
        VietnameseBank(bin: "970422", shortName: "MBBank", name: "Ngân hàng TMCP Quân đội"),
        VietnameseBank(bin: "970423", shortName: "TPBank", name: "Ngân hàng TMCP Tiên Phong"),
        VietnameseBank(bin: "970424", shortName: "ShinhanBank", name: "Ngân hàng TNHH MTV Shinhan Việt Nam"),
        VietnameseBank(bin: "970425", shortName: "ABBANK", name: "Ngân hàng TMCP An Bình"),
        VietnameseBank(bin: "970426", shortName: "MSB", name: "Ngân hàng TMCP Hàng Hải Việt Nam"),
        VietnameseBank(bin: "970427", shortName: "VietABank", name: "Ngân hàng TMCP Việt Á"),
        VietnameseBank(bin: "970428", shortName: "NamABank", name: "Ngân hàng TMCP Nam Á"),
        VietnameseBank(bin: "970429", shortName: "SCB", name: "Ngân hàng TMCP Sài Gòn"),
        VietnameseBank(bin: "970430", shortName: "PGBank", name: "Ngân hàng TMCP Thịnh vượng và Phát triển"),
        VietnameseBank(bin: "970431", shortName: "Eximbank", name: "Ngân hàng TMCP Xuất Nhập khẩu Việt Nam"),
        VietnameseBank(bin: "970432", shortName: "VPBank", name: "Ngân hàng TMCP Việt Nam Thịnh Vượng"),
        VietnameseBank(bin: "970433", shortName: "VietBank", name: "Ngân hàng TMCP Việt Nam Thương Tín"),
        VietnameseBank(bin: "970434", shortName: "IndovinaBank", name: "Ngân hàng TNHH Indovina"),
        VietnameseBank(bin: "970436", shortName: "Vietcombank", name: "Ngân hàng TMCP Ngoại Thương Việt Nam"),
        VietnameseBank(bin: "970437", shortName: "HDBank", name: "Ngân hàng TMCP Phát triển Thành phố Hồ Chí Minh"),
        VietnameseBank(bin: "970438", shortName: "BaoVietBank", name: "Ngân hàng TMCP Bảo Việt"),
        VietnameseBank(bin: "970439", shortName: "PublicBank", name: "Ngân hàng TNHH MTV Public Việt Nam"),
        VietnameseBank(bin: "970440", shortName: "SeABank", name: "Ngân hàng TMCP Đông Nam Á"),
        VietnameseBank(bin: "970441", shortName: "VIB", name: "Ngân hàng TMCP Quốc tế Việt Nam"),
        VietnameseBank(bin: "970442", shortName: "HongLeong", name: "Ngân hàng TNHH MTV Hong Leong Việt Nam"),
        VietnameseBank(bin: "970443", shortName: "SHB", name: "Ngân hàng TMCP Sài Gòn - Hà Nội"),
        VietnameseBank(bin: "970446", shortName: "COOPBANK", name: "Ngân hàng Hợp tác xã Việt Nam"),
        VietnameseBank(bin: "970448", shortName: "OCB", name: "Ngân hàng TMCP Phương Đông"),
        VietnameseBank(bin: "970449", shortName: "LPBank", name: "Ngân hàng TMCP Lộc Phát Việt Nam"),
        VietnameseBank(bin: "970452", shortName: "KienLongBank", name: "Ngân hàng TMCP Kiên Long"),
        VietnameseBank(bin: "970454", shortName: "BVBank", name: "Ngân hàng TMCP Bản Việt"),
        VietnameseBank(bin: "970455", shortName: "IBKHN", name: "Ngân hàng Công nghiệp Hàn Quốc - Chi nhánh Hà Nội"),
        VietnameseBank(bin: "970456", shortName: "IBKHCM", name: "Ngân hàng Công nghiệp Hàn Quốc - Chi nhánh TP. Hồ Chí Minh"),
        VietnameseBank(bin: "970457", shortName: "Woori", name: "Ngân hàng TNHH MTV Woori Việt Nam"),
        VietnameseBank(bin: "970458", shortName: "UnitedOverseas", name: "Ngân hàng United Overseas - Chi nhánh TP. Hồ Chí Minh"),
    ]

    /// The bank with this BIN, or nil when it is not a known Vietnamese bank.
    public static func bank(bin: String) -> VietnameseBank? { byBIN[bin] }

    /// The bank a name means, as people write it in the place of its BIN: `Vietcombank`,
    /// `vietin bank`, `Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam`.
    public static func bank(named name: String) -> VietnameseBank? {
        let key = Fold.key(name)
        guard !key.isEmpty else { return nil }
        return all.first { bank in [bank.shortName, bank.name].contains { Fold.key($0) == key } }
    }

    private static let byBIN: [String: VietnameseBank] = Dictionary(all.map { ($0.bin, $0) }, uniquingKeysWith: { first, _ in first })
}
