import DinhContent
import DinhCore
import DinhQR
import DinhTemplate

/// *1.1*: a product's VietQR payment code: a transfer of its sale price (or price) to its
/// producer's `bank:` account, with the product code as the transfer note. The placard's code
/// carries no amount: a board stays up for years, prices change (a static code, as on any stall
/// in Viet Nam, where the buyer types the price shown).
struct ProductPayment: Sendable {
    let account: BankAccount
    let bank: VietnameseBank
    /// Whole đồng.
    let amount: Int
    /// The EMVCo payload the page's code carries, with the amount.
    let payload: String
    /// The placard's: the same without the amount.
    let boardPayload: String

    /// Payment codes are small on the placard: level M keeps the symbol smaller than Q (a bank
    /// transfer is made close up, and every VietQR app reads it).
    static let errorCorrection = QRCode.ErrorCorrection.m

    /// The payment of `product`, or nil when its producer has no `bank:`, it says `pay_qr: false`,
    /// or it costs nothing.
    /// None unless `Product.hasPaymentCode` (so none for a product out of stock).
    init?(_ product: Product, index: ContentIndex) {
        guard let (account, bank) = Self.account(product, index: index),
              let payload = try? VietQR(bin: account.bin, account: account.account, amount: product.amountDue, note: product.code).payload(),
              let boardPayload = try? VietQR(bin: account.bin, account: account.account, note: product.code).payload()
        else { return nil }
        self.account = account
        self.bank = bank
        self.amount = product.amountDue
        self.payload = payload
        self.boardPayload = boardPayload
    }

    /// The account a product's board pays into, `BIN/ACCOUNT` (what `codes.lock` records), or nil
    /// when it has no payment code: worked out without making the payloads.
    static func boardAccount(_ product: Product, index: ContentIndex) -> String? {
        account(product, index: index).map { "\($0.account.bin)/\($0.account.account)" }
    }

    /// The account `product` is paid into and its bank, when it has a payment code.
    private static func account(_ product: Product, index: ContentIndex) -> (account: BankAccount, bank: VietnameseBank)? {
        let producer = index.producers[product.producer]
        guard product.hasPaymentCode(producer: producer), let account = producer?.bank, let bank = account.bank else { return nil }
        return (account, bank)
    }

    /// The page's symbol, or the placard's: the whole payload as one byte-mode segment.
    func symbol(onBoard: Bool = false) throws -> QRCode {
        try QRCode(onBoard ? boardPayload : payload, errorCorrection: Self.errorCorrection, byteMode: true)
    }

    /// `qr/<CODE>-pay.png` and `.svg`, from the site root.
    static func files(_ code: String) -> (png: String, svg: String) {
        ("\(SitePaths.qr)\(code)-pay.png", "\(SitePaths.qr)\(code)-pay.svg")
    }

    /// The line under the placard's payment code: `Vietcombank · 0011000000000` (no price: it
    /// would go out of date).
    var boardDetail: String { "\(bank.shortName) · \(account.account)" }

    /// The product page's section "Chuyển khoản" / "Pay by bank transfer".
    func context(code: String, root: String, language: String, currency: String) -> TemplateFields {
        let vi = language == "vi"
        return [
            "title": vi ? "Chuyển khoản" : "Pay by bank transfer",
            // A buyer reading the page on a phone cannot scan its own screen.
            "hint": vi ? "Quét mã bằng ứng dụng ngân hàng: số tiền và nội dung đã có sẵn. Trên điện thoại này: nhấn giữ ảnh mã để lưu, rồi chọn ảnh đó trong mục quét mã QR của ứng dụng ngân hàng."
                : "Scan the code with a Vietnamese banking app: the amount and the note are filled in. On this phone: press and hold the code to save it, then choose it in your banking app's QR scanner.",
            // A PNG: pressed and held, it is saved as a picture the phone's gallery, and so the banking
            // app's scanner, can open (a saved SVG is a file neither shows).
            "image": root + Self.files(code).png,
            "image_alt": vi ? "Mã VietQR chuyển khoản \(code)" : "VietQR transfer code \(code)",
            "bank_label": vi ? "Ngân hàng" : "Bank",
            "bank": bank.shortName,
            "bank_name": bank.name,
            "account_label": vi ? "Số tài khoản" : "Account",
            "account": account.account,
            "holder_label": vi ? "Chủ tài khoản" : "Account holder",
            "holder": account.name,
            "amount_label": vi ? "Số tiền" : "Amount",
            "amount": Format.price(amount, currency: currency, language: language),
            "note_label": vi ? "Nội dung" : "Transfer note",
            "note": code,
        ]
    }
}
