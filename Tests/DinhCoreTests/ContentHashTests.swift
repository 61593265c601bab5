import Testing
import DinhCore

@Suite struct ContentHashTests {
    @Test func matchesPublishedXXH64Vectors() {
        #expect(ContentHash.xxh64(Array("".utf8)) == 0xEF46_DB37_51D8_E999)
        #expect(ContentHash.xxh64(Array("a".utf8)) == 0xD24E_C4F1_A98C_6E5B)
        #expect(ContentHash.xxh64(Array("abc".utf8)) == 0x44BC_2CF5_AD77_0999)
        // 39 bytes: one 32-byte stripe, then a 4-byte word and three single bytes.
        #expect(ContentHash.xxh64(Array("Nobody inspects the spammish repetition".utf8)) == 0xFBCE_A83C_8A37_8BF1)
    }

    @Test func hexIsZeroPadded() {
        #expect(ContentHash.hex(0xAB) == "00000000000000ab")
        #expect(ContentHash.hex(0x1234_5678_9ABC_DEF0, digits: 8) == "12345678")
    }
}
