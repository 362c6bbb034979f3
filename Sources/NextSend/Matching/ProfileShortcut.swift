/// Which profile an asset lands in, remembered by its tags as one group reads them.
///
/// For most assets, what a group makes of them depends on nothing but a few bits: the group's
/// topics among those the asset covers and resolves, the group's roles among the asset's, its
/// jobs and primary job, its flags, and whether it is the group's industry or due for review.
/// Two such assets have the same parts and factor, so they land in the same profile, and the
/// column pass can put the second one there without working its parts out again. On the generated
/// catalogs a group reads from about a hundred to a few thousand such combinations among 10,000
/// assets, and up to some tens of thousands among 100,000.
///
/// An asset whose parts depend on more than those bits is never answered from here (the caller
/// asks ``ColumnScorer`` for it the long way): one with outcome evidence for some need of the
/// group (``exclude(_:)``), a resolver whose positions decide its fit, one held back for someone
/// waiting. The answer is the profile ``ScoreSheet/addCandidate(position:factor:otherIndustry:lead:)``
/// gave the first asset with the key, so the sheet is the same as without the shortcut, candidate
/// for candidate (``ColumnScorerTests``).
struct ProfileShortcut {
    /// An asset's tags as the group reads them.
    struct Key: Equatable {
        var topics: UInt64
        var resolved: UInt64
        var roles: UInt64
        /// Jobs, primary job, flags, the group's industry and due for review, packed.
        var rest: UInt64

        init(topics: UInt64, resolved: UInt64, roles: UInt64, jobs: UInt8, primaryJob: UInt8, flags: MatchTable.Flags,
             ownIndustry: Bool, dueForReview: Bool) {
            self.topics = topics
            self.resolved = resolved
            self.roles = roles
            rest = UInt64(jobs) | UInt64(primaryJob) << 8 | UInt64(flags.rawValue) << 16
                | (ownIndustry ? 1 << 24 : 0) | (dueForReview ? 1 << 25 : 0)
        }

        var hash: UInt64 {
            HashMix.finalize(HashMix.mix(HashMix.mix(HashMix.mix(HashMix.mix(0x1319_8A2E_0370_7344, topics), resolved), roles), rest))
        }
    }

    /// What the shortcut knows of a key.
    enum Answer: Equatable {
        /// Assets with this key go into this profile.
        case profile(Int)
        /// Assets with this key serve none of the group's needs.
        case servesNothing
        /// Not seen yet: work the asset out, then ``remember(_:at:profile:)`` with this slot.
        case unseen(slot: Int)
    }

    /// A key and its profile (-1 when it serves nothing), kept together so that a hit reads one place.
    private struct Entry {
        var key: Key
        var profile: Int32
    }

    private var entries: [Entry] = []
    /// Open addressing over the entries by hash: entry + 1, 0 when free.
    private var slots: [Int32] = []
    /// Positions never answered from here, one bit each.
    private var excluded: [UInt64] = []

    /// Forgets every key and exclusion, for a catalog of `positions` assets.
    mutating func reset(positions: Int) {
        entries.removeAll(keepingCapacity: true)
        answered = 0
        if slots.isEmpty {
            slots = [Int32](repeating: 0, count: 1024)
        } else {
            slots.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        }
        let words = (positions + 63) / 64
        if excluded.count != words {
            excluded = [UInt64](repeating: 0, count: words)
        } else {
            excluded.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        }
    }

    /// Keeps the asset at `position` out of the shortcut.
    mutating func exclude(_ position: Int) {
        excluded[position >> 6] |= 1 << UInt64(position & 63)
    }

    func isExcluded(_ position: Int) -> Bool {
        excluded[position >> 6] & (1 << UInt64(position & 63)) != 0
    }

    /// How many keys it holds, and how many assets it has answered since the last reset.
    var count: Int { entries.count }
    private(set) var answered = 0

    mutating func answer(for key: Key) -> Answer {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: key.hash) & mask
        while slots[slot] != 0 {
            let entry = entries[Int(slots[slot] - 1)]
            if entry.key == key {
                answered += 1
                return entry.profile < 0 ? .servesNothing : .profile(Int(entry.profile))
            }
            slot = (slot + 1) & mask
        }
        return .unseen(slot: slot)
    }

    /// Remembers where an asset with `key` went (a profile, or `nil` when it served nothing), in the
    /// free slot ``answer(for:)`` gave: nothing is added in between.
    mutating func remember(_ key: Key, at slot: Int, profile: Int?) {
        slots[slot] = Int32(entries.count + 1)
        entries.append(Entry(key: key, profile: Int32(profile ?? -1)))
        if entries.count * 2 > slots.count { grow() }
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (number, entry) in entries.enumerated() {
            var slot = Int(truncatingIfNeeded: entry.key.hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(number + 1)
        }
    }
}
