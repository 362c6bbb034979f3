/// One group's candidates while the matcher picks: each asset that serves a need, sorted into
/// profiles. A profile is one set of contributions (need, value, whether it reaches an unreached
/// person, whether it really serves the need) with one factor: every candidate in it scores the
/// same under any weights, bit for bit, so the greedy rounds score a profile once instead of each
/// of its candidates. On the generated catalogs a group sees 4 to 1,500 times fewer profiles than
/// candidates (16 to 19,600 among 24,000 to 78,000 at 100,000 assets), because a group reads an
/// asset's tags only through its own few needs.
///
/// Kept flat and reused from call to call (``ScratchPool``, in a ``ScratchBox``): a catalog of
/// 100,000 assets does not allocate 100,000 arrays per `next`. A value type, so that the loops
/// over it run without the runtime's exclusivity checks on class properties.
struct ScoreSheet {
    private static let isReach: UInt8 = 1, serves: UInt8 = 2, dropped: UInt8 = 4

    // MARK: Candidates, in catalog position order

    /// A candidate: its catalog position, its profile, and the next candidate of the same profile
    /// (-1 for none), kept together so that adding one is one append.
    private struct Candidate {
        var position: Int32
        var profile: Int32
        var next: Int32
    }

    private var candidates: [Candidate] = []

    /// The catalog position of a candidate, and its profile.
    func position(of candidate: Int) -> Int { Int(candidates[candidate].position) }
    func profile(of candidate: Int) -> Int { Int(candidates[candidate].profile) }

    // MARK: Profiles, in the order of their first candidate

    /// The profile's first candidate not yet picked, or -1 once all are.
    private(set) var heads: [Int32] = []
    /// What a profile's candidates share, and where its parts end, kept together so that opening
    /// a profile is one append and checking one is one read.
    private struct Facts {
        var hash: UInt64
        var factor: Double
        var partEnd: Int
        var tail: Int32
        var otherIndustry: Bool
        /// What else the candidates must share (whether they may lead: see ``ScoreSheet/addCandidate(position:factor:otherIndustry:lead:)``).
        var lead: Bool
    }

    private var facts: [Facts] = []
    /// The score under the weights of the pick count in ``seen`` (so an upper bound of today's);
    /// 0 once every candidate of the profile is picked, or when it serves nothing.
    var scores: [Double] = []
    /// How many picks had been taken when each score was worked out.
    var seen: [Int] = []
    /// The needs each profile has a part in, as bits (every bit when there are more than 64 needs).
    private(set) var needMasks: [UInt64] = []

    /// One contribution: kept as one value so that adding one is one append.
    struct Part: Equatable {
        var value: Double
        var need: Int32
        var flags: UInt8

        init(need: Int, value: Double, isReach: Bool, serves: Bool) {
            self.value = value
            self.need = Int32(need)
            flags = (isReach ? ScoreSheet.isReach : 0) | (serves ? ScoreSheet.serves : 0)
        }

        /// Equal to the bit: profiles must score alike under any weights.
        static func == (left: Part, right: Part) -> Bool {
            left.value.bitPattern == right.value.bitPattern && left.need == right.need && left.flags == right.flags
        }
    }

    /// The profiles' parts, then those of the candidate being added: only the first
    /// ``partCount`` are in use (a candidate that joins a profile gives its parts back by moving
    /// the count, not by removing them).
    private var partList: [Part] = []
    private(set) var partCount = 0
    /// The hash of the parts added since the last profile, mixed as each is added.
    private var pendingHash: UInt64 = ScoreSheet.seed
    private static let seed: UInt64 = 0x243F_6A88_85A3_08D3
    /// Open addressing over the profiles by hash: profile + 1, 0 when free.
    private var slots: [Int32] = []
    private var needs = 0

    /// Which profile each combination of tags, as the group reads them, puts an asset in
    /// (kept here so that its tables are reused from call to call too).
    var shortcut = ProfileShortcut()

    var count: Int { candidates.count }
    var profileCount: Int { heads.count }

    mutating func reset(needs: Int) {
        self.needs = needs
        candidates.removeAll(keepingCapacity: true)
        heads.removeAll(keepingCapacity: true)
        facts.removeAll(keepingCapacity: true)
        seen.removeAll(keepingCapacity: true)
        scores.removeAll(keepingCapacity: true)
        needMasks.removeAll(keepingCapacity: true)
        partCount = 0
        pendingHash = Self.seed
        if slots.isEmpty {
            slots = [Int32](repeating: 0, count: 1024)
        } else {
            slots.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        }
    }

