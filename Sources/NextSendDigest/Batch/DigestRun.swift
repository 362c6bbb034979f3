import Foundation
import Logging
import NextSend
import NextSendStore

/// The weekly batch: a digest for every rep and one for marketing, written file by file.
///
/// - One snapshot: everything is read from one snapshot of the store, so digests agree with each
///   other even while imports and `sent` commands run.
/// - Resumable: each rep's files are recorded in a ledger once renamed into place; a killed run
///   started again skips them (unless the data changed, `--force`, or another output folder).
/// - Deterministic: the same week on the same data writes the same bytes.
/// - Parallel: groups are read in order on one connection, built and rendered on all cores, with
///   a bounded number of reps in flight so memory stays flat however many groups there are.
///
/// A run is three named steps: ``plan(store:options:logger:)`` decides what this run writes,
/// ``writeReps(_:progress:)`` writes the reps' digests, ``writeMarketing(_:tally:)`` the marketing one.
public enum DigestRun {
    public struct Options: Sendable {
        public var week: IsoWeek
        public var outDirectory: String
        public var owner: String?
        public var formats: Set<DigestFormat>
        public var shard: Shard?
        public var force: Bool
        public var workers: Int

        public init(week: IsoWeek, outDirectory: String, owner: String? = nil, formats: Set<DigestFormat> = Set(DigestFormat.allCases),
                    shard: Shard? = nil, force: Bool = false, workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
            self.week = week
            self.outDirectory = outDirectory
            self.owner = owner
            self.formats = formats
            self.shard = shard
            self.force = force
            self.workers = max(1, workers)
        }
    }

    /// What became of one digest (a rep's, or marketing's) in a run.
    public enum ItemOutcome: String, Sendable, Encodable, CustomStringConvertible {
        /// Written by this run.
        case written
        /// An earlier, interrupted run already wrote it from the same data.
        case alreadyDone = "already-done"
        /// Not this run's to write: another shard's, or left out by `--owner`.
        case notThisRun = "not-this-run"

        public var description: String {
            switch self {
            case .written: return "written"
            case .alreadyDone: return "already done"
            case .notThisRun: return "not this run's"
            }
        }
    }

    public struct Summary: Sendable, Encodable {
        public var week: String
        public var folder: String
        public var repsWritten: [String]
        /// Reps whose files a previous, interrupted run already wrote from the same data.
        public var repsAlreadyDone: [String]
        public var marketing: ItemOutcome
        public var files: Int
    }

    /// Called after each rep with (done, total).
    public typealias Progress = @Sendable (Int, Int) -> Void

    /// Runs the batch: plan, write the reps' digests, write marketing's.
    public static func run(store: any Store, options: Options, logger: Logger = .silent, progress: Progress? = nil) throws -> Summary {
        let plan = try plan(store: store, options: options, logger: logger)
        let reps = try writeReps(plan, progress: progress)
        let marketing = try writeMarketing(plan, tally: reps.marketing)
        logger.info("digest done", metadata: ["week": "\(plan.week)", "reps": "\(reps.written.count)", "marketing": "\(marketing)"])
        return Summary(week: plan.week, folder: plan.files.root.path, repsWritten: reps.written.sorted(),
                       repsAlreadyDone: plan.alreadyDone, marketing: marketing,
                       files: (reps.written.count + (marketing == .written ? 1 : 0)) * plan.formats.count)
    }

    // MARK: Steps

    /// What one run reads and writes, decided before anything is built.
    public struct Plan: Sendable {
        let store: any Store
        let snapshot: StoreSnapshot
        let files: OutputFiles
        let week: String
        let formats: [DigestFormat]
        let formatsKey: String
        let version: Int
        let builder: DigestBuilder
        /// Templates parsed once per run.
        let renderer: DigestRenderer
        let assets: [Asset]
        let workers: Int
        let logger: Logger
        /// Every rep with groups, in id order.
        let owners: [String]
        /// The reps whose digests this run writes.
        let repsToWrite: Set<String>
        /// This run's reps an earlier run already wrote.
        let alreadyDone: [String]
        /// How many reps are this run's (to write, or already done).
        let total: Int
        /// Marketing's digest: this run writes it, found it done, or leaves it to another.
        let marketing: ItemOutcome
    }

