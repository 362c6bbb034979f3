import Foundation
import NextSend

/// Where NextSend keeps the catalog, its taxonomy and the buying groups: one SQLite file
/// (``SQLiteStore``) on one machine, or a PostgreSQL database (the `NextSendPostgres` module) that
/// several service instances and digest workers share.
///
/// Everything above the store — the desk, the digest, the CLI and the service — talks to this
/// protocol and never knows which database answers. Both keep the same guarantees: every import
/// and record is one transaction, a dry run leaves the database exactly as it was, facts keep
/// their origin, and the data version changes with every write that changes data.
///
/// ```swift
/// let store: any Store = try SQLiteStore(path: "nextsend.sqlite")
/// let summary = try store.importCatalog(assets, taxonomy: taxonomy, taxonomySource: "taxonomy.yaml")
/// ```
public protocol Store: Sendable {
    /// Where the data lives, as messages name it: a file path, or a URL without its password.
    var location: String { get }

    // MARK: Catalog

    /// Stores the catalog and its taxonomy in one transaction (see ``Store/importCatalog(_:taxonomy:taxonomySource:paths:allowRetire:allowOrphans:dryRun:asOf:)``).
    /// `asOf`: the day of the import, recorded as a new asset's first day and a retired one's last.
    /// `allowOrphans`: retract stored facts that name a value the taxonomy dropped instead of refusing.
    func storeCatalog(_ assets: [Asset], taxonomy: Taxonomy, taxonomySource: String, paths: [String: String], allowRetire: Bool,
                      allowOrphans: Bool, dryRun: Bool, asOf: Day?) throws -> CatalogImportSummary
    /// Replaces one asset (after `catalog tag`).
    func saveAsset(_ asset: Asset, path: String?) throws
    /// Replaces several assets in one transaction (after `catalog tag` of several ids).
    func saveAssets(_ assets: [(asset: Asset, path: String?)]) throws
    /// Renames a taxonomy value in the stored taxonomy, assets, facts and CRM mappings, in one
    /// transaction (`taxonomy rename`; the content files are the caller's).
    func renameStored(_ rename: VocabularyRename, dryRun: Bool) throws -> StoredRename
    /// The taxonomy stored by the last catalog import.
    func taxonomy() throws -> Taxonomy
    /// Assets matching `filter`, in id order, or best match first for a full-text search.
    func assets(matching filter: AssetFilter) throws -> [Asset]
    /// One asset by id, or `nil`.
    func asset(id: String) throws -> Asset?
    /// For a search that found nothing: the same search with its first unknown word replaced by
    /// the closest word the catalog knows ("secruity" → "security"), or `nil`.
    func searchSuggestion(_ search: String) throws -> String?
    /// The file an asset was imported from, when known.
    func assetPath(id: String) throws -> String?
    /// Asset ids in the catalog, to check the touches of imported groups.
    func assetIDs() throws -> Set<String>
    /// The assets the matcher may pick on `asOf`: published and not past review, bodies and summaries left out.
    func matchableAssets(asOf: Day) throws -> [Asset]
    /// The live catalog and the outcome evidence of `asOf` in one read, as a `next` call needs them:
    /// from a kept copy when the store holds one made under the same versions, else read from the
    /// tables and kept for the next call where the store can. `nil` from a store that keeps none
    /// (PostgreSQL: its service keeps the index in memory instead).
    func keptCatalog(asOf: Day) throws -> KeptCatalog?
    /// Two counters in one read: `data` changes with every write to the catalog or the groups
    /// (what outcome evidence is keyed on), `catalog` only with catalog imports.
    func dataVersions() throws -> (data: Int, catalog: Int)

    // MARK: Groups

    /// Stores groups in one transaction, each merged with what its source brought before (see
    /// ``Store/importGroups(_:origins:replace:dryRun:closing:closedBy:)``).
    ///
    /// `source` runs inside the transaction and hands over the groups a batch at a time (with
    /// each one's origin), so a large file is merged while it is still being read; anything it
    /// throws rolls the whole import back.
    func mergeGroups(from source: (_ merge: ([BuyingGroup], [String: String]) throws -> Void) throws -> Void, replace: Bool, dryRun: Bool,
                     closing: [String: (status: GroupStatus, day: Day)], closedBy: String) throws -> GroupImportSummary
    /// One group with its whole history, or `nil`.
    func group(id: String) throws -> BuyingGroup?
    /// One group with its whole history; a missing one is a ``StoreError`` naming the closest id.
    func existingGroup(id: String) throws -> BuyingGroup
    /// A group's status and since when.
    func status(ofGroup id: String) throws -> (status: GroupStatus, date: Day?)
    /// Whole groups in id order, optionally only one rep's; open ones only unless `includeClosed`.
    func groups(owner: String?, includeClosed: Bool) throws -> [BuyingGroup]
    /// Group ids in id order, optionally only one rep's; open ones only unless `includeClosed`.
    func groupIDs(owner: String?, includeClosed: Bool) throws -> [String]
    /// The reps who own at least one open group, in order.
    func owners() throws -> [String]
    /// Checks that `owner` owns a group; a typo is a ``StoreError`` naming the closest owner.
    func requireOwner(_ owner: String) throws
    /// The group's people and sends with their origins, and what was retracted.
    func history(ofGroup id: String) throws -> GroupHistory
    /// What followed earlier sends, as of `asOf`: what the matcher learns from.
    func evidence(asOf: Day) throws -> OutcomeEvidence
    /// A version that moves only when what followed some send changed: evidence computed at one
    /// version is right for as long as it stands (for the same day).
    func followUpVersion() throws -> Int
    /// The CRM mapping the last CRM import used: its text and where it was read from.
    func crmMapping(for crm: String) throws -> (yaml: String, source: String)?
    /// Stores the mapping a CRM import uses (bookkeeping: the data version stays).
    func saveCRMMapping(_ yaml: String, source: String, for crm: String) throws

