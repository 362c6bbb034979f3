/// The hashing both of the matcher's open-addressing tables use (``ScoreSheet``'s profiles and
/// ``ProfileShortcut``'s keys): a multiply and a shift per word, cheap enough for a pass over the
/// catalog, and a finalizer so that the low bits the slots are chosen by depend on every bit.
enum HashMix {
    @inline(__always)
    static func mix(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        let mixed = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
        return mixed ^ (mixed >> 29)
    }

    /// Spreads the high bits into the low ones (MurmurHash3's finalizer).
    @inline(__always)
    static func finalize(_ hash: UInt64) -> UInt64 {
        let spread = (hash ^ (hash >> 33)) &* 0xFF51_AFD7_ED55_8CCD
        return spread ^ (spread >> 33)
    }
}
