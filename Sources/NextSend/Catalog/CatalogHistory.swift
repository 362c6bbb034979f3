/// The catalog as it stood on a past day, for a digest of an earlier week.
///
/// An asset was in the catalog from the later of its `published` day and the day it was first
/// imported (an asset imported today with an old `published` day was not in last month's
/// catalog), and stayed until the day it was retired. Days the store did not record (assets
/// imported or retired before it kept them) count as always: the catalog then reads as it does
/// today, as before.
public enum CatalogHistory {
    /// When the store first saw an asset and when it retired it.
    public struct Days: Sendable, Hashable {
        public var firstImported: Day?
        public var retiredOn: Day?

        public init(firstImported: Day?, retiredOn: Day?) {
            self.firstImported = firstImported
            self.retiredOn = retiredOn
        }
    }

    /// `assets` as they stood at the end of `day`: those not yet there left out, those retired
    /// since shown as the published assets they then were. Order is kept.
    public static func asItStood(_ assets: [Asset], days: [String: Days], on day: Day) -> [Asset] {
        assets.compactMap { asset in
            let recorded = days[asset.id]
            let from = [asset.published, recorded?.firstImported].compactMap { $0 }.max()
            if let from, from > day { return nil }
            var asset = asset
            if asset.status == .retired, let retired = recorded?.retiredOn, retired > day { asset.status = .published }
            return asset
        }
    }
}
