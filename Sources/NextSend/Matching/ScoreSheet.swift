/// One group's candidates while the matcher picks: each asset that serves a need, with its
/// contributions (need, value, whether it reaches an unreached person, whether it really serves
/// the need), its factor and its score under the current weights.
///
/// Kept flat and reused from call to call (``ScratchPool``, in a ``ScratchBox``): a pick re-scores
/// from these numbers alone, and a catalog of 100,000 assets does not allocate 100,000 arrays per
/// `next`. A value type, so that the loops over it run without the runtime's exclusivity checks
/// on class properties (a fifth of a call's instructions when it was a class).
struct ScoreSheet {
    private static let isReach: UInt8 = 1, serves: UInt8 = 2, dropped: UInt8 = 4

    private(set) var positions: [Int] = []
    private(set) var factors: [Double] = []
    /// The score under the weights of the pick count in ``seen`` (so an upper bound of today's);
    /// 0 once picked or out.
    var scores: [Double] = []
    /// How many picks had been taken when each score was worked out.
    var seen: [Int] = []
    /// The needs each candidate has a part in, as bits (every bit when there are more than 64 needs).
    private(set) var needMasks: [UInt64] = []
    private var partEnds: [Int] = []
    private var otherIndustry: [Bool] = []
    /// One contribution: kept as one value so that adding one is one append.
    struct Part {
        var value: Double
        var need: Int32
        var flags: UInt8
    }

    private var partList: [Part] = []
    private var reach: [Double] = []
    private var needs = 0

    var count: Int { positions.count }
    var partCount: Int { partList.count }

    mutating func reset(needs: Int) {
        self.needs = needs
        seen.removeAll(keepingCapacity: true)
        positions.removeAll(keepingCapacity: true)
        factors.removeAll(keepingCapacity: true)
        scores.removeAll(keepingCapacity: true)
        needMasks.removeAll(keepingCapacity: true)
        partEnds.removeAll(keepingCapacity: true)
        otherIndustry.removeAll(keepingCapacity: true)
        partList.removeAll(keepingCapacity: true)
        if reach.count < needs { reach = [Double](repeating: 0, count: needs) }
    }

    mutating func addPart(need: Int, value: Double, isReach: Bool, serves: Bool) {
        partList.append(Part(value: value, need: Int32(need), flags: (isReach ? Self.isReach : 0) | (serves ? Self.serves : 0)))
    }

    func partServes(_ part: Int) -> Bool { partList[part].flags & Self.serves != 0 }

    func partNeed(_ part: Int) -> Int { Int(partList[part].need) }

    /// Takes back the parts of an asset that turned out to serve nothing.
    mutating func truncateParts(to count: Int) {
        guard partList.count > count else { return }
        partList.removeSubrange(count...)
    }

    /// Closes the parts added since the last candidate as this one's.
    mutating func addCandidate(position: Int, factor: Double, otherIndustry other: Bool) {
        positions.append(position)
        factors.append(factor)
        partEnds.append(partList.count)
        otherIndustry.append(other)
    }

    func parts(_ candidate: Int) -> Range<Int> { (candidate == 0 ? 0 : partEnds[candidate - 1])..<partEnds[candidate] }

    /// Drops, from other industries' editions, the needs content made for the group's industry
    /// serves; a candidate left serving nothing is out. Then scores everyone under weights of 1.
    mutating func finish(ownServes: [Bool], diminishing: Double) {
        let ones = [Double](repeating: 1, count: needs)
        for candidate in positions.indices {
            var mask: UInt64 = 0, serving = false
            for part in parts(candidate) {
                if otherIndustry[candidate], ownServes[Int(partList[part].need)] {
                    partList[part].flags |= Self.dropped
                    continue
                }
                mask |= needs > 64 ? ~0 : 1 << UInt64(partList[part].need)
                serving = serving || partList[part].flags & Self.serves != 0
            }
            needMasks.append(mask)
            seen.append(0)
            scores.append(serving ? score(candidate, weights: ones, diminishing: diminishing) : 0)
        }
    }

    /// Whether the candidate really serves `need` (a part it keeps).
    func serves(_ candidate: Int, need: Int) -> Bool {
        parts(candidate).contains { partList[$0].need == need && partList[$0].flags & (Self.serves | Self.dropped) == Self.serves }
    }

    /// Σ weight × value over the needs served, unreached people with diminishing returns (largest
    /// first), times the factor: exactly the sum ``MatchContext/Evaluation/score(weights:)`` makes.
    mutating func score(_ candidate: Int, weights: [Double], diminishing: Double) -> Double {
        var total = 0.0
        var reached = 0
        for part in parts(candidate) where partList[part].flags & Self.dropped == 0 {
            let value = weights[Int(partList[part].need)] * partList[part].value
            if partList[part].flags & Self.isReach != 0 {
                reach[reached] = value
                reached += 1
            } else {
                total += value
            }
        }
        // Largest first; a handful at most, so an insertion sort in place.
        if reached > 1 {
            for index in 1..<reached {
                let value = reach[index]
                var slot = index
                while slot > 0, reach[slot - 1] < value {
                    reach[slot] = reach[slot - 1]
                    slot -= 1
                }
                reach[slot] = value
            }
        }
        var share = 1.0
        for index in 0..<reached {
            total += reach[index] * share
            share *= diminishing
        }
        return factors[candidate] * total
    }
}