    /// Step 1: prepares the output folder, takes the snapshot, and decides which reps (and
    /// whether marketing) this run writes.
    public static func plan(store: any Store, options: Options, logger: Logger = .silent) throws -> Plan {
        let files = try OutputFiles(outDirectory: options.outDirectory, week: options.week.description)
        try files.removeLeftovers()
        let week = options.week.description
        let folder = files.root.path
        let formats = options.formats.sorted()
        let formatsKey = formats.map(\.rawValue).joined(separator: ",")
        if options.force { try store.clearDigestLedger(week: week, outDir: folder) }

        let snapshot = try store.snapshot()
        let version = try snapshot.version()
        // Done means recorded in the ledger from this very data *and* still on disk.
        let finished = try snapshot.finishedDigestItems(week: week, outDir: folder, version: version, formats: formatsKey)
            .filter { item in
                formats.allSatisfy { format in
                    let url = item == DigestLedger.marketingItem ? files.marketingFile(format) : files.repFile(item, format)
                    return FileManager.default.fileExists(atPath: url.path)
                }
            }
        // The catalog as it stood on the week's Sunday: a past week reads the same whenever it is run.
        let stored = try snapshot.assetsWithoutBodies(), days = try snapshot.assetDays()
        let assets = CatalogHistory.asItStood(stored, days: days, on: options.week.sunday)
        // The week before as it stood then, for the gaps opened and closed since.
        let lastSunday = options.week.sunday.adding(days: -7)
        let builder = DigestBuilder(week: options.week, taxonomy: try snapshot.taxonomy(), assets: assets,
                                    evidence: try snapshot.evidence(asOf: options.week.sunday),
                                    previousWeek: (CatalogHistory.asItStood(stored, days: days, on: lastSunday), try snapshot.evidence(asOf: lastSunday)))
        let owners = try snapshot.owners()
        let mine = owners.filter { rep in
            (options.owner == nil || rep == options.owner) && (options.shard?.contains(rep: rep) ?? true)
        }
        // Marketing needs every group: the first shard (or an unsharded run) writes it.
        let marketingIsMine = options.owner == nil && (options.shard?.index ?? 1) == 1
        let marketing: ItemOutcome = !marketingIsMine ? .notThisRun
            : finished.contains(DigestLedger.marketingItem) ? .alreadyDone : .written
        let alreadyDone = mine.filter(finished.contains)
        logger.info("digest planned", metadata: [
            "week": "\(week)", "folder": "\(folder)", "dataVersion": "\(version)", "reps": "\(mine.count)",
            "alreadyDone": "\(alreadyDone.count)", "marketing": "\(marketing)",
        ])
        return Plan(store: store, snapshot: snapshot, files: files, week: week, formats: formats, formatsKey: formatsKey,
                    version: version, builder: builder, renderer: DigestRenderer(), assets: assets, workers: options.workers, logger: logger,
                    owners: owners, repsToWrite: Set(mine).subtracting(alreadyDone), alreadyDone: alreadyDone,
                    total: mine.count, marketing: marketing)
    }

    /// What writing the reps' digests produced.
    public struct RepsWritten: Sendable {
        public var written: [String]
        /// Every group's facts folded for the marketing digest, when this run writes it.
        public var marketing: MarketingTally
    }

