import Foundation
import NextSendTestSupport
import Testing

/// Crashes, contention, full disks and hostile paths: NextSend keeps working and loses nothing.
@Suite(.serialized, .tags(.slow), .enabled(if: SlowTests.enabled, "fault injection: Scripts/test --full"))
struct FaultTests {
    let cli = CLI()

    /// Starts `nextsend args…` without waiting for it.
    func start(_ arguments: [String], environment: [String: String] = [:]) throws -> Process {
        let process = Process()
        // Never the working directory a command running in process has borrowed: it may be gone by the time the child asks.
        process.currentDirectoryURL = FileManager.default.temporaryDirectory
        process.executableURL = CLI.binary
        process.arguments = arguments
        process.currentDirectoryURL = cli.folder.url
        process.environment = ProcessInfo.processInfo.environment.merging(["NEXTSEND_DB": cli.database].merging(environment) { $1 }) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }


    func count(_ table: String) throws -> Int {
        Int(try cli.sqlite("SELECT count(*) FROM \(table)").trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    /// Every stored fact in a canonical order, without the counters (history sequence numbers,
    /// the data version) that legitimately differ between a database that saw a rolled-back or
    /// replaced import and one that did not.
    func content(of path: String? = nil) throws -> String {
        try cli.sqlite(at: path ?? cli.database, ["""
            SELECT * FROM taxonomy; SELECT * FROM asset ORDER BY id; SELECT * FROM assetJob ORDER BY assetId, position;
            SELECT * FROM assetRole ORDER BY assetId, position; SELECT * FROM assetTopic ORDER BY assetId, position;
            SELECT * FROM assetIndustry ORDER BY assetId, position; SELECT * FROM assetResolve ORDER BY assetId, ordinal;
            SELECT * FROM assetResolvePosition ORDER BY assetId, ordinal, position;
            SELECT id, title, summary, body FROM assetSearch ORDER BY id;
            SELECT * FROM buyingGroup ORDER BY id; SELECT * FROM stakeholder ORDER BY groupId, position;
            SELECT groupId, stakeholderId, topic, position, value, source, date FROM claim ORDER BY groupId, seq;
            SELECT groupId, job, type, date, note FROM jobEvent ORDER BY groupId, seq;
            SELECT groupId, assetId, stakeholderId, date, channel, consumed, origin FROM send JOIN factOrigin USING (originId) ORDER BY groupId, seq;
            """])
    }

    // MARK: Kill tests

    @Test func killedImportsAreAllOrNothingAndARerunGivesTheSameResult() throws {
        #expect(try cli.runBinary("generate", "--assets", "1500", "--groups", "4000", "--reps", "50", "--taxonomy",
                            CLI.repositoryContent + "/taxonomy.yaml", "--out", "data").status == 0)
        // Killed at many points of a catalog import: afterwards, nothing or everything.
        for delay in [0.02, 0.1, 0.3, 0.6, 1.0, 1.6] {
            let process = try start(["catalog", "import", "data/catalog", "--as-of", "2026-11-29"])
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(try cli.integrityCheck() == "ok")
            let assets = try count("asset")
            #expect(assets == 0 || assets == 1500 || assets == -1, "all or nothing, found \(assets)")
        }
        #expect(try cli.runBinary("catalog", "import", "data/catalog", "--as-of", "2026-11-29").status == 0)
        #expect(try count("asset") == 1500)
        // The same for a group import.
        for delay in [0.05, 0.2, 0.5, 1.0, 2.0] {
            let process = try start(["group", "import", "data/groups.jsonl"])
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(try cli.integrityCheck() == "ok")
            let groups = try count("buyingGroup")
            #expect(groups == 0 || groups == 4000, "all or nothing, found \(groups)")
        }
        #expect(try cli.runBinary("group", "import", "data/groups.jsonl").status == 0)
        let resumed = try content()

        // An uninterrupted run into a fresh database holds exactly the same rows.
        let reference = CLI(folder: cli.folder)
        let referenceDB = cli.folder.path("reference.sqlite")
        #expect(try reference.runBinary(["catalog", "import", "data/catalog", "--as-of", "2026-11-29"], environment: ["NEXTSEND_DB": referenceDB]).status == 0)
        #expect(try reference.runBinary(["group", "import", "data/groups.jsonl"], environment: ["NEXTSEND_DB": referenceDB]).status == 0)
        // Read through sqlite3, which sees the write-ahead log too (copying the file alone would not).
        #expect(try content(of: referenceDB) == resumed)
        #expect(!resumed.isEmpty)
    }

