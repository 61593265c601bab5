import Foundation

extension String {
    /// Unicode NFC. Text pasted from macOS or Word is often decomposed (NFD): "ệ" as e + ̣ + ̂.
    public var nfc: String { precomposedStringWithCanonicalMapping }
}
