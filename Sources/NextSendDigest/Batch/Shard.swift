import NextSend
/// One of N workers' share of the reps: `--shard K/N`, by a stable hash of the rep id.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    /// 1-based.
    public let index: Int
    public let count: Int

    /// Parses `K/N` with 1 ≤ K ≤ N.
    public init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, (1...count).contains(index) else {
            return nil
        }
        self.index = index
        self.count = count
    }

    public func contains(rep: String) -> Bool {
        Int(StableHash.value(rep) % UInt64(count)) == index - 1
    }

    public var description: String { "\(index)/\(count)" }
}