    // MARK: Records

    func recordClaim(_ claim: Claim, to groupID: String, by recorder: Recorder) throws -> RecordOutcome
    func recordEvent(_ event: JobEvent, to groupID: String, by recorder: Recorder) throws -> RecordOutcome
    func recordTouch(_ touch: Touch, to groupID: String, by recorder: Recorder) throws -> TouchRecording
    func markConsumed(asset: String, in groupID: String, recipients: [String], date: Day?,
                      by recorder: Recorder) throws -> [(recipient: String, date: Day)]
    func recordDismissal(_ dismissal: Dismissal, in groupID: String, by recorder: Recorder) throws -> RecordOutcome
    func addStakeholder(_ stakeholder: Stakeholder, to groupID: String, by recorder: Recorder) throws
    func recordNoteClaims(_ claims: [Claim], to groupID: String, origin: String, by recorder: Recorder?, dryRun: Bool) throws -> NoteRecordOutcome
    func recordNoteClaims(_ notes: [NoteClaims], by recorder: Recorder?, dryRun: Bool, requireGroups: Bool) throws -> [NoteRecordOutcome]
    func retract(_ fact: FactReference, in groupID: String, by recorder: Recorder, on day: Day) throws
    func setStatus(_ status: GroupStatus, ofGroup groupID: String, on day: Day, by recorder: Recorder) throws

    // MARK: Digest

    /// A consistent, read-only view of the store as it is now, for the weekly digest.
    func snapshot() throws -> any StoreSnapshot
    /// Records that an item's files are complete (after their rename).
    func recordDigestItem(_ item: String, week: String, outDir: String, version: Int, formats: String) throws
    /// Forgets what was written for this week and folder (`digest --force`).
    func clearDigestLedger(week: String, outDir: String) throws

    // MARK: Delivery

    /// The week's digest messages a mail server accepted: recipient → Message-ID.
    func deliveries(week: String) throws -> [String: String]
    /// Records that the server accepted `messageID` for `recipient` (bookkeeping: the data version stays).
    func recordDelivery(week: String, recipient: String, messageID: String) throws
    /// Forgets the week's deliveries to these recipients (`deliver --force`).
    func clearDeliveries(week: String, recipients: [String]) throws

    // MARK: Access

    /// Stores a named token (its hash).
    ///
    /// - Throws: ``StoreError`` (`duplicate`) when a token of that name exists.
    func addAccessToken(_ token: StoredAccessToken) throws
    /// Every stored token, by name.
    func accessTokens() throws -> [StoredAccessToken]
    /// The token whose SHA-256 is `hash`, if any.
    func accessToken(hash: String) throws -> StoredAccessToken?
    /// Removes the named token; `false` when there was none.
    func revokeAccessToken(name: String) throws -> Bool
    /// Notes that the token was used on `day` (a no-op when already noted that day or later).
    func markAccessTokenUsed(name: String, on day: Day) throws
    /// Stores a web session (and forgets the ones that ended).
    func saveWebSession(_ session: StoredWebSession) throws
    /// The web session whose cookie hashes to `idHash`, ended or not.
    func webSession(idHash: String) throws -> StoredWebSession?
    /// Sets the session's one-time message and returns the one it replaces.
    func setWebSessionFlash(idHash: String, flash: String?) throws -> String?
    /// Signs the session out.
    func deleteWebSession(idHash: String) throws
}

/// A consistent, read-only view of a store, frozen when it was taken.
///
/// The weekly digest reads the catalog and every group from one snapshot, so a catalog import or
/// a `sent` running at the same time never makes one rep's digest disagree with another's.
public protocol StoreSnapshot: Sendable {
    func taxonomy() throws -> Taxonomy
    /// Every asset, in id order (drafts and retired too: touches may name them), each with an empty
    /// body: what is matched and digested never reads one.
    func assetsWithoutBodies() throws -> [Asset]
    /// The days the store first imported and retired each asset, where it recorded them.
    func assetDays() throws -> [String: CatalogHistory.Days]
    /// What followed earlier sends, as of `asOf`.
    func evidence(asOf: Day) throws -> OutcomeEvidence
    /// The store's data version: it changes with every import or recorded fact.
    func version() throws -> Int
    /// Rep ids owning at least one open group, sorted.
    func owners() throws -> [String]
    /// One rep's open groups with their history, in id order.
    func groups(owner: String) throws -> [BuyingGroup]
    /// Every rep owning an open group, in ``owners()`` order, with what ``groups(owner:)`` gives
    /// for them, until `body` returns false.
    func eachOwner(_ body: (String, [BuyingGroup]) throws -> Bool) throws
    /// The ledger as this snapshot sees it: items written for this week and folder from the same
    /// data version and formats.
    func finishedDigestItems(week: String, outDir: String, version: Int, formats: String) throws -> Set<String>
}

