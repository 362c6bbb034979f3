import Foundation

/// For one group: whether a live asset made for the group's industry serves a need, memoized per
/// need so that other industries' editions are checked against it once.
final class OwnIndustryContent: @unchecked Sendable {
    private let index: CatalogIndex?
    private let industry: String?
    /// Guards `known`: a catalog passed in two halves at once may ask from both.
    private let lock = NSLock()
    private var known: [Int: Bool] = [:]

    init(index: CatalogIndex?, industry: String?) {
        self.index = index
        self.industry = industry
    }

    func serves(_ need: Int, context: MatchContext) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if let answer = known[need] { return answer }
        guard let index, let industry else { return false }
        let found = (index.byIndustry[industry] ?? []).contains { position in
            index[position].isLive(asOf: context.diagnosis.asOf)
                && !context.dismissed.contains(index[position].id)
                && context.contribution(of: index[position], to: context.diagnosis.needs[need], at: need)
                    .map { $0.serves && $0.value > 0 } == true
        }
        known[need] = found
        return found
    }
}
