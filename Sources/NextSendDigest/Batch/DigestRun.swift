import Foundation
import NextSend
import NextSendStore

/// The weekly batch: a digest for every rep and one for marketing, written file by file.
///
/// - One snapshot: everything is read in one read transaction, so digests agree with each other
///   even while imports and `sent` commands run.
/// - Resumable: each rep's files are recorded in a ledger once renamed into place; a killed run
///   started again skips them (unless the data changed, `--force`, or another output folder).
/// - Deterministic: the same week on the same data writes the same bytes.
/// - Parallel: groups are read in order on one connection, built and rendered on all cores, with
///   a bounded number of reps in flight so memory stays flat however many groups there are.
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

    public struct Summary: Sendable, Encodable {
        public var week: String
        public var folder: String
        public var repsWritten: [String]
        /// Reps whose files a previous, interrupted run already wrote from the same data.
        public var repsAlreadyDone: [String]
        /// `written`, `already done`, or `not this run` (another shard, or `--owner`).
        public var marketing: String
        public var files: Int
    }

    /// Called after each rep with (done, total).
    public typealias Progress = @Sendable (Int, Int) -> Void

    public static func run(store: Store, options: Options, progress: Progress? = nil) throws -> Summary {
        let files = try OutputFiles(outDirectory: options.outDirectory, week: options.week.description)
        files.removeLeftovers()
        let week = options.week.description
        let folder = files.root.path
        let formats = options.formats.sorted()
        let formatsKey = formats.map(\.rawValue).joined(separator: ",")
        if options.force { try store.clearDigestLedger(week: week, outDir: folder) }
        let renderer = DigestRenderer()
        let state = RunState()

        let prepared = try store.withSnapshot { snapshot -> (builder: DigestBuilder, assets: [Asset], version: Int, writeMarketing: Bool, mine: [String]) in
            let version = try snapshot.version()
            // Done means recorded in the ledger from this very data *and* still on disk.
            let finished = try snapshot.finishedDigestItems(week: week, outDir: folder, version: version, formats: formatsKey)
                .filter { item in
                    formats.allSatisfy { format in
                        let url = item == Store.marketingLedgerItem ? files.marketingFile(format) : files.repFile(item, format)
                        return FileManager.default.fileExists(atPath: url.path)
                    }
                }
            let assets = try snapshot.assets()
            let builder = DigestBuilder(week: options.week, taxonomy: try snapshot.taxonomy(), assets: assets)
            let owners = try snapshot.owners()
            let mine = owners.filter { rep in
                (options.owner == nil || rep == options.owner) && (options.shard?.contains(rep: rep) ?? true)
            }
            let mineSet = Set(mine)
            // Marketing needs every group: the first shard (or an unsharded run) writes it.
            let marketingIsMine = options.owner == nil && (options.shard?.index ?? 1) == 1
            let writeMarketing = marketingIsMine && !finished.contains(Store.marketingLedgerItem)
            if marketingIsMine && !writeMarketing { state.marketing = "already done" }
            let total = mine.count
            let done = mine.filter(finished.contains)
            state.alreadyDone = done
            progress?(done.count, total)

            let slots = DispatchSemaphore(value: options.workers * 2)
            let pending = DispatchGroup()
            let queue = DispatchQueue(label: "nextsend.digest", attributes: .concurrent)
            // Reading stays on this thread (one connection, one snapshot); a failed read still waits
            // for the reps in flight before it is reported.
            var readFailure: (any Error)?
            for rep in writeMarketing ? owners : mine {
                if state.failure != nil { break }
                let writeRep = mineSet.contains(rep) && !finished.contains(rep)
                guard writeRep || writeMarketing else { continue }
                let groups: [BuyingGroup]
                do {
                    groups = try snapshot.groups(owner: rep)
                } catch {
                    readFailure = error
                    break
                }
                slots.wait()
                queue.async(group: pending) {
                    defer { slots.signal() }
                    do {
                        let analyses = try groups.map(builder.analyse)
                        if writeMarketing { state.add(analyses.map(\.facts)) }
                        guard writeRep else { return }
                        let digest = builder.repDigest(rep: rep, analyses)
                        for (format, text) in try renderer.render(digest, formats: formats).sorted(by: { $0.key < $1.key }) {
                            try files.write(text, to: files.repFile(rep, format))
                        }
                        try store.recordDigestItem(rep, week: week, outDir: folder, version: version, formats: formatsKey)
                        let count = state.finished(rep, files: formats.count)
                        progress?(done.count + count, total)
                    } catch {
                        state.fail(error)
                    }
                }
            }
            pending.wait()
            if let readFailure { throw readFailure }
            return (builder, assets, version, writeMarketing, mine)
        }
        if let failure = state.failure { throw failure }

        if prepared.writeMarketing {
            let facts = state.facts.sorted { $0.group < $1.group }
            let digest = prepared.builder.marketingDigest(facts, assets: prepared.assets)
            for (format, text) in try renderer.render(digest, formats: formats).sorted(by: { $0.key < $1.key }) {
                try files.write(text, to: files.marketingFile(format))
            }
            try store.recordDigestItem(Store.marketingLedgerItem, week: week, outDir: folder, version: prepared.version, formats: formatsKey)
            state.marketing = "written"
            state.files += formats.count
        }
        return Summary(week: week, folder: folder, repsWritten: state.written.sorted(), repsAlreadyDone: state.alreadyDone,
                       marketing: state.marketing, files: state.files)
    }
}

/// What the worker threads of one run share, behind a lock.
final class RunState: @unchecked Sendable {
    private let lock = NSLock()
    private var _facts: [DigestBuilder.GroupFacts] = []
    private var _written: [String] = []
    private var _failure: (any Error)?
    private var _files = 0
    private var _marketing = "not this run"
    private var _alreadyDone: [String] = []

    var facts: [DigestBuilder.GroupFacts] { lock.withLock { _facts } }
    var written: [String] { lock.withLock { _written } }
    var failure: (any Error)? { lock.withLock { _failure } }
    var files: Int {
        get { lock.withLock { _files } }
        set { lock.withLock { _files = newValue } }
    }
    var marketing: String {
        get { lock.withLock { _marketing } }
        set { lock.withLock { _marketing = newValue } }
    }
    var alreadyDone: [String] {
        get { lock.withLock { _alreadyDone } }
        set { lock.withLock { _alreadyDone = newValue } }
    }

    func add(_ facts: [DigestBuilder.GroupFacts]) { lock.withLock { _facts.append(contentsOf: facts) } }

    /// Records a finished rep; returns how many this run finished so far.
    func finished(_ rep: String, files: Int) -> Int {
        lock.withLock {
            _written.append(rep)
            _files += files
            return _written.count
        }
    }

    func fail(_ error: any Error) { lock.withLock { if _failure == nil { _failure = error } } }
}