extension StoreSnapshot {
    public func eachOwner(_ body: (String, [BuyingGroup]) throws -> Bool) throws { try eachOwnerRepByRep(body) }

    /// ``eachOwner(_:)`` with one ``groups(owner:)`` per rep.
    public func eachOwnerRepByRep(_ body: (String, [BuyingGroup]) throws -> Bool) throws {
        for owner in try owners() {
            guard try body(owner, try groups(owner: owner)) else { return }
        }
    }
}

/// The digest ledger's item names and timing, the same for every store.
public enum DigestLedger {
    /// The ledger item of the marketing digest (rep items are their ids).
    public static let marketingItem = "#marketing"

    /// How long the digest's ledger write keeps retrying while an import holds the write lock:
    /// 60 seconds, or `NEXTSEND_BUSY_TIMEOUT` seconds when set. A batch that has done its reading
    /// and writing should not be lost to an import that happens to be committing.
    public static var timeout: TimeInterval {
        ProcessInfo.processInfo.environment["NEXTSEND_BUSY_TIMEOUT"].flatMap(TimeInterval.init).map { max(0, $0) } ?? 60
    }
}

// MARK: - Defaults

extension Store {
    /// Stores the catalog and its taxonomy in one transaction: new assets added, changed ones
    /// updated, and — with `allowRetire` — assets missing from `assets` retired.
    @discardableResult
    public func importCatalog(_ assets: [Asset], taxonomy: Taxonomy, taxonomySource: String, paths: [String: String] = [:],
                              allowRetire: Bool = false, allowOrphans: Bool = false, dryRun: Bool = false, asOf: Day? = nil) throws -> CatalogImportSummary {
        try storeCatalog(assets, taxonomy: taxonomy, taxonomySource: taxonomySource, paths: paths, allowRetire: allowRetire,
                         allowOrphans: allowOrphans, dryRun: dryRun,
                         asOf: asOf)
    }

    /// Stores groups in one transaction, each as the facts of its source (`origins[group.id]`,
    /// `recorded` when absent) merged by key with what that source brought before; facts from
    /// other sources stay unless `replace`. Groups in `closing` that are open are closed.
    @discardableResult
    public func importGroups(_ groups: [BuyingGroup], origins: [String: String] = [:], replace: Bool = false, dryRun: Bool = false,
                             closing: [String: (status: GroupStatus, day: Day)] = [:], closedBy: String = "import") throws -> GroupImportSummary {
        try mergeGroups(from: { try $0(groups, origins) }, replace: replace, dryRun: dryRun, closing: closing, closedBy: closedBy)
    }

    public func assets() throws -> [Asset] { try assets(matching: AssetFilter()) }

    public func groups(owner: String? = nil) throws -> [BuyingGroup] { try groups(owner: owner, includeClosed: false) }
    public func groups(includeClosed: Bool) throws -> [BuyingGroup] { try groups(owner: nil, includeClosed: includeClosed) }
    public func groupIDs(owner: String? = nil) throws -> [String] { try groupIDs(owner: owner, includeClosed: false) }
    public func groupIDs(includeClosed: Bool) throws -> [String] { try groupIDs(owner: nil, includeClosed: includeClosed) }

    /// A number that changes whenever the catalog or the taxonomy is imported: what a cached
    /// catalog index is keyed on.
    public func catalogVersion() throws -> Int { try dataVersions().catalog }

    /// A store that keeps no catalog between calls reads the tables every time.
    public func keptCatalog(asOf: Day) throws -> KeptCatalog? { nil }

    /// An ``Advisor`` over this store's taxonomy and live catalog as of `asOf`.
    ///
    /// The taxonomy is read now (every question needs it); the catalog is read and indexed only
    /// when a question needs it, so diagnosing a group or recording a send stays cheap.
    public func advisor(asOf: Day, policy: ScoringPolicy = .standard) throws -> Advisor {
        let taxonomy = try taxonomy()
        // One read serves both when the store keeps the catalog; either is still read only when a
        // question needs it, so diagnosing a group or recording a send stays cheap.
        let kept = Lazy { [self] in try keptCatalog(asOf: asOf) }
        return Advisor(taxonomy: taxonomy, policy: policy, loadingEvidence: { [self] in try kept.value()?.evidence ?? evidence(asOf: asOf) }) { [self] in
            try kept.value()?.index ?? CatalogIndex(assets: try matchableAssets(asOf: asOf))
        }
    }
}