    /// Step 2: reads each rep's groups from the snapshot, then builds, renders and writes their
    /// digest on a worker; marketing's facts are collected on the way when this run writes it.
    public static func writeReps(_ plan: Plan, progress: Progress? = nil) throws -> RepsWritten {
        let state = RunState()
        let needFacts = plan.marketing == .written
        progress?(plan.alreadyDone.count, plan.total)
        let slots = DispatchSemaphore(value: plan.workers * 2)
        let pending = DispatchGroup()
        let queue = DispatchQueue(label: "nextsend.digest", attributes: .concurrent)
        // Reading stays on this thread (one connection, one snapshot); a failed read still waits
        // for the reps in flight before it is reported.
        func dispatch(_ rep: String, _ groups: [BuyingGroup]) -> Bool {
            if state.failure != nil { return false }
            let writeRep = plan.repsToWrite.contains(rep)
            slots.wait()
            queue.async(group: pending) {
                defer { slots.signal() }
                do {
                    let analyses = try groups.map(plan.builder.analyse)
                    if needFacts { state.add(MarketingTally(analyses.map(\.facts))) }
                    guard writeRep else { return }
                    try writeRepDigest(plan, rep: rep, analyses)
                    let count = state.finished(rep)
                    progress?(plan.alreadyDone.count + count, plan.total)
                } catch {
                    state.fail(error)
                }
            }
            return true
        }
        var readFailure: (any Error)?
        do {
            if needFacts {
                // Every rep's groups: each table read once, in owner order.
                try plan.snapshot.eachOwner(dispatch)
            } else {
                for rep in plan.owners.filter(plan.repsToWrite.contains) {
                    guard dispatch(rep, try plan.snapshot.groups(owner: rep)) else { break }
                }
            }
        } catch {
            readFailure = error
        }
        pending.wait()
        if let readFailure { throw readFailure }
        if let failure = state.failure { throw failure }
        return RepsWritten(written: state.written, marketing: state.tally)
    }

    /// One rep's files, renamed into place, then recorded in the ledger.
    static func writeRepDigest(_ plan: Plan, rep: String, _ analyses: [DigestBuilder.GroupAnalysis]) throws {
        let digest = plan.builder.repDigest(rep: rep, analyses)
        for (format, text) in try plan.renderer.render(digest, formats: plan.formats).sorted(by: { $0.key < $1.key }) {
            try plan.files.write(text, to: plan.files.repFile(rep, format))
        }
        try plan.store.recordDigestItem(rep, week: plan.week, outDir: plan.files.root.path, version: plan.version, formats: plan.formatsKey)
        plan.logger.debug("rep digest written", metadata: ["rep": "\(rep)", "groups": "\(analyses.count)"])
    }

    /// Step 3: the marketing digest from the tally of every group's facts, when this run writes it.
    public static func writeMarketing(_ plan: Plan, tally: MarketingTally) throws -> ItemOutcome {
        guard plan.marketing == .written else { return plan.marketing }
        let digest = plan.builder.marketingDigest(tally, assets: plan.assets)
        // One format at a time, each written before the next is rendered: at 100,000 groups the
        // JSON alone is tens of megabytes, and holding all three at once raised the run's peak.
        // The JSON is written as it is encoded, a row at a time.
        for format in plan.formats.sorted() {
            if format == .json {
                try plan.files.write(to: plan.files.marketingFile(format)) { emit in try plan.renderer.writeJSON(digest, emit: emit) }
                continue
            }
            guard let text = try plan.renderer.render(digest, formats: [format])[format] else { continue }
            try plan.files.write(text, to: plan.files.marketingFile(format))
        }
        try plan.store.recordDigestItem(DigestLedger.marketingItem, week: plan.week, outDir: plan.files.root.path,
                                        version: plan.version, formats: plan.formatsKey)
        return .written
    }
}

/// What the worker threads of one run share, behind a lock.
final class RunState: @unchecked Sendable {
    private let lock = NSLock()
    /// Marketing's facts, folded as each rep's groups are analysed rather than kept group by group.
    private var _tally = MarketingTally()
    private var _written: [String] = []
    private var _failure: (any Error)?

    var tally: MarketingTally { lock.withLock { _tally } }
    var written: [String] { lock.withLock { _written } }
    var failure: (any Error)? { lock.withLock { _failure } }

    func add(_ tally: MarketingTally) { lock.withLock { _tally.merge(tally) } }

    /// Records a finished rep; returns how many this run finished so far.
    func finished(_ rep: String) -> Int {
        lock.withLock {
            _written.append(rep)
            return _written.count
        }
    }

    func fail(_ error: any Error) { lock.withLock { if _failure == nil { _failure = error } } }
}