    mutating func addPart(need: Int, value: Double, isReach: Bool, serves: Bool) {
        let part = Part(need: need, value: value, isReach: isReach, serves: serves)
        if partCount < partList.count { partList[partCount] = part } else { partList.append(part) }
        partCount += 1
        pendingHash = HashMix.mix(HashMix.mix(pendingHash, part.value.bitPattern), UInt64(UInt32(bitPattern: part.need)) << 8 | UInt64(part.flags))
    }

    func partServes(_ part: Int) -> Bool { partList[part].flags & Self.serves != 0 }

    func partNeed(_ part: Int) -> Int { Int(partList[part].need) }

    /// Takes back the parts of an asset that turned out to serve nothing.
    mutating func dropPendingParts() {
        partCount = facts.last?.partEnd ?? 0
        pendingHash = Self.seed
    }

    /// Closes the parts added since the last profile as the candidate's: it joins the profile with
    /// the same parts, factor, industry and `lead`, or opens one. `lead` is whatever else decides
    /// whether a candidate may be pick 1 (it resolves the leading conflict).
    mutating func addCandidate(position: Int, factor: Double, otherIndustry other: Bool, lead: Bool) {
        let start = facts.last?.partEnd ?? 0, end = partCount
        let hash = HashMix.finalize(HashMix.mix(HashMix.mix(pendingHash, factor.bitPattern), (other ? 1 : 0) | (lead ? 2 : 0)))
        pendingHash = Self.seed
        let candidate = Int32(candidates.count)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let profile = Int(slots[slot] - 1)
            let known = facts[profile]
            if known.hash == hash, known.factor.bitPattern == factor.bitPattern, known.otherIndustry == other, known.lead == lead,
               Self.same(partList, parts(profile), partList, start..<end) {
                partCount = start
                candidates.append(Candidate(position: Int32(position), profile: Int32(profile), next: -1))
                candidates[Int(known.tail)].next = candidate
                facts[profile].tail = candidate
                return
            }
            slot = (slot + 1) & mask
        }
        let profile = heads.count
        slots[slot] = Int32(profile + 1)
        candidates.append(Candidate(position: Int32(position), profile: Int32(profile), next: -1))
        heads.append(candidate)
        facts.append(Facts(hash: hash, factor: factor, partEnd: end, tail: candidate, otherIndustry: other, lead: lead))
        if heads.count * 2 > slots.count { grow() }
    }

    /// Adds a candidate to a profile already open, without parts: the caller knows its parts,
    /// factor, industry and `lead` are that profile's (``ProfileShortcut``).
    mutating func addCandidate(position: Int, toProfile profile: Int) {
        let candidate = Int32(candidates.count)
        candidates.append(Candidate(position: Int32(position), profile: Int32(profile), next: -1))
        candidates[Int(facts[profile].tail)].next = candidate
        facts[profile].tail = candidate
    }

    /// Appends what a sheet filled from later catalog positions holds, as one pass over both
    /// would have left it: a profile of `later` with the same parts, factor, industry and `lead`
    /// as one here gets its candidates, the others open after this sheet's in the order of their
    /// first candidate, and candidates keep position order. Both sheets are before ``finish(ownServes:diminishing:)``.
    mutating func append(_ later: ScoreSheet) {
        precondition(scores.isEmpty && later.scores.isEmpty, "sheets are joined before they are scored")
        partCount = facts.last?.partEnd ?? 0
        let ownCount = heads.count
        var profileOf = [Int32](repeating: -1, count: later.heads.count)
        for profile in later.heads.indices {
            let known = later.facts[profile], theirs = later.parts(profile)
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: known.hash) & mask
            var found = -1
            while slots[slot] != 0 {
                let candidate = Int(slots[slot] - 1)
                let open = facts[candidate]
                // Only this sheet's own profiles: two of `later` are never the same.
                if candidate < ownCount, open.hash == known.hash, open.factor.bitPattern == known.factor.bitPattern,
                   open.otherIndustry == known.otherIndustry, open.lead == known.lead,
                   Self.same(partList, parts(candidate), later.partList, theirs) {
                    found = candidate
                    break
                }
                slot = (slot + 1) & mask
            }
            if found >= 0 {
                profileOf[profile] = Int32(found)
                continue
            }
            for part in theirs {
                if partCount < partList.count { partList[partCount] = later.partList[part] } else { partList.append(later.partList[part]) }
                partCount += 1
            }
            profileOf[profile] = Int32(heads.count)
            slots[slot] = Int32(heads.count + 1)
            heads.append(-1)
            facts.append(Facts(hash: known.hash, factor: known.factor, partEnd: partCount, tail: -1, otherIndustry: known.otherIndustry,
                               lead: known.lead))
            if heads.count * 2 > slots.count { grow() }
        }
        for candidate in later.candidates {
            let profile = Int(profileOf[Int(candidate.profile)]), number = Int32(candidates.count)
            candidates.append(Candidate(position: candidate.position, profile: Int32(profile), next: -1))
            if heads[profile] < 0 { heads[profile] = number } else { candidates[Int(facts[profile].tail)].next = number }
            facts[profile].tail = number
        }
    }

    /// Whether two runs of parts are equal, each in its list (one sheet's list twice, or two
    /// sheets'); static, so that comparing does not copy a sheet.
    private static func same(_ list: [Part], _ own: Range<Int>, _ other: [Part], _ parts: Range<Int>) -> Bool {
        guard own.count == parts.count else { return false }
        return list.withUnsafeBufferPointer { list in
            other.withUnsafeBufferPointer { other in
                for offset in 0..<own.count where list[own.lowerBound + offset] != other[parts.lowerBound + offset] { return false }
                return true
            }
        }
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for profile in facts.indices {
            var slot = Int(truncatingIfNeeded: facts[profile].hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(profile + 1)
        }
    }

    func parts(_ profile: Int) -> Range<Int> { (profile == 0 ? 0 : facts[profile - 1].partEnd)..<facts[profile].partEnd }

    /// Whether a profile's candidates may lead (as given to ``addCandidate(position:factor:otherIndustry:lead:)``).
    func leads(_ profile: Int) -> Bool { facts[profile].lead }

    /// Marks the profile's first candidate not yet picked as picked.
    mutating func pickHead(of profile: Int) {
        heads[profile] = candidates[Int(heads[profile])].next
        if heads[profile] < 0 { scores[profile] = 0 }
    }

    /// Drops, from other industries' editions, the needs content made for the group's industry
    /// serves; a profile left serving nothing is out. Then scores every profile under weights of 1.
    mutating func finish(ownServes: [Bool], diminishing: Double) {
        let ones = [Double](repeating: 1, count: needs)
        for profile in heads.indices {
            var mask: UInt64 = 0, serving = false
            for part in parts(profile) {
                if facts[profile].otherIndustry, ownServes[Int(partList[part].need)] {
                    partList[part].flags |= Self.dropped
                    continue
                }
                mask |= needs > 64 ? ~0 : 1 << UInt64(partList[part].need)
                serving = serving || partList[part].flags & Self.serves != 0
            }
            needMasks.append(mask)
            seen.append(0)
            scores.append(serving ? score(profile, weights: ones, diminishing: diminishing) : 0)
        }
    }

    /// Whether the profile really serves `need` (a part it keeps).
    func serves(_ profile: Int, need: Int) -> Bool {
        parts(profile).contains { partList[$0].need == need && partList[$0].flags & (Self.serves | Self.dropped) == Self.serves }
    }

    /// Σ weight × value over the needs served, unreached people with diminishing returns (largest
    /// first), times the factor: exactly the sum ``MatchContext/Evaluation/score(weights:)`` makes.
    func score(_ profile: Int, weights: [Double], diminishing: Double) -> Double {
        let range = parts(profile)
        return partList.withUnsafeBufferPointer { list in
            weights.withUnsafeBufferPointer { weights in
                // Most profiles reach one unreached person at most: their sum needs no sorting.
                var total = 0.0, firstReach = 0.0, reached = 0
                for part in range where list[part].flags & Self.dropped == 0 {
                    let value = weights[Int(list[part].need)] * list[part].value
                    if list[part].flags & Self.isReach != 0 {
                        if reached == 0 { firstReach = value }
                        reached += 1
                    } else {
                        total += value
                    }
                }
                if reached == 1 { return facts[profile].factor * (total + firstReach * 1.0) }
                if reached == 0 { return facts[profile].factor * total }
                return facts[profile].factor * Self.addingReach(range, list, weights, to: total, count: reached, diminishing: diminishing)
            }
        }
    }

    /// `total` plus the reach values of the parts in `range`, largest first, each `diminishing`
    /// times the one before: the exact path's order of adding.
    private static func addingReach(_ range: Range<Int>, _ list: UnsafeBufferPointer<Part>, _ weights: UnsafeBufferPointer<Double>,
                                    to total: Double, count: Int, diminishing: Double) -> Double {
        withUnsafeTemporaryAllocation(of: Double.self, capacity: count) { reach in
            var reached = 0
            for part in range where list[part].flags & (Self.dropped | Self.isReach) == Self.isReach {
                reach[reached] = weights[Int(list[part].need)] * list[part].value
                reached += 1
            }
            // A handful at most, so an insertion sort in place.
            for index in 1..<reached {
                let value = reach[index]
                var slot = index
                while slot > 0, reach[slot - 1] < value {
                    reach[slot] = reach[slot - 1]
                    slot -= 1
                }
                reach[slot] = value
            }
            var total = total, share = 1.0
            for index in 0..<reached {
                total += reach[index] * share
                share *= diminishing
            }
            return total
        }
    }
}
