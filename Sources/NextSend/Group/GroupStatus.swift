/// Where a deal stands: open while it is worked, then won, lost or archived.
///
/// Only open groups are diagnosed for reps (`next`, the digest, `group list`); the history of a
/// closed one stays, so what was sent and what followed can still be learnt from.
public enum GroupStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case open, won, lost, archived

    public var isOpen: Bool { self == .open }
}
