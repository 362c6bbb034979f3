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
        let weight: (String) -> Double = { id in group.stakeholder(id).map { taxonomy.weight(ofInfluence: $0.influence) } ?? 0 }
        let isNumber = taxonomy.topic(conflict.topic)?.isNumber ?? conflict.positions.isEmpty
        let sides: [[Conflict.Side]] = isNumber ? ConflictCamps.group(conflict, taxonomy: taxonomy) : conflict.sides.map { [$0] }
        let weights = sides.map { $0.flatMap(\.stakeholders).reduce(0) { $0 + weight($1) } }
        let total = weights.reduce(0, +)
        func coverage(_ covered: [Int]) -> SideCoverage {
            let share = total > 0 ? covered.reduce(0) { $0 + weights[$1] } / total : Double(covered.count) / Double(max(1, sides.count))
            return SideCoverage(sides: sides, covered: covered, share: share)
        }
        if isNumber {
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
        return options.max { $0.share != $1.share ? $0.share < $1.share : $0.covered.count < $1.covered.count }!
    }
}