    // MARK: Contention

    @Test func aDigestRunsThroughAnImportAndAHundredSendsOnOneSnapshot() throws {
        #expect(try cli.runBinary("generate", "--assets", "300", "--groups", "1500", "--reps", "120", "--taxonomy",
                            CLI.repositoryContent + "/taxonomy.yaml", "--out", "data").status == 0)
        #expect(try cli.runBinary("catalog", "import", "data/catalog", "--as-of", "2026-11-29").status == 0)
        #expect(try cli.runBinary("group", "import", "data/groups.jsonl").status == 0)
        #expect(try cli.runBinary("digest", "--week", "2026-W48", "--out", "before", "--jobs", "1").status == 0)

        let digest = try start(["digest", "--week", "2026-W48", "--out", "during", "--jobs", "1"])
        let reps = cli.folder.path("during/2026-W48/reps")
        while digest.isRunning, ((try? FileManager.default.contentsOfDirectory(atPath: reps)) ?? []).isEmpty { usleep(2_000) }

        // Meanwhile: a catalog import and a hundred sends, four at a time.
        let importer = try start(["catalog", "import", "data/catalog", "--as-of", "2026-11-29"])
        let failures = Failures()
        let cli = self.cli
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            for index in stride(from: worker, to: 100, by: 4) {
                let group = "group-" + String(repeating: "0", count: 6 - String(index).count) + String(index)
                guard let result = try? cli.runBinary(["sent", group, "asset-000001", "--to", "p0", "--date", "2026-11-29"]) else { continue }
                if result.status != 0 || result.stderr.contains("locked") {
                    failures.add("\(group): \(result.status) \(result.stderr)")
                }
            }
        }
        importer.waitUntilExit()
        digest.waitUntilExit()
        #expect(failures.all.isEmpty, "\(failures.all.prefix(3))")
        #expect(importer.terminationStatus == 0)
        #expect(digest.terminationStatus == 0)
        #expect(try count("send") > 0)
        // The digest saw the data as it was when it started: byte for byte the digest from before.
        let before = try FileManager.default.contentsOfDirectory(atPath: cli.folder.path("before/2026-W48/reps")).sorted()
        for name in before {
            let a = FileManager.default.contents(atPath: cli.folder.path("before/2026-W48/reps/\(name)"))
            let b = FileManager.default.contents(atPath: cli.folder.path("during/2026-W48/reps/\(name)"))
            #expect(a == b, "\(name)")
        }
    }

    @Test func aLockHeldPastTheBusyTimeoutExits75WithAClearMessage() throws {
        cli.folder.makeContent(assets: ["tco-model": Samples.assetFile()])
        #expect(try cli.runBinary("catalog", "import", "content/catalog").status == 0)
        let (holder, input) = try cli.holdWriteLock("BEGIN EXCLUSIVE; SELECT 1;")
        Thread.sleep(forTimeInterval: 0.5)
        let result = try cli.runBinary(["catalog", "import", "content/catalog"], environment: ["NEXTSEND_BUSY_TIMEOUT": "1"])
        input.fileHandleForWriting.write(Data("COMMIT;\n.quit\n".utf8))
        try input.fileHandleForWriting.close()
        holder.waitUntilExit()
        #expect(result.status == 75, "\(result.stderr)")
        #expect(result.stderr.contains("busy"))
        #expect(!result.stderr.contains("database is locked"))
        #expect(try cli.runBinary("catalog", "import", "content/catalog").status == 0, "once the lock is gone, it works")
    }

    /// Readers never wait for writers: with an import holding the write lock for 12 seconds, a
    /// digest, `next` and `group show` finish, and the digest writes what it would have anyway.
    @Test func readersFinishWhileAnotherProcessHoldsTheWriteLock() throws {
        try importShippedContent()
        let reference = cli.folder.path("reference")
        #expect(try cli.runBinary("digest", "--week", "2026-W48", "--out", reference).status == 0)
        // A write transaction that stays open, as a long import's would.
        let (holder, input) = try cli.holdWriteLock("BEGIN IMMEDIATE; UPDATE storeVersion SET version = version WHERE id = 1;")
        Thread.sleep(forTimeInterval: 0.5)
        let release = DispatchWorkItem {
            input.fileHandleForWriting.write(Data("ROLLBACK;\n.quit\n".utf8))
            try? input.fileHandleForWriting.close()
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + 12, execute: release)
        let started = Date()
        let next = try cli.runBinary("next", "mercy-valley-health", "--as-of", "2026-11-29")
        let show = try cli.runBinary("group", "show", "mercy-valley-health", "--as-of", "2026-11-29")
        #expect(next.status == 0, "\(next.stderr)")
        #expect(show.status == 0, "\(show.stderr)")
        #expect(Date().timeIntervalSince(started) < 10, "next and group show did not wait for the lock")
        let digest = try cli.runBinary("digest", "--week", "2026-W48", "--out", cli.folder.path("during"))
        holder.waitUntilExit()
        #expect(digest.status == 0, "\(digest.stderr)")
        #expect(!digest.stderr.contains("busy"))
        #expect(try cli.folder.files(under: "during") == cli.folder.files(under: "reference"))
    }

    /// Shards started together into one folder never take each other's temporary files for
    /// leftovers: every file is written whole, once, every time.
    @Test func shardsStartedTogetherWriteEveryFileOnce() throws {
        try importShippedContent()
        let reference = cli.folder.path("reference")
        #expect(try cli.runBinary("digest", "--week", "2026-W48", "--out", reference).status == 0)
        let expected = try cli.folder.files(under: "reference")
        for round in 0..<20 {
            let out = cli.folder.path("round-\(round)")
            let shards = try ["1/2", "2/2"].map { shard in
                try start(["digest", "--week", "2026-W48", "--out", out, "--shard", shard])
            }
            for shard in shards { shard.waitUntilExit() }
            #expect(shards.allSatisfy { $0.terminationStatus == 0 }, "round \(round)")
            let written = try cli.folder.files(under: "round-\(round)")
            #expect(written == expected, "round \(round): \(Set(expected.keys).symmetricDifference(written.keys))")
        }
    }

    // MARK: Output faults

    /// Mounting a tiny or read-only file system needs root, as in CI; elsewhere these tests are skipped.
    static let canMount = getuid() == 0

    func mount(_ options: String, at path: String) throws -> Bool {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let process = Process()
        // Never the working directory a command running in process has borrowed: it may be gone by the time the child asks.
        process.currentDirectoryURL = FileManager.default.temporaryDirectory
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["mount", "-t", "tmpfs", "-o", options, "tmpfs", path]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    func unmount(_ path: String) {
        let process = Process()
        // Never the working directory a command running in process has borrowed: it may be gone by the time the child asks.
        process.currentDirectoryURL = FileManager.default.temporaryDirectory
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["umount", path]
        try? process.run()
        process.waitUntilExit()
    }

    func importShippedContent() throws {
        #expect(try cli.runBinary("catalog", "import", CLI.repositoryContent + "/catalog", "--as-of", "2026-11-29").status == 0)
        #expect(try cli.runBinary("group", "import", CLI.repositoryContent + "/groups").status == 0)
    }

    @Test(.enabled(if: FaultTests.canMount)) func aFullDiskGivesExit74AndNoPartialFile() throws {
        try importShippedContent()
        let out = cli.folder.path("tiny")
        guard try mount("size=48k", at: out) else { return }
        defer { unmount(out) }
        let result = try cli.runBinary("digest", "--week", "2026-W48", "--out", out)
        #expect(result.status == 74, "\(result.stderr)")
        #expect(result.stderr.contains("No space left on device"), "\(result.stderr)")
        // Whatever made it to a final name is whole; nothing temporary is left behind.
        let reference = cli.folder.path("reference")
        #expect(try cli.runBinary("digest", "--week", "2026-W48", "--out", reference).status == 0)
        for folder in ["2026-W48", "2026-W48/reps"] {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: "\(out)/\(folder)")) ?? [] where name.contains(".") {
                var isDirectory: ObjCBool = false
                FileManager.default.fileExists(atPath: "\(out)/\(folder)/\(name)", isDirectory: &isDirectory)
                if isDirectory.boolValue { continue }
                #expect(!name.hasPrefix(".nextsend-tmp-"), "temporary file left: \(name)")
                #expect(FileManager.default.contents(atPath: "\(out)/\(folder)/\(name)") == FileManager.default.contents(atPath: "\(reference)/\(folder)/\(name)"))
            }
        }
    }

    @Test(.enabled(if: FaultTests.canMount)) func aReadOnlyOutputFolderGivesExit73() throws {
        try importShippedContent()
        let out = cli.folder.path("readonly")
        guard try mount("ro,size=64k", at: out) else { return }
        defer { unmount(out) }
        let result = try cli.runBinary("digest", "--week", "2026-W48", "--out", out)
        #expect(result.status == 73, "\(result.stderr)")
        #expect(result.stderr.contains("cannot create"), "\(result.stderr)")
    }

    // MARK: Database faults

    @Test func aCorruptOrTruncatedDatabaseIsRefusedWithoutACrash() throws {
        try importShippedContent()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: cli.database))
        try? FileManager.default.removeItem(atPath: cli.database + "-wal")
        try? FileManager.default.removeItem(atPath: cli.database + "-shm")
        // Garbage where the pages were.
        var garbage = bytes
        for index in stride(from: 4096, to: garbage.count, by: 97) { garbage[index] ^= 0xA5 }
        try garbage.write(to: URL(fileURLWithPath: cli.database))
        let corrupt = try cli.runBinary("group", "show", "mercy-valley-health")
        #expect([65, 66].contains(corrupt.status), "\(corrupt.status) \(corrupt.stderr)")
        #expect(corrupt.stderr.hasPrefix("nextsend: "))
        // Not a database at all.
        try Data("hello, this is not SQLite".utf8).write(to: URL(fileURLWithPath: cli.database))
        let notADatabase = try cli.runBinary("catalog", "list")
        #expect(notADatabase.status == 65)
        #expect(notADatabase.stderr.contains("is not a NextSend database or is damaged"), "\(notADatabase.stderr)")
        #expect(FileManager.default.contents(atPath: cli.database) == Data("hello, this is not SQLite".utf8), "left as it was")
    }

    @Test func aDatabaseFromANewerNextSendIsRefused() throws {
        try importShippedContent()
        let process = Process()
        // Never the working directory a command running in process has borrowed: it may be gone by the time the child asks.
        process.currentDirectoryURL = FileManager.default.temporaryDirectory
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", cli.database, "INSERT INTO grdb_migrations VALUES ('v9-from-the-future')"]
        try process.run()
        process.waitUntilExit()
        let before = try cli.dump()
        let result = try cli.runBinary("next", "mercy-valley-health")
        #expect(result.status == 65)
        #expect(result.stderr.contains("written by a newer version of NextSend"))
        #expect(try cli.dump() == before)
    }

    // MARK: Paths

    @Test func pathsInInputNeverLeaveTheirFolder() throws {
        cli.folder.makeContent(assets: ["tco-model": Samples.assetFile()])
        #expect(try cli.runBinary("catalog", "import", "content/catalog").status == 0)
        // An asset id is never a path.
        #expect(try cli.runBinary("catalog", "tag", "../../etc/passwd", "--add-role", "it").status == 64)
        // A symbolic link out of a group folder is refused.
        cli.folder.write("outside/evil.yaml", Samples.groupYAML)
        cli.folder.write("groups/ok.yaml", Samples.groupYAML.replacingOccurrences(of: "acme-health", with: "ok-group"))
        try FileManager.default.createSymbolicLink(atPath: cli.folder.path("groups/link.yaml"), withDestinationPath: cli.folder.path("outside/evil.yaml"))
        let result = try cli.runBinary("group", "import", "groups")
        #expect(result.status == 65)
        #expect(result.stderr.contains("outside the group folder"))
        // Absolute paths and ../ are the user's own choice for the input itself, and work.
        #expect(try cli.runBinary("group", "import", cli.folder.path("outside/../outside/evil.yaml")).status == 0)
    }
}

/// Messages gathered from several threads.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [String] = []

    func add(_ message: String) { lock.withLock { messages.append(message) } }
    var all: [String] { lock.withLock { messages } }
}
