/// Which sides of a conflict a resolver covers, and how much of the split that is.
///
/// A choice conflict's sides are its positions; a resolver covers a position its `resolves` lists
/// (every position when it lists none). A number conflict's sides are its camps (``ConflictCamps``);
/// a resolver covers a camp when it is made for the role of someone in it, or is shareable. The
/// share is the influence of the people on the covered sides over everyone's in the split, so a
/// briefing that speaks to two of three camps earns two thirds of what a workshop for all three
/// earns (with equal influence), and says so.
public struct SideCoverage: Sendable, Hashable {
    /// The sides, each with its people (a camp of a number conflict may hold several figures).
    public var sides: [[Conflict.Side]]
    /// Indices into ``sides`` of the ones covered, in order.
    public var covered: [Int]
    /// Influence of the people on covered sides over the influence of everyone in the conflict.
    public var share: Double

    public var isComplete: Bool { covered.count == sides.count }
    /// The sides left out.
    public var left: [[Conflict.Side]] { sides.indices.filter { !covered.contains($0) }.map { sides[$0] } }

    /// The coverage of the asset's best resolution of the conflict's topic, or `nil` when the asset
    /// does not resolve that topic.
    public static func of(_ asset: Asset, _ conflict: Conflict, group: BuyingGroup, taxonomy: Taxonomy) -> SideCoverage? {
        let resolutions = asset.resolves.filter { $0.topic == conflict.topic }
        guard !resolutions.isEmpty else { return nil }
        let split = Split(conflict, group: group, taxonomy: taxonomy)
        let sides = split.sides
        func coverage(_ covered: [Int]) -> SideCoverage {
            SideCoverage(sides: sides, covered: covered, share: split.share(covered))
        }
        if split.isNumber {
            // A figure is settled with the people who hold it: the asset must be made for them.
            let roles = Dictionary(group.stakeholders.map { ($0.id, $0.role) }, uniquingKeysWith: { first, _ in first })
            let reaches: (String) -> Bool = { asset.shareable || asset.roles.isEmpty || roles[$0].map(asset.roles.contains) == true }
            return coverage(sides.indices.filter { sides[$0].flatMap(\.stakeholders).contains(where: reaches) })
        }
        let options = resolutions.map { resolution -> SideCoverage in
            coverage(sides.indices.filter { index in
                guard case let .position(position) = sides[index][0].value else { return false }
                return resolution.positions.isEmpty || resolution.positions.contains(position)
            })
        }
        return options.max { better($1, than: $0) }!
    }

    /// Whether one coverage beats another: a larger share, then more sides (the first of equals stays).
    static func better(_ one: SideCoverage, than other: SideCoverage) -> Bool {
        one.share != other.share ? one.share > other.share : one.covered.count > other.covered.count
    }

    /// A conflict's sides as a resolver is judged against them, with each side's weight: the
    /// influence of its people. The matcher's column scorer reads the same values.
    struct Split {
        /// A number topic's sides are its camps; a choice topic's are its positions.
        var isNumber: Bool
        var sides: [[Conflict.Side]]
        var weights: [Double]
        var total: Double

        init(_ conflict: Conflict, group: BuyingGroup, taxonomy: Taxonomy) {
            let weight: (String) -> Double = { id in group.stakeholder(id).map { taxonomy.weight(ofInfluence: $0.influence) } ?? 0 }
            isNumber = taxonomy.topic(conflict.topic)?.isNumber ?? conflict.positions.isEmpty
            sides = isNumber ? ConflictCamps.group(conflict, taxonomy: taxonomy) : conflict.sides.map { [$0] }
            weights = sides.map { $0.flatMap(\.stakeholders).reduce(0) { $0 + weight($1) } }
            total = weights.reduce(0, +)
        }

        /// The influence share of the `covered` sides (indices in order), or their count's share
        /// when nobody has influence.
        func share(_ covered: some Sequence<Int>) -> Double {
            var sum = 0.0, count = 0
            for side in covered {
                sum += weights[side]
                count += 1
            }
            return total > 0 ? sum / total : Double(count) / Double(max(1, sides.count))
        }
    }
}
