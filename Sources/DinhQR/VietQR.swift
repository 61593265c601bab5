/// The text of a VietQR code: an EMVCo merchant-presented QR payload (EMV QRCPS-MPM) in the
/// NAPAS VietQR profile for a transfer to a bank account (NAPAS 247, service `QRIBFTTA`).
///
/// Every data object is `ID` (2 digits), length (2 digits) and value; the root objects are, in order:
///
/// | ID | value |
/// | --- | --- |
/// | 00 | payload format indicator `01` |
/// | 01 | point of initiation: `11` static (no amount), `12` dynamic (with an amount) |
/// | 38 | merchant account information: `00` GUID `A000000727` (NAPAS), `01` beneficiary organisation (`00` BIN, `01` account), `02` service `QRIBFTTA` |
/// | 53 | currency, ISO 4217 numeric: `704` (đồng) |
/// | 54 | amount, whole đồng (only when dynamic) |
/// | 58 | country `VN` |
/// | 62 | additional data: `08` purpose of transaction (the transfer note) |
/// | 63 | CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF) of everything before it, `6304` included, as 4 upper-case hex digits |
public struct VietQR: Sendable, Hashable {
    /// The NAPAS GUID of the merchant account information template (ID 38).
    public static let napasGUID = "A000000727"
    /// Inter-bank fund transfer 24/7 to an account.
    public static let transferToAccount = "QRIBFTTA"

    /// The 6-digit NAPAS BIN of the beneficiary's bank.
    public var bin: String
    /// The beneficiary's account number (digits).
    public var account: String
    /// In whole đồng; nil for a static code, in which the payer types the amount.
    public var amount: Int?
    /// The transfer note (purpose of transaction), e.g. the product code; nil for none.
    public var note: String?

    public init(bin: String, account: String, amount: Int? = nil, note: String? = nil) {
        self.bin = bin
        self.account = account
        self.amount = amount
        self.note = note
    }

    /// What makes a payload impossible: a value that does not fit its data object.
    public struct Problem: Error, Sendable, Hashable, CustomStringConvertible {
        public let description: String
    }

    /// The payload, byte for byte as the QR symbol carries it (ASCII).
    public func payload() throws(Problem) -> String {
        guard bin.count == 6, bin.allSatisfy(\.isASCIIDigit) else { throw Problem(description: "the BIN must be 6 digits, not '\(bin)'") }
        guard (1...19).contains(account.count), account.allSatisfy(\.isASCIIDigit) else {
            throw Problem(description: "the account must be 1 to 19 digits, not '\(account)'")
        }
        if let amount, amount <= 0 || String(amount).count > 13 { throw Problem(description: "the amount must be 1 to 13 digits of đồng, not \(amount)") }
        if let note, note.isEmpty || note.count > 25 || !note.unicodeScalars.allSatisfy({ (0x20...0x7E).contains($0.value) }) {
            throw Problem(description: "the transfer note must be 1 to 25 ASCII characters, not '\(note)'")
        }
        let beneficiary = Self.field("00", bin) + Self.field("01", account)
        var text = Self.field("00", "01")
        text += Self.field("01", amount == nil ? "11" : "12")
        text += Self.field("38", Self.field("00", Self.napasGUID) + Self.field("01", beneficiary) + Self.field("02", Self.transferToAccount))
        text += Self.field("53", "704")
        if let amount { text += Self.field("54", String(amount)) }
        text += Self.field("58", "VN")
        if let note { text += Self.field("62", Self.field("08", note)) }
        text += "6304"
        return text + Self.crcHex(text)
    }

    /// One data object: ID, 2-digit length, value (ASCII, so characters are bytes).
    static func field(_ id: String, _ value: String) -> String {
        let length = value.utf8.count
        return id + (length < 10 ? "0" : "") + String(length) + value
    }

    /// CRC-16/CCITT-FALSE: polynomial 0x1021, initial value 0xFFFF, no reflection, no final XOR.
    public static func crc16(_ bytes: some Sequence<UInt8>) -> UInt16 {
        var crc: UInt16 = 0xFFFF
        for byte in bytes {
            crc ^= UInt16(byte) << 8
            for _ in 0..<8 { crc = crc & 0x8000 != 0 ? (crc << 1) ^ 0x1021 : crc << 1 }
        }
        return crc
    }

    /// The CRC of `text` as 4 upper-case hex digits, as tag 63 carries it.
    public static func crcHex(_ text: String) -> String {
        let hex = String(crc16(text.utf8), radix: 16, uppercase: true)
        return String(repeating: "0", count: 4 - hex.count) + hex
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
